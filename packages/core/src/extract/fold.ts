/**
 * Length-preserving accent folding for matching: "Cơ quan chù trì" and
 * "Cơ quan chủ trì" both become "co quan chu tri". Every UTF-16 code unit maps
 * to exactly one code unit, so an offset found in the folded string is the
 * same offset in the original. Kept local to the extract stage so that its
 * offsets never depend on another module's folding rules.
 */

const cache = new Map<number, number>();

/** Folds one code unit, or returns it unchanged when folding would change the length. */
function foldUnit(code: number): number {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
  // Surrogates must stay paired and untouched.
  if (code >= 0xd800 && code <= 0xdfff) return code;
  const known = cache.get(code);
  if (known !== undefined) return known;
  const ch = String.fromCharCode(code);
  let folded = ch === 'đ' || ch === 'Đ' ? 'd' : ch.normalize('NFD').replace(/\p{M}/gu, '');
  if (folded.length !== 1) folded = ch;
  const lower = folded.toLowerCase();
  const result = lower.length === 1 ? lower.charCodeAt(0) : folded.charCodeAt(0);
  cache.set(code, result);
  return result;
}

const CHUNK = 8192;

/** Lower-cased, accent-free copy of `text` with the same length. */
export function foldKeepLength(text: string): string {
  const parts: string[] = [];
  const buffer = new Uint16Array(Math.min(text.length, CHUNK));
  for (let offset = 0; offset < text.length; offset += CHUNK) {
    const end = Math.min(text.length, offset + CHUNK);
    for (let i = offset; i < end; i++) buffer[i - offset] = foldUnit(text.charCodeAt(i));
    parts.push(String.fromCharCode(...buffer.subarray(0, end - offset)));
  }
  return parts.join('');
}

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
