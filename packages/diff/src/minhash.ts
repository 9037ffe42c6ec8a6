/**
 * MinHash signatures of shingle sets, and LSH banding: the index that picks
 * candidate plan pairs without comparing every pair.
 */

function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit hash of a numeric shingle key (keys may exceed 32 bits). */
export function hash32(key: number): number {
  const lo = key % 2 ** 32;
  const hi = Math.floor(key / 2 ** 32);
  return mix32(mix32(lo) ^ Math.imul(hi + 0x9e3779b9, 0x27d4eb2f));
}

/** The MinHash signature of a set of keys with `k` seeded hash functions; the empty set gives all 0xffffffff. */
export function minhash(keys: Iterable<number>, k = 128): Uint32Array {
  const sig = new Uint32Array(k).fill(0xffffffff);
  for (const key of keys) {
    const h = hash32(key);
    for (let i = 0; i < k; i++) {
      const v = mix32(h ^ Math.imul(i + 1, 0x9e3779b1));
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

/** Estimated Jaccard: the share of equal signature positions (0 for signatures of different lengths). */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** LSH buckets: for each band of `rows` positions, the indices of the signatures that agree on it. */
export function lshBuckets(signatures: readonly Uint32Array[], rows = 4): Map<string, number[]> {
  const buckets = new Map<string, number[]>();
  signatures.forEach((sig, idx) => {
    for (let b = 0; b + rows <= sig.length; b += rows) {
      let key = `${b}`;
      for (let r = 0; r < rows; r++) key += `:${sig[b + r]}`;
      const list = buckets.get(key);
      if (list) list.push(idx);
      else buckets.set(key, [idx]);
    }
  });
  return buckets;
}
