/**
 * Additions: passages of a plan with no counterpart in the directive or in
 * the other plans. A syllable is "covered" when a k-gram containing it occurs
 * in the directive's text or in another plan's content; runs of uncovered
 * syllables (bridging short covered gaps) that are mostly uncovered become
 * passages, snapped to clause boundaries. Passages of one plan are grouped
 * into clusters (average linkage over similar new wording, or neighbours in
 * one section), each labelled with its key terms: whole terms frequent in the
 * cluster and rare in the other plans. The same passage written twice in a
 * plan counts once. A plan's clusters are ranked by specificity (how much
 * their key terms belong to this plan rather than the corpus: G² of the
 * plan's count against the rest, times novelty), not by size; every consumer
 * (CLI, CSV, report, viewer) lists them in this order.
 */

import { forEachTerm, type TermTable, termTable } from './grams.ts';
import { logLikelihood } from './keyness.ts';
import type { PreparedCorpus, PreparedPlan, PreparedUnit } from './prepare.ts';
import type { AdditionCluster } from './schema.ts';
import { cosine, vectorOf } from './similarity.ts';
import { passageRef } from './spans.ts';
import { type KeyTerm, labelOf, termEdges } from './terms.ts';
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

/**
 * Similarity of two passages of one plan: the cosine of what is new in them,
 * or `link` for neighbouring whole new items of one section.
 */
function passageSimilarities(
  passages: readonly AdditionPassage[],
  vectors: readonly ReturnType<typeof vectorOf>[],
  link: number,
): Float64Array {
  const n = passages.length;
  const sim = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const a = passages[i]!.unit;
      const b = passages[j]!.unit;
      const neighbours =
        sectionOf(a) === sectionOf(b) &&
        Math.abs(a.index - b.index) <= 1 &&
        mostlyNew(passages[i]!) &&
        mostlyNew(passages[j]!);
      const s = Math.max(cosine(vectors[i]!, vectors[j]!), neighbours ? link : 0);
      sim[i * n + j] = s;
      sim[j * n + i] = s;
    }
  return sim;
}

/**
 * Average-linkage agglomerative clustering: the two clusters with the highest
 * mean pairwise similarity merge while that mean reaches `link` (ties: the
 * earliest pair), so a chain of weakly linked neighbours does not become one
 * cluster. Clusters as sorted lists of passage indices.
 */
function averageLinkage(n: number, sim: Float64Array, link: number): number[][] {
  const clusters: number[][] = Array.from({ length: n }, (_, i) => [i]);
  const mean = (a: number[], b: number[]) => {
    let s = 0;
    for (const x of a) for (const y of b) s += sim[x * n + y]!;
    return s / (a.length * b.length);
  };
  for (;;) {
    let best = -1;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < clusters.length; i++)
      for (let j = i + 1; j < clusters.length; j++) {
        const m = mean(clusters[i]!, clusters[j]!);
        if (m > best + 1e-12) [best, bi, bj] = [m, i, j];
      }
    if (bi < 0 || best < link) break;
    clusters[bi] = [...clusters[bi]!, ...clusters[bj]!].sort((x, y) => x - y);
    clusters.splice(bj, 1);
  }
  return clusters;
}

/**
 * Label terms of a cluster by keyness within the corpus: candidate terms
 * (whole words at both edges, no function word at either end, no place name
 * of the plans' headers) weighted by their count in the cluster (new
 * syllables count fully, covered ones 0.35) × how rare they are across the
 * plans (log of plans over plans with the term), preferring longer terms and
 * terms made of known or fixed word pairs.
 */
function clusterTerms(
  members: readonly AdditionPassage[],
  corpus: PreparedCorpus,
  table: TermTable,
  limit: number,
): KeyTerm[] {
  const P = corpus.plans.length;
  const lexicon = new Set<number>();
  const scores = new Map<number, { ids: number[]; text: string; tf: number; s: number }>();
  for (const m of members) {
    const seq = m.unit.seq;
    const edges = termEdges(seq, corpus.bound);
    forEachTerm(
      seq,
      table.isFn,
      (i, n, key) => {
        if (table.places.excludes(seq.ids, i, n)) return;
        let w = 0;
        let pairs = 0;
        for (let j = i; j < i + n; j++) w += m.covered[j] ? 0.35 : 1;
        for (let j = i; j < i + n - 1; j++) if (edges[j]! & 2) pairs++;
        lexicon.add(key);
        const slot = table.slot.get(key);
        const df = slot === undefined ? 1 : table.planDf[slot]!;
        const idf = Math.log((P + 1) / (df + 0.5));
        const s = (w / n) * idf * (1 + 0.15 * (n - 2)) * (0.6 + (0.4 * pairs) / (n - 1));
        const cur = scores.get(key);
        if (cur) {
          cur.tf++;
          cur.s = Math.max(cur.s, s);
        } else
          scores.set(key, {
            ids: Array.from(seq.ids.subarray(i, i + n)),
            text: seq.text
              .slice(seq.starts[i]!, seq.ends[i + n - 1]!)
              .toLowerCase()
              .replace(/\s+/g, ' '),
            tf: 1,
            s,
          });
      },
      corpus.bound,
      m.from,
      m.to,
    );
  }
  const ranked = [...scores.values()]
    .map((t) => ({ ...t, weight: t.s * (1 + Math.log(t.tf)) }))
    .sort(
      (a, b) => b.weight - a.weight || b.ids.length - a.ids.length || (a.ids.join() < b.ids.join() ? -1 : 1),
    );
  const chosen: KeyTerm[] = [];
  const overlaps = (a: number[], b: number[]) => {
    // Two terms overlap when one contains the other or an end of one is the start of the other.
    const sa = `,${a.join(',')},`;
    const sb = `,${b.join(',')},`;
    if (sa.includes(sb) || sb.includes(sa)) return true;
    for (let k = 1; k < Math.min(a.length, b.length); k++) {
      if (a.slice(-k).join() === b.slice(0, k).join()) return true;
      if (b.slice(-k).join() === a.slice(0, k).join()) return true;
    }
    return false;
  };
  for (const t of ranked) {
    if (chosen.length >= limit) break;
    if (chosen.some((c) => overlaps(c.ids, t.ids))) continue;
    chosen.push({ term: t.text, ids: t.ids, weight: t.weight });
  }
  return chosen;
}

/** A label for a cluster without key terms (codes and dates only): its first words, up to a word edge. */
function leadingWords(p: AdditionPassage, corpus: PreparedCorpus): string {
  const seq = p.unit.seq;
  const edges = termEdges(seq, corpus.bound);
  let end = Math.min(p.to, p.from + 8);
  while (end - 1 > p.from && edges[end - 1]! & 2) end--;
  return seq.text
    .slice(seq.starts[p.from]!, seq.ends[end - 1]!)
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

/** Groups one plan's passages into labelled clusters. */
export function clusterAdditions(
  plan: PreparedPlan,
  passages: readonly AdditionPassage[],
  corpus: PreparedCorpus,
  unigramIdf: (id: number) => number,
  options: AdditionOptions = {},
  table: TermTable = termTable(corpus, []),
): AdditionCluster[] {
  const link = options.link ?? 0.25;
  // Passages are linked by what is new in them: their uncovered content syllables.
  const vectors = passages.map((p) => {
    const counts = new Map<number, number>();
    for (let i = p.from; i < p.to; i++) {
      const id = p.unit.seq.ids[i]!;
      if (p.covered[i] || table.isFn(id)) continue;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return vectorOf(counts, unigramIdf);
  });
  const sim = passageSimilarities(passages, vectors, link);
  const groups = averageLinkage(passages.length, sim, link).map((c) => c.map((i) => passages[i]!));
  const clusters: AdditionCluster[] = [];
  for (const members of groups.sort(
    (x, y) => x[0]!.unit.index - y[0]!.unit.index || x[0]!.from - y[0]!.from,
  )) {
    const terms = clusterTerms(members, corpus, table, 5);
    const votes = new Map<string, number>();
    for (const m of members)
      for (const l of m.unit.unit.labels) votes.set(l, (votes.get(l) ?? 0) + (m.to - m.from));
    const group = [...votes.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
    clusters.push({
      id: `${plan.plan.id}:add${clusters.length + 1}`,
      planId: plan.plan.id,
      group,
      label: terms.length ? labelOf(terms.slice(0, 3)) : leadingWords(members[0]!, corpus),
      keyTerms: terms.map((t) => ({ term: t.term, weight: round4(t.weight) })),
      passages: members.map((m) => passageRef(plan, m.unit, m.from, m.to)),
      novelty: round4(Math.min(...members.map((m) => m.novelty))),
      termKeys: terms.map((t) => gramKey(t.ids, 0, t.ids.length)),
    } as ClusterWithKeys);
  }
  return clusters;
}

/** Occurrences of each candidate term in one plan's eligible units, and its candidate bigram positions. */
export function planTermCounts(
  plan: PreparedPlan,
  table: TermTable,
): { counts: Map<number, number>; bigrams: number } {
  const counts = new Map<number, number>();
  let bigrams = 0;
  for (const u of plan.units) {
    if (!u.eligible) continue;
    forEachTerm(
      u.seq,
      table.isFn,
      (i, n, key) => {
        if (table.places.excludes(u.seq.ids, i, n)) return;
        if (n === 2) bigrams++;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      },
      table.bound,
    );
  }
  return { counts, bigrams };
}

/**
 * Specificity of a cluster to its plan: novelty × the mean G² of its three
 * most distinctive key terms, each term's count in the plan against its count
 * in the rest of the corpus (only terms more frequent in the plan than
 * elsewhere count). Independent of how many passages the cluster has.
 */
export function specificity(
  cluster: Pick<AdditionCluster, 'keyTerms' | 'novelty'> & { termKeys: readonly number[] },
  plan: { counts: ReadonlyMap<number, number>; bigrams: number },
  table: TermTable,
): number {
  const g2 = cluster.termKeys.map((key) => {
    const a = plan.counts.get(key) ?? 0;
    const slot = table.slot.get(key);
    const b = Math.max(0, (slot === undefined ? a : table.total[slot]!) - a);
    const c = Math.max(1, plan.bigrams);
    const d = Math.max(1, table.bigrams - plan.bigrams);
    if (a === 0 || a / c <= b / d) return 0;
    return logLikelihood(a, b, c, d);
  });
  const top = g2.sort((x, y) => y - x).slice(0, 3);
  if (top.length === 0) return 0;
  return (cluster.novelty * top.reduce((s, x) => s + x, 0)) / top.length;
}

/** Drops passages whose text (case and spacing aside) repeats an earlier passage of the same plan. */
export function collapseDuplicates(passages: readonly AdditionPassage[]): AdditionPassage[] {
  const seen = new Set<string>();
  return passages.filter((p) => {
    const seq = p.unit.seq;
    const key = seq.text
      .slice(seq.starts[p.from]!, seq.ends[p.to - 1]!)
      .toLowerCase()
      .replace(/\s+/g, ' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Addition clusters of every plan, in plan order; within a plan, most
 * specific first (ids `add1`, `add2`, … follow that rank). `table`: the
 * corpus term table, when already built.
 */
export function findAdditions(
  corpus: PreparedCorpus,
  directive: readonly TokenSeq[],
  options: AdditionOptions = {},
  table: TermTable = termTable(corpus, []),
): AdditionCluster[] {
  return [...additionsByPlan(corpus, directive, options, table)].flat();
}

/** The same, one plan's clusters at a time. */
export function* additionsByPlan(
  corpus: PreparedCorpus,
  directive: readonly TokenSeq[],
  options: AdditionOptions = {},
  table: TermTable = termTable(corpus, []),
): Generator<AdditionCluster[]> {
  const owner = coverageIndex(corpus, directive, options.k ?? 4);
  const df = corpus.unigramDf;
  const idf = (id: number) => Math.log((1 + corpus.unitCount) / (1 + (df.get(id) ?? 0))) + 1;
  for (let pi = 0; pi < corpus.plans.length; pi++) {
    const plan = corpus.plans[pi]!;
    const passages = collapseDuplicates(
      plan.units.filter((u) => u.eligible).flatMap((u) => unitAdditions(u, pi, owner, options)),
    );
    const clusters = clusterAdditions(plan, passages, corpus, idf, options, table);
    const counts = planTermCounts(plan, table);
    const ranked = clusters
      .map((c, order) => ({
        c,
        order,
        s: specificity({ ...c, termKeys: (c as ClusterWithKeys).termKeys ?? [] }, counts, table),
      }))
      .sort((x, y) => y.s - x.s || y.c.novelty - x.c.novelty || x.order - y.order);
    yield ranked.map(({ c, s }, rank) => {
      const { termKeys: _keys, ...rest } = c as ClusterWithKeys;
      return { ...rest, id: `${plan.plan.id}:add${rank + 1}`, specificity: round4(s) };
    });
  }
}

type ClusterWithKeys = AdditionCluster & { termKeys?: number[] };
