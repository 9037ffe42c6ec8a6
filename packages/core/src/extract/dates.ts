/**
 * Dates, quarters and deadline phrases in Vietnamese plan text. Matching runs
 * on the length-preserving folded text, so OCR-damaged accents ("thang",
 * "ngàỵ") still match and offsets stay valid. All quantifiers are bounded:
 * linear time on any input.
 */

import type { Deadline } from '../model.ts';
import { foldKeepLength } from './fold.ts';
import type { DateMention, QuarterId, QuarterMention } from './types.ts';

/**
 * Alternatives, tried left to right at each position:
 * 1. "ngày 14 tháng 9 năm 2023", "ngày tháng 12 năm 2023" (day left blank), "tháng 12 năm 2023";
 * 2. "ngày 15/6/2023", "14/02/2012";
 * 3. "tháng 9/2023".
 */
const DATE =
  /(?<![\p{L}\p{N}/])(?:(?:ngay[\s.…]{0,12}(?:(\d{1,2})\s{1,3})?)?thang\s{1,3}(\d{1,2})\s{1,3}nam\s{1,3}(\d{4})|(?:ngay\s{1,3})?(\d{1,2})\s?\/\s?(\d{1,2})\s?\/\s?(\d{4})|thang\s{1,3}(\d{1,2})\s?\/\s?(\d{4}))(?![\p{N}/])/gu;

/**
 * {@link DATE} without its lookbehind, sticky: a date starting exactly at `lastIndex`, as
 * {@link findDates} of a text that starts there sees it (no character before; every match is
 * at most 44 code units, so a window of 48 does not cut it).
 */
const DATE_HERE = new RegExp(DATE.source.replace('(?<![\\p{L}\\p{N}/])', ''), 'uy');

/**
 * The date at `at`, as `findDates(text.slice(at, at + 48), folded.slice(at, at + 48))[0]` when
 * that starts at 0 (a found date that is impossible, 31/2, leaves only later ones: none at 0).
 */
export function dateStartingAt(folded: string, at: number): { iso: string; end: number } | undefined {
  DATE_HERE.lastIndex = at;
  const m = DATE_HERE.exec(folded.length > at + 48 ? folded.slice(0, at + 48) : folded);
  if (m === null) return undefined;
  const iso = isoFromMatch(m);
  return iso === undefined ? undefined : { iso, end: m[0].length };
}

const QUARTER = /(?<![\p{L}\p{N}])quy\s{1,3}(iv|i{1,3}|[1-4])\s{0,2}(?:\/|nam)\s{0,3}(\d{4})(?!\p{N})/gu;

const ROMAN: Record<string, 1 | 2 | 3 | 4> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

const pad = (n: number): string => String(n).padStart(2, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO string for the parts, or undefined when they are not a real date. */
export function isoDate(year: number, month: number, day?: number): string | undefined {
  if (year < 1900 || year > 2100 || month < 1 || month > 12) return undefined;
  if (day === undefined) return `${year}-${pad(month)}`;
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const num = (s: string | undefined): number | undefined => (s === undefined ? undefined : Number(s));

function isoFromMatch(m: RegExpExecArray): string | undefined {
  if (m[2] !== undefined) return isoDate(Number(m[3]), Number(m[2]), num(m[1]));
  if (m[5] !== undefined) return isoDate(Number(m[6]), Number(m[5]), Number(m[4]));
  return isoDate(Number(m[8]), Number(m[7]));
}

/** Every calendar date mention, in order. Impossible dates (31/2/2023) are skipped. `folded`: the text folded, when the caller has it. */
export function findDates(text: string, folded: string = foldKeepLength(text)): DateMention[] {
  const found: DateMention[] = [];
  for (const m of folded.matchAll(DATE)) {
    const iso = isoFromMatch(m);
    if (iso === undefined) continue;
    const start = m.index;
    const end = start + m[0].length;
    found.push({ start, end, iso, text: text.slice(start, end) });
  }
  return found;
}

/** Every "Quý IV/2023"-style mention, in order. */
export function findQuarters(text: string, folded: string = foldKeepLength(text)): QuarterMention[] {
  const found: QuarterMention[] = [];
  for (const m of folded.matchAll(QUARTER)) {
    const q = ROMAN[m[1]!];
    const year = Number(m[2]);
    if (q === undefined || year < 1900 || year > 2100) continue;
    const start = m.index;
    const end = start + m[0].length;
    found.push({ start, end, quarter: `Q${q}-${year}` as QuarterId, text: text.slice(start, end) });
  }
  return found;
}

const ONGOING = /thuong xuyen|hang nam|hang thang|hang quy|lau dai|nhung nam tiep theo|cac nam tiep theo/;
const YEAR = /(?<![\p{N}/])(?:nam\s{1,3})?((?:19|20)\d\d)(?![\p{N}/])/u;

/** Reads a timing value ("Thường xuyên.", "Trong quý III/2023", "Năm 2024 và những năm tiếp theo"). */
export function parseDeadline(value: string): Deadline {
  const folded = foldKeepLength(value);
  const deadline: Deadline = { text: value };
  const quarter = findQuarters(value, folded)[0];
  if (quarter) deadline.quarter = quarter.quarter;
  const date = findDates(value, folded)[0];
  const year = YEAR.exec(folded);
  if (date) deadline.iso = date.iso;
  else if (!quarter && year) deadline.iso = year[1];
  if (ONGOING.test(folded)) deadline.ongoing = true;
  return deadline;
}
