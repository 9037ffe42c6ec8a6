/**
 * Accent folding: "Đối ngoại" → "doi ngoai". Used to match headings and
 * labels that OCR damaged ("Nơi nhân:"), by extraction, and by
 * diacritic-insensitive search. One table lookup per UTF-16 code unit.
 */

/** Folded code unit for each code unit; 0 = not computed yet. */
const table = new Uint16Array(0x10000);

function foldUnit(code: number): number {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
  const known = table[code]!;
  if (known !== 0) return known;
  let result = code;
  // Surrogates must stay paired and untouched.
  if (code < 0xd800 || code > 0xdfff) {
    const ch = String.fromCharCode(code);
    let folded = ch === 'đ' || ch === 'Đ' ? 'd' : ch.normalize('NFD').replace(/\p{M}/gu, '');
    if (folded.length !== 1) folded = ch;
    const lower = folded.toLowerCase();
    result = (lower.length === 1 ? lower : folded).charCodeAt(0);
  }
  table[code] = result;
  return result;
}

// Decoding the folded code units as UTF-16 builds the string in one native call.
const utf16 = new TextDecoder('utf-16le');

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
  const buffer = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) buffer[i] = foldUnit(text.charCodeAt(i));
  const folded = utf16.decode(buffer);
  if (text.length > 1024) {
    lastInput = text;
    lastOutput = folded;
  }
  return folded;
}

/** Folds any text, NFC or NFD; combining marks left without a base are dropped. */
export function fold(text: string): string {
  const folded = foldSameLength(text.normalize('NFC'));
  return /[\u0300-\u036f]/.test(folded) ? folded.replace(/[\u0300-\u036f]/g, '') : folded;
}
