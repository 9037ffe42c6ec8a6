/**
 * Length-preserving accent folding for matching: "Cơ quan chù trì" and
 * "Cơ quan chủ trì" both become "co quan chu tri". Every UTF-16 code unit maps
 * to exactly one code unit, so an offset found in the folded string is the
 * same offset in the original.
 */

import { foldSameLength } from '../text/fold.ts';

/** Lower-cased, accent-free copy of `text` with the same length (one folding for the whole pipeline). */
export const foldKeepLength: (text: string) => string = foldSameLength;

/** Vietnamese syllable case, for turning "QUẢNG NGÃI" into "Quảng Ngãi". */
export function titleCaseWords(words: string): string {
  return words
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** `text` without trailing characters from `chars`; a loop, not /[…]+$/, which is quadratic on long runs. */
export function trimEndOf(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text.charAt(end - 1))) end--;
  return text.slice(0, end);
}
