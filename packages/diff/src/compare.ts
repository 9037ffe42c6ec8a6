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
import { round4 } from './types.ts';

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

/** Cosines between the eligible units of two plans, through an inverted index of B's bigrams (pairs sharing nothing are absent). */
export function unitSimilarities(
  corpus: PreparedCorpus,
  a: PreparedPlan,
  b: PreparedPlan,
): Map<number, number> {
  const index = new Map<number, { u: number; w: number }[]>();
  for (const u of b.units) {
    const vector = corpus.vector(u);
    if (!vector) continue;
    vector.keys.forEach((k, i) => {
      const list = index.get(k) ?? [];
      list.push({ u: u.index, w: vector.weights[i]! });
      index.set(k, list);
    });
  }
  const sims = new Map<number, number>();
  for (const u of a.units) {
    const vector = corpus.vector(u);
    if (!vector) continue;
    vector.keys.forEach((k, i) => {
      const list = index.get(k);
      if (!list) return;
      const wa = vector.weights[i]!;
      for (const p of list) {
        const key = u.index * 100_000 + p.u;
        sims.set(key, (sims.get(key) ?? 0) + wa * p.w);
      }
    });
  }
  return sims;
}

function pairUnits(a: PreparedPlan, b: PreparedPlan, sims: Map<number, number>, options: CompareOptions) {
  const ranked = [...sims.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0]);
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
    const key = ua.index * 100_000 + ub.index;
    if (seen.has(key)) return;
    seen.add(key);
    pairedA.add(ua.index);
    pairedB.add(ub.index);
    pairs.push({ ua, ub, group, sim });
  };
  for (const g of groups)
    for (const [key, sim] of ranked) {
      if (sim < (options.minPair ?? 0.2)) break;
      const ua = a.units[Math.floor(key / 100_000)]!;
      const ub = b.units[key % 100_000]!;
      if (!ua.unit.labels.includes(g) || !ub.unit.labels.includes(g)) continue;
      if (usedA.has(`${g}|${ua.index}`) || usedB.has(`${g}|${ub.index}`)) continue;
      take(ua, ub, g, sim);
    }
  // Units the aligner left without a shared group, paired when their wording is close.
  for (const [key, sim] of ranked) {
    if (sim < (options.minLoosePair ?? 0.5)) break;
    const ua = a.units[Math.floor(key / 100_000)]!;
    const ub = b.units[key % 100_000]!;
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
    const m = new Map<number, number>();
    for (const [key, s] of sims) {
      const i = side === 0 ? Math.floor(key / 100_000) : key % 100_000;
      m.set(i, Math.max(m.get(i) ?? 0, s));
    }
    return m;
  };
  const bestA = best(0);
  const bestB = best(1);
  const only = (p: PreparedPlan, paired: Set<number>, reused: Set<number>, bestOf: Map<number, number>) =>
    p.units
      .filter((u) => u.eligible && !paired.has(u.index) && !reused.has(u.index))
      .filter((u) => (bestOf.get(u.index) ?? 0) < (options.minPair ?? 0.2))
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
