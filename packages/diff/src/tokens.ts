/**
 * Comparison tokens: syllables of the normalised text, accent-folded
 * ("Phương", "phưong", "phuong" are one token), interned as integer ids. The
 * original words stay reachable through their offsets, for display.
 */
import { fold, forEachRun } from '@doichieu/core';

// forEachRun, not /[…]+/gu: one multi-megabyte word would overflow the regex stack.
const SYLLABLE = '[\\p{L}\\p{N}]';

/** Interns folded syllables as integer ids and remembers their most frequent surface form. */
export class Vocabulary {
  readonly #ids = new Map<string, number>();
  readonly #keys: string[] = [];
  readonly #surfaces: Map<string, number>[] = [];
  #foldCache = new Map<string, string>();

  /** The id of a syllable as written (folded first); `surface` is counted for display. */
  id(word: string): number {
    let folded = this.#foldCache.get(word);
    if (folded === undefined) {
      folded = fold(word);
      if (this.#foldCache.size > 200_000) this.#foldCache = new Map();
      this.#foldCache.set(word, folded);
    }
    let id = this.#ids.get(folded);
    if (id === undefined) {
      id = this.#keys.length;
      this.#ids.set(folded, id);
      this.#keys.push(folded);
      this.#surfaces.push(new Map());
    }
    const s = this.#surfaces[id]!;
    if (s.size < 8 || s.has(word)) s.set(word, (s.get(word) ?? 0) + 1);
    return id;
  }

  /** The id of an already folded key, or -1. */
  lookup(folded: string): number {
    return this.#ids.get(folded) ?? -1;
  }

  /** The folded form of an id. */
  key(id: number): string {
    return this.#keys[id] ?? '';
  }

  /** The most frequent surface form of an id (lower-cased, with its diacritics). */
  surface(id: number): string {
    const s = this.#surfaces[id];
    if (!s) return '';
    let best = '';
    let n = -1;
    for (const [w, c] of s) if (c > n || (c === n && w < best)) [best, n] = [w, c];
    return best;
  }

  get size(): number {
    return this.#keys.length;
  }
}

/** A tokenised text: ids with the UTF-16 offsets of each syllable in `text`. */
export interface TokenSeq {
  text: string;
  ids: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
}

/** Tokenises one normalised text (empty text gives empty arrays). */
export function tokenize(text: string, vocab: Vocabulary): TokenSeq {
  const ids: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  forEachRun(text, SYLLABLE, (index, word) => {
    ids.push(vocab.id(word.normalize('NFC').toLowerCase()));
    starts.push(index);
    ends.push(index + word.length);
  });
  return { text, ids: Int32Array.from(ids), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** Syllable ranges of a text as `[start, end)` offsets, without interning. */
export function syllableOffsets(text: string): [number, number][] {
  const out: [number, number][] = [];
  forEachRun(text, SYLLABLE, (index, word) => out.push([index, index + word.length]));
  return out;
}

/** The original text of tokens `[from, to)` of a sequence ('' when empty). */
export function sliceText(seq: TokenSeq, from: number, to: number): string {
  if (to <= from) return '';
  return seq.text.slice(seq.starts[from]!, seq.ends[to - 1]!);
}

/** The readable form of an n-gram of ids: surfaces joined by spaces. */
export function termText(ids: ArrayLike<number>, vocab: Vocabulary): string {
  const out: string[] = [];
  for (let i = 0; i < ids.length; i++) out.push(vocab.surface(ids[i]!));
  return out.join(' ');
}

const BASE = 2 ** 17;

/**
 * A numeric key for the n-gram `ids[i..i+n)`: exact for n ≤ 3 (ids beyond
 * 2^17 share keys, which does not happen on real text), a 52-bit hash above.
 */
export function gramKey(ids: ArrayLike<number>, i: number, n: number): number {
  if (n <= 3) {
    let k = 0;
    for (let j = 0; j < n; j++) k = k * BASE + ((ids[i + j]! % BASE) + 1);
    return k;
  }
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let j = 0; j < n; j++) {
    const id = ids[i + j]!;
    h1 = Math.imul(h1 ^ id, 0x9e3779b1);
    h1 ^= h1 >>> 15;
    h2 = Math.imul(h2 ^ (id + 0x7f4a7c15), 0x85ebca77);
    h2 ^= h2 >>> 13;
  }
  return (h1 >>> 0) * 2 ** 20 + (h2 >>> 12) + 2 ** 52;
}

/** The ids of an n-gram key made by `gramKey` with n ≤ 3. */
export function gramIds(key: number): number[] {
  const out: number[] = [];
  let k = key;
  while (k > 0) {
    const r = k % BASE;
    out.unshift(r - 1);
    k = (k - r) / BASE;
  }
  return out;
}
