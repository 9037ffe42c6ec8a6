/**
 * One tone-mark convention. The plans write the tone of an open "oa", "oe"
 * or "uy" rhyme on its first vowel (hóa, khỏe, thủy, ủy); other texts put it
 * on the second (hoá, khoẻ, thuỷ, uỷ). Comparing texts needs one form.
 */
import type { Edit } from '../model.ts';
import { letterInfo, withTone } from './orthography.ts';
import { letterRuns } from './tokens.ts';

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

/** Edits that move old-style tone marks (hoá, uỷ, thuỷ, oà, uý) to the plans' style (hóa, ủy, thủy, òa, úy). */
export function canonicalToneEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  for (const token of letterRuns(text)) {
    const canonical = toPlanToneStyle(token.text);
    if (canonical === undefined) continue;
    edits.push({
      start: token.start,
      end: token.end,
      text: canonical,
      ruleId: TONE_STYLE_RULE,
      reason: `"${token.text}" → "${canonical}" (tone mark on the first vowel of an open oa/oe/uy rhyme)`,
    });
  }
  return edits;
}
