/**
 * Accent folding: "Đối ngoại" → "doi ngoai". Used to match headings and labels
 * that OCR damaged ("Nơi nhân:"), and by diacritic-insensitive search. Keeps
 * the string length equal when the input is NFC, so offsets carry over.
 */
const COMBINING = /[\u0300-\u036f]/g;

export function fold(text: string): string {
  return text.normalize('NFD').replace(COMBINING, '').replace(/[đĐ]/g, 'd').toLowerCase().normalize('NFC');
}

/** Folds one NFC string character by character so that the result has the same length. */
export function foldSameLength(text: string): string {
  let out = '';
  for (const ch of text) {
    const f = fold(ch);
    out += f.length === ch.length ? f : ch.toLowerCase();
  }
  return out;
}
