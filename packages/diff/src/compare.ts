/**
 * Plan against plan: corresponding units paired within each task group
 * (greedy, best cosine first), each pair with its score, the terms behind it
 * and a word diff; verbatim reuse regardless of order; the units of each plan
 * with no counterpart in the other.
 */
import { type DiffUnitsOptions, diffTokens } from './diff-units.ts';
import type { PreparedCorpus, PreparedPlan, PreparedUnit } from './prepare.ts';
import { findReuseMatches, type ReuseMatch, type ReuseOptions } from './reuse.ts';
import type { PlanComparison, ReusePassage, UnitPair } from './schema.ts';
import { sharedTerms } from './similarity.ts';
import { passageRef } from './spans.ts';
import { gramKey, sliceText } from './tokens.ts';
import { PAIR_BUDGET, round4 } from './types.ts';

export interface CompareOptions {
  /** Least cosine for two units of one task group to be paired (default 0.2). */
  minPair?: number;
  /** Least cosine for two units to be paired across groups or without labels (default 0.5). */
  minLoosePair?: number;
  diff?: DiffUnitsOptions;
  reuse?: ReuseOptions;
  /** Shared passages only: no paired units, word diffs or only-in lists (the many comparisons of a large corpus). */
  reuseOnly?: boolean;
}

const MIN_UNIT_CANDIDATES = 16;

/** Scored unit pairs of two plans, in parallel arrays (a Map would stop at 2^24 entries). */
export interface UnitSimilarities {
  a: Int32Array;
  b: Int32Array;
  sim: Float64Array;
  length: number;
}

/**
 * Cosines between the eligible units of two plans, through an inverted index of B's bigrams
 * (pairs sharing nothing are absent). Counted budgets, never time, bound the work: a unit looks
 * at most at `perUnit` postings of each bigram (those nearest its own relative position in the
 * plan, where a bigram is in more units than that) and scores at most `perUnit` units of B.
 */
export function unitSimilarities(
  corpus: PreparedCorpus,
  a: PreparedPlan,
  b: PreparedPlan,
  budget = PAIR_BUDGET,
): UnitSimilarities {
  const units = new Map<number, number[]>();
  const weights = new Map<number, number[]>();
  for (const u of b.units) {
    const vector = corpus.vector(u);
    if (!vector) continue;
    for (let i = 0; i < vector.keys.length; i++) {
      const k = vector.keys[i]!;
      const list = units.get(k);
      if (list) {
        list.push(u.index);
        weights.get(k)!.push(vector.weights[i]!);
      } else {
        units.set(k, [u.index]);
        weights.set(k, [vector.weights[i]!]);
      }
    }
  }
  const eligibleA = a.units.reduce((n, u) => n + (u.eligible ? 1 : 0), 0);
  const perUnit = Math.max(MIN_UNIT_CANDIDATES, Math.floor(budget / Math.max(1, eligibleA)));
  let capacity = 1024;
  let out: UnitSimilarities = {
    a: new Int32Array(capacity),
    b: new Int32Array(capacity),
    sim: new Float64Array(capacity),
    length: 0,
  };
  // Sums per unit of B for the current unit of A: a dense scratch row, reset through `touched`.
  const sums = new Float64Array(b.units.length);
  const scored = new Uint8Array(b.units.length);
  const touched = new Int32Array(Math.min(perUnit, b.units.length));
  for (const u of a.units) {
    const vector = corpus.vector(u);
    if (!vector) continue;
    let count = 0;
    const centre = Math.floor((u.index * b.units.length) / Math.max(1, a.units.length));
    for (let i = 0; i < vector.keys.length; i++) {
      const k = vector.keys[i]!;
      const list = units.get(k);
      if (!list) continue;
      const w = weights.get(k)!;
      const wa = vector.weights[i]!;
      let from = 0;
      let to = list.length;
      if (list.length > perUnit) {
        from = Math.min(Math.max(0, lowerBound(list, centre) - (perUnit >> 1)), list.length - perUnit);
        to = from + perUnit;
      }
      for (let p = from; p < to; p++) {
        const ub = list[p]!;
        if (scored[ub]) sums[ub] = sums[ub]! + wa * w[p]!;
        else if (count < touched.length) {
          scored[ub] = 1;
          sums[ub] = wa * w[p]!;
          touched[count++] = ub;
        }
      }
    }
    if (out.length + count > capacity) {
      while (out.length + count > capacity) capacity *= 2;
      out = grow(out, capacity);
    }
    // In unit order, so that a stable sort by score alone ranks ties by (unit of A, unit of B).
    touched.subarray(0, count).sort();
    for (let t = 0; t < count; t++) {
      const ub = touched[t]!;
      out.a[out.length] = u.index;
      out.b[out.length] = ub;
      out.sim[out.length] = sums[ub]!;
      out.length++;
      scored[ub] = 0;
    }
  }
  return out;
}

function grow(s: UnitSimilarities, capacity: number): UnitSimilarities {
  const next = {
    a: new Int32Array(capacity),
    b: new Int32Array(capacity),
    sim: new Float64Array(capacity),
    length: s.length,
  };
  next.a.set(s.a.subarray(0, s.length));
  next.b.set(s.b.subarray(0, s.length));
  next.sim.set(s.sim.subarray(0, s.length));
  return next;
}

/** First position of a sorted list holding a value ≥ `x`. */
function lowerBound(list: readonly number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function pairUnits(a: PreparedPlan, b: PreparedPlan, sims: UnitSimilarities, options: CompareOptions) {
  const minPair = options.minPair ?? 0.2;
  const minLoosePair = options.minLoosePair ?? 0.5;
  const floor = Math.min(minPair, minLoosePair);
  // Best first; ties in unit order (`sims` is in unit order and the sort is stable). Pairs below
  // both thresholds are never taken: not sorted.
  const ranked: number[] = [];
  for (let i = 0; i < sims.length; i++) if (sims.sim[i]! >= floor) ranked.push(i);
  ranked.sort((x, y) => sims.sim[y]! - sims.sim[x]!);
  const pairs: { ua: PreparedUnit; ub: PreparedUnit; group: string; sim: number }[] = [];
  const usedA = new Set<string>();
  const usedB = new Set<string>();
  const pairedA = new Set<number>();
  const pairedB = new Set<number>();
  const groups = [
    ...new Set([...a.units, ...b.units].flatMap((u) => (u.eligible ? u.unit.labels : []))),
  ].sort();
  const seen = new Set<number>();
  const take = (ua: PreparedUnit, ub: PreparedUnit, group: string, sim: number) => {
    usedA.add(`${group}|${ua.index}`);
    usedB.add(`${group}|${ub.index}`);
    const key = ua.index * b.units.length + ub.index;
    if (seen.has(key)) return;
    seen.add(key);
    pairedA.add(ua.index);
    pairedB.add(ub.index);
    pairs.push({ ua, ub, group, sim });
  };
  for (const g of groups)
    for (const r of ranked) {
      const sim = sims.sim[r]!;
      if (sim < minPair) break;
      const ua = a.units[sims.a[r]!]!;
      const ub = b.units[sims.b[r]!]!;
      if (!ua.unit.labels.includes(g) || !ub.unit.labels.includes(g)) continue;
      if (usedA.has(`${g}|${ua.index}`) || usedB.has(`${g}|${ub.index}`)) continue;
      take(ua, ub, g, sim);
    }
  // Units the aligner left without a shared group, paired when their wording is close.
  for (const r of ranked) {
    const sim = sims.sim[r]!;
    if (sim < minLoosePair) break;
    const ua = a.units[sims.a[r]!]!;
    const ub = b.units[sims.b[r]!]!;
    if (pairedA.has(ua.index) || pairedB.has(ub.index)) continue;
    const shared = ua.unit.labels.find((l) => ub.unit.labels.includes(l));
    take(ua, ub, shared ?? ua.unit.labels[0] ?? ub.unit.labels[0] ?? 'none', sim);
  }
  return { pairs, pairedA, pairedB };
}

/** Jaccard of the plans' shingle sets is passed in (`similarity`), so that it matches the matrix. */
export function comparePrepared(
  corpus: PreparedCorpus,
  a: PreparedPlan,
  b: PreparedPlan,
  similarity: number,
  options: CompareOptions = {},
): PlanComparison {
  if (options.reuseOnly)
    return {
      a: a.plan.id,
      b: b.plan.id,
      similarity: round4(similarity),
      pairs: [],
      reuse: reusePassages(a, b, findReuseMatches(a, b, options.reuse)),
      onlyInA: [],
      onlyInB: [],
      reuseOnly: true,
    };
  const sims = unitSimilarities(corpus, a, b);
  const { pairs, pairedA, pairedB } = pairUnits(a, b, sims, options);
  const unitPairs: UnitPair[] = pairs.map(({ ua, ub, group, sim }) => {
    const d = diffTokens(ua.seq, ub.seq, options.diff);
    return {
      group,
      a: passageRef(a, ua),
      b: passageRef(b, ub),
      similarity: round4(sim),
      matchedTerms: sharedTerms(ua.seq, ub.seq),
      diff:
        d.status === 'ok'
          ? d.parts
          : [
              { op: 'removed' as const, text: ua.unit.text },
              { op: 'added' as const, text: ub.unit.text },
            ],
      ...(d.status === 'ok' ? {} : { diffStatus: d.reason }),
    };
  });
  const matches = findReuseMatches(a, b, options.reuse);
  const reusedA = new Set(matches.map((m) => m.ua));
  const reusedB = new Set(matches.map((m) => m.ub));
  const best = (side: 0 | 1) => {
    const m = new Float64Array(side === 0 ? a.units.length : b.units.length);
    const of = side === 0 ? sims.a : sims.b;
    for (let r = 0; r < sims.length; r++) m[of[r]!] = Math.max(m[of[r]!]!, sims.sim[r]!);
    return m;
  };
  const bestA = best(0);
  const bestB = best(1);
  const only = (p: PreparedPlan, paired: Set<number>, reused: Set<number>, bestOf: Float64Array) =>
    p.units
      .filter((u) => u.eligible && !paired.has(u.index) && !reused.has(u.index))
      .filter((u) => bestOf[u.index]! < (options.minPair ?? 0.2))
      .map((u) => passageRef(p, u));
  return {
    a: a.plan.id,
    b: b.plan.id,
    similarity: round4(similarity),
    pairs: unitPairs,
    reuse: reusePassages(a, b, matches),
    onlyInA: only(a, pairedA, reusedA, bestA),
    onlyInB: only(b, pairedB, reusedB, bestB),
  };
}

function reusePassages(a: PreparedPlan, b: PreparedPlan, matches: ReuseMatch[]): ReusePassage[] {
  return matches
    .sort((x, y) => x.ua - y.ua || x.a0 - y.a0 || x.ub - y.ub)
    .map((m) => ({
      a: passageRef(a, a.units[m.ua]!, m.a0, m.a1),
      b: passageRef(b, b.units[m.ub]!, m.b0, m.b1),
      tokens: m.tokens,
      text: sliceText(a.units[m.ua]!.seq, m.a0, m.a1),
    }));
}

/** Shingles of a plan for the similarity matrix: distinct syllable 3-grams of its eligible units, sorted. */
export function planShingles(p: PreparedPlan): Float64Array {
  const set = new Set<number>();
  for (const u of p.units) {
    if (!u.eligible) continue;
    for (let i = 0; i + 3 <= u.seq.ids.length; i++) set.add(gramKey(u.seq.ids, i, 3));
  }
  return Float64Array.from(set).sort();
}
