/**
 * Additions: passages of a plan with no counterpart in the directive or in
 * the other plans. A syllable is "covered" when a k-gram containing it occurs
 * in the directive's text or in another plan's content; runs of uncovered
 * syllables (bridging short covered gaps) that are mostly uncovered become
 * passages, snapped to clause boundaries. Passages of one plan are grouped
 * into clusters (similar wording, or neighbours in one section), each
 * labelled with its key terms.
 */

import type { PreparedCorpus, PreparedPlan, PreparedUnit } from './prepare.ts';
import type { AdditionCluster } from './schema.ts';
import { cosine, vectorOf } from './similarity.ts';
import { passageRef } from './spans.ts';
import { isFunctionWord, keyTerms, labelOf } from './terms.ts';
import { gramKey, type TokenSeq } from './tokens.ts';
import { round4 } from './types.ts';

export interface AdditionOptions {
  /** k-gram length that counts as a counterpart (default 4). */
  k?: number;
  /** Covered syllables bridged inside a passage (default 5). */
  maxGap?: number;
  /** Fewest uncovered syllables in a passage (default 8). */
  minNovel?: number;
  /** Least share of uncovered syllables in a passage (default 0.6). */
  minShare?: number;
  /** Syllables a passage may grow to reach a clause boundary (default 4). */
  snap?: number;
  /** Cosine above which two passages of a plan are one cluster (default 0.25). */
  link?: number;
}

/** One addition passage before clustering. */
export interface AdditionPassage {
  unit: PreparedUnit;
  from: number;
  to: number;
  covered: Uint8Array;
  novelty: number;
}

const OTHER = -2;
const DIRECTIVE = -1;

/** Owner of each k-gram: a plan index, DIRECTIVE, or OTHER when more than one holds it. */
export function coverageIndex(
  corpus: PreparedCorpus,
  directive: readonly TokenSeq[],
  k: number,
): Map<number, number> {
  const owner = new Map<number, number>();
  const add = (ids: Int32Array, who: number) => {
    for (let i = 0; i + k <= ids.length; i++) {
      const key = gramKey(ids, i, k);
      const o = owner.get(key);
      if (o === undefined) owner.set(key, who);
      else if (o !== who && o !== DIRECTIVE) owner.set(key, who === DIRECTIVE ? DIRECTIVE : OTHER);
    }
  };
  for (const seq of directive) add(seq.ids, DIRECTIVE);
  corpus.plans.forEach((p, pi) => {
    for (const u of p.units) if (u.eligible) add(u.seq.ids, pi);
  });
  return owner;
}

const BOUNDARY = /[,;.:!?()"“”…]/;

function isClauseStart(seq: TokenSeq, i: number): boolean {
  if (i <= 0) return true;
  return BOUNDARY.test(seq.text.slice(seq.ends[i - 1]!, seq.starts[i]!));
}

/** Addition passages of one unit of plan `pi`; none for units shorter than k. */
export function unitAdditions(
  u: PreparedUnit,
  pi: number,
  owner: ReadonlyMap<number, number>,
  options: AdditionOptions = {},
): AdditionPassage[] {
  const k = options.k ?? 4;
  const ids = u.seq.ids;
  const n = ids.length;
  if (n < k) return [];
  const covered = new Uint8Array(n);
  for (let i = 0; i + k <= n; i++) {
    const o = owner.get(gramKey(ids, i, k));
    if (o !== undefined && o !== pi) covered.fill(1, i, i + k);
  }
  const maxGap = options.maxGap ?? 5;
  const segments: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    if (covered[i]) continue;
    let j = i;
    while (j < n && !covered[j]) j++;
    const last = segments[segments.length - 1];
    if (last && i - last[1] <= maxGap) last[1] = j;
    else segments.push([i, j]);
    i = j;
  }
  const snap = options.snap ?? 4;
  const out: AdditionPassage[] = [];
  for (let [from, to] of segments) {
    let novel = 0;
    for (let i = from; i < to; i++) novel += covered[i] ? 0 : 1;
    if (novel < (options.minNovel ?? 8) || novel / (to - from) < (options.minShare ?? 0.6)) continue;
    for (let s = 0; s <= snap && from - s >= 0; s++)
      if (isClauseStart(u.seq, from - s)) {
        from -= s;
        break;
      }
    for (let s = 0; s <= snap && to + s <= n; s++)
      if (to + s === n || isClauseStart(u.seq, to + s)) {
        to += s;
        break;
      }
    const last = out[out.length - 1];
    if (last && from <= last.to) {
      last.to = Math.max(last.to, to);
      continue;
    }
    out.push({ unit: u, from, to, covered, novelty: 0 });
  }
  for (const p of out) {
    let c = 0;
    for (let i = p.from; i < p.to; i++) c += covered[i]!;
    p.novelty = 1 - c / (p.to - p.from);
  }
  return out;
}

function sectionOf(u: PreparedUnit): string {
  const path = u.unit.headingPath;
  if (path && path.length > 0) return path.join(' / ');
  const id = u.unit.id;
  const slash = id.lastIndexOf('/');
  return slash >= 0 ? id.slice(0, slash) : id.slice(0, id.indexOf(':') + 1);
}

/** A passage that is most of its unit: a whole new list item, not a new phrase in an old one. */
function mostlyNew(p: AdditionPassage): boolean {
  return p.to - p.from >= 0.6 * p.unit.seq.ids.length;
}

function find(parent: number[], i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]!]!;
    i = parent[i]!;
  }
  return i;
}

/** Groups one plan's passages into labelled clusters. */
export function clusterAdditions(
  plan: PreparedPlan,
  passages: readonly AdditionPassage[],
  corpus: PreparedCorpus,
  unigramIdf: (id: number) => number,
  options: AdditionOptions = {},
): AdditionCluster[] {
  const link = options.link ?? 0.25;
  // Passages are linked by what is new in them: their uncovered content syllables.
  const vectors = passages.map((p) => {
    const counts = new Map<number, number>();
    for (let i = p.from; i < p.to; i++) {
      const id = p.unit.seq.ids[i]!;
      if (p.covered[i] || isFunctionWord(corpus.vocab.key(id))) continue;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return vectorOf(counts, unigramIdf);
  });
  const parent = passages.map((_, i) => i);
  for (let i = 0; i < passages.length; i++)
    for (let j = i + 1; j < passages.length; j++) {
      const a = passages[i]!.unit;
      const b = passages[j]!.unit;
      const neighbours =
        sectionOf(a) === sectionOf(b) &&
        Math.abs(a.index - b.index) <= 1 &&
        mostlyNew(passages[i]!) &&
        mostlyNew(passages[j]!);
      if (neighbours || cosine(vectors[i]!, vectors[j]!) >= link) parent[find(parent, j)] = find(parent, i);
    }
  const groups = new Map<number, AdditionPassage[]>();
  passages.forEach((p, i) => {
    const r = find(parent, i);
    groups.set(r, [...(groups.get(r) ?? []), p]);
  });
  const clusters: AdditionCluster[] = [];
  for (const members of [...groups.values()].sort(
    (x, y) => x[0]!.unit.index - y[0]!.unit.index || x[0]!.from - y[0]!.from,
  )) {
    const terms = keyTerms(
      members.map((m) => ({ seq: m.unit.seq, from: m.from, to: m.to })),
      corpus.vocab,
      {
        limit: 5,
        idf: unigramIdf,
        boost: (r, i) => (members[r]!.covered[i] ? 0.35 : 1),
      },
    );
    const votes = new Map<string, number>();
    for (const m of members)
      for (const l of m.unit.unit.labels) votes.set(l, (votes.get(l) ?? 0) + (m.to - m.from));
    const group = [...votes.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
    clusters.push({
      id: `${plan.plan.id}:add${clusters.length + 1}`,
      planId: plan.plan.id,
      group,
      label: labelOf(terms.slice(0, 3)),
      keyTerms: terms.map((t) => ({ term: t.term, weight: round4(t.weight) })),
      passages: members.map((m) => passageRef(plan, m.unit, m.from, m.to)),
      novelty: round4(Math.min(...members.map((m) => m.novelty))),
    });
  }
  return clusters;
}

/** Addition clusters of every plan, in plan order. */
export function findAdditions(
  corpus: PreparedCorpus,
  directive: readonly TokenSeq[],
  options: AdditionOptions = {},
): AdditionCluster[] {
  const owner = coverageIndex(corpus, directive, options.k ?? 4);
  const df = new Map<number, number>();
  for (const p of corpus.plans)
    for (const u of p.units)
      if (u.eligible) for (const id of new Set(u.seq.ids)) df.set(id, (df.get(id) ?? 0) + 1);
  const idf = (id: number) => Math.log((1 + corpus.unitCount) / (1 + (df.get(id) ?? 0))) + 1;
  return corpus.plans.flatMap((plan, pi) => {
    const passages = plan.units
      .filter((u) => u.eligible)
      .flatMap((u) => unitAdditions(u, pi, owner, options));
    return clusterAdditions(plan, passages, corpus, idf, options);
  });
}
