/**
 * Bag-of-n-gram vectors and their cosine, with the shared terms that produced
 * the score. Vectors are sparse: sorted keys and unit-normalised weights.
 */
import { gramKey, type TokenSeq } from './tokens.ts';

export interface SparseVector {
  keys: Float64Array;
  weights: Float64Array;
}

/** Counts of the n-grams `nMin..nMax` of a token array (n ≤ 3). */
export function gramCounts(
  ids: ArrayLike<number>,
  nMin: number,
  nMax: number,
  into = new Map<number, number>(),
) {
  for (let n = nMin; n <= nMax; n++)
    for (let i = 0; i + n <= ids.length; i++) {
      const k = gramKey(ids, i, n);
      into.set(k, (into.get(k) ?? 0) + 1);
    }
  return into;
}

/** A unit-length vector from counts, weighted by `idf(key)` (default 1); the empty bag gives an empty vector. */
export function vectorOf(counts: Map<number, number>, idf?: (key: number) => number): SparseVector {
  const keys = [...counts.keys()].sort((x, y) => x - y);
  const weights = new Float64Array(keys.length);
  let norm = 0;
  keys.forEach((k, i) => {
    const w = (1 + Math.log(counts.get(k)!)) * (idf ? idf(k) : 1);
    weights[i] = w;
    norm += w * w;
  });
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < weights.length; i++) weights[i]! /= norm;
  return { keys: Float64Array.from(keys), weights };
}

/** Cosine of two unit vectors: 0 when either is empty. */
export function cosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.keys.length && j < b.keys.length) {
    const x = a.keys[i]!;
    const y = b.keys[j]!;
    if (x === y) s += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return Math.min(1, s);
}

/** Jaccard of two sorted arrays of distinct keys: two empty sets score 1, one empty set 0. */
export function jaccard(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let inter = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      inter++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return inter / (a.length + b.length - inter);
}

const lowerCache = new WeakMap<TokenSeq, string>();

/** The sequence's text lower-cased, once. */
function lowerText(seq: TokenSeq): string {
  let l = lowerCache.get(seq);
  if (l === undefined) {
    l = seq.text.toLowerCase();
    lowerCache.set(seq, l);
  }
  return l;
}

/**
 * The terms two token sequences share: maximal runs of A whose bigrams all
 * occur in B, as written in A (lower-cased), longest first (at most `limit`).
 */
export function sharedTerms(a: TokenSeq, b: TokenSeq, limit = 10): string[] {
  const inB = new Set<number>();
  for (let i = 0; i + 2 <= b.ids.length; i++) inB.add(gramKey(b.ids, i, 2));
  const runs: string[] = [];
  let start = -1;
  const lower = lowerText(a);
  const flush = (end: number) => {
    if (start >= 0) {
      // A slice of the cached lower-cased text shares its memory: matched terms of thousands of
      // pairs then cost a few bytes each instead of a copy of the unit.
      const run =
        lower.length === a.text.length
          ? lower.slice(a.starts[start]!, a.ends[end]!)
          : a.text.slice(a.starts[start]!, a.ends[end]!).toLowerCase();
      runs.push(/\s\s|[^\S ]/.test(run) ? run.replace(/\s+/g, ' ') : run);
    }
    start = -1;
  };
  for (let i = 0; i + 2 <= a.ids.length; i++) {
    if (inB.has(gramKey(a.ids, i, 2))) {
      if (start < 0) start = i;
    } else flush(i);
  }
  flush(Math.max(0, a.ids.length - 1));
  return [...new Set(runs)]
    .sort((x, y) => y.length - x.length || (x < y ? -1 : x > y ? 1 : 0))
    .slice(0, limit);
}
