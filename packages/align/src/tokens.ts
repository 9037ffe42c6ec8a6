/**
 * Vietnamese tokens: syllables (runs of letters and digits, lower-cased NFC),
 * and syllable n-grams, which stand in for words ("thông tin đối ngoại" is
 * one term of four syllables). General-purpose English tokenizers drop
 * Vietnamese letters; this one keeps every letter of the alphabet.
 */
import { runTexts } from '@doichieu/core';

// Bounded pieces joined (runTexts), not one /[…]+/gu match: a multi-megabyte word overflows the regex stack.
const SYLLABLE = '[\\p{L}\\p{N}]';

export function syllables(text: string): string[] {
  return runTexts(text.normalize('NFC').toLowerCase(), SYLLABLE);
}

/** All n-grams of lengths `minN..maxN`, joined by a space. */
export function ngrams(tokens: readonly string[], minN: number, maxN: number): string[] {
  const out: string[] = [];
  for (let n = minN; n <= maxN; n++) {
    for (let i = 0; i + n <= tokens.length; i++)
      out.push(n === 1 ? tokens[i]! : tokens.slice(i, i + n).join(' '));
  }
  return out;
}

/** Tokens of a phrase list entry such as "phối hợp, đồng bộ": punctuation ignored. */
export function phraseTokens(phrase: string): string[] {
  return syllables(phrase);
}

/** Counts occurrences of a token sequence in a token array. */
export function countSequence(tokens: readonly string[], seq: readonly string[]): number {
  if (seq.length === 0 || seq.length > tokens.length) return 0;
  let count = 0;
  outer: for (let i = 0; i + seq.length <= tokens.length; i++) {
    for (let k = 0; k < seq.length; k++) if (tokens[i + k] !== seq[k]) continue outer;
    count++;
  }
  return count;
}
