/**
 * Accent folding: "Đối ngoại" → "doi ngoai". Used to match headings and
 * labels that OCR damaged ("Nơi nhân:"), by extraction, and by
 * diacritic-insensitive search. One table lookup per UTF-16 code unit.
 */

/** Folded code unit for each code unit; 0 = not computed yet (surrogates are never stored). */
const table = new Uint16Array(0x10000);
for (let code = 1; code < 0x80; code++) table[code] = code >= 0x41 && code <= 0x5a ? code + 0x20 : code;

function foldUnit(code: number): number {
  const known = table[code]!;
  if (known !== 0 || code === 0) return known;
  // Surrogates must stay paired and untouched.
  if (code >= 0xd800 && code <= 0xdfff) return code;
  const ch = String.fromCharCode(code);
  let folded = ch === 'đ' || ch === 'Đ' ? 'd' : ch.normalize('NFD').replace(/\p{M}/gu, '');
  if (folded.length !== 1) folded = ch;
  const lower = folded.toLowerCase();
  const result = (lower.length === 1 ? lower : folded).charCodeAt(0);
  table[code] = result;
  return result;
}

/**
 * Folds `text[start, end)` into `out[0, end - start)`. The folded string is then
 * read as UTF-16, which turns an unpaired surrogate into U+FFFD: that is done
 * here already, so that every way of reading the units gives the same string.
 */
function foldInto(text: string, start: number, end: number, out: Uint16Array): void {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    const known = table[code]!;
    if (known !== 0) {
      out[i - start] = known;
      continue;
    }
    if (code < 0xd800 || code > 0xdfff) out[i - start] = foldUnit(code);
    else if (code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A pair is kept: both halves.
      out[i - start] = code;
      if (i + 1 < end) out[i + 1 - start] = text.charCodeAt(i + 1);
      i++;
    } else out[i - start] = 0xfffd;
  }
}

// Decoding the folded code units as UTF-16 builds the string in native calls, one per chunk:
// TextDecoder refuses inputs past 2^28 bytes, and a 64 MB plan decodes to more code units than that.
const utf16 = new TextDecoder('utf-16le');
/** Code units per TextDecoder call. */
export const FOLD_CHUNK = 1 << 20;

/** Node's Buffer reads UTF-16 several times faster than TextDecoder; browsers have no Buffer. */
const NodeBuffer = (
  globalThis as {
    Buffer?: {
      from(buffer: ArrayBuffer, offset: number, length: number): { toString(encoding: 'utf16le'): string };
    };
  }
).Buffer;

// Several stages fold the same whole text (segment, reference finding): remember the last one.
let lastInput = '';
let lastOutput = '';

/** Lower-cased, accent-free copy of `text` with the same length, so offsets carry over. */
export function foldSameLength(text: string): string {
  if (text === lastInput) return lastOutput;
  if (text.length < 64) {
    let out = '';
    for (let i = 0; i < text.length; i++) out += String.fromCharCode(foldUnit(text.charCodeAt(i)));
    return out;
  }
  let folded: string;
  if (NodeBuffer !== undefined) {
    const units = new Uint16Array(text.length);
    foldInto(text, 0, text.length, units);
    folded = NodeBuffer.from(units.buffer, 0, units.byteLength).toString('utf16le');
  } else folded = foldChunked(text, FOLD_CHUNK);
  if (text.length > 1024) {
    lastInput = text;
    lastOutput = folded;
  }
  return folded;
}

/** Folds `text` in chunks of about `chunk` code units; a chunk never ends between the halves of a surrogate pair. */
export function foldChunked(text: string, chunk: number): string {
  const buffer = new Uint16Array(Math.min(text.length, chunk + 1));
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + chunk);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    foldInto(text, start, end, buffer);
    pieces.push(utf16.decode(buffer.subarray(0, end - start)));
    start = end;
  }
  return pieces.join('');
}

/** Folds any text, NFC or NFD; combining marks left without a base are dropped. */
export function fold(text: string): string {
  const folded = foldSameLength(text.normalize('NFC'));
  return /[\u0300-\u036f]/.test(folded) ? folded.replace(/[\u0300-\u036f]/g, '') : folded;
}
