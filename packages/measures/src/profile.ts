/**
 * The implementation profile of a plan, in two steps so that a large corpus
 * can be streamed: `profileBase` needs only the plan itself (it runs where
 * the plan is analysed, in a worker), `completeProfiles` adds what needs the
 * corpus (the plan of the level above, reuse from other plans, additions).
 */
import type { DocumentRefFound, Span } from '@doichieu/core';
import {
  coversInOrder,
  EVIDENCE_LISTED,
  type EvidenceWanted,
  emptyPlanFold,
  FindingsFold,
  type PlanFold,
  restatedPassages,
  type UnitCover,
} from './fold.ts';
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

/** Spans per unit, from a list of evidence. */
function spansByUnit(list: readonly { unitId: string; span: Span }[]): Map<string, Span[]> {
  const m = new Map<string, Span[]>();
  for (const e of list) {
    const spans = m.get(e.unitId);
    if (spans) spans.push(e.span);
    else m.set(e.unitId, [e.span]);
  }
  return m;
}

function sharesOf(
  group: string | null,
  units: readonly ProfileUnit[],
  restated: { spans: ReadonlyMap<string, readonly Span[]>; evidence: readonly Evidence[] },
  own: { spans: ReadonlyMap<string, readonly Span[]>; evidence: readonly Evidence[] },
): ContentShares {
  const considered = group === null ? units : units.filter((u) => u.labels.includes(group));
  const ids = new Set(considered.map((u) => u.id));
  let total = 0;
  let restatedChars = 0;
  let ownChars = 0;
  for (const u of considered) {
    total += u.letters;
    // Letters are counted per unit; a covered stretch weighs its share of the unit's span.
    const density = u.letters / Math.max(1, u.span[1] - u.span[0]);
    restatedChars += coveredLength(restated.spans.get(u.id) ?? [], u.span) * density;
    ownChars += coveredLength(own.spans.get(u.id) ?? [], u.span) * density;
  }
  const pick = (list: readonly Evidence[]): Evidence[] => {
    const out: Evidence[] = [];
    for (const e of list) {
      if (out.length === EVIDENCE_LISTED) break;
      if (ids.has(e.unitId)) out.push(e);
    }
    return out;
  };
  return {
    group,
    contentChars: total,
    units: considered.length,
    restated: total ? round4(Math.min(1, restatedChars / total)) : 0,
    own: total ? round4(Math.min(1, ownChars / total)) : 0,
    restatedEvidence: pick(restated.evidence),
    ownEvidence: pick(own.evidence),
  };
}

/** The fold of a plan no comparison reached (shared, read only). */
const NOTHING_FOLDED: PlanFold = emptyPlanFold();

/**
 * The plans of the level above in each province, in corpus order, by `province|rank`:
 * `levelAbove` over the whole corpus would scan every plan for every plan.
 */
function levelsIndex(bases: readonly ProfileBase[]): Map<string, ProfileBase[]> {
  const index = new Map<string, ProfileBase[]>();
  for (const b of bases) {
    const key = `${b.meta.province}|${LEVEL_RANK[b.meta.level]}`;
    const list = index.get(key);
    if (list) list.push(b);
    else index.set(key, [b]);
  }
  return index;
}

/** `levelAbove` for every plan of a corpus, through its index. */
export function levelAboveOf(bases: readonly ProfileBase[]): (base: ProfileBase) => LevelAboveLag {
  const index = levelsIndex(bases);
  return (base) => {
    const rank = LEVEL_RANK[base.meta.level];
    const candidates = rank === undefined ? [] : (index.get(`${base.meta.province}|${rank - 1}`) ?? []);
    return levelAbove(base, candidates);
  };
}

/**
 * How many reuse passages of a unit a profile could list as restated evidence: a share lists
 * the plan's own restatements first, then reuse, EVIDENCE_LISTED in all, so a unit needs at
 * most what the fullest of its shares (the plan's, its groups') leaves. The fold keeps no more.
 */
export function restatedEvidenceWanted(
  bases: readonly ProfileBase[],
  groups: readonly string[],
): EvidenceWanted {
  const byId = new Map(bases.map((b) => [b.planId, b]));
  const wantedIn = new Map<string, Map<string, number>>();
  const wantedOf = (base: ProfileBase): Map<string, number> => {
    const labelsOf = new Map(base.units.map((u) => [u.id, u.labels]));
    const listedOf = new Map<string | null, number>(); // share → the plan's own restatements it lists
    for (const e of base.restated) {
      const labels = labelsOf.get(e.unitId);
      if (!labels) continue;
      listedOf.set(null, (listedOf.get(null) ?? 0) + 1);
      for (const g of new Set(labels)) listedOf.set(g, (listedOf.get(g) ?? 0) + 1);
    }
    const left = (share: string | null) => Math.max(0, EVIDENCE_LISTED - (listedOf.get(share) ?? 0));
    return new Map(
      base.units.map((u) => [
        u.id,
        Math.max(left(null), ...u.labels.filter((g) => groups.includes(g)).map(left)),
      ]),
    );
  };
  return (planId, unitId) => {
    let wanted = wantedIn.get(planId);
    if (!wanted) {
      const base = byId.get(planId);
      wanted = base ? wantedOf(base) : new Map();
      wantedIn.set(planId, wanted);
    }
    // A unit outside the plan's content units is never listed.
    return wanted.get(unitId) ?? 0;
  };
}

/** Finishes the profiles of a corpus from their bases and the diff stage's findings (when it ran). */
export function completeProfiles(
  bases: readonly ProfileBase[],
  findings: FindingsLike | FindingsFold | undefined,
  groups: readonly string[],
): PlanProfile[] {
  return [...eachProfile(bases, findings, groups)];
}

/** The profiles one by one, in the order of `bases` (a national corpus's profiles are written as they come). */
export function* eachProfile(
  bases: readonly ProfileBase[],
  findings: FindingsLike | FindingsFold | undefined,
  groups: readonly string[],
): Generator<PlanProfile> {
  const byId = new Map(bases.map((b) => [b.planId, b]));
  const fold =
    findings === undefined
      ? undefined
      : findings instanceof FindingsFold
        ? findings
        : FindingsFold.of(findings);
  const levelAboveIn = levelAboveOf(bases);
  for (const base of bases) {
    const folded = fold?.plan(base.planId) ?? NOTHING_FOLDED;
    // Restatement: the directive's wording, boilerplate, and passages of units that several other plans share.
    const restatedSpans = spansByUnit(base.restated);
    const addRestated = (unitId: string, spans: readonly Span[]): void => {
      const list = restatedSpans.get(unitId);
      if (list) list.push(...spans);
      else restatedSpans.set(unitId, [...spans]);
    };
    for (const shared of folded.sharedWith.values()) {
      for (const [unitId, cover] of shared.boilerplate) addRestated(unitId, cover.spans);
      for (const [unitId, cover] of shared.plain)
        if ((folded.partners.get(unitId)?.size ?? 0) >= 2) addRestated(unitId, cover.spans);
    }
    const restated = {
      spans: restatedSpans,
      evidence: [
        ...base.restated,
        ...restatedPassages(folded).map((p) => ({ unitId: p.unitId, span: p.span, text: p.text })),
      ],
    };
    const ownEvidence: Evidence[] = [
      ...folded.additions.map((a) => ({ unitId: a.unitId, span: a.span, text: '' })),
      ...base.own,
    ];
    const own = { spans: spansByUnit(ownEvidence), evidence: ownEvidence };
    const reiteration = {
      plan: sharesOf(null, base.units, restated, own),
      byGroup: groups.map((g) => sharesOf(g, base.units, restated, own)),
    };
    let learning: TextualLearning | null = null;
    if (fold) {
      const total = base.units.reduce((s, u) => s + u.letters, 0);
      const unitById = new Map(base.units.map((u) => [u.id, u]));
      const covered = (maps: readonly ReadonlyMap<string, UnitCover>[]): number => {
        let n = 0;
        for (const [id, list] of coversInOrder(maps)) {
          const u = unitById.get(id);
          if (u) n += (coveredLength(list, u.span) * u.letters) / Math.max(1, u.span[1] - u.span[0]);
        }
        return total ? round4(Math.min(1, n / total)) : 0;
      };
      const relationOfPlan = new Map(
        [...folded.sharedWith.keys()].map((from) => [from, relationOf(base, byId.get(from))]),
      );
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
          covered(
            [...folded.sharedWith].flatMap(([from, shared]) =>
              rel === 'boilerplate'
                ? [shared.boilerplate]
                : relationOfPlan.get(from) === rel
                  ? [shared.plain]
                  : [],
            ),
          ),
        ]),
      ) as TextualLearning['shares'];
      const bySourcePlan = [...folded.sharedWith]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([from, shared]) => ({
          planId: from,
          relation: relationOfPlan.get(from)!,
          share: covered([shared.plain, shared.boilerplate]),
        }))
        .sort((a, b) => b.share - a.share || (a.planId < b.planId ? -1 : 1));
      const passages = folded.longest.map((p) => ({
        relation: p.boilerplate ? ('boilerplate' as const) : relationOfPlan.get(p.from)!,
        from: p.from,
        unitId: p.unitId,
        span: p.span,
        tokens: p.tokens,
        text: p.text,
      }));
      const undetermined = shares.undetermined > 0;
      learning = {
        measuredAgainst: [...folded.comparedWith].sort(),
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
    yield {
      planId: base.planId,
      lag: { directive: base.directiveLag, levelAbove: levelAboveIn(base) },
      reiteration,
      specificity: base.specificity,
      learning,
    };
  }
}

/**
 * An observer of the diff stage's streamed findings (`{kind, field, value}`
 * pieces) that folds into `into` only what the profiles read: each addition's
 * spans and each comparison's reuse, passage texts cut to what a profile prints.
 */
export function tapFindings(
  into: FindingsFold,
): (piece: { kind: string; field?: string; value?: unknown }) => void {
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
    if (field === 'additions') into.addAdditions(piece.value as FindingsLike['additions'][number]);
    else if (field === 'comparisons') {
      const c = piece.value as FindingsLike['comparisons'][number];
      into.addComparison({
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
