/**
 * The implementation profile of a plan, in two steps so that a large corpus
 * can be streamed: `profileBase` needs only the plan itself (it runs where
 * the plan is analysed, in a worker), `completeProfiles` adds what needs the
 * corpus (the plan of the level above, reuse from other plans, additions).
 */
import type { DocumentRefFound, Span } from '@doichieu/core';
import { daysBetween, lagSince, planDate } from './lag.ts';
import type {
  ContentShares,
  Evidence,
  GroupSpecificity,
  LevelAboveLag,
  PlanProfile,
  TextualLearning,
} from './schema.ts';
import { programmesIn, specificityOf } from './specificity.ts';
import { coveredLength, letterCount, matchSpans, phraseMatcher, round4, union } from './text.ts';
import type { DirectiveLike, FindingsLike, MeasuredCell, MeasuredPlan } from './types.ts';

/** A content unit as the corpus-level step needs it: no text, only its span, labels and letter density. */
export interface ProfileUnit {
  id: string;
  span: Span;
  labels: string[];
  letters: number;
}

/** What `profileBase` keeps of a plan: small, serialisable, enough to finish the profile later. */
export interface ProfileBase {
  planId: string;
  meta: { province: string; level: string; documentNumber: string; date: string };
  date: { date: string; source: 'manifest' | 'extracted' | 'none' };
  directiveLag: PlanProfile['lag']['directive'];
  specificity: GroupSpecificity[];
  units: ProfileUnit[];
  /** Source spans restating the directive's wording, and of the plan's own local names and programmes. */
  restated: Evidence[];
  own: Evidence[];
  /** Documents the plan cites (numbers), for finding which plan of the level above it follows. */
  cites: string[];
  /** The plan's references, for the citation graph. */
  references: DocumentRefFound[];
  guidance: string[];
}

const EVIDENCE_LISTED = 20;
const PASSAGES_LISTED = 40;
const LEVEL_RANK: Record<string, number> = { central: 0, province: 1, district: 2, commune: 3 };

/** Phrases of the directive's own wording: each group's phrases and the parts of its heading. */
function directivePhrases(directive: DirectiveLike): string[] {
  const out: string[] = [];
  for (const g of directive.taskGroups) {
    out.push(...g.phrases);
    for (const part of g.label.vi.split(/[;,:]/))
      if (part.trim().split(/\s+/).length >= 3) out.push(part.trim());
  }
  return out;
}

const matchers = new WeakMap<DirectiveLike, RegExp | undefined>();

function excerpt(source: string, span: Span): string {
  const text = source.slice(span[0], span[1]).replace(/\s+/g, ' ').trim();
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/** Place names: "tỉnh Quảng Ninh", "huyện Bình Liêu", "cửa khẩu Móng Cái", and the plan's own province anywhere. */
const PLACE =
  /(?<![\p{L}])(?:tỉnh|huyện|thành phố|thị xã|thị trấn|xã|phường|cửa khẩu|khu kinh tế)\s+((?:\p{Lu}[\p{L}]*)(?:\s+\p{Lu}[\p{L}]*){0,3})/gu;

export function profileBase(
  plan: MeasuredPlan,
  cells: readonly MeasuredCell[],
  directive: DirectiveLike,
): ProfileBase {
  let matcher = matchers.get(directive);
  if (!matchers.has(directive)) {
    matcher = phraseMatcher(directivePhrases(directive));
    matchers.set(directive, matcher);
  }
  const source = plan.source.text;
  const provinceMatcher =
    plan.meta.province && plan.meta.province !== 'unknown' ? phraseMatcher([plan.meta.province]) : undefined;
  const units: ProfileUnit[] = [];
  const restated: Evidence[] = [];
  const own: Evidence[] = [];
  for (const u of plan.units) {
    if (!u.alignment.content) continue;
    const letters = letterCount(source.slice(u.span[0], u.span[1]));
    if (letters === 0) continue;
    units.push({ id: u.id, span: u.span, labels: u.alignment.labels, letters });
    if (matcher)
      for (const span of matchSpans(source, u.span, matcher))
        restated.push({ unitId: u.id, span, text: excerpt(source, span) });
    const local: Span[] = provinceMatcher ? matchSpans(source, u.span, provinceMatcher) : [];
    const slice = source.slice(u.span[0], u.span[1]).normalize('NFC');
    // NFC of a slice can change its length only for decomposed input; positions are then approximate.
    for (const m of slice.matchAll(PLACE))
      local.push([u.span[0] + m.index, Math.min(u.span[1], u.span[0] + m.index + m[0].length)]);
    for (const p of programmesIn(slice)) {
      const at = slice.indexOf(p);
      if (at >= 0) local.push([u.span[0] + at, Math.min(u.span[1], u.span[0] + at + p.length)]);
    }
    for (const span of union(local)) own.push({ unitId: u.id, span, text: excerpt(source, span) });
  }
  const cites = [
    ...new Set(plan.references.filter((r) => !r.self && !r.garbled).map((r) => r.number)),
  ].sort();
  const guidance = [
    ...new Set(
      plan.references.filter((r) => !r.self && !r.garbled && r.kind === 'huong-dan').map((r) => r.number),
    ),
  ].sort();
  return {
    planId: plan.id,
    meta: {
      province: plan.meta.province,
      level: plan.meta.level,
      documentNumber: plan.meta.documentNumber,
      date: plan.meta.date,
    },
    date: planDate(plan),
    directiveLag: lagSince(directive.date, plan),
    specificity: specificityOf(plan, cells, directive.id),
    units,
    restated,
    own,
    cites,
    references: [...plan.references],
    guidance,
  };
}

function known(value: string | undefined): value is string {
  return value !== undefined && value !== '' && value !== 'unknown';
}

/** The plan of the level above that `plan` follows: the one it cites, else the latest one in its province dated before it. */
export function levelAbove(plan: ProfileBase, corpus: readonly ProfileBase[]): LevelAboveLag {
  const since = (other: ProfileBase | undefined, how: LevelAboveLag['how'], note: string): LevelAboveLag => ({
    since: other?.date.date ?? 'unknown',
    planDate: plan.date.date,
    dateSource: plan.date.source,
    days: null,
    planId: other?.planId ?? null,
    how,
    note,
  });
  const rank = LEVEL_RANK[plan.meta.level];
  if (rank === undefined) return since(undefined, 'none', `the plan's level is ${plan.meta.level}`);
  if (rank <= 1)
    return since(
      undefined,
      'top-level',
      'a provincial or central plan: the level above is the directive itself',
    );
  if (!known(plan.meta.province))
    return since(
      undefined,
      'province-unknown',
      'the manifest does not say which province the plan belongs to',
    );
  const above = corpus.filter(
    (p) =>
      p.planId !== plan.planId &&
      p.meta.province === plan.meta.province &&
      LEVEL_RANK[p.meta.level] === rank - 1,
  );
  if (above.length === 0)
    return since(undefined, 'none', `no plan of the level above in ${plan.meta.province} in the corpus`);
  const cited = above.find((p) => known(p.meta.documentNumber) && plan.cites.includes(p.meta.documentNumber));
  const chosen =
    cited ??
    above
      .filter(
        (p) => p.date.date !== 'unknown' && (plan.date.date === 'unknown' || p.date.date <= plan.date.date),
      )
      .sort((a, b) =>
        a.date.date < b.date.date ? 1 : a.date.date > b.date.date ? -1 : a.planId < b.planId ? -1 : 1,
      )[0];
  if (!chosen) return since(undefined, 'none', 'no dated plan of the level above precedes it');
  return {
    ...since(
      chosen,
      cited ? 'cited' : 'closest-before',
      cited ? `cites ${chosen.meta.documentNumber}` : 'the latest plan of the level above dated before it',
    ),
    days: daysBetween(chosen.date.date, plan.date.date),
  };
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
export function completeProfiles(
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

/**
 * An observer of the diff stage's streamed findings (`{kind, field, value}`
 * pieces) that keeps in `into` only what the profiles need: each addition's
 * passages and each comparison's reuse, without the texts of pairs and diffs.
 */
export function tapFindings(into: {
  additions: FindingsLike['additions'][number][];
  comparisons: FindingsLike['comparisons'][number][];
}): (piece: { kind: string; field?: string; value?: unknown }) => void {
  let field = '';
  const slim = (p: { planId: string; unitId: string; span: Span; text: string }) => ({
    planId: p.planId,
    unitId: p.unitId,
    span: p.span,
    text: p.text.length > 200 ? `${p.text.slice(0, 199)}…` : p.text,
  });
  return (piece) => {
    if (piece.kind === 'open' || piece.kind === 'value') field = piece.field ?? '';
    if (piece.kind !== 'item') return;
    if (field === 'additions') {
      const a = piece.value as FindingsLike['additions'][number];
      into.additions.push({ planId: a.planId, passages: a.passages.map(slim) });
    } else if (field === 'comparisons') {
      const c = piece.value as FindingsLike['comparisons'][number];
      into.comparisons.push({
        a: c.a,
        b: c.b,
        reuse: c.reuse.map((r) => ({
          a: slim(r.a),
          b: slim(r.b),
          tokens: r.tokens,
          text: '',
          ...(r.boilerplate ? { boilerplate: true } : {}),
        })),
      });
    }
  };
}
