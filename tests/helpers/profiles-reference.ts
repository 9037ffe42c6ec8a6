/**
 * The profiles as analyze computed them before the findings were folded while
 * they stream: every reuse passage and every addition of the corpus held in
 * lists, then each share summed over all of them. Kept verbatim (lag aside)
 * as the reference the fold (packages/measures/src/fold.ts) must equal.
 */
import type { Span } from '@doichieu/core';
import type {
  ContentShares,
  Evidence,
  FindingsLike,
  PlanProfile,
  ProfileBase,
  TextualLearning,
} from '@doichieu/measures';
import { levelAbove } from '@doichieu/measures';
import { coveredLength, round4 } from '../../packages/measures/src/text.ts';

type ProfileUnit = ProfileBase['units'][number];

const EVIDENCE_LISTED = 20;
const PASSAGES_LISTED = 40;
const LEVEL_RANK: Record<string, number> = { central: 0, province: 1, district: 2, commune: 3 };

function known(value: string | undefined): value is string {
  return value !== undefined && value !== '' && value !== 'unknown';
}

function relationOf(
  plan: ProfileBase,
  other: ProfileBase | undefined,
): TextualLearning['passages'][number]['relation'] {
  if (!other) return 'undetermined';
  const a = LEVEL_RANK[plan.meta.level];
  const b = LEVEL_RANK[other.meta.level];
  if (a === undefined || b === undefined) return 'undetermined';
  if (!known(plan.meta.province) || !known(other.meta.province)) return 'undetermined';
  const sameProvince = plan.meta.province === other.meta.province;
  if (b === a - 1 && sameProvince) return 'vertical';
  if (b === a && !sameProvince) return 'horizontal';
  if (b === a && sameProvince) return 'same-province';
  return 'other';
}

interface Covered {
  span: Span;
  unitId: string;
}

function sharesOf(
  group: string | null,
  units: readonly ProfileUnit[],
  restated: readonly Evidence[],
  own: readonly Evidence[],
): ContentShares {
  const considered = group === null ? units : units.filter((u) => u.labels.includes(group));
  const ids = new Set(considered.map((u) => u.id));
  let total = 0;
  let restatedChars = 0;
  let ownChars = 0;
  const byUnit = (list: readonly Evidence[]): Map<string, Span[]> => {
    const m = new Map<string, Span[]>();
    for (const e of list) if (ids.has(e.unitId)) m.set(e.unitId, [...(m.get(e.unitId) ?? []), e.span]);
    return m;
  };
  const r = byUnit(restated);
  const o = byUnit(own);
  for (const u of considered) {
    total += u.letters;
    // Letters are counted per unit; a covered stretch weighs its share of the unit's span.
    const density = u.letters / Math.max(1, u.span[1] - u.span[0]);
    restatedChars += coveredLength(r.get(u.id) ?? [], u.span) * density;
    ownChars += coveredLength(o.get(u.id) ?? [], u.span) * density;
  }
  const pick = (list: readonly Evidence[]): Evidence[] =>
    list.filter((e) => ids.has(e.unitId)).slice(0, EVIDENCE_LISTED);
  return {
    group,
    contentChars: total,
    units: considered.length,
    restated: total ? round4(Math.min(1, restatedChars / total)) : 0,
    own: total ? round4(Math.min(1, ownChars / total)) : 0,
    restatedEvidence: pick(restated),
    ownEvidence: pick(own),
  };
}

/** Finishes the profiles of a corpus from their bases and the diff stage's findings (when it ran). */
export function referenceProfiles(
  bases: readonly ProfileBase[],
  findings: FindingsLike | undefined,
  groups: readonly string[],
): PlanProfile[] {
  const byId = new Map(bases.map((b) => [b.planId, b]));
  const reuseOf = new Map<
    string,
    { from: string; passage: Covered & { text: string; tokens: number }; boilerplate: boolean }[]
  >();
  const comparedWith = new Map<string, Set<string>>();
  const additionsOf = new Map<string, Covered[]>();
  const sharedWith = new Map<string, Map<string, Set<string>>>(); // plan → unit → other plans sharing its text
  if (findings) {
    for (const c of findings.comparisons) {
      comparedWith.set(c.a, (comparedWith.get(c.a) ?? new Set()).add(c.b));
      comparedWith.set(c.b, (comparedWith.get(c.b) ?? new Set()).add(c.a));
      for (const r of c.reuse)
        for (const [mine, theirs] of [
          [r.a, r.b],
          [r.b, r.a],
        ] as const) {
          const list = reuseOf.get(mine.planId) ?? [];
          list.push({
            from: theirs.planId,
            passage: { span: mine.span, unitId: mine.unitId, text: mine.text, tokens: r.tokens },
            boilerplate: r.boilerplate === true,
          });
          reuseOf.set(mine.planId, list);
          const units = sharedWith.get(mine.planId) ?? new Map<string, Set<string>>();
          units.set(mine.unitId, (units.get(mine.unitId) ?? new Set()).add(theirs.planId));
          sharedWith.set(mine.planId, units);
        }
    }
    for (const a of findings.additions)
      for (const p of a.passages)
        additionsOf.set(a.planId, [...(additionsOf.get(a.planId) ?? []), { span: p.span, unitId: p.unitId }]);
  }

  return bases.map((base) => {
    const reuse = reuseOf.get(base.planId) ?? [];
    // Restatement: the directive's wording, boilerplate, and passages of units that several other plans share.
    const common = reuse.filter(
      (r) => r.boilerplate || (sharedWith.get(base.planId)?.get(r.passage.unitId)?.size ?? 0) >= 2,
    );
    const restated: Evidence[] = [
      ...base.restated,
      ...common.map((r) => ({ unitId: r.passage.unitId, span: r.passage.span, text: r.passage.text })),
    ];
    const own: Evidence[] = [
      ...(additionsOf.get(base.planId) ?? []).map((a) => ({ unitId: a.unitId, span: a.span, text: '' })),
      ...base.own,
    ];
    const reiteration = {
      plan: sharesOf(null, base.units, restated, own),
      byGroup: groups.map((g) => sharesOf(g, base.units, restated, own)),
    };
    let learning: TextualLearning | null = null;
    if (findings) {
      const total = base.units.reduce((s, u) => s + u.letters, 0);
      const unitById = new Map(base.units.map((u) => [u.id, u]));
      const covered = (spans: readonly Covered[]): number => {
        let n = 0;
        const perUnit = new Map<string, Span[]>();
        for (const s of spans) perUnit.set(s.unitId, [...(perUnit.get(s.unitId) ?? []), s.span]);
        for (const [id, list] of perUnit) {
          const u = unitById.get(id);
          if (u) n += (coveredLength(list, u.span) * u.letters) / Math.max(1, u.span[1] - u.span[0]);
        }
        return total ? round4(Math.min(1, n / total)) : 0;
      };
      const classified = reuse.map((r) => ({
        ...r,
        relation: r.boilerplate ? ('boilerplate' as const) : relationOf(base, byId.get(r.from)),
      }));
      const relations = [
        'vertical',
        'horizontal',
        'same-province',
        'boilerplate',
        'undetermined',
        'other',
      ] as const;
      const shares = Object.fromEntries(
        relations.map((rel) => [
          rel,
          covered(classified.filter((c) => c.relation === rel).map((c) => c.passage)),
        ]),
      ) as TextualLearning['shares'];
      const sources = [...new Set(classified.map((c) => c.from))].sort();
      const bySourcePlan = sources
        .map((from) => ({
          planId: from,
          relation: relationOf(base, byId.get(from)),
          share: covered(classified.filter((c) => c.from === from).map((c) => c.passage)),
        }))
        .sort((a, b) => b.share - a.share || (a.planId < b.planId ? -1 : 1));
      const passages = [...classified]
        .sort(
          (a, b) =>
            b.passage.tokens - a.passage.tokens ||
            a.passage.span[0] - b.passage.span[0] ||
            (a.from < b.from ? -1 : 1),
        )
        .slice(0, PASSAGES_LISTED)
        .map((c) => ({
          relation: c.relation,
          from: c.from,
          unitId: c.passage.unitId,
          span: c.passage.span,
          tokens: c.passage.tokens,
          text: c.passage.text,
        }));
      const undetermined = shares.undetermined > 0;
      learning = {
        measuredAgainst: [...(comparedWith.get(base.planId) ?? [])].sort(),
        shares,
        bySourcePlan,
        passages,
        ...(undetermined
          ? {
              note: known(base.meta.province)
                ? 'some plans it shares text with have no known province or level, so whether that reuse is vertical or horizontal cannot be decided'
                : 'the manifest does not know this plan’s province, so whether its reuse is vertical or horizontal cannot be decided',
            }
          : {}),
      };
    }
    return {
      planId: base.planId,
      lag: { directive: base.directiveLag, levelAbove: levelAbove(base, bases) },
      reiteration,
      specificity: base.specificity,
      learning,
    };
  });
}
