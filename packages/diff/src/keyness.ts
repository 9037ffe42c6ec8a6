/**
 * Keyness: each plan's distinctive terms by log-likelihood G² against the
 * rest of the corpus (Dunning 1993), over syllable 1–3-grams; only terms more
 * frequent in the plan than expected, seen at least `minCount` times.
 */
import { forEachTerm } from './grams.ts';
import type { PreparedCorpus } from './prepare.ts';
import { isFunctionWord, termEdges } from './terms.ts';
import { gramIds, gramKey, type Vocabulary } from './tokens.ts';
import { round4 } from './types.ts';

export interface KeynessTerm {
  term: string;
  g2: number;
  countInPlan: number;
  countInRest: number;
}

/** G² of a count `a` out of `c` in the plan against `b` out of `d` in the rest; 0 when nothing is counted. */
export function logLikelihood(a: number, b: number, c: number, d: number): number {
  if (c + d === 0 || a + b === 0) return 0;
  const e1 = (c * (a + b)) / (c + d);
  const e2 = (d * (a + b)) / (c + d);
  return 2 * ((a > 0 ? a * Math.log(a / e1) : 0) + (b > 0 ? b * Math.log(b / e2) : 0));
}

export interface KeynessOptions {
  limit?: number;
  minCount?: number;
  maxN?: number;
}

/**
 * Distinctive terms of each document (a document = the token arrays of its
 * units; n-grams never cross units). Output follows the input order.
 */
export function keyness(
  docs: readonly (readonly ArrayLike<number>[])[],
  vocab: Vocabulary,
  options: KeynessOptions = {},
): KeynessTerm[][] {
  return [...keynessByDoc(docs, vocab, options)];
}

/** The same, one document at a time (a large corpus never holds every document's terms). */
export function* keynessByDoc(
  docs: readonly (readonly ArrayLike<number>[])[],
  vocab: Vocabulary,
  options: KeynessOptions = {},
): Generator<KeynessTerm[]> {
  const maxN = options.maxN ?? 3;
  const minCount = options.minCount ?? 3;
  const limit = options.limit ?? 20;
  const count = (doc: readonly ArrayLike<number>[]) => {
    const m = new Map<number, number>();
    const totals = new Float64Array(maxN + 1);
    for (const ids of doc)
      for (let n = 1; n <= maxN; n++)
        for (let i = 0; i + n <= ids.length; i++) {
          if (isFunctionWord(vocab.key(ids[i]!)) || isFunctionWord(vocab.key(ids[i + n - 1]!))) continue;
          const k = gramKey(ids, i, n);
          m.set(k, (m.get(k) ?? 0) + 1);
          totals[n]!++;
        }
    return { m, totals };
  };
  const all = new Map<number, number>();
  const allTotals = new Float64Array(maxN + 1);
  for (const doc of docs) {
    const { m, totals } = count(doc);
    for (const [k, v] of m) all.set(k, (all.get(k) ?? 0) + v);
    for (let n = 1; n <= maxN; n++) allTotals[n]! += totals[n]!;
  }
  for (const doc of docs) {
    const { m, totals } = count(doc);
    const scored: (KeynessTerm & { ids: number[] })[] = [];
    for (const [k, a] of m) {
      if (a < minCount) continue;
      const ids = gramIds(k);
      const n = ids.length;
      const b = all.get(k)! - a;
      const c = totals[n]!;
      const d = allTotals[n]! - c;
      if (d > 0 && a / c <= b / d) continue;
      const g2 = logLikelihood(a, b, c, d);
      scored.push({
        ids,
        term: ids.map((id) => vocab.surface(id)).join(' '),
        g2,
        countInPlan: a,
        countInRest: b,
      });
    }
    scored.sort((x, y) => y.g2 - x.g2 || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0));
    const chosen: typeof scored = [];
    for (const t of scored) {
      if (chosen.length >= limit) break;
      const key = `,${t.ids.join(',')},`;
      // A shorter term inside a chosen longer one (or the reverse) with nearly the same count says nothing new.
      const dup = chosen.some((c) => {
        const ck = `,${c.ids.join(',')},`;
        return (
          (ck.includes(key) || key.includes(ck)) &&
          Math.min(c.countInPlan, t.countInPlan) >= 0.7 * Math.max(c.countInPlan, t.countInPlan)
        );
      });
      if (!dup) chosen.push(t);
    }
    yield chosen.map(({ term, g2, countInPlan, countInRest }) => ({
      term,
      g2: round4(g2),
      countInPlan,
      countInRest,
    }));
  }
}

/**
 * Distinctive terms of each plan on whole terms: the corpus's candidate
 * terms (2–4 syllables, whole words at both edges, no function word at
 * either end, no place name of the headers; see grams.ts) and single
 * syllables that stand alone as a word (not glued into a known word on
 * either side, not a function word), by G² against the rest of the corpus.
 * Output follows the plan order.
 */
export function termKeyness(
  corpus: PreparedCorpus,
  isFn: (id: number) => boolean,
  places: { excludes(ids: ArrayLike<number>, i: number, n: number): boolean },
  options: KeynessOptions = {},
): KeynessTerm[][] {
  const minCount = options.minCount ?? 3;
  const limit = options.limit ?? 20;
  const maxN = MAX_TERM;
  const texts = new Map<number, string>();
  const perPlan = corpus.plans.map((p) => {
    const m = new Map<number, number>();
    const totals = new Float64Array(maxN + 1);
    for (const u of p.units) {
      if (!u.eligible) continue;
      const seq = u.seq;
      const note = (i: number, n: number, key: number) => {
        m.set(key, (m.get(key) ?? 0) + 1);
        totals[n]!++;
        if (!texts.has(key))
          texts.set(
            key,
            seq.text
              .slice(seq.starts[i]!, seq.ends[i + n - 1]!)
              .toLowerCase()
              .replace(/\s+/g, ' '),
          );
      };
      forEachTerm(
        seq,
        isFn,
        (i, n, key) => {
          if (!places.excludes(seq.ids, i, n)) note(i, n, key);
        },
        corpus.bound,
      );
      const edge = termEdges(seq, corpus.bound);
      for (let i = 0; i < seq.ids.length; i++) {
        const glued = (i > 0 && edge[i - 1]! & 2) || edge[i]! & 2 || edge[i]! & 4;
        if (glued || isFn(seq.ids[i]!) || places.excludes(seq.ids, i, 1)) continue;
        if (/^\d/.test(seq.text.slice(seq.starts[i]!, seq.ends[i]!))) continue;
        note(i, 1, gramKey(seq.ids, i, 1));
      }
    }
    return { m, totals };
  });
  const all = new Map<number, number>();
  const allTotals = new Float64Array(maxN + 1);
  for (const { m, totals } of perPlan) {
    for (const [k, v] of m) all.set(k, (all.get(k) ?? 0) + v);
    for (let n = 1; n <= maxN; n++) allTotals[n]! += totals[n]!;
  }
  return perPlan.map(({ m, totals }) => {
    const scored: (KeynessTerm & { key: number; n: number })[] = [];
    for (const [k, a] of m) {
      if (a < minCount) continue;
      const term = texts.get(k)!;
      const n = term.split(' ').length;
      const b = all.get(k)! - a;
      const c = totals[Math.min(n, maxN)]!;
      const d = allTotals[Math.min(n, maxN)]! - c;
      if (d > 0 && a / c <= b / d) continue;
      scored.push({ key: k, n, term, g2: logLikelihood(a, b, c, d), countInPlan: a, countInRest: b });
    }
    scored.sort((x, y) => y.g2 - x.g2 || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0));
    const chosen: typeof scored = [];
    for (const t of scored) {
      if (chosen.length >= limit) break;
      const padded = ` ${t.term} `;
      // A shorter term inside a chosen longer one (or the reverse) with nearly the same count says nothing new.
      const dup = chosen.some((c) => {
        const cp = ` ${c.term} `;
        return (
          (cp.includes(padded) || padded.includes(cp)) &&
          Math.min(c.countInPlan, t.countInPlan) >= 0.7 * Math.max(c.countInPlan, t.countInPlan)
        );
      });
      if (!dup) chosen.push(t);
    }
    return chosen.map(({ term, g2, countInPlan, countInRest }) => ({
      term,
      g2: round4(g2),
      countInPlan,
      countInRest,
    }));
  });
}

const MAX_TERM = 4;
