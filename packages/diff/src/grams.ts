/**
 * The corpus term table: every candidate term (syllable 2–4-gram that does
 * not start or end with a function word, does not span punctuation and does
 * not cut a word at either edge) counted once over the eligible units, in
 * flat typed arrays: total count, count per task group, and in how many plans
 * it occurs. No per-term sets: the few terms that need their plans or units
 * collect them in a second pass (`scanTerms`). Shared by the omissions
 * (G² per group) and the addition labels (keyness against the corpus).
 * Terms that contain a place name of the plans' headers are not counted:
 * a province's name is not content.
 */
import { type PlaceNames, placeNames } from './places.ts';
import type { PreparedCorpus, PreparedUnit } from './prepare.ts';
import { isFunctionWord, termEdges } from './terms.ts';
import { gramKey, type TokenSeq, type Vocabulary } from './tokens.ts';

export const MIN_N = 2;
export const MAX_N = 4;

/** Function-word flags by syllable id (a cache over the vocabulary). */
export function functionFlags(vocab: Vocabulary): (id: number) => boolean {
  let flags = new Uint8Array(0);
  return (id: number) => {
    if (id >= flags.length) {
      const next = new Uint8Array(Math.max(vocab.size, id + 1));
      next.set(flags);
      for (let i = flags.length; i < next.length; i++) next[i] = isFunctionWord(vocab.key(i)) ? 2 : 1;
      flags = next;
    }
    return flags[id] === 2;
  };
}

/**
 * Calls `visit(i, n, key)` for every candidate term of `seq` (n from MIN_N to
 * MAX_N): no function word at either end, no punctuation inside, no word cut
 * at either edge.
 */
export function forEachTerm(
  seq: TokenSeq,
  isFn: (id: number) => boolean,
  visit: (i: number, n: number, key: number) => void,
  bound?: (x: number, y: number) => boolean,
  from = 0,
  to = seq.ids.length,
): void {
  const ids = seq.ids;
  const edge = termEdges(seq, bound);
  for (let i = from; i < to; i++) {
    if (isFn(ids[i]!) || (i > 0 && edge[i - 1]! & 2)) continue;
    for (let n = 1; n <= MAX_N; n++) {
      // edge[j]: bit 1 = punctuation after syllable j, bit 2 = a word runs across j | j+1.
      const last = i + n - 1;
      if (last >= to) break;
      // A noun-phrase lead ("toàn", "cuộc") ends a term only as the second half of a word ("an toàn").
      const dangling = edge[last]! & 4 && !(edge[last - 1]! & 2);
      if (n >= MIN_N && !isFn(ids[last]!) && !(edge[last]! & 2) && !dangling) visit(i, n, gramKey(ids, i, n));
      if (edge[last]! & 1) break;
    }
  }
}

export interface TermTable {
  groups: readonly string[];
  /** Slot of each term key. */
  slot: Map<number, number>;
  size: number;
  /** Term key of each slot. */
  keys: Float64Array;
  /** Occurrences of each slot in eligible units. */
  total: Int32Array;
  /** Occurrences per group: `inGroup[slot * G + g]`. */
  inGroup: Int32Array;
  /** Plans the term occurs in. */
  planDf: Int32Array;
  /** First occurrence: eligible-unit number and `i * 8 + n`. */
  firstUnit: Int32Array;
  firstPos: Int32Array;
  /** Bigram-level totals: candidate bigram positions overall and per group (the G² sample sizes). */
  bigrams: number;
  bigramsInGroup: Float64Array;
  /** Eligible units in corpus order, with their plan index and group indices. */
  units: { pi: number; u: PreparedUnit; gs: number[] }[];
  isFn: (id: number) => boolean;
  bound: (x: number, y: number) => boolean;
  places: PlaceNames;
}

/** Counts every candidate term of the corpus once (see the module comment). */
export function termTable(corpus: PreparedCorpus, groups: readonly string[]): TermTable {
  const G = groups.length;
  const isFn = functionFlags(corpus.vocab);
  const places = placeNames(corpus);
  const units: TermTable['units'] = [];
  corpus.plans.forEach((p, pi) => {
    for (const u of p.units)
      if (u.eligible)
        units.push({ pi, u, gs: u.unit.labels.map((l) => groups.indexOf(l)).filter((x) => x >= 0) });
  });
  const slot = new Map<number, number>();
  let cap = 1024;
  let size = 0;
  let total = new Int32Array(cap);
  let inGroup = new Int32Array(cap * G);
  let planDf = new Int32Array(cap);
  let lastPlan = new Int32Array(cap);
  let firstUnit = new Int32Array(cap);
  let firstPos = new Int32Array(cap);
  let keys = new Float64Array(cap);
  const grow = () => {
    cap *= 2;
    const g = <T extends Int32Array>(a: T, n: number) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    total = g(total, cap);
    inGroup = g(inGroup, cap * G);
    planDf = g(planDf, cap);
    lastPlan = g(lastPlan, cap);
    firstUnit = g(firstUnit, cap);
    firstPos = g(firstPos, cap);
    const k = new Float64Array(cap);
    k.set(keys);
    keys = k;
  };
  let bigrams = 0;
  const bigramsInGroup = new Float64Array(G);
  units.forEach(({ pi, u, gs }, ei) => {
    forEachTerm(
      u.seq,
      isFn,
      (i, n, key) => {
        if (places.excludes(u.seq.ids, i, n)) return;
        if (n === 2) {
          bigrams++;
          for (const g of gs) bigramsInGroup[g]!++;
        }
        let s = slot.get(key);
        if (s === undefined) {
          if (size === cap) grow();
          s = size++;
          slot.set(key, s);
          firstUnit[s] = ei;
          firstPos[s] = i * 8 + n;
          keys[s] = key;
          lastPlan[s] = -1;
        }
        total[s]!++;
        for (const g of gs) inGroup[s * G + g]!++;
        if (lastPlan[s] !== pi) {
          lastPlan[s] = pi;
          planDf[s]!++;
        }
      },
      corpus.bound,
    );
  });
  return {
    groups,
    slot,
    size,
    keys,
    total,
    inGroup,
    planDf,
    firstUnit,
    firstPos,
    bigrams,
    bigramsInGroup,
    units,
    isFn,
    bound: corpus.bound,
    places,
  };
}

/** The ids of slot `s`'s term. */
export function slotIds(t: TermTable, s: number): number[] {
  const seq = t.units[t.firstUnit[s]!]!.u.seq;
  const i = t.firstPos[s]! >> 3;
  return Array.from(seq.ids.subarray(i, i + (t.firstPos[s]! & 7)));
}

/** Calls `visit(ei, key, i, n)` for each occurrence of a term whose key is in `keys`, over the table's units. */
export function scanTerms(
  t: TermTable,
  keys: ReadonlySet<number> | ReadonlyMap<number, unknown>,
  visit: (ei: number, key: number, i: number, n: number) => void,
): void {
  t.units.forEach(({ u }, ei) => {
    forEachTerm(
      u.seq,
      t.isFn,
      (i, n, key) => {
        if (keys.has(key)) visit(ei, key, i, n);
      },
      t.bound,
    );
  });
}

/** The text of slot `s`'s term as first written, lower-cased. */
export function slotText(t: TermTable, s: number): string {
  const seq = t.units[t.firstUnit[s]!]!.u.seq;
  const i = t.firstPos[s]! >> 3;
  const n = t.firstPos[s]! & 7;
  return seq.text
    .slice(seq.starts[i]!, seq.ends[i + n - 1]!)
    .toLowerCase()
    .replace(/\s+/g, ' ');
}
