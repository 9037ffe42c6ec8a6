/**
 * Labelled field lines: "Cơ quan chỉ đạo: Ban Thường vụ Tỉnh ủy.",
 * "Thời gian thực hiện: Thường xuyên.". Labels are matched on folded text so
 * OCR forms ("Cơ quan chù trì", "Thòi gian") still count. Agency values are
 * split into names; timing values are read as deadlines.
 */

import type { FieldKind } from '../model.ts';
import { parseDeadline } from './dates.ts';
import { foldKeepLength, trimEndOf } from './fold.ts';
import type { FieldLabel, Spanned } from './types.ts';

/** Known labels, folded; the longer phrase of a family comes first. */
const KNOWN_LABELS: [string, FieldKind][] = (
  [
    ['co quan chi dao', 'directing-agency'],
    ['(?:co quan|don vi) chu tri(?:,? phoi hop)?', 'lead-agency'],
    ['(?:co quan|don vi) tham muu(?:,? (?:giup viec|thuc hien|chu tri))?', 'implementing-agency'],
    ['(?:co quan|don vi) (?:thuc hien|trien khai)', 'implementing-agency'],
    ['(?:co quan|don vi) phoi hop(?: thuc hien)?', 'coordinating-agency'],
    ['thoi (?:gian|han)(?: (?:thuc hien|hoan thanh|to chuc|trien khai|bat dau))?', 'timing'],
    ['tien do(?: thuc hien)?', 'timing'],
    ['dia diem|diem cau(?: cap [a-z]{1,6})?', 'place'],
    ['thanh phan(?: (?:tham du|du|moi|tham gia))?', 'attendees'],
    ['chu tri(?: hoi nghi)?', 'chair'],
  ] as const
).map(([source, kind]) => [source.replace(/ /g, '\\s{1,3}'), kind]);

const LABEL_ALTERNATIVES = KNOWN_LABELS.map(([source]) => `(${source})`).join('|');
/** A known label, its optional markdown close and the colon; sticky, tried at candidate positions. */
const KNOWN = new RegExp(
  `(?:${LABEL_ALTERNATIVES})(?![\\p{L}\\p{N}])\\s{0,3}(?:\\*{1,2}|_{1,2})?\\s{0,2}:`,
  'uy',
);
/** A short free label at the start of a line: "Nơi nhận:", "Hình thức:". */
const GENERIC = /(\p{Lu}[\p{L} ,]{0,48}?)\s{0,3}(?:\*{1,2}|_{1,2})?\s{0,2}:/uy;
/** Bullets, numbering and markdown before a label: "- ", "+ ", "2. ", "a) ", "**". */
const DECORATION = /(?:[-–—+•>*_]{1,2}\s{0,3}|\d{1,2}(?:\.\d{1,2}){0,3}\.?\s{1,3}|[a-zđ]\)\s{0,3})*/uy;
/** Where a second label may start inside one line: after a sentence or clause end. */
const CLAUSE_END = /[.;!?]\s{1,4}/gu;
/** End of a value in a joined paragraph: ". " before a capital or digit, or the next numbered item ("3. ", "II. "). */
const SENTENCE_END = /\.(?=\s{1,4}[\p{Lu}\d])|\s(?=(?:\d{1,2}(?:\.\d{1,2}){0,3}\.|[IVX]{1,5}[.-])\s)/u;
const VALUE_LEAD = /[\s*_]{0,20}/y;
/** A field value is a short phrase; the cap keeps joined 20 MB lines linear. */
const VALUE_MAX = 1000;

const AGENCY_FIELDS = new Set<FieldKind>([
  'lead-agency',
  'directing-agency',
  'implementing-agency',
  'coordinating-agency',
]);

interface LabelHit {
  field: FieldKind;
  labelStart: number;
  labelEnd: number;
  /** Just after the colon. */
  colonEnd: number;
}

function knownAt(line: string, folded: string, at: number): LabelHit | undefined {
  DECORATION.lastIndex = at;
  const labelStart = at + DECORATION.exec(folded)![0].length;
  KNOWN.lastIndex = labelStart;
  const m = KNOWN.exec(folded);
  if (!m) return undefined;
  const group = m.findIndex((g, i) => i > 0 && g !== undefined);
  const labelEnd = labelStart + m[group]!.length;
  // A label starts with a capital or sits after a bullet; "… chủ trì: …" mid-clause is prose.
  if (!/\p{Lu}/u.test(line.charAt(labelStart)) && labelStart === at && at !== 0) return undefined;
  return { field: KNOWN_LABELS[group - 1]![1], labelStart, labelEnd, colonEnd: labelStart + m[0].length };
}

function genericAt(line: string, at: number): LabelHit | undefined {
  DECORATION.lastIndex = at;
  const labelStart = at + DECORATION.exec(line)![0].length;
  GENERIC.lastIndex = labelStart;
  const m = GENERIC.exec(line);
  if (!m || m[1]!.trim().split(/\s+/).length > 6) return undefined;
  const label = m[1]!.replace(/[\s,]+$/u, '');
  return {
    field: 'other',
    labelStart,
    labelEnd: labelStart + label.length,
    colonEnd: labelStart + m[0].length,
  };
}

/** Labels in one line: one at the start, and known labels after clause ends (joined paragraphs). */
function labelHits(line: string): LabelHit[] {
  const folded = foldKeepLength(line);
  const hits: LabelHit[] = [];
  const first = knownAt(line, folded, 0) ?? genericAt(line, 0);
  if (first) hits.push(first);
  for (const m of folded.matchAll(CLAUSE_END)) {
    const at = m.index + m[0].length;
    if (hits.length > 0 && at < hits[hits.length - 1]!.colonEnd) continue;
    const hit = knownAt(line, folded, at);
    if (hit) hits.push(hit);
  }
  return hits;
}

/** Agency names in a value: split on ";", and on "," where a new agency begins. */
export function splitAgencies(value: string): Spanned<string>[] {
  const names: Spanned<string>[] = [];
  // Pieces between ";" by indexOf, not /[^;]+/gu: a long value would overflow the regex stack.
  for (let start = 0; start < value.length; ) {
    const semi = value.indexOf(';', start);
    const end = semi < 0 ? value.length : semi;
    const piece = value.slice(start, end);
    const at = start;
    start = end + 1;
    if (piece === '') continue;
    let from = at;
    for (const comma of piece.matchAll(/,\s{0,3}/gu)) {
      const next = at + comma.index + comma[0].length;
      if (!startsAgency(value.slice(next, next + 40))) continue;
      pushName(names, value, from, at + comma.index);
      from = next;
    }
    pushName(names, value, from, end);
  }
  return names;
}

/** A comma is a list separator when what follows reads as another body. */
const AGENCY_START =
  /^(?:các\s|cơ quan\s|phối hợp với\s|\p{Lu}|(?:huyện|thị|thành|đảng|tỉnh)\s(?:ủy|uỷ|đoàn)|ban\s|sở\s|ủy ban|uỷ ban|hội\s|đoàn\s|mặt trận|phòng\s|trung tâm)/u;
const NOT_AGENCY_START = /^(?:giúp việc|phối hợp(?! với)|chủ trì|tham mưu|thực hiện)/u;

function startsAgency(next: string): boolean {
  return AGENCY_START.test(next) && !NOT_AGENCY_START.test(next);
}

/** Role words around a name ("… tỉnh chủ trì", "phối hợp với …") are not part of it. */
const NAME_LEAD = /^[\s*_]*(?:phối hợp với\s{1,3}|và\s{1,3})?/u;
const ROLE_SUFFIX = /\s{1,3}chủ trì$/u;

function pushName(names: Spanned<string>[], value: string, from: number, to: number): void {
  const raw = value.slice(from, to);
  const lead = NAME_LEAD.exec(raw)![0].length;
  const trimmed = trimEndOf(raw.slice(lead), ' \t\r\n*_.,;:');
  const name = trimmed.replace(ROLE_SUFFIX, '');
  if (name.length === 0) return;
  names.push({ value: name, start: from + lead, end: from + lead + name.length });
}

function toField(line: string, hit: LabelHit, valueLimit: number): FieldLabel {
  VALUE_LEAD.lastIndex = hit.colonEnd;
  const valueStart = Math.min(valueLimit, hit.colonEnd + VALUE_LEAD.exec(line)![0].length);
  let raw = line.slice(valueStart, Math.min(valueLimit, valueStart + VALUE_MAX));
  if (hit.field !== 'other') {
    const sentence = SENTENCE_END.exec(raw);
    if (sentence) raw = raw.slice(0, sentence.index);
  }
  const value = trimEndOf(raw, ' \t\r\n*_.;,');
  const field: FieldLabel = {
    field: hit.field,
    label: line.slice(hit.labelStart, hit.labelEnd),
    labelStart: hit.labelStart,
    labelEnd: hit.labelEnd,
    value,
    valueStart,
  };
  if (AGENCY_FIELDS.has(hit.field) && value.length > 0) {
    const spans = splitAgencies(value).map((s) => ({
      ...s,
      start: s.start + valueStart,
      end: s.end + valueStart,
    }));
    field.agencySpans = spans;
    field.agencies = spans.map((s) => s.value);
  }
  if (hit.field === 'timing' && value.length > 0) field.deadline = parseDeadline(value);
  return field;
}

/** The labelled field at the start of `line`, if any. Offsets are into `line`. */
export function parseFieldLabel(line: string): FieldLabel | undefined {
  const lineEnd = line.indexOf('\n');
  const single = lineEnd === -1 ? line : line.slice(0, lineEnd);
  // A known label (its decoration, words and spaces hold no colon) ends at the line's first colon:
  // only that much is folded.
  const colon = single.indexOf(':');
  const folded = foldKeepLength(colon < 0 ? '' : single.slice(0, colon + 1));
  const hit = knownAt(single, folded, 0) ?? genericAt(single, 0);
  return hit ? toField(single, hit, single.length) : undefined;
}

/**
 * Every labelled field in a text, line by line, with offsets into `text`.
 * Within a line, known labels after a clause end are found too, so a
 * paragraph that joined "… Tỉnh ủy. Thời gian thực hiện: Thường xuyên." still yields both.
 */
export function findFieldLabels(text: string): FieldLabel[] {
  const fields: FieldLabel[] = [];
  // Lines by indexOf, not /[^\n]+/gu: one line of many megabytes would overflow the regex stack.
  for (let start = 0; start < text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(start, end);
    const at = start;
    start = end + 1;
    if (line === '') continue;
    const hits = labelHits(line);
    hits.forEach((hit, i) => {
      const limit = hits[i + 1]?.labelStart ?? line.length;
      fields.push(shift(toField(line, hit, limit), at));
    });
  }
  return fields;
}

function shift(field: FieldLabel, by: number): FieldLabel {
  const moved: FieldLabel = {
    ...field,
    labelStart: field.labelStart + by,
    labelEnd: field.labelEnd + by,
    valueStart: field.valueStart + by,
  };
  if (field.agencySpans)
    moved.agencySpans = field.agencySpans.map((s) => ({ ...s, start: s.start + by, end: s.end + by }));
  return moved;
}
