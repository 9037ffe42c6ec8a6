/**
 * One tone-mark convention. The plans write the tone of an open "oa", "oe"
 * or "uy" rhyme on its first vowel (hóa, khỏe, thủy, ủy); other texts put it
 * on the second (hoá, khoẻ, thuỷ, uỷ). Comparing texts needs one form.
 */
import type { Edit } from '../model.ts';
import { letterInfo, withTone } from './orthography.ts';
import { isLetterAt } from './tokens.ts';

export const TONE_STYLE_RULE = 'normalise:tone-style';

/** Open rhymes whose tone moves to the first vowel; in "quý" the u belongs to the onset, so it stays. */
const SHIFTING_PAIRS = new Set(['oa', 'oe', 'uy']);

/**
 * The plans' spelling of `word`, or undefined when it is already in that
 * style (or is not an old-style open oa/oe/uy syllable).
 */
export function toPlanToneStyle(word: string): string | undefined {
  const length = word.length;
  if (length < 2) return undefined;
  const second = letterInfo(word[length - 1]!);
  const first = letterInfo(word[length - 2]!);
  if (second === undefined || first === undefined || second.tone === 0 || first.tone !== 0) return undefined;
  const pair = (first.base + second.base).toLowerCase();
  if (!SHIFTING_PAIRS.has(pair)) return undefined;
  const before = word.slice(0, length - 2).toLowerCase();
  if (before.endsWith('q')) return undefined;
  if (!/^[bcdđghklmnprstvx]*$/.test(before)) return undefined;
  return word.slice(0, length - 2) + withTone(first.base, second.tone) + second.base;
}

/**
 * The last two letters of every word that {@link toPlanToneStyle} changes: "o" or "u", then "a", "e"
 * or "y" with a tone mark (any case). Finding these pairs is one regex scan; reading every word is not.
 */
const MAY_SHIFT = (() => {
  let toned = '';
  for (const vowel of ['a', 'e', 'y', 'A', 'E', 'Y'])
    for (const tone of [1, 2, 3, 4, 5] as const) toned += withTone(vowel, tone);
  return new RegExp(`[oOuU][${toned}]`, 'g');
})();

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code < 0xdc00;

/** Start of the letter run (as `letterRuns` reads runs) that holds the letter at `at`. */
function letterRunStart(text: string, at: number): number {
  let start = at;
  while (start > 0) {
    const code = text.charCodeAt(start - 1);
    const pairStart =
      code >= 0xdc00 && code < 0xe000 && start >= 2 && isHighSurrogate(text.charCodeAt(start - 2));
    const previous = pairStart ? start - 2 : start - 1;
    if (!isLetterAt(text, previous)) break;
    start = previous;
  }
  return start;
}

/** Edits that move old-style tone marks (hoá, uỷ, thuỷ, oà, uý) to the plans' style (hóa, ủy, thủy, òa, úy). */
export function canonicalToneEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  MAY_SHIFT.lastIndex = 0;
  for (let pair = MAY_SHIFT.exec(text); pair; pair = MAY_SHIFT.exec(text)) {
    // Only a word that ends with the pair can move.
    const end = pair.index + 2;
    if (end < text.length && isLetterAt(text, end)) continue;
    const start = letterRunStart(text, pair.index);
    const word = text.slice(start, end);
    const canonical = toPlanToneStyle(word);
    if (canonical === undefined) continue;
    edits.push({
      start,
      end,
      text: canonical,
      ruleId: TONE_STYLE_RULE,
      reason: `"${word}" → "${canonical}" (tone mark on the first vowel of an open oa/oe/uy rhyme)`,
    });
  }
  return edits;
}
