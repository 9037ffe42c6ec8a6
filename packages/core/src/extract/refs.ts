/**
 * References to party and state documents: "Kết luận số 57-KL/TW ngày
 * 15/6/2023", "Kế hoạch số 338- KH/BTGTW", "Quyết định số 02/2017/QĐ-UBND",
 * "Kết luận 57". Matching runs on folded text (OCR "Ket luận", "sổ"), the
 * number parts are read back from the original. Bounded quantifiers only.
 */
import { dateStartingAt } from './dates.ts';
import { foldKeepLength } from './fold.ts';
import type { DocumentKind, DocumentRef } from './types.ts';

const WORD_KINDS: Record<string, DocumentKind> = {
  'ket luan': 'ket-luan',
  'nghi quyet': 'nghi-quyet',
  'huong dan': 'huong-dan',
  'ke hoach': 'ke-hoach',
  'chi thi': 'chi-thi',
  'quyet dinh': 'quyet-dinh',
  'thong bao': 'thong-bao',
  'cong van': 'cong-van',
  // Documents whose kind is outside the list; their word still beats the prefix.
  'quy dinh': 'other',
  'quy che': 'other',
  'thong tri': 'other',
  'chuong trinh': 'other',
};

const PREFIX_KINDS: Record<string, DocumentKind> = {
  KL: 'ket-luan',
  NQ: 'nghi-quyet',
  HD: 'huong-dan',
  KH: 'ke-hoach',
  CT: 'chi-thi',
  QĐ: 'quyet-dinh',
  QD: 'quyet-dinh',
  TB: 'thong-bao',
  CV: 'cong-van',
};

const spaced = (phrase: string): string => phrase.replace(/ /g, '\\s{1,3}');
const ANY_WORD = Object.keys(WORD_KINDS).map(spaced).join('|');
/** Only the eight real kinds may stand with a bare number ("Kết luận 57"). */
const KIND_WORD = Object.keys(WORD_KINDS)
  .filter((w) => WORD_KINDS[w] !== 'other')
  .map(spaced)
  .join('|');

/**
 * Groups: 1 document word; party numbering 2 digits, 3 prefix, 4 issuer;
 * state numbering 5 digits, 6 year, 7 prefix, 8 issuer; bare reference 9 word, 10 digits.
 */
const REF = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(${ANY_WORD})\\s{1,3}(?:so\\s{0,2}:?\\s{0,3})?)?(?<!\\p{N})` +
    `(?:(\\d{1,5})\\s{0,2}-\\s{0,2}([a-z]{1,4})\\s{0,2}\\/\\s{0,2}([a-z]{1,12})` +
    `|(\\d{1,5})\\s?\\/\\s?((?:19|20)\\d\\d)\\s?\\/\\s?([a-z]{1,5})\\s?-\\s?([a-z]{1,12}))` +
    `|(?<![\\p{L}\\p{N}])(${KIND_WORD})\\s{1,3}(?:so\\s{1,3})?(\\d{1,4})(?![\\p{L}\\p{N}]|\\s{0,2}[-/]|[.,]\\d)`,
  'dyu',
);

/**
 * Where a match may start: every alternative of {@link REF} begins with a
 * digit or a document word, so the big expression is tried only there (in
 * order, as a global search would, but without trying every position).
 */
const REF_START = /[0-9]|ke|nghi|huong|chi|quy|thong|cong|chuong/g;

/** Characters that may stand right before a clean number. */
const CLEAN_BEFORE = /[\s(["“‘'«,;:]/u;
const LEADING_CAPS = /^\p{Lu}{1,4096}/u;
/** The common case of {@link LEADING_CAPS}: nothing but ASCII capitals. */
const ASCII_CAPS = /^[A-Z]+$/;
/** Separator between a number and its "ngày …" date: ", " or spaces. */
const DATE_LEAD = /\s{0,2},?\s{0,3}(?=ngay)/y;

/** Upper-case code with OCR horn marks dropped ("TƯ" → "TU") but "Đ" kept ("QĐ"). */
function canonicalCode(code: string): string {
  if (/^[A-Z]*$/.test(code)) return code;
  let out = '';
  for (const ch of code) {
    out += ch === 'Đ' || ch === 'đ' ? 'Đ' : foldKeepLength(ch).toUpperCase();
  }
  return out;
}

/** The original capitals at `[start, end)`, or undefined when they are not all capitals. */
function capitalsAt(text: string, start: number, end: number, allowShorter: boolean): string | undefined {
  const surface = text.slice(start, end);
  const caps = ASCII_CAPS.test(surface) ? surface : LEADING_CAPS.exec(surface)?.[0];
  if (caps === undefined) return undefined;
  if (!allowShorter && caps.length !== surface.length) return undefined;
  return caps;
}

function kindOf(word: string | undefined, prefix: string): DocumentKind {
  // Most words are written with one space: look them up before normalising the spaces.
  if (word !== undefined) return WORD_KINDS[word] ?? WORD_KINDS[word.replace(/\s+/g, ' ')] ?? 'other';
  return PREFIX_KINDS[prefix] ?? 'other';
}

/** ISO date of a "ngày …" directly after `end`, with the new end. */
function dateAfter(folded: string, end: number): { iso: string; end: number } | undefined {
  DATE_LEAD.lastIndex = end;
  const lead = DATE_LEAD.exec(folded);
  if (!lead) return undefined;
  const from = end + lead[0].length;
  const date = dateStartingAt(folded, from);
  return date && { iso: date.iso, end: from + date.end };
}

function isGarbled(text: string, numberStart: number, hasWord: boolean): boolean {
  if (hasWord || numberStart === 0) return false;
  return !CLEAN_BEFORE.test(text.charAt(numberStart - 1));
}

function refFromMatch(text: string, folded: string, m: RegExpExecArray): DocumentRef | undefined {
  const indices = m.indices!;
  const start = m.index;
  let end = start + m[0].length;
  const word = m[1] ?? m[9];
  if (m[10] !== undefined) {
    // "Kết luận 57": the number alone; a year-like number is a date, not a document.
    if (/^(?:19|20)\d\d$/.test(m[10])) return undefined;
    const kind = kindOf(word, '');
    const prefix = Object.keys(PREFIX_KINDS).find((p) => PREFIX_KINDS[p] === kind)!;
    return {
      start,
      end,
      number: `${Number(m[10])}-${prefix}`,
      kind,
      text: text.slice(start, end),
      partial: true,
    };
  }
  const party = m[2] !== undefined;
  const [digitsAt, prefixAt, issuerAt] = party ? [2, 3, 4] : [5, 7, 8];
  const [pStart, pEnd] = indices[prefixAt]!;
  const [iStart, iEnd] = indices[issuerAt]!;
  const prefixCaps = capitalsAt(text, pStart, pEnd, false);
  const issuerCaps = capitalsAt(text, iStart, iEnd, true);
  if (prefixCaps === undefined || issuerCaps === undefined) return undefined;
  // The issuer ends where the capitals end ("TW5" → "TW").
  if (issuerCaps.length < iEnd - iStart) end = iStart + issuerCaps.length;
  const prefix = canonicalCode(prefixCaps);
  const issuer = canonicalCode(issuerCaps);
  const digits = m[digitsAt]!;
  const number = party ? `${digits}-${prefix}/${issuer}` : `${digits}/${m[6]}/${prefix}-${issuer}`;
  const ref: DocumentRef = { start, end, number, kind: kindOf(word, prefix), issuer, text: '' };
  const date = dateAfter(folded, end);
  if (date) {
    ref.date = date.iso;
    ref.end = date.end;
  }
  ref.text = text.slice(start, ref.end);
  if (isGarbled(text, indices[digitsAt]![0], word !== undefined)) ref.garbled = true;
  return ref;
}

/**
 * The longest lead a match can have before the first digit of its number:
 * "chuong\s{3}trinh" (14) + \s{3} + "so\s{2}:\s{3}" (8) = 25; kept with a margin.
 */
const MAX_LEAD = 32;
/** Runs of ASCII digits: every match holds one whose first digit follows no digit (the `(?<!\p{N})`). */
const DIGIT_RUN = /[0-9]+/g;

/** Every document reference, in order, non-overlapping; `folded` is `text` folded, if the caller has it. */
export function findDocumentRefs(text: string, folded: string = foldKeepLength(text)): DocumentRef[] {
  const refs: DocumentRef[] = [];
  // Every match has a digit run within MAX_LEAD of its start, so REF is tried only at the
  // positions within MAX_LEAD before a run, in order: the same matches as a scan of every position.
  let tried = 0;
  DIGIT_RUN.lastIndex = 0;
  for (let run = DIGIT_RUN.exec(folded); run !== null; run = DIGIT_RUN.exec(folded)) {
    const digitAt = run.index;
    if (digitAt > tried && isAsciiDigit(folded.charCodeAt(digitAt - 1))) continue;
    if (!mayBeNumber(folded, digitAt, DIGIT_RUN.lastIndex)) continue;
    let match: RegExpExecArray | null = null;
    for (let at = leadStart(folded, Math.max(tried, digitAt - MAX_LEAD), digitAt); at <= digitAt; at++) {
      // Every alternative starts after no letter or digit: ASCII ones are ruled out here.
      if (!MAY_START[folded.charCodeAt(at)] || (at > 0 && ASCII_WORD[folded.charCodeAt(at - 1)])) continue;
      REF.lastIndex = at;
      match = REF.exec(folded);
      if (match !== null) break;
    }
    if (match === null) {
      tried = digitAt + 1;
      continue;
    }
    // Matches always contain a digit, so they are never empty.
    tried = match.index + match[0].length;
    DIGIT_RUN.lastIndex = tried;
    const ref = refFromMatch(text, folded, match);
    if (ref && (refs.length === 0 || ref.start >= refs[refs.length - 1]!.end)) refs.push(ref);
  }
  return refs;
}

const isAsciiDigit = (code: number): boolean => code >= 48 && code <= 57;

/**
 * Can the digits at `[start, end)` be the number of a match? Every number has at most five digits
 * and is followed, within two spaces, by "-" or "/" ("57-KL", "02/2017/"), or, after a document
 * word and a space, stands alone ("Kết luận 57"). Anything unsure is left to REF.
 */
function mayBeNumber(folded: string, start: number, end: number): boolean {
  if (end - start > 5) return false;
  for (let i = end; i < end + 3 && i < folded.length; i++) {
    const code = folded.charCodeAt(i);
    if (code === 45 || code === 47) return true;
    // Spaces (\s: tab to carriage return, space, and any non-ASCII one) may stand between.
    if (code !== 32 && (code < 9 || code > 13) && code < 128) break;
  }
  // The bare number follows the space of its lead; an ASCII character other than a space rules that out.
  const before = start > 0 ? folded.charCodeAt(start - 1) : 32;
  return before >= 128 || before === 32 || (before >= 9 && before <= 13);
}

/**
 * Where the lead of a number at `digitAt` can start, from `from` on: a lead ("Chương trình số: ")
 * holds only letters, spaces and a colon, so it starts after the last other character.
 */
function leadStart(folded: string, from: number, digitAt: number): number {
  let at = digitAt;
  while (at > from) {
    const code = folded.charCodeAt(at - 1);
    // Folded words are ASCII; a non-ASCII character may be a space (\s), so it is kept.
    if (code < 128 && !LEAD_CHAR[code]) break;
    at--;
  }
  return at;
}
const LEAD_CHAR = new Uint8Array(128);
for (let code = 0; code < 128; code++) LEAD_CHAR[code] = /[a-z:\s]/.test(String.fromCharCode(code)) ? 1 : 0;

/** ASCII letters and digits, for the lookbehinds of REF. */
const ASCII_WORD = new Uint8Array(128);
for (let code = 0; code < 128; code++)
  ASCII_WORD[code] = /[A-Za-z0-9]/.test(String.fromCharCode(code)) ? 1 : 0;

/** First characters of a match: a digit or the first letter of a document word (k, n, h, c, q, t). */
const MAY_START = new Uint8Array(128);
for (const ch of '0123456789knhcqt') MAY_START[ch.charCodeAt(0)] = 1;

/** {@link findDocumentRefs} as first written: REF tried wherever {@link REF_START} finds a candidate (tests compare the two). */
export function findDocumentRefsEveryCandidate(
  text: string,
  folded: string = foldKeepLength(text),
): DocumentRef[] {
  const refs: DocumentRef[] = [];
  REF_START.lastIndex = 0;
  for (let start = REF_START.exec(folded); start !== null; start = REF_START.exec(folded)) {
    REF.lastIndex = start.index;
    const m = REF.exec(folded);
    if (m === null) {
      REF_START.lastIndex = start.index + 1;
      continue;
    }
    REF_START.lastIndex = m.index + m[0].length;
    const ref = refFromMatch(text, folded, m);
    if (ref && (refs.length === 0 || ref.start >= refs[refs.length - 1]!.end)) refs.push(ref);
  }
  return refs;
}
