/**
 * Whether a page's text layer can be trusted: an empty layer (a scan) or one
 * whose words are mostly not Vietnamese syllables (a font without a Unicode
 * map, text drawn as glyph ids) is read by OCR instead.
 */
import { isValidSyllable } from '@doichieu/core';

export interface TextQuality {
  letters: number;
  words: number;
  /** Share of alphabetic words that are valid Vietnamese syllables or plain ASCII words. */
  validShare: number;
}

export function textQuality(text: string): TextQuality {
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  const words = text
    .normalize('NFC')
    .split(/[^\p{L}\p{M}]+/u)
    .filter((w) => w.length > 0);
  // Abbreviations and foreign words are ASCII; invalid Vietnamese is what a broken font map gives.
  const valid = words.filter((w) => isValidSyllable(w) || /^[A-Za-z]{1,12}$/.test(w)).length;
  return { letters, words: words.length, validShare: words.length === 0 ? 0 : valid / words.length };
}

export function needsOcr(q: TextQuality): 'empty' | 'garbage' | undefined {
  if (q.letters < 12) return 'empty';
  if (q.words >= 15 && q.validShare < 0.6) return 'garbage';
  return undefined;
}
