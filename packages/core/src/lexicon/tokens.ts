/** Letter runs of a text, with their UTF-16 offsets. */

export interface WordToken {
  text: string;
  start: number;
  end: number;
}

const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
export const TABLE_SIZE = 0x3000;

/** Letters and combining marks below U+3000 (Latin, Vietnamese, Greek, Cyrillic…), looked up instead of matched. */
export const LETTER_TABLE: Uint8Array = (() => {
  const table = new Uint8Array(TABLE_SIZE);
  for (let code = 0; code < TABLE_SIZE; code++) {
    if (LETTER_OR_MARK.test(String.fromCharCode(code))) table[code] = 1;
  }
  return table;
})();

/** Upper-case letters below U+3000. */
const UPPER_TABLE = (() => {
  const table = new Uint8Array(TABLE_SIZE);
  for (let code = 0; code < TABLE_SIZE; code++) {
    const char = String.fromCharCode(code);
    if (char !== char.toLowerCase()) table[code] = 1;
  }
  return table;
})();

/** `word.toLowerCase()`, without the call (and a new string) for words that are lower case already. */
export function toLower(word: string): string {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= TABLE_SIZE || UPPER_TABLE[code] === 1) return word.toLowerCase();
  }
  return word;
}

export function isLetterAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < TABLE_SIZE) return LETTER_TABLE[code] === 1;
  const point = text.codePointAt(i)!;
  return LETTER_OR_MARK.test(String.fromCodePoint(point));
}

/** End of the letter run that starts at `start`. */
export function letterRunEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length && isLetterAt(text, i)) {
    const code = text.charCodeAt(i);
    i += code >= 0xd800 && code < 0xdc00 ? 2 : 1;
  }
  return i;
}

/** Maximal runs of letters and combining marks. */
export function letterRuns(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!isLetterAt(text, i)) continue;
    const end = letterRunEnd(text, i);
    tokens.push({ text: text.slice(i, end), start: i, end });
    i = end;
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
