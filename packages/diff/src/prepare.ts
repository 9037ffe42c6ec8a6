/**
 * The corpus tokenised once: every unit as accent-folded syllable ids in one
 * vocabulary, with bigram document frequencies for IDF weights.
 */

import type { SparseVector } from './similarity.ts';
import { type TokenSeq, tokenize, Vocabulary } from './tokens.ts';
import { BOILERPLATE_ROLES, type DiffPlan, type DiffUnit } from './types.ts';
import { similarityVector } from './vectors.ts';

export interface PreparedUnit {
  unit: DiffUnit;
  seq: TokenSeq;
  /** Index of the unit in its plan. */
  index: number;
  /** Content that can be an addition, an omission or a pair: content, and not header, recipients, signature. */
  eligible: boolean;
  /** The unit's similarity vector, once computed (small corpora keep it; see `PreparedCorpus.vector`). */
  vector?: SparseVector;
}

export interface PreparedPlan {
  plan: DiffPlan;
  units: PreparedUnit[];
  /** Source-span maps per unit index, filled on demand by `passageRef`. */
  syllableSpans: Map<number, [number, number][] | null>;
}

export interface PreparedCorpus {
  vocab: Vocabulary;
  plans: PreparedPlan[];
  /** Number of eligible units, and in how many of them each bigram key occurs. */
  unitCount: number;
  bigramDf: Map<number, number>;
  /** In how many eligible units each syllable id occurs. */
  unigramDf: Map<number, number>;
  idf(key: number): number;
  /**
   * The similarity vector of an eligible unit (undefined for the others). Computed when first
   * asked; kept on the unit in a small corpus, recomputed in a large one, where few units are
   * ever paired and the vectors of every unit would outweigh the corpus text.
   */
  vector(u: PreparedUnit): SparseVector | undefined;
  /**
   * True when syllables x y form a fixed pair in this corpus (seen together in at least two
   * units, and one of them nearly never without the other): a term must not cut between them.
   */
  bound(x: number, y: number): boolean;
}

export function isEligible(u: DiffUnit): boolean {
  return u.content && !BOILERPLATE_ROLES.has(u.role);
}

export function preparePlan(plan: DiffPlan, vocab: Vocabulary): PreparedPlan {
  const seqs = packed(plan.units.map((unit) => tokenize(unit.text, vocab)));
  return {
    plan,
    units: plan.units.map((unit, index) => ({
      unit,
      seq: seqs[index]!,
      index,
      eligible: isEligible(unit),
    })),
    syllableSpans: new Map(),
  };
}

/**
 * The same sequences as views of one buffer per plan: three arrays of their own for each of the
 * millions of units of a national corpus weighed more than the syllables they hold.
 */
function packed(seqs: readonly TokenSeq[]): TokenSeq[] {
  let total = 0;
  for (const s of seqs) total += s.ids.length;
  const buffer = new Int32Array(3 * total);
  let at = 0;
  return seqs.map((s) => {
    const n = s.ids.length;
    buffer.set(s.ids, at);
    buffer.set(s.starts, at + n);
    buffer.set(s.ends, at + 2 * n);
    const view = {
      text: s.text,
      ids: buffer.subarray(at, at + n),
      starts: buffer.subarray(at + n, at + 2 * n),
      ends: buffer.subarray(at + 2 * n, at + 3 * n),
    };
    at += 3 * n;
    return view;
  });
}

/** Above this many plans unit vectors are not kept. */
const KEEP_VECTORS = 200;

export function prepareCorpus(plans: readonly DiffPlan[], vocab = new Vocabulary()): PreparedCorpus {
  const prepared = plans.map((p) => preparePlan(p, vocab));
  const bigramDf = new Map<number, number>();
  const unigramDf = new Map<number, number>();
  let unitCount = 0;
  for (const p of prepared)
    for (const u of p.units) {
      if (!u.eligible) continue;
      unitCount++;
      const seen = new Set<number>();
      const ids = u.seq.ids;
      for (let i = 0; i + 2 <= ids.length; i++) {
        const k = ids[i]! * 2 ** 17 + ids[i + 1]!;
        if (seen.has(k)) continue;
        seen.add(k);
      }
      for (const k of seen) bigramDf.set(k, (bigramDf.get(k) ?? 0) + 1);
      for (const id of new Set(ids)) unigramDf.set(id, (unigramDf.get(id) ?? 0) + 1);
    }
  const corpus: PreparedCorpus = {
    vocab,
    plans: prepared,
    unitCount,
    bigramDf,
    unigramDf,
    idf: (key) => Math.log((1 + unitCount) / (1 + (bigramDf.get(key) ?? 0))) + 1,
    vector: (u) => {
      if (!u.eligible) return undefined;
      if (u.vector) return u.vector;
      const v = similarityVector(u.seq, corpus.idf);
      if (plans.length <= KEEP_VECTORS) u.vector = v;
      return v;
    },
    bound: (x, y) => {
      const c = bigramDf.get(x * 2 ** 17 + y) ?? 0;
      if (c < 2) return false;
      return c >= 0.9 * (unigramDf.get(y) ?? 0) || c >= 0.9 * (unigramDf.get(x) ?? 0);
    },
  };
  return corpus;
}
