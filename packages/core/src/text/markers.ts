import { foldSameLength } from './fold.ts';
/**
 * The numbering conventions of Vietnamese plans: Roman sections ("I.", "II-"),
 * arabic items ("1.", "2.1."), parenthesised points ("(1)", "1)"), lettered
 * points ("a)"), dash and plus bullets.
 */
export type MarkerKind = 'roman' | 'arabic' | 'paren' | 'letter' | 'dash' | 'plus';

export interface Marker {
  kind: MarkerKind;
  /** The label as written without punctuation: "II", "2.1", "3", "a", "-", "+". */
  label: string;
  /** Nesting depth of arabic labels ("2.1" is 2); 1 otherwise. */
  depth: number;
  /** Length of the marker including the following space. */
  length: number;
}

const ROMAN = /^([IVXL]{1,5})\s?[.\-–)/:]\s*(?=\S)/;
const ARABIC = /^(\d{1,2}(?:\.\d{1,2}){0,3})(?:\.(?!\d)|\s?-(?=\s))\s*(?=\S)/;
const PAREN = /^(?:\((\d{1,2})\)|(\d{1,2})\))\s*(?=\S)/;
const LETTER = /^(?:([a-zđ])\)|\(([a-zđ])\))\s*(?=\S)/;
const DASH = /^[-–—•·▪●]\s*(?=\S)/;
const PLUS = /^\+\s*(?=\S)/;

export function parseMarker(line: string): Marker | undefined {
  let m = ROMAN.exec(line);
  if (m && isRoman(m[1]!)) return { kind: 'roman', label: m[1]!, depth: 1, length: m[0].length };
  m = ARABIC.exec(line);
  // "15/6/2023" or "2023." at the start of a line is not a marker: require text after it.
  if (m && !/^\d/.test(line.slice(m[0].length))) {
    const label = m[1]!;
    return { kind: 'arabic', label, depth: label.split('.').length, length: m[0].length };
  }
  m = PAREN.exec(line);
  if (m) return { kind: 'paren', label: (m[1] ?? m[2])!, depth: 1, length: m[0].length };
  m = LETTER.exec(line);
  if (m) return { kind: 'letter', label: (m[1] ?? m[2])!, depth: 1, length: m[0].length };
  m = DASH.exec(line);
  if (m && !/^-\d/.test(line)) return { kind: 'dash', label: '-', depth: 1, length: m[0].length };
  m = PLUS.exec(line);
  if (m) return { kind: 'plus', label: '+', depth: 1, length: m[0].length };
  return undefined;
}

const ROMAN_VALID = /^(?:L?X{0,3})(?:IX|IV|V?I{0,3})$/;
function isRoman(s: string): boolean {
  return s.length > 0 && ROMAN_VALID.test(s);
}

export function startsWithStructuralMarker(line: string): boolean {
  return parseMarker(line) !== undefined;
}

/** Labelled field lines ("Cơ quan chỉ đạo:", "Thời gian thực hiện:"), matched on folded text to survive OCR. */
const FIELD_HEADS =
  /^(?:co quan|don vi|thoi gian|thoi han|dia diem|thanh phan|chu tri|noi nhan|kinh phi|hinh thuc|phan cong|trach nhiem)\b[^:]{0,50}:/;

export function startsWithFieldLabel(line: string): boolean {
  // Every label ends with a colon near the start of the line: most lines are ruled out without folding.
  const colon = line.indexOf(':');
  if (colon < 0 || colon > 70) return false;
  // Lines reach here in NFC (after the Unicode step): same-length folding is enough.
  return FIELD_HEADS.test(foldSameLength(line.slice(0, 70)));
}
