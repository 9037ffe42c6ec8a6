/**
 * The header of a plan: letterhead ("TỈNH ỦY QUẢNG NGÃI", "Số 222-KH/TU"),
 * place and date ("Quảng Ngãi, ngày 14 tháng 9 năm 2023"), and the title
 * after "KẾ HOẠCH". Values the text does not give are left absent; a number
 * damaged by OCR is reported raw with `garbled`, never repaired by guess.
 */
import { findDates } from './dates.ts';
import { foldKeepLength, titleCaseWords, trimEndOf } from './fold.ts';
import { findDocumentRefs } from './refs.ts';
import type { CommitteeLevel, DateMention, HeaderFields, PlanKind, Spanned } from './types.ts';

/** The header and the opening sentence always sit in the first few thousand characters. */
const HEAD_SCAN = 6000;
/** Without a "KẾ HOẠCH" heading, only this much is treated as letterhead. */
const LETTERHEAD_FALLBACK = 300;
const TITLE_MAX = 600;

const HEADING = /(?<!\p{L})ke\s{1,3}hoach(?!\s{0,3}so(?!\p{L}))/gu;
const NUMBER =
  /(?<!\p{L})so\s{0,2}:?\s{0,3}([^\s\d]{0,4})(\d{1,5}\s{0,2}-\s{0,2}[a-z]{1,4}\s{0,2}\/\s{0,2}[a-z]{1,12})/u;
const COMMITTEE = /(?<!\p{L})(tinh|huyen|thanh|thi|dang)\s{1,3}uy(?!\p{L})/gu;
const INTRO_COMMITTEE =
  /ban\s{1,3}thuong\s{1,3}vu\s{1,3}((tinh|huyen|thanh|thi|dang)\s{1,3}uy)((?:\s{1,3}[\p{L}\p{N}]{1,12}){0,4}?)\s{1,3}(?:xay dung|ban hanh|trien khai|de ra|thong nhat)(?!\p{L})/u;
const UPPER_WORD = /\s{1,3}(\p{Lu}{1,12})(?![\p{L}\p{N}])/uy;
const TITLE_WORD = /^\p{Lu}\p{Ll}{1,10}$/u;
const PLACE_BEFORE_DATE = /(?<!\p{L})((?:\p{Lu}\p{Ll}{1,10}\s{1,2}){0,3}\p{Lu}\p{Ll}{1,10})\s{0,2},\s{0,3}$/u;
const TITLE_END = /-{3,}|\n[^\S\n]*\n|\s(?:Thực hiện|Căn cứ|Thi hành|Triển khai|Để)\s/u;

const LEVELS: Record<string, { level: CommitteeLevel; word: string }> = {
  tinh: { level: 'province', word: 'Tỉnh' },
  huyen: { level: 'district', word: 'Huyện' },
  thanh: { level: 'city', word: 'Thành' },
  thi: { level: 'town', word: 'Thị' },
  dang: { level: 'party-committee', word: 'Đảng' },
};

/** Letterhead words that end a committee's name ("… ĐẢNG CỘNG SẢN VIỆT NAM", "… SỐ 222"). */
const NAME_STOP = new Set(['dang', 'so', 'ban', 'ke', 'van']);

const isUpper = (s: string): boolean => s === s.toUpperCase() && s !== s.toLowerCase();

/** Start of the upper-case "KẾ HOẠCH" heading (not "Kế hoạch số …" and not "Kế hoạch này"). */
function findHeading(head: string, folded: string): Spanned<string> | undefined {
  for (const m of folded.matchAll(HEADING)) {
    const end = m.index + m[0].length;
    const surface = head.slice(m.index, end);
    if (isUpper(surface)) return { value: surface, start: m.index, end };
  }
  return undefined;
}

function findNumber(head: string, folded: string, limit: number): HeaderFields['documentNumber'] {
  const m = NUMBER.exec(folded.slice(0, limit));
  if (!m) return undefined;
  const junk = m[1]!;
  const end = m.index + m[0].length;
  const numberStart = end - m[2]!.length;
  if (junk.length > 0) {
    const start = numberStart - junk.length;
    return { value: head.slice(start, end), start, end, garbled: true };
  }
  const ref = findDocumentRefs(head.slice(numberStart, end))[0];
  if (!ref || ref.garbled)
    return { value: head.slice(numberStart, end), start: numberStart, end, garbled: true };
  return { value: ref.number, start: numberStart, end };
}

/** Upper-case name words after "TỈNH ỦY", stopping at the next letterhead element. */
function letterheadName(head: string, folded: string, from: number): { name: string; end: number } {
  const words: string[] = [];
  let end = from;
  while (words.length < 4) {
    UPPER_WORD.lastIndex = end;
    const m = UPPER_WORD.exec(head);
    if (!m) break;
    const wordStart = m.index + m[0].length - m[1]!.length;
    if (NAME_STOP.has(folded.slice(wordStart, wordStart + m[1]!.length))) break;
    words.push(m[1]!);
    end = m.index + m[0].length;
  }
  return { name: titleCaseWords(words.join(' ')), end };
}

function committee(levelKey: string, name: string): { value: string; level: CommitteeLevel } {
  const info = LEVELS[levelKey]!;
  return { value: `${info.word} ủy${name ? ` ${name}` : ''}`, level: info.level };
}

function letterheadBody(head: string, folded: string, limit: number): HeaderFields['issuingBody'] {
  for (const m of folded.slice(0, limit).matchAll(COMMITTEE)) {
    const end = m.index + m[0].length;
    if (!isUpper(head.slice(m.index, end))) continue;
    const { name, end: nameEnd } = letterheadName(head, folded, end);
    return { ...committee(m[1]!, name), start: m.index, end: nameEnd };
  }
  return undefined;
}

/** "Ban Thường vụ Tỉnh ủy Quảng Ngãi ban hành …" in the opening sentence. */
function introBody(head: string, folded: string, from: number): HeaderFields['issuingBody'] {
  const m = INTRO_COMMITTEE.exec(folded.slice(from));
  if (!m) return undefined;
  const start = from + m.index + m[0].indexOf(m[1]!);
  const nameStart = start + m[1]!.length;
  const nameSurface = head.slice(nameStart, nameStart + m[3]!.length);
  const nameWords = nameSurface.trim().split(/\s+/).filter(Boolean);
  // Only capitalised words are a name; anything else means the name is not given.
  const named = nameWords.length > 0 && nameWords.every((w) => TITLE_WORD.test(w));
  const end = named ? nameStart + nameSurface.trimEnd().length : nameStart;
  return { ...committee(m[2]!, named ? nameWords.join(' ') : ''), start, end };
}

function placeBefore(head: string, date: DateMention): Spanned<string> | undefined {
  const from = Math.max(0, date.start - 60);
  const m = PLACE_BEFORE_DATE.exec(head.slice(from, date.start));
  if (!m) return undefined;
  const start = from + m.index;
  return { value: m[1]!, start, end: start + m[1]!.length };
}

function findTitle(head: string, from: number): Spanned<string> | undefined {
  const lead = /^[\s*_:]*/.exec(head.slice(from))![0].length;
  const start = from + lead;
  const window = head.slice(start, start + TITLE_MAX);
  const stop = TITLE_END.exec(window.slice(1));
  const raw = window.slice(0, stop ? stop.index + 1 : window.length);
  const value = trimEndOf(raw, ' \t\r\n*_');
  if (value.length === 0) return undefined;
  return { value, start, end: start + value.length };
}

const KIND_CUES: [RegExp, PlanKind][] = [
  [/^(?:to\s{1,3}chuc\s{1,3})?hoi\s{1,3}nghi/, 'conference'],
  [
    /^(?:nghien\s{1,3}cuu|hoc\s{1,3}tap|quan\s{1,3}triet|tuyen\s{1,3}truyen|pho\s{1,3}bien)/,
    'study-and-dissemination',
  ],
  [/^(?:trien\s{1,3}khai\s{1,3})?thuc\s{1,3}hien|^trien\s{1,3}khai/, 'implementation'],
];

function kindOf(title: Spanned<string>, foldedHead: string): Spanned<PlanKind> {
  // The title is a slice of the head: its folding is the slice of the folded head.
  const folded = foldedHead.slice(title.start, title.end);
  for (const [cue, kind] of KIND_CUES) {
    const m = cue.exec(folded);
    if (m) return { value: kind, start: title.start, end: title.start + m[0].length };
  }
  return { value: 'other', start: title.start, end: title.end };
}

/** Header fields from the opening of a plan; pass the whole text or its first part. */
/** `folded`: `text` folded already (the pipeline folds a text once); folded here if not given. */
export function parseHeader(text: string, folded?: string): HeaderFields {
  const head = text.slice(0, HEAD_SCAN);
  // Folding is per code unit, so the opening of the folded text is the folded opening.
  const foldedHead = folded === undefined ? foldKeepLength(head) : folded.slice(0, HEAD_SCAN);
  const heading = findHeading(head, foldedHead);
  const letterheadEnd = heading ? heading.start : Math.min(head.length, LETTERHEAD_FALLBACK);
  const fields: HeaderFields = {};

  const documentNumber = findNumber(head, foldedHead, letterheadEnd);
  if (documentNumber) fields.documentNumber = documentNumber;

  for (const date of findDates(head.slice(0, letterheadEnd), foldedHead.slice(0, letterheadEnd))) {
    const place = placeBefore(head, date);
    // Without a heading only "Place, ngày …" is trusted to be the header date.
    if (!place && !heading) continue;
    if (!foldedHead.startsWith('ngay', date.start)) continue;
    fields.date = date;
    if (place) fields.place = place;
    break;
  }

  const title = heading ? findTitle(head, heading.end) : undefined;
  if (title) {
    fields.title = title;
    fields.kind = kindOf(title, foldedHead);
  }

  const body =
    letterheadBody(head, foldedHead, letterheadEnd) ?? introBody(head, foldedHead, title?.end ?? 0);
  if (body) fields.issuingBody = body;
  return fields;
}
