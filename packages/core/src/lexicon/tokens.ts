/** Letter runs of a text, with their UTF-16 offsets. */

export interface WordToken {
  text: string;
  start: number;
  end: number;
}

const LETTER_RUN = /[\p{L}\p{M}]+/gu;

export function letterRuns(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  for (const match of text.matchAll(LETTER_RUN)) {
    const start = match.index;
    tokens.push({ text: match[0], start, end: start + match[0].length });
  }
  return tokens;
}

/** Whether the token has only upper-case letters (NHIỆM, BTGTW). */
export function isAllCaps(word: string): boolean {
  return word === word.toUpperCase() && word !== word.toLowerCase();
}

/** Whether the token is capitalised and otherwise lower case (Quảng, Tổ). */
export function isTitleCase(word: string): boolean {
  if (word.length < 2) return isAllCaps(word);
  const first = word[0]!;
  const rest = word.slice(1);
  return first !== first.toLowerCase() && rest === rest.toLowerCase();
}

/** Gives `replacement` (lower case) the capitalisation pattern of `original`. */
export function matchCase(original: string, replacement: string, forceUpper = false): string {
  if (forceUpper || (isAllCaps(original) && original.length > 1)) return replacement.toUpperCase();
  const first = original[0] ?? '';
  if (first !== first.toLowerCase()) return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  return replacement;
}
