/**
 * Candidate plan pairs from the MinHash/LSH index: each plan keeps its
 * `neighbours` most similar plans among those that share an LSH bucket with
 * it. Small corpora (≤ `exhaustiveBelow` plans) compare every pair.
 *
 * A bucket is never enumerated whole when it is large: wording most plans
 * share (the directive's restatement) puts thousands of plans in one bucket,
 * and all its pairs would make the index quadratic. A bucket of more than
 * `maxBucket` plans is ordered by the rest of the signatures and each member
 * is compared with the next few in that order (plans agreeing on more
 * positions are closer), so work is at most `bands × plans × maxBucket`
 * signature comparisons.
 */
import { estimateJaccard } from './minhash.ts';

export interface CandidateOptions {
  /** Rows per LSH band (default 4: with 128 hashes, pairs above ~0.4 Jaccard collide). */
  rows?: number;
  /** Most similar candidates each plan keeps (default 5). */
  neighbours?: number;
  /** Compare all pairs when there are at most this many plans (default 12). */
  exhaustiveBelow?: number;
  /** Drop candidates whose estimated Jaccard is below this (default 0.05). */
  minSimilarity?: number;
  /** Largest bucket whose pairs are all compared; larger ones are windowed (default 48). */
  maxBucket?: number;
}

/** A plan's candidate: its index and estimated Jaccard. */
export interface Candidate {
  j: number;
  s: number;
}

const byScore = (a: Candidate, b: Candidate) => b.s - a.s || a.j - b.j;

function bandKey(sig: Uint32Array, from: number, rows: number): string {
  let key = '';
  for (let r = 0; r < rows; r++) key += `${sig[(from + r) % sig.length]}:`;
  return key;
}

/**
 * Calls `visit(i, j)` for the pairs of one bucket. A bucket larger than `cap`
 * is sorted by the rest of the signatures (the positions after its band, in
 * order) and each member is paired with the `cap - 1` members after it: plans
 * that agree on more further positions are neighbours in that order, so the
 * closest pairs are kept and the work grows linearly with the bucket.
 */
function visitBucket(
  list: readonly number[],
  signatures: readonly Uint32Array[],
  band: number,
  rows: number,
  cap: number,
  visit: (i: number, j: number) => void,
): void {
  if (list.length < 2) return;
  if (list.length <= cap) {
    for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) visit(list[x]!, list[y]!);
    return;
  }
  const len = signatures[list[0]!]!.length;
  const order = [...list].sort((i, j) => {
    const a = signatures[i]!;
    const b = signatures[j]!;
    for (let r = rows; r < len; r++) {
      const p = (band + r) % len;
      if (a[p] !== b[p]) return a[p]! - b[p]!;
    }
    return i - j;
  });
  for (let x = 0; x < order.length; x++)
    for (let y = x + 1; y < Math.min(order.length, x + cap); y++) visit(order[x]!, order[y]!);
}

/**
 * Each plan's best candidates (estimated Jaccard ≥ `minSimilarity`), best
 * first, at most `keep` of them; ties go to the earlier plan.
 */
export function lshNeighbours(
  signatures: readonly Uint32Array[],
  keep: number,
  options: CandidateOptions = {},
): Candidate[][] {
  const rows = options.rows ?? 4;
  const cap = Math.max(2, options.maxBucket ?? 48);
  const min = options.minSimilarity ?? 0.05;
  // A plan's candidates are pruned to its best `room` now and then: the final best `keep` are
  // the same (one total order), and memory stays bounded per plan.
  const room = Math.max(4 * keep, 64);
  const near: Map<number, number>[] = signatures.map(() => new Map());
  const prune = (m: Map<number, number>) => {
    const best = [...m].map(([j, s]) => ({ j, s })).sort(byScore);
    m.clear();
    for (const c of best.slice(0, room)) m.set(c.j, c.s);
  };
  const visit = (i: number, j: number) => {
    const ni = near[i]!;
    if (ni.has(j)) return;
    const s = estimateJaccard(signatures[i]!, signatures[j]!);
    if (s < min) return;
    ni.set(j, s);
    near[j]!.set(i, s);
    if (ni.size > 4 * room) prune(ni);
    if (near[j]!.size > 4 * room) prune(near[j]!);
  };
  const len = signatures[0]?.length ?? 0;
  for (let band = 0; band + rows <= len; band += rows) {
    const buckets = new Map<string, number[]>();
    signatures.forEach((sig, idx) => {
      const key = bandKey(sig, band, rows);
      const list = buckets.get(key);
      if (list) list.push(idx);
      else buckets.set(key, [idx]);
    });
    for (const list of buckets.values()) visitBucket(list, signatures, band, rows, cap, visit);
  }
  return near.map((m) =>
    [...m]
      .map(([j, s]) => ({ j, s }))
      .sort(byScore)
      .slice(0, keep),
  );
}

/** Candidate pairs `[i, j]` with i < j, sorted; empty input gives []. */
export function candidatePairs(
  signatures: readonly Uint32Array[],
  options: CandidateOptions = {},
): [number, number][] {
  const n = signatures.length;
  if (n <= (options.exhaustiveBelow ?? 12)) {
    const all: [number, number][] = [];
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) all.push([i, j]);
    return all;
  }
  const pairs = new Set<number>();
  lshNeighbours(signatures, options.neighbours ?? 5, options).forEach((list, i) => {
    for (const { j } of list) pairs.add(Math.min(i, j) * n + Math.max(i, j));
  });
  return [...pairs].sort((a, b) => a - b).map((p) => [Math.floor(p / n), p % n]);
}
