/**
 * Key terms: syllable n-grams that do not begin or end with a function word,
 * scored by frequency × inverse document frequency, preferring 2–4 syllable
 * terms, and chosen so that no chosen term repeats another.
 */
import { fold, type Lexicon, loadLexicon } from '@doichieu/core';
import functionWords from '../data/function-words-vi.json' with { type: 'json' };
import type { TokenSeq, Vocabulary } from './tokens.ts';

/** Vietnamese function words (accent-folded; packages/diff/data/function-words-vi.json) that a term may contain but not start or end with. */
const FUNCTION_WORDS = new Set(functionWords.words.map(fold));
/** Syllables that lead a noun phrase and so cannot end a term (function-words-vi.json, `prefixes`). */
const PREFIXES = new Set(functionWords.prefixes.map(fold));

export function isFunctionWord(folded: string): boolean {
  return FUNCTION_WORDS.has(folded) || /^\d+$/.test(folded);
}

let lexicon: Lexicon | undefined;

/** The syllable at `i` as written, lower-cased. */
function word(seq: TokenSeq, i: number): string {
  return seq.text.slice(seq.starts[i]!, seq.ends[i]!).toLowerCase();
}

/** True when punctuation separates syllables `i` and `i + 1` (a hyphen inside a code such as 57-KL does not). */
export function breakAfter(seq: TokenSeq, i: number): boolean {
  if (i < 0 || i + 1 >= seq.ids.length) return true;
  const gap = seq.text.slice(seq.ends[i]!, seq.starts[i + 1]!);
  return /[,;.:!?()"“”…]|\s[-–]\s?|^[-–]\s/.test(gap);
}

/**
 * True when a known word runs across the edge between syllables `i` and
 * `i + 1` (so a term must not cut there): the pair is a word or a set
 * phrase's pair of the lexicon, or the edge lies inside one of its
 * three-syllable stretches ("hệ thống | chính trị").
 */
export function wordAcross(seq: TokenSeq, i: number): boolean {
  if (breakAfter(seq, i)) return false;
  lexicon ??= loadLexicon();
  const a = word(seq, i);
  const b = word(seq, i + 1);
  if (lexicon.pairs.has(`${a} ${b}`) || lexicon.phrasePairs.has(`${a} ${b}`)) return true;
  if (i > 0 && !breakAfter(seq, i - 1) && lexicon.triples.has(`${word(seq, i - 1)} ${a} ${b}`)) return true;
  return (
    i + 2 < seq.ids.length && !breakAfter(seq, i + 1) && lexicon.triples.has(`${a} ${b} ${word(seq, i + 2)}`)
  );
}

const edgesCache = new WeakMap<TokenSeq, Uint8Array>();

/**
 * Per syllable `i`, what lies between it and the next: bit 1 = punctuation
 * (a term cannot run on), bit 4 = the syllable leads a noun phrase (it
 * cannot end a term), bit 2 = a known word runs across, the two are
 * glued without a space ("57-KL/TW") or `bound` says they are a fixed pair of
 * the corpus ("Quảng Ngãi"), so a term must not cut there. Cached per
 * sequence (the first caller's `bound` is kept: the diff stage always passes
 * its corpus's).
 */
export function termEdges(seq: TokenSeq, bound?: (x: number, y: number) => boolean): Uint8Array {
  let e = edgesCache.get(seq);
  if (e) return e;
  const n = seq.ids.length;
  e = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (breakAfter(seq, i)) {
      e[i] = 1;
      continue;
    }
    const gap = seq.text.slice(seq.ends[i]!, seq.starts[i + 1]!);
    if (!/\s/.test(gap) || wordAcross(seq, i) || bound?.(seq.ids[i]!, seq.ids[i + 1]!)) e[i] = 2;
  }
  for (let i = 0; i < n; i++) if (PREFIXES.has(fold(word(seq, i)))) e[i]! |= 4;
  edgesCache.set(seq, e);
  return e;
}

export interface KeyTerm {
  term: string;
  /** Folded ids, for matching. */
  ids: number[];
  weight: number;
}

export interface KeyTermOptions {
  minN?: number;
  maxN?: number;
  /** How many terms (default 5). */
  limit?: number;
  /** Weight of a syllable id (default 1): e.g. its IDF. */
  idf?: (id: number) => number;
  /** Extra weight per token position (e.g. novelty); same shape as the sequences. */
  boost?: (seq: number, i: number) => number;
}

/** Key terms of a set of token ranges; empty input gives []. */
export function keyTerms(
  ranges: readonly { seq: TokenSeq; from: number; to: number }[],
  vocab: Vocabulary,
  options: KeyTermOptions = {},
): KeyTerm[] {
  const minN = options.minN ?? 2;
  const maxN = options.maxN ?? 5;
  const idf = options.idf ?? (() => 1);
  const scores = new Map<string, { ids: number[]; text: string; count: number; score: number }>();
  ranges.forEach(({ seq, from, to }, r) => {
    const ids = seq.ids;
    for (let n = minN; n <= maxN; n++)
      for (let i = from; i + n <= to; i++) {
        if (isFunctionWord(vocab.key(ids[i]!)) || isFunctionWord(vocab.key(ids[i + n - 1]!))) continue;
        let broken = false;
        for (let j = i; j < i + n - 1 && !broken; j++) broken = breakAfter(seq, j);
        if (broken || wordAcross(seq, i - 1) || wordAcross(seq, i + n - 1)) continue;
        const gram = Array.from(ids.subarray(i, i + n));
        const key = gram.join(',');
        let w = 0;
        for (let j = 0; j < n; j++) w += idf(gram[j]!) * (options.boost ? options.boost(r, i + j) : 1);
        const s = scores.get(key) ?? {
          ids: gram,
          text: seq.text
            .slice(seq.starts[i]!, seq.ends[i + n - 1]!)
            .toLowerCase()
            .replace(/\s+/g, ' '),
          count: 0,
          score: 0,
        };
        s.count++;
        s.score = Math.max(s.score, (w / n) * (1 + 0.08 * Math.min(n - 1, 3)));
        scores.set(key, s);
      }
  });
  const ranked = [...scores.values()]
    .map((s) => ({ ...s, weight: s.score * (1 + Math.log(s.count)) }))
    .sort(
      (a, b) => b.weight - a.weight || b.ids.length - a.ids.length || (a.ids.join() < b.ids.join() ? -1 : 1),
    );
  const chosen: KeyTerm[] = [];
  const limit = options.limit ?? 5;
  for (const t of ranked) {
    if (chosen.length >= limit) break;
    const key = `,${t.ids.join(',')},`;
    if (chosen.some((c) => key.includes(`,${c.ids.join(',')},`) || `,${c.ids.join(',')},`.includes(key)))
      continue;
    chosen.push({ term: t.text, ids: t.ids, weight: t.weight });
  }
  return chosen;
}

/** A readable label: the terms joined by " · ". */
export function labelOf(terms: readonly { term: string }[]): string {
  return terms.map((t) => t.term).join(' · ');
}
