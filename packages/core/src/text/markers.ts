import { isJsSpace } from './chars.ts';
import { foldSameLength } from './fold.ts';
/**
 * The numbering conventions of Vietnamese administrative documents: parts
 * above the sections ("A.", "PHẦN I"), annexes ("PHỤ LỤC II"), Roman sections
 * ("I.", "II-", and as OCR reads them: "Il.", "ll.", "lII."), arabic items
 * ("1.", "2.1."), parenthesised points ("(1)", "1)"), lettered points ("a)"),
 * dash and plus bullets.
 */
export type MarkerKind = 'part' | 'annex' | 'roman' | 'arabic' | 'paren' | 'letter' | 'dash' | 'plus';

export interface Marker {
  kind: MarkerKind;
  /** The label as written without punctuation: "II", "2.1", "3", "a", "-", "+". */
  label: string;
  /** Nesting depth of arabic labels ("2.1" is 2); 1 otherwise. */
  depth: number;
  /** Length of the marker including the following space. */
  length: number;
}

// "V/v" (về việc) is not a section: a slash counts only before a space ("I/ Các nhiệm vụ").
const ROMAN = /^([IVXL]{1,5})\s?(?:[.\-–):]|\/(?=\s))\s*(?=\S)/;
// OCR reads I as l, 1 or |: "Il.", "ll.", "lII.", "1I." — accepted only before a capitals-only heading.
const ROMAN_OCR = /^([IVXLl1|]{1,5})\s?[.\-–):]\s*(?=\S)/;
// Parts above the Roman sections: "A. MỤC ĐÍCH, YÊU CẦU", "B- NỘI DUNG…" (capitals only after it).
const PART_LETTER = /^([A-HĐ])\s?[.\-–)]\s*(?=\S)/;
const PART_WORD =
  /^phan\s+(?:thu\s+)?(nhat|hai|ba|bon|tu|nam|sau|bay|tam|[ivxl]{1,5}|\d{1,2})\b\s*[.:\-–]?\s*/;
const ANNEX = /^phu luc\b(?:\s+(?:so\s+)?([ivxl]{1,5}|\d{1,2}|[a-h])\b)?\s*[.:\-–]?\s*/;
const ARABIC = /^(\d{1,2}(?:\.\d{1,2}){0,3})(?:\.(?!\d)|\s?-(?=\s))\s*(?=\S)/;
const PAREN = /^(?:\((\d{1,2})\)|(\d{1,2})\))\s*(?=\S)/;
const LETTER = /^(?:([a-zđ])\)|\(([a-zđ])\))\s*(?=\S)/;
const DASH = /^[-–—•·▪●]\s*(?=\S)/;
const PLUS = /^\+\s*(?=\S)/;

/** No lower-case letter and at least two capitals: a heading written in capitals. */
export function isCapitalsOnly(s: string): boolean {
  return !/\p{Ll}/u.test(s) && /\p{Lu}.*\p{Lu}/su.test(s);
}

/**
 * First characters a marker can start with (the first character each pattern above accepts):
 * any other line is no marker, and most lines are told so without trying the patterns.
 */
const MARKER_FIRST = new Set<number>(
  [...'IVXLl1|ABCDEFGHĐPp0123456789(abcdefghijklmnopqrstuvwxyzđ-–—•·▪●+'].map((c) => c.charCodeAt(0)),
);

/**
 * The marker a line starts with, if any. Most lines of running text are told they have none from
 * their first two characters, before any pattern is tried: a marker starts with one of
 * {@link MARKER_FIRST}; after a lower-case letter only "l" (a Roman numeral as OCR reads it), "p"
 * ("phần", "phụ lục") and a lettered point ("a)") can start one; after a part letter (A–H, Đ) only a
 * space or a mark ("A. ", "B-"); after I, V, X, L no lower-case letter but "l". A dash is read
 * without its pattern. Tests compare this with {@link parseMarkerUngated}.
 */
export function parseMarker(line: string): Marker | undefined {
  const first = line.charCodeAt(0);
  if (!MARKER_FIRST.has(first)) return undefined;
  const second = line.charCodeAt(1);
  if (first === 45) {
    // "-" starts only the dash pattern, which parseMarker refuses before a digit ("-5").
    if (second >= 48 && second <= 57) return undefined;
    let k = 1;
    while (k < line.length && isJsSpace(line.charCodeAt(k))) k++;
    return k < line.length ? { kind: 'dash', label: '-', depth: 1, length: k } : undefined;
  }
  // A lower-case letter other than "l", or a letter beyond ASCII ("ă", "ư", "ệ"): no space, no mark.
  const lowerSecond =
    (second >= 97 && second <= 122 && second !== 108) ||
    (second >= 0xc0 && second < 0x2000 && second !== 0x1680);
  if (((first >= 97 && first <= 122) || first === 0x111) && first !== 108 && first !== 112 && second !== 41)
    return undefined;
  if (((first >= 65 && first <= 72) || first === 0x110) && (lowerSecond || (second >= 65 && second <= 90)))
    return undefined;
  if ((first === 73 || first === 86 || first === 88 || first === 76) && lowerSecond) return undefined;
  return parseMarkerUngated(line);
}

/** {@link parseMarker} without its first-character gate (tests compare the two). */
export function parseMarkerUngated(line: string): Marker | undefined {
  const first = line.charCodeAt(0);
  // Bullets and numbers are most lines with a marker: only the patterns that can start with their
  // first character are tried (the others fail on it), in the same order.
  if (first === 0x2d || first === 0x2013 || first === 0x2014 || BULLET_FIRST.has(first)) {
    const dash = DASH.exec(line);
    return dash && !/^-\d/.test(line)
      ? { kind: 'dash', label: '-', depth: 1, length: dash[0].length }
      : undefined;
  }
  if (first >= 0x30 && first <= 0x39 && first !== 0x31) return arabicOrParen(line);
  return parseMarkerInOrder(line);
}

const BULLET_FIRST = new Set([...'•·▪●'].map((c) => c.charCodeAt(0)));

/** Every pattern in turn, whatever the first character (tests compare it with the dispatch by it). */
export function parseMarkerInOrder(line: string): Marker | undefined {
  let m = ROMAN.exec(line);
  if (m && isRoman(m[1]!)) return { kind: 'roman', label: m[1]!, depth: 1, length: m[0].length };
  m = ROMAN_OCR.exec(line);
  if (m && /[IVXLl]/.test(m[1]!) && /[l1|]/.test(m[1]!)) {
    const label = m[1]!.replace(/[l1|]/g, 'I');
    if (isRoman(label) && isCapitalsOnly(line.slice(m[0].length)))
      return { kind: 'roman', label, depth: 1, length: m[0].length };
  }
  m = PART_LETTER.exec(line);
  if (m && isCapitalsOnly(line.slice(m[0].length)))
    return { kind: 'part', label: m[1]!, depth: 1, length: m[0].length };
  const first = line.charCodeAt(0);
  if (first === 80 || first === 112) {
    // "PHẦN I", "Phần thứ hai", "PHỤ LỤC 2", matched on folded text so that OCR damage does not hide them.
    const head = foldSameLength(line.slice(0, 40));
    m = PART_WORD.exec(head);
    if (m) return { kind: 'part', label: m[1]!.toUpperCase(), depth: 1, length: m[0].length };
    m = ANNEX.exec(head);
    // A bare "Phụ lục" starts an annex only as a capitals-only line ("PHỤ LỤC"), not in a sentence.
    // "Phụ lục 2)." in a sentence ("(Chi tiết tại Phụ lục 2).") is a reference, not an annex.
    const rest = m ? line.slice(m[0].length, m[0].length + 60) : '';
    if (
      m &&
      (rest === '' || isCapitalsOnly(rest)) &&
      (m[1] !== undefined || isCapitalsOnly(line.slice(0, 40)))
    )
      return { kind: 'annex', label: (m[1] ?? '').toUpperCase(), depth: 1, length: m[0].length };
  }
  return arabicOrParen(line) ?? lettersOrBullets(line);
}

function arabicOrParen(line: string): Marker | undefined {
  let m = ARABIC.exec(line);
  // "15/6/2023" or "2023." at the start of a line is not a marker: require text after it.
  if (m && !/^\d/.test(line.slice(m[0].length))) {
    const label = m[1]!;
    return { kind: 'arabic', label, depth: label.split('.').length, length: m[0].length };
  }
  m = PAREN.exec(line);
  if (m) return { kind: 'paren', label: (m[1] ?? m[2])!, depth: 1, length: m[0].length };
  return undefined;
}

function lettersOrBullets(line: string): Marker | undefined {
  let m = LETTER.exec(line);
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

/** The value of a Roman numeral label ("IV" is 4), to tell whether sections follow in order. */
export function romanValue(label: string): number {
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };
  let total = 0;
  for (let i = 0; i < label.length; i++) {
    const v = values[label[i]!] ?? 0;
    const next = values[label[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}
