/**
 * Candidate plan pairs from the MinHash/LSH index: each plan keeps its
 * `neighbours` most similar plans among those that share an LSH bucket with
 * it. Small corpora (≤ `exhaustiveBelow` plans) compare every pair.
 */
import { estimateJaccard, lshBuckets } from './minhash.ts';

export interface CandidateOptions {
  /** Rows per LSH band (default 4: with 128 hashes, pairs above ~0.4 Jaccard collide). */
  rows?: number;
  /** Most similar candidates each plan keeps (default 5). */
  neighbours?: number;
  /** Compare all pairs when there are at most this many plans (default 12). */
  exhaustiveBelow?: number;
  /** Drop candidates whose estimated Jaccard is below this (default 0.05). */
  minSimilarity?: number;
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
  const keep = options.neighbours ?? 5;
  const min = options.minSimilarity ?? 0.05;
  const near: Map<number, number>[] = signatures.map(() => new Map());
  for (const list of lshBuckets(signatures, options.rows ?? 4).values()) {
    if (list.length < 2) continue;
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x]!;
        const j = list[y]!;
        if (near[i]!.has(j)) continue;
        const s = estimateJaccard(signatures[i]!, signatures[j]!);
        near[i]!.set(j, s);
        near[j]!.set(i, s);
      }
  }
  const pairs = new Set<number>();
  near.forEach((m, i) => {
    [...m.entries()]
      .filter(([, s]) => s >= min)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, keep)
      .forEach(([j]) => {
        pairs.add(Math.min(i, j) * n + Math.max(i, j));
      });
  });
  return [...pairs].sort((a, b) => a - b).map((p) => [Math.floor(p / n), p % n]);
}
