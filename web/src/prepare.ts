/**
 * Data preparation for the views: pure functions from analysis.json to what
 * a view draws. No DOM here, so all of it is tested in Node.
 */
import { foldKeepLength, foldQuery } from './fold.ts';
import type {
  Analysis,
  CoverageCell,
  CoverageStatus,
  DiffPart,
  Findings,
  Plan,
  PlanComparison,
  TaskGroup,
  Unit,
} from './types.ts';

/** Lookup tables over one analysis, built once. */
export interface Corpus {
  analysis: Analysis;
  groups: TaskGroup[];
  groupIndex: Map<string, number>;
  plans: Plan[];
  planById: Map<string, Plan>;
  unitById: Map<string, { unit: Unit; plan: Plan }>;
  coverage: Map<string, Map<string, CoverageCell>>;
  findings: Findings | undefined;
  /** Every compared pair [a, b, similarity] (the data index's list), when comparisons arrive per plan. */
  compared?: Array<[string, string, number]>;
}

export function buildCorpus(analysis: Analysis): Corpus {
  const groups = analysis.directive.taskGroups;
  const planById = new Map<string, Plan>();
  const unitById = new Map<string, { unit: Unit; plan: Plan }>();
  for (const plan of analysis.plans) {
    planById.set(plan.id, plan);
    for (const unit of plan.units) unitById.set(unit.id, { unit, plan });
  }
  const coverage = new Map<string, Map<string, CoverageCell>>();
  for (const row of analysis.coverage) coverage.set(row.planId, new Map(row.cells.map((c) => [c.group, c])));
  return {
    analysis,
    groups,
    groupIndex: new Map(groups.map((g, i) => [g.id, i])),
    plans: analysis.plans,
    planById,
    unitById,
    coverage,
    findings: analysis.findings,
  };
}

// ---------------------------------------------------------------- coverage

export interface HeatCell {
  planId: string;
  group: string;
  status: CoverageStatus;
  share: number;
  units: string[];
  operationalUnits: string[];
  /** How many units are behind the cell (known from the data index before `units` arrive). */
  unitCount: number;
}

export interface HeatRow {
  planId: string;
  date: string;
  cells: HeatCell[];
}

/** A cell for every plan × group; a group missing from the coverage is 'absent' with no units. */
export function heatmapRows(corpus: Corpus): HeatRow[] {
  return corpus.plans.map((plan) => {
    const cells = corpus.coverage.get(plan.id);
    return {
      planId: plan.id,
      date: plan.meta.date,
      cells: corpus.groups.map((g) => {
        const c = cells?.get(g.id);
        return {
          planId: plan.id,
          group: g.id,
          status: c?.status ?? 'absent',
          share: c?.share ?? 0,
          units: c?.units ?? [],
          operationalUnits: c?.operationalUnits ?? [],
          unitCount: (c as { unitCount?: number } | undefined)?.unitCount ?? c?.units.length ?? 0,
        };
      }),
    };
  });
}

const STATUS_RANK: Record<CoverageStatus, number> = { absent: 0, mentioned: 1, operationalised: 2 };

/**
 * Rows sorted by `key`: 'plan' (by `name`), 'date' (unknown dates last), or a
 * task-group id (by status, then share). Ties keep the name order. Returns a
 * new array.
 */
export function sortRows(
  rows: HeatRow[],
  key: string,
  desc: boolean,
  name: (planId: string) => string,
): HeatRow[] {
  const collator = new Intl.Collator('vi');
  const byName = (a: HeatRow, b: HeatRow) => collator.compare(name(a.planId), name(b.planId));
  const dir = desc ? -1 : 1;
  let compare: (a: HeatRow, b: HeatRow) => number;
  if (key === 'date') {
    compare = (a, b) => {
      const ua = a.date === 'unknown';
      const ub = b.date === 'unknown';
      if (ua !== ub) return ua ? 1 : -1;
      return dir * a.date.localeCompare(b.date) || byName(a, b);
    };
  } else if (key !== 'plan' && rows[0]?.cells.some((c) => c.group === key)) {
    const cell = (r: HeatRow) => r.cells.find((c) => c.group === key)!;
    compare = (a, b) => {
      const ca = cell(a);
      const cb = cell(b);
      return dir * (STATUS_RANK[ca.status] - STATUS_RANK[cb.status] || ca.share - cb.share) || byName(a, b);
    };
  } else {
    compare = (a, b) => dir * byName(a, b);
  }
  return [...rows].sort(compare);
}

// ---------------------------------------------------------------- reader

export interface Segment {
  start: number;
  end: number;
  /** The unit covering this piece of text, or undefined for text between units. */
  unitId?: string;
}

/**
 * Cuts `[0, length)` into consecutive segments at the unit spans: each span
 * becomes a segment carrying its unit id, text between spans a plain one.
 * Spans are clipped to the text; overlapping spans keep the earlier unit.
 */
export function textSegments(
  length: number,
  spans: Array<{ id: string; span: [number, number] }>,
): Segment[] {
  const sorted = [...spans].sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1]);
  const out: Segment[] = [];
  let pos = 0;
  for (const { id, span } of sorted) {
    const start = Math.max(pos, Math.min(span[0], length));
    const end = Math.min(span[1], length);
    if (end <= start) continue;
    if (start > pos) out.push({ start: pos, end: start });
    out.push({ start, end, unitId: id });
    pos = end;
  }
  if (pos < length) out.push({ start: pos, end: length });
  return out;
}

export interface OutlineEntry {
  unitId: string;
  text: string;
  depth: number;
}

/**
 * The plan's structure in document order: headings and numbered items (an
 * item with a body, "1. Tăng cường …", is a section too), with their depth;
 * long texts are cut at a word edge.
 */
export function outline(plan: Plan): OutlineEntry[] {
  return plan.units
    .filter((u) => u.kind === 'heading' || u.kind === 'item')
    .map((u) => ({ unitId: u.id, text: shorten(u.text, 90), depth: u.depth }));
}

/** `text` cut to at most `max` characters at a space, with an ellipsis. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max - 1);
  return `${text.slice(0, cut > max / 2 ? cut : max - 1)}…`;
}

export interface Counted {
  text: string;
  count: number;
  unitIds: string[];
}

function countBy(items: Array<{ key: string; unitId: string }>): Counted[] {
  const map = new Map<string, Counted>();
  for (const { key, unitId } of items) {
    const c = map.get(key) ?? { text: key, count: 0, unitIds: [] };
    c.count++;
    if (!c.unitIds.includes(unitId)) c.unitIds.push(unitId);
    map.set(key, c);
  }
  return [...map.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text, 'vi'));
}

export interface PlanDetails {
  agencies: Counted[];
  deadlines: Array<{ text: string; iso?: string; ongoing?: boolean; unitId: string }>;
  references: Array<Counted & { kind: string; date?: string }>;
}

/** Agencies named in the plan's fields (most frequent first), its deadlines, and cited documents by number. */
export function planDetails(plan: Plan): PlanDetails {
  const agencies = countBy(
    plan.fields.flatMap((f) => (f.agencies ?? []).map((a) => ({ key: a.trim(), unitId: f.unitId }))),
  );
  const deadlines = plan.fields
    .filter((f) => f.field === 'timing')
    .map((f) => ({
      text: f.deadline?.text ?? f.value,
      ...(f.deadline?.iso ? { iso: f.deadline.iso } : {}),
      ...(f.deadline?.ongoing ? { ongoing: true } : {}),
      unitId: f.unitId,
    }));
  const refs = countBy(plan.references.map((r) => ({ key: r.number, unitId: r.unitId ?? '' })));
  const first = new Map<string, (typeof plan.references)[number]>();
  for (const r of plan.references) if (!first.has(r.number)) first.set(r.number, r);
  const references = refs.map((c) => {
    const r = first.get(c.text)!;
    return {
      ...c,
      unitIds: c.unitIds.filter((u) => u !== ''),
      kind: r.kind,
      ...(r.date ? { date: r.date } : {}),
    };
  });
  return { agencies, deadlines, references };
}

// ---------------------------------------------------------------- search

export interface SearchIndex {
  entries: Array<{ unitId: string; planId: string; folded: string }>;
}

/** Folds every unit's text once; the index is what `search` scans. */
export function buildSearchIndex(corpus: Corpus): SearchIndex {
  const entries: SearchIndex['entries'] = [];
  for (const plan of corpus.plans)
    for (const unit of plan.units)
      entries.push({ unitId: unit.id, planId: plan.id, folded: foldKeepLength(unit.text) });
  return { entries };
}

export interface SearchHit {
  unitId: string;
  planId: string;
  matches: Array<[number, number]>;
}

/**
 * Units that contain every word of the query, in any order, ignoring
 * diacritics and case; each word matches whole syllables ("doi" finds "đội"
 * and "đối", not "đoi" inside a longer word). A quoted part ("doi ngoai")
 * must occur as a phrase. Corpus order. Blank query: none.
 */
export function search(index: SearchIndex, query: string): SearchHit[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  // Whole syllables: a word edge is required only where the term itself begins or ends with a letter or digit.
  const wordChar = /[\p{L}\p{N}]/u;
  const patterns = terms.map((t) => {
    const body = t.split(' ').map(escapeRe).join('\\s+');
    const before = wordChar.test(t[0]!) ? '(?<![\\p{L}\\p{N}])' : '';
    const after = wordChar.test(t[t.length - 1]!) ? '(?![\\p{L}\\p{N}])' : '';
    return new RegExp(`${before}${body}${after}`, 'gu');
  });
  const hits: SearchHit[] = [];
  for (const e of index.entries) {
    if (!terms.every((t) => e.folded.includes(t.split(' ')[0]!))) continue;
    const matches: Array<[number, number]> = [];
    let all = true;
    for (const re of patterns) {
      let found = false;
      for (const m of e.folded.matchAll(re)) {
        matches.push([m.index, m.index + m[0].length]);
        found = true;
      }
      if (!found) {
        all = false;
        break;
      }
    }
    if (all) hits.push({ unitId: e.unitId, planId: e.planId, matches: mergeMatches(matches) });
  }
  return hits;
}

/** The query's words and quoted phrases, folded; '' parts dropped. */
export function queryTerms(query: string): string[] {
  const out: string[] = [];
  for (const m of query.matchAll(/"([^"]*)"|(\S+)/g)) {
    const t = foldQuery(m[1] ?? m[2] ?? '');
    if (t !== '' && !out.includes(t)) out.push(t);
  }
  return out;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function mergeMatches(ms: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...ms].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Array<[number, number]> = [];
  for (const m of sorted) {
    const last = out[out.length - 1];
    if (last && m[0] < last[1]) last[1] = Math.max(last[1], m[1]);
    else out.push([m[0], m[1]]);
  }
  return out;
}

/** A keyword-in-context line: up to `width` characters either side of a match, cut at spaces. */
export function kwic(
  text: string,
  match: [number, number],
  width = 60,
): { left: string; match: string; right: string } {
  let from = Math.max(0, match[0] - width);
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  let to = Math.min(text.length, match[1] + width);
  if (to < text.length) to = text.lastIndexOf(' ', to) > match[1] ? text.lastIndexOf(' ', to) : to;
  return {
    left: (from > 0 ? '…' : '') + text.slice(from, match[0]),
    match: text.slice(match[0], match[1]),
    right: text.slice(match[1], to) + (to < text.length ? '…' : ''),
  };
}

export type Piece = { text: string; match: boolean };

/**
 * A keyword-in-context line around the first match and the matches that
 * follow it separated only by spaces (so "đối ngoại" is one centre), with
 * every match of the query marked in the centre and in the context on
 * either side.
 */
export function kwicLine(
  text: string,
  matches: Array<[number, number]>,
  width = 60,
): { left: Piece[]; match: Piece[]; right: Piece[] } {
  const first = matches[0]!;
  let end = first[1];
  for (const [s, e] of matches.slice(1)) {
    if (s < end) continue;
    if (!/^\s*$/.test(text.slice(end, s))) break;
    end = e;
  }
  const k = kwic(text, [first[0], end], width);
  const from = first[0] - (k.left.startsWith('…') ? k.left.length - 1 : k.left.length);
  const to = end + (k.right.endsWith('…') ? k.right.length - 1 : k.right.length);
  const within = (a: number, b: number): Piece[] => {
    const local = matches
      .filter(([s, e]) => s >= a && e <= b)
      .map(([s, e]): [number, number] => [s - a, e - a]);
    return markPieces(text.slice(a, b), local);
  };
  const left = within(from, first[0]);
  const right = within(end, to);
  if (from > 0) left.unshift({ text: '…', match: false });
  if (to < text.length) right.push({ text: '…', match: false });
  return { left, match: within(first[0], end), right };
}

/** Hits per plan, most first (ties: corpus order). */
export function hitsPerPlan(hits: readonly SearchHit[]): Array<{ planId: string; hits: number }> {
  const m = new Map<string, number>();
  for (const h of hits) m.set(h.planId, (m.get(h.planId) ?? 0) + 1);
  return [...m.entries()].map(([planId, n]) => ({ planId, hits: n })).sort((a, b) => b.hits - a.hits);
}

/** Splits `text` into plain and matched pieces for highlighting. */
export function markPieces(
  text: string,
  matches: Array<[number, number]>,
): Array<{ text: string; match: boolean }> {
  const out: Array<{ text: string; match: boolean }> = [];
  let pos = 0;
  for (const [s, e] of matches) {
    if (s < pos) continue;
    if (s > pos) out.push({ text: text.slice(pos, s), match: false });
    out.push({ text: text.slice(s, e), match: true });
    pos = e;
  }
  if (pos < text.length) out.push({ text: text.slice(pos), match: false });
  return out;
}

// ---------------------------------------------------------------- compare

export interface StatusDiff {
  group: string;
  a: CoverageStatus;
  b: CoverageStatus;
  shareA: number;
  shareB: number;
}

/** Groups where the two plans' coverage status differs. */
export function statusDiffs(corpus: Corpus, a: string, b: string): StatusDiff[] {
  const out: StatusDiff[] = [];
  for (const g of corpus.groups) {
    const ca = corpus.coverage.get(a)?.get(g.id);
    const cb = corpus.coverage.get(b)?.get(g.id);
    const sa = ca?.status ?? 'absent';
    const sb = cb?.status ?? 'absent';
    if (sa !== sb) out.push({ group: g.id, a: sa, b: sb, shareA: ca?.share ?? 0, shareB: cb?.share ?? 0 });
  }
  return out;
}

function flipDiff(parts: DiffPart[]): DiffPart[] {
  return parts.map((p) => ({
    op: p.op === 'added' ? 'removed' : p.op === 'removed' ? 'added' : 'equal',
    text: p.text,
  }));
}

/**
 * The findings' comparison of plans `a` and `b`, oriented so that `a` is on
 * the left: a stored (b, a) comparison is flipped (sides swapped, added and
 * removed exchanged). Undefined when the pair was not compared or there are
 * no findings.
 */
export function orientedComparison(
  findings: Findings | undefined,
  a: string,
  b: string,
): PlanComparison | undefined {
  if (!findings) return undefined;
  const direct = findings.comparisons.find((c) => c.a === a && c.b === b);
  if (direct) return direct;
  const rev = findings.comparisons.find((c) => c.a === b && c.b === a);
  if (!rev) return undefined;
  return {
    a,
    b,
    similarity: rev.similarity,
    pairs: rev.pairs.map((p) => ({ ...p, a: p.b, b: p.a, diff: flipDiff(p.diff) })),
    reuse: rev.reuse.map((r) => ({ ...r, a: r.b, b: r.a })),
    onlyInA: rev.onlyInB,
    onlyInB: rev.onlyInA,
  };
}

/** The two sides of a word diff: A keeps equal and removed parts, B equal and added ones. */
export function diffSides(parts: DiffPart[]): { a: DiffPart[]; b: DiffPart[] } {
  return { a: parts.filter((p) => p.op !== 'added'), b: parts.filter((p) => p.op !== 'removed') };
}

/** Plan pairs that were compared, for a pair picker: each unordered pair once. */
export function comparedPairs(findings: Findings | undefined): Array<[string, string]> {
  return findings ? findings.comparisons.map((c) => [c.a, c.b]) : [];
}

/** Default compare pair: the most similar compared pair, else the first two plans. */
export function defaultPair(corpus: Corpus): [string, string] | undefined {
  const comps: Array<[string, string, number]> =
    corpus.compared ?? corpus.findings?.comparisons.map((c) => [c.a, c.b, c.similarity]) ?? [];
  let best: [string, string, number] | undefined;
  for (const c of comps) if (!best || c[2] > best[2]) best = c;
  if (best) return [best[0], best[1]];
  const [p, q] = corpus.plans;
  return p && q ? [p.id, q.id] : undefined;
}

/** The plans' order in the similarity matrix, with an accessor for a cell; undefined without findings. */
export function similarityMatrix(
  findings: Findings | undefined,
): { plans: string[]; value: (i: number, j: number) => number } | undefined {
  if (!findings || findings.plans.length === 0) return undefined;
  return { plans: findings.plans, value: (i, j) => findings.similarity[i]?.[j] ?? 0 };
}

/** The `n` most distinctive terms of each plan (highest G² first). */
export function topTerms(
  findings: Findings | undefined,
  n: number,
): Map<string, Findings['keyness'][number]['terms']> {
  const out = new Map<string, Findings['keyness'][number]['terms']>();
  for (const k of findings?.keyness ?? [])
    out.set(k.planId, [...k.terms].sort((x, y) => y.g2 - x.g2).slice(0, n));
  return out;
}
