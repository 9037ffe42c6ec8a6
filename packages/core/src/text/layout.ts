/**
 * Layout: turns the physical lines of a file (PDF hard wraps, blank lines
 * between wrapped lines, markdown markers, page artefacts) into logical
 * blocks, one per line of the output, as edits on the text.
 *
 * The rules read the document's own habits instead of assuming one layout:
 * whether blank lines separate paragraphs or merely sit between wrapped lines
 * is measured on the lines that certainly continue (next line lowercase).
 */
import type { Edit } from '../model.ts';
import { isJsSpace } from './chars.ts';
import { foldSameLength } from './fold.ts';
import { type Marker, parseMarker, romanValue, startsWithFieldLabel } from './markers.ts';
import { hasTwoCapitals } from './runs.ts';

export interface LayoutLine {
  /** Content range `[start, end)` in the input text, trimmed. */
  start: number;
  end: number;
  kind: 'content' | 'blank' | 'artefact';
  artefact?: string;
}

export interface LayoutResult {
  edits: Edit[];
  /** Ranges (input coordinates) dropped on purpose: page artefacts and decorations. */
  dropped: { start: number; end: number; reason: string }[];
  /** Whether blank lines were read as paragraph separators. */
  blankLinesSeparate: boolean;
}

const LINE_BREAK = /\r\n|\r|\n|\f|\u2028|\u2029/g;

/** Lines that carry no text of the plan: rules, a lone decoration star, page numbers. */
export function classifyArtefact(content: string): string | undefined {
  if (!mayStartArtefact(content.charCodeAt(0))) return undefined;
  if (/^[-_=~¯.…*•·\s]{3,}$/u.test(content) && !/[\p{L}\p{N}]/u.test(content)) return 'rule line';
  if (/^\\?\*$/.test(content)) return 'decoration';
  if (/^`{3,}\w*$/.test(content)) return 'code fence';
  if (PART_LABEL.test(content)) return 'part label';
  if (/^(?:\d{1,3}|-\s*\d{1,3}\s*-)$/.test(content)) return 'page number';
  if (/^(?:trang|page)\s+\d{1,3}(?:\s*\/\s*\d{1,3})?$/iu.test(content)) return 'page number';
  return undefined;
}

/**
 * Whether a line starting with `code` can be an artefact: the first characters that the patterns
 * of {@link classifyArtefact} accept (rule characters or `\s`, "\\", "*", "`", "#", digits, "-",
 * and "trang"/"page" in either case), so that most lines are told so without trying them.
 */
function mayStartArtefact(code: number): boolean {
  if (code < 128) return ARTEFACT_FIRST_ASCII[code] === 1;
  return code === 0xaf || code === 0x2026 || code === 0x2022 || code === 0xb7 || isJsSpace(code);
}
const ARTEFACT_FIRST_ASCII = Uint8Array.from({ length: 128 }, (_, code) =>
  '-_=~.*\\`#0123456789tTpP'.includes(String.fromCharCode(code)) || isJsSpace(code) ? 1 : 0,
);

/**
 * A markdown heading that is a file-part identifier ("# 773_2018_QĐ_TTg_appendix"),
 * added by whoever split the document into files: not text of the document.
 */
const PART_LABEL = /^#{1,6}\s*[\p{L}\p{N}]+(?:_[\p{L}\p{N}]+)+$/u;
/** The identifier of a part label alone on a line, where a wrap left its "#" on the line above. */
const PART_IDENTIFIER = /^[\p{L}\p{N}]+(?:_[\p{L}\p{N}]+)+$/u;
/** The same glued to the end of a line ("QUYẾT ĐỊNH:# 773_2018_QĐ_TTg_art1_3"). */
const GLUED_PART_LABEL = /#{1,6}\s*[\p{L}\p{N}]+(?:_[\p{L}\p{N}]+)+$/u;
/**
 * A section heading glued to the end of the previous sentence when parts of a
 * document were joined without a line break ("…như sau:A. MỤC ĐÍCH, YÊU CẦU",
 * "…và tiếp theo.III. ĐẨY MẠNH…"): a part or Roman marker right after a full
 * stop or colon, followed by a heading in capitals.
 */
const GLUED_HEADING = /[.:;](?=(?:[A-HĐ]|[IVXL]{1,5})[.\-–](?:\s*\p{Lu}(?:[^\p{Ll}]{8}|[^\p{Ll}]*$)|$))/gu;
/** Where {@link GLUED_HEADING} can match, its first two characters, searched once over the whole text. */
const GLUED_HEADING_START = /[.:;](?=[A-HĐIVXL])/g;
/** Line breaks other than "\n": where a text has none, lines are found with indexOf. */
const OTHER_LINE_BREAK = /[\r\f\u2028\u2029]/;

/** A piece of a delimiter row as a wrapping tool leaves it: "|" and runs of dashes only, starting at a "|". */
const DELIMITER_PIECE = /^\|[|:\-\s]*$/;

export function splitLines(text: string): LayoutLine[] {
  const lines: LayoutLine[] = [];
  let lineStart = 0;
  /** The next position where a glued heading may start, -1 when none is left (lines come in order). */
  let headingAt = -2;
  const pushTrimmed = (s: number, e: number): void => {
    const content = text.slice(s, e);
    const artefact = classifyArtefact(content);
    if (artefact) {
      lines.push({ start: s, end: e, kind: 'artefact', artefact });
      return;
    }
    // Most lines hold no "#": the label's regex is not tried there.
    const label = content.includes('#') ? GLUED_PART_LABEL.exec(content) : null;
    if (label && label.index > 0) {
      let cut = s + label.index;
      while (cut > s && isSpace(text.charCodeAt(cut - 1))) cut--;
      pushTrimmed(s, cut);
      lines.push({ start: s + label.index, end: e, kind: 'artefact', artefact: 'part label' });
      return;
    }
    let from = s;
    if (headingAt !== -1 && headingAt < s) {
      GLUED_HEADING_START.lastIndex = s;
      headingAt = GLUED_HEADING_START.exec(text)?.index ?? -1;
    }
    GLUED_HEADING.lastIndex = headingAt >= 0 && headingAt < e ? 0 : content.length + 1;
    for (let m = GLUED_HEADING.exec(content); m; m = GLUED_HEADING.exec(content)) {
      const cut = s + m.index + 1;
      lines.push({ start: from, end: cut, kind: 'content' });
      from = cut;
    }
    lines.push({ start: from, end: e, kind: 'content' });
  };
  const push = (from: number, to: number): void => {
    let s = from;
    let e = to;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (s === e) {
      lines.push({ start: from, end: from, kind: 'blank' });
      return;
    }
    pushTrimmed(s, e);
  };
  if (OTHER_LINE_BREAK.test(text)) {
    LINE_BREAK.lastIndex = 0;
    for (let m = LINE_BREAK.exec(text); m; m = LINE_BREAK.exec(text)) {
      push(lineStart, m.index);
      lineStart = m.index + m[0].length;
    }
  } else {
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', lineStart)) {
      push(lineStart, at);
      lineStart = at + 1;
    }
  }
  push(lineStart, text.length);
  // A part label glued to a sentence that a wrapping tool broke after its "#" ("…cách mạng.#" /
  // "773_2018_QĐ_TTg_appendix_2"): the hashes and the identifier are the label.
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1]!;
    if (line.kind !== 'content' || next.kind !== 'content') continue;
    if (text.charCodeAt(line.end - 1) !== 35 /* "#" */) continue;
    const hashes = /#{1,6}$/.exec(text.slice(line.start, line.end));
    if (!hashes || !PART_IDENTIFIER.test(text.slice(next.start, next.end))) continue;
    next.kind = 'artefact';
    next.artefact = 'part label';
    const at = line.start + hashes.index;
    let cut = at;
    while (cut > line.start && isSpace(text.charCodeAt(cut - 1))) cut--;
    const label: LayoutLine = { start: at, end: line.end, kind: 'artefact', artefact: 'part label' };
    if (cut === line.start) lines[i] = label;
    else {
      line.end = cut;
      lines.splice(i + 1, 0, label);
      i++;
    }
  }
  // A page number stands apart; a number between two lines of text is a wrapped word ("số 57-" / "KL/TW").
  // A run of dashes next to a piece of a table's delimiter row is a cell of it that a wrapping
  // tool put on a line of its own ("| --- |" / "-------" / "| ---- |"), not a rule.
  const delimiterPiece = (l: LayoutLine | undefined): boolean =>
    l?.kind === 'content' && DELIMITER_PIECE.test(text.slice(l.start, l.end));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (
      line.artefact === 'rule line' &&
      /^[-:]+$/.test(text.slice(line.start, line.end)) &&
      (delimiterPiece(lines[i - 1]) || delimiterPiece(lines[i + 1]))
    ) {
      line.kind = 'content';
      delete line.artefact;
      continue;
    }
    if (line.artefact !== 'page number') continue;
    if (lines[i - 1]?.kind === 'content' && lines[i + 1]?.kind === 'content') {
      line.kind = 'content';
      delete line.artefact;
    }
  }
  return lines;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f;
}

const isEmphasisCode = (code: number): boolean => code === 42 || code === 95;

/** `s.replace(/[*_]+$/, '')` without a regex tried at every position. */
function withoutTrailingEmphasis(s: string): string {
  let k = s.length;
  while (k > 0 && isEmphasisCode(s.charCodeAt(k - 1))) k--;
  return k === s.length ? s : s.slice(0, k);
}

/** `s.replace(/^[*_]+/, '')`. */
function withoutLeadingEmphasis(s: string): string {
  let k = 0;
  while (k < s.length && isEmphasisCode(s.charCodeAt(k))) k++;
  return k === 0 ? s : s.slice(k);
}

/** Closing quotes and brackets that may follow a sentence's end: `["”’)\]]`. */
const isCloser = (code: number): boolean =>
  code === 0x22 || code === 0x201d || code === 0x2019 || code === 0x29 || code === 0x5d;
/** `[.:;!?…]`. */
const isSentenceStop = (code: number): boolean =>
  code === 0x2e || code === 0x3a || code === 0x3b || code === 0x21 || code === 0x3f || code === 0x2026;

/**
 * Whether a sentence ends `/[.:;!?…]["”’)\]]*$/u`, or with `comma` a line of a list does
 * (`/[.:;!?…,]["”’)\]]*$/u`: "- Các huyện ủy, thành ủy,"), tested from the end: the closers and
 * the stops are disjoint sets, so the stop is the character before the trailing closers.
 */
function endsWithStop(s: string, comma: boolean): boolean {
  let k = s.length;
  while (k > 0 && isCloser(s.charCodeAt(k - 1))) k--;
  if (k === 0) return false;
  const code = s.charCodeAt(k - 1);
  return isSentenceStop(code) || (comma && code === 0x2c);
}

/** {@link HYPHEN_WRAP} on the end only: a "-" after a letter or digit (a pair of surrogates included). */
function endsInHyphenWrap(s: string): boolean {
  return s.charCodeAt(s.length - 1) === 45 && HYPHEN_WRAP.test(s.slice(-3));
}

const LOWER_START = /^[\p{Ll}\p{N}(“"'‘,;.)\]–]/u;
const HYPHEN_WRAP = /[\p{L}\p{N}]-$/u;
const LOWER = /\p{Ll}/u;

/** No lowercase letter and two capitals or more; single-character tests, no loop a long line could overflow. */
function isAllCaps(s: string): boolean {
  return !LOWER.test(s) && hasTwoCapitals(s);
}

/** Median of the lengths of lines that certainly wrap (the next line starts lowercase). */
function typicalWrapWidth(lengths: readonly number[], nextLower: readonly boolean[]): number {
  const widths: number[] = [];
  for (let i = 0; i + 1 < lengths.length; i++) if (nextLower[i + 1]) widths.push(lengths[i]!);
  if (widths.length < 5) return 60;
  widths.sort((a, b) => a - b);
  return widths[Math.floor(widths.length / 2)]!;
}

/**
 * The width a text was hard-wrapped at by a tool, if it was. A greedy wrap at
 * width W breaks a line only where the next word would not fit: the line's
 * length + 1 + the next word's length exceeds W. Among the lines certainly
 * continued (the next starts in lower case), most are "full" in that sense at
 * W = the longest line; in a PDF's proportional lines, or in a text whose
 * paragraphs are lines of their own, few are.
 */
function hardWrapWidth(
  lengths: readonly number[],
  multiWord: readonly boolean[],
  nextLower: readonly boolean[],
  nextWord: readonly number[],
): number | undefined {
  let width = 0;
  for (let g = 0; g < lengths.length; g++) if (multiWord[g] && lengths[g]! > width) width = lengths[g]!;
  let continued = 0;
  let full = 0;
  for (let g = 0; g + 1 < lengths.length; g++) {
    if (!nextLower[g + 1] || !multiWord[g]) continue;
    continued++;
    if (lengths[g]! + 1 + nextWord[g + 1]! > width) full++;
  }
  return continued >= 5 && full >= continued * 0.35 ? width : undefined;
}

function classifyArtefactIsRule(text: string, from: number, to: number): boolean {
  return splitLines(text.slice(from, to)).some(
    (l) =>
      l.artefact === 'rule line' ||
      l.artefact === 'decoration' ||
      l.artefact === 'part label' ||
      l.artefact === 'code fence',
  );
}

/** A row that starts a new record: its first cell is a number or a Roman numeral. */
const NEW_ROW =
  /^\|\s*(?:\*\*)?\s*(?:\d{1,3}(?:\.\d{1,3})*\.?|[IVXL]{1,5}\.?|[A-HĐ]\.?)\s*(?:\*\*)?\s*(?:\||$)/;

/** Whether `text` breaks a line between `from` and `to`. */
function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const code = text.charCodeAt(k);
    if (code === 10 || code === 13 || code === 12 || code === 0x2028 || code === 0x2029) return true;
  }
  return false;
}

/** `/^\p{Ll}/u` of one code unit, looked up once per unit (a lone surrogate is no letter). */
const LOWER_UNIT = new Uint8Array(0x10000);
function isLowerCaseUnit(code: number): boolean {
  let known = LOWER_UNIT[code];
  if (known === undefined) return false;
  if (known === 0) {
    known = /^\p{Ll}/u.test(String.fromCharCode(code)) ? 1 : 2;
    LOWER_UNIT[code] = known;
  }
  return known === 1;
}
/** Markup before a line's marker: emphasis, a markdown heading's hashes. */
const MARKUP_LEAD = /^(?:#{1,6}\s+)?[*_]*/;

/** `line.replace(MARKUP_LEAD, '')`: only a line starting with "#", "*" or "_" has any. */
function withoutMarkupLead(line: string): string {
  const first = line.charCodeAt(0);
  return first === 35 || isEmphasisCode(first) ? line.replace(MARKUP_LEAD, '') : line;
}

/**
 * {@link startsWithFieldLabel}, not tried on a line whose first two characters fold to none of the
 * labels' first two letters (folding goes code unit by code unit, so two are folded alone).
 */
function startsWithField(line: string): boolean {
  const first = line.charCodeAt(0);
  if (first < 128 && !FIELD_FIRST_ASCII.has(first)) return false;
  if (!FIELD_STARTS.has(foldSameLength(line.slice(0, 2)))) return false;
  return startsWithFieldLabel(line);
}
const FIELD_FIRST_ASCII = new Set([...'cCdDtTnNkKhHpP'].map((c) => c.charCodeAt(0)));
/** "co quan", "don vi", "thoi gian", "dia diem", "chu tri", "noi nhan", "kinh phi", "hinh thuc", "phan cong", "trach nhiem"… */
const FIELD_STARTS = new Set(['co', 'do', 'th', 'di', 'ch', 'no', 'ki', 'hi', 'ph', 'tr']);
const startsWithMarker = (line: string): boolean => parseMarker(line) !== undefined;
/**
 * Nouns that take a number or a Roman numeral, accent-folded, at the end of a line: the marker-like
 * number on the next line belongs to them ("Phần" / "II.", "khoản" / "2.", "Điều" / "3.").
 */
const TAKES_NUMBER =
  /(?:^|[^a-z])(?:phan|muc|khoan|diem|dieu|chuong|so|khoa|ky|lan|tiet|phu luc|giai doan|dot|nhom|bang|hinh|trang|quyen|tap)$/;
/** A Vietnamese syllable, accent-folded: onset, one to three vowels, coda ("nghia", "quyet", "truong"). */
const SYLLABLE =
  /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?$/;
/** A word in capitals that is a syllable ("TỈNH"), not an abbreviation ("UBND", "KHCN", "NQ-CP"). */
function isCapitalSyllable(word: string): boolean {
  const letters = word.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  return letters.length > 0 && !LOWER.test(letters) && SYLLABLE.test(foldSameLength(letters));
}
/** Words of a line that are syllables in capitals: a heading has some, a list of abbreviations none. */
function capitalSyllables(line: string): number {
  let count = 0;
  for (const word of line.split(/\s+/)) if (isCapitalSyllable(word)) count++;
  return count;
}
/** `capitalSyllables(line) > 0`, stopping at the first. */
function hasCapitalSyllable(line: string): boolean {
  for (const word of line.split(/\s+/)) if (isCapitalSyllable(word)) return true;
  return false;
}
/** The line ends in capitals holding two syllables or more: a heading or a title in capitals that a wrap cut. */
function endsInCapitals(line: string): boolean {
  let k = line.length;
  while (k > 0 && !LOWER.test(line[k - 1]!)) k--;
  return capitalSyllables(line.slice(k)) >= 2;
}
/** The whole block in emphasis: "**…**", "*…*", "__…__", "_…_", with no emphasis inside. */
const WHOLE_EMPHASIS = /^(?:\*\*[^*]+\*\*|\*[^*]+\*|__[^_]+__|_[^_]+_)$/;
/** How many lines back the rules look for the start of a block: a bound, so that a text of one endless paragraph stays linear. */
const REACH_LINES = 40;
/** How far back an opening bracket still holds the next line: a wrapped aside, not a stray "(". */
const OPEN_REACH = 250;
/** An opening bracket or quotation not closed before the end, or an emphasis opened and not closed. */
function leavesOpen(group: string): boolean {
  const tail = group.length > OPEN_REACH ? group.slice(-OPEN_REACH) : group;
  let round = 0;
  let square = 0;
  let quote = 0;
  for (let k = 0; k < tail.length; k++) {
    const c = tail[k];
    if (c === '(') round++;
    else if (c === ')') round = Math.max(0, round - 1);
    else if (c === '[') square++;
    else if (c === ']') square = Math.max(0, square - 1);
    else if (c === '“') quote++;
    else if (c === '”') quote = Math.max(0, quote - 1);
  }
  if (round > 0 || square > 0 || quote > 0) return true;
  const body = group.replace(MARKDOWN_BULLET, '');
  const strong = body.split('**').length - 1;
  const single = body.replace(/\*\*/g, '').split('*').length - 1;
  return strong % 2 === 1 || single % 2 === 1;
}

/**
 * Whether the point before `marker` ("(3)" before "(4)", "b)" before "c)") is written inside
 * `group`, after its start: the marker then continues an enumeration in the running text.
 */
function inlinePredecessor(group: string, marker: Marker): boolean {
  let labels: string[];
  if (marker.kind === 'paren') {
    const n = Number(marker.label) - 1;
    if (n < 1) return false;
    labels = [`(${n})`, `${n})`];
  } else if (marker.kind === 'letter') {
    const code = marker.label.charCodeAt(0) - 1;
    if (code < 97) return false;
    const l = String.fromCharCode(code);
    labels = [`(${l})`, `${l})`];
  } else return false;
  for (const label of labels) {
    const at = group.indexOf(label, 1);
    if (at > 0 && /[\s(]/.test(group[at - 1]!)) return true;
  }
  return false;
}

/**
 * Whether the point after `marker` ("(2)" after "(1)", "(ii)" after "(i)") follows on the same
 * line: "(1) Giấy khai sinh; (2) Giấy phép lái xe; …" is an enumeration inside a sentence.
 */
function inlineSuccessor(line: string, marker: Marker): boolean {
  let labels: string[];
  if (marker.kind === 'paren') {
    const n = Number(marker.label) + 1;
    labels = [`(${n})`, ` ${n})`];
  } else if (marker.kind === 'letter') {
    const l = String.fromCharCode(marker.label.charCodeAt(0) + 1);
    labels = [`(${l})`, ` ${l})`];
    if (marker.label === 'i') labels.push('(ii)', ' ii)');
  } else return false;
  // Inside the running text, not at the start of a line of its own.
  const rest = line.slice(marker.length);
  return labels.some((label) => {
    const at = rest.indexOf(label);
    return at >= 0 && rest[at - 1] !== '\n';
  });
}

/**
 * The document's own numbering as far as read: the last Roman section, the last arabic item at
 * each depth, the last lettered and parenthesised points. A marker that is the next number is a
 * new item even where the line above has no full stop; one that is not may be a wrapped number.
 */
class Numbering {
  private roman = 0;
  private arabic: number[] = [];
  private letter = 0;
  private paren = 0;

  observe(line: string): void {
    this.observeMarker(parseMarker(withoutMarkupLead(line)));
  }

  /** {@link observe} of a line whose marker is read already. */
  observeMarker(m: Marker | undefined): void {
    if (!m) return;
    if (m.kind === 'roman') {
      this.roman = romanValue(m.label);
      this.arabic = [];
      this.letter = 0;
      this.paren = 0;
    } else if (m.kind === 'part' || m.kind === 'annex') {
      this.roman = 0;
      this.arabic = [];
      this.letter = 0;
      this.paren = 0;
    } else if (m.kind === 'arabic') {
      this.arabic = m.label.split('.').map(Number);
      this.letter = 0;
      this.paren = 0;
    } else if (m.kind === 'letter') this.letter = m.label.charCodeAt(0) - 96;
    else if (m.kind === 'paren') this.paren = Number(m.label);
  }

  continues(m: Marker): boolean {
    if (m.kind === 'roman') return romanValue(m.label) === this.roman + 1;
    if (m.kind === 'letter') return m.label.charCodeAt(0) - 96 === this.letter + 1;
    if (m.kind === 'paren') return Number(m.label) === this.paren + 1;
    if (m.kind !== 'arabic') return false;
    const parts = m.label.split('.').map(Number);
    const depth = parts.length;
    // Same parents as the last item read, and the next number at its depth ("2.2" after "2.1" or "2.1.3").
    for (let d = 0; d < depth - 1; d++) if (parts[d] !== this.arabic[d]) return false;
    return parts[depth - 1] === (this.arabic[depth - 1] ?? 0) + 1;
  }
}

export function layoutEdits(text: string): LayoutResult {
  const lines = splitLines(text);
  const contents = lines.filter((l) => l.kind === 'content');
  const dropped = lines
    .filter((l) => l.kind === 'artefact')
    .map((l) => ({ start: l.start, end: l.end, reason: l.artefact! }));
  const edits: Edit[] = [];
  if (contents.length === 0) {
    if (text.length > 0) edits.push({ start: 0, end: text.length, text: '' });
    return { edits, dropped, blankLinesSeparate: true };
  }
  const n = contents.length;
  // Each line's text, cut once: the rules below read lines many times.
  const texts = contents.map((c) => text.slice(c.start, c.end));
  const lineText = (i: number): string => texts[i]!;
  const blankBefore: boolean[] = new Array(n).fill(false);
  const artefactBefore: boolean[] = new Array(n).fill(false);
  {
    let ci = 0;
    let sawBlank = false;
    let sawArtefact = false;
    for (const line of lines) {
      if (line.kind === 'content') {
        blankBefore[ci] = sawBlank;
        artefactBefore[ci] = sawArtefact;
        ci++;
        sawBlank = false;
        sawArtefact = false;
      } else if (line.kind === 'blank') sawBlank = true;
      else sawArtefact = true;
    }
  }
  const startsLower = contents.map((c) => isLowerCaseUnit(text.charCodeAt(c.start)));
  // Pieces of one physical line split at a glued heading count as one line for the wrap width.
  const samePhysical = contents.map((c, i) => i > 0 && !hasLineBreak(text, contents[i - 1]!.end, c.start));
  /** A boundary the layout itself marks: tables, list items, markdown headings, rules. */
  const structural = (i: number): boolean => {
    const next = lineText(i);
    if (next.startsWith('|') || MARKDOWN_BULLET.test(next) || /^#{1,6}\s/.test(next)) return true;
    return artefactBefore[i]! && ruleBefore(i);
  };
  /** {@link classifyArtefactIsRule} of the gap before line `i`, asked in every round: read once. */
  const ruleBeforeCache = new Int8Array(n);
  const ruleBefore = (i: number): boolean => {
    if (ruleBeforeCache[i] === 0)
      ruleBeforeCache[i] = classifyArtefactIsRule(text, contents[i - 1]!.end, contents[i]!.start) ? 1 : 2;
    return ruleBeforeCache[i] === 1;
  };

  // 1. Undo a hard wrap, by construction: where the next line's first word would have fitted on
  // the previous line, the break is the author's; where it would not, a wrapping tool made it.
  // Re-wrapping a text at another width then gives back the same logical lines. Wraps of wraps
  // (a PDF's lines re-wrapped narrower) are undone in rounds, widest last.
  const soft: boolean[] = new Array(n).fill(false);
  const indent = contents.map((c) => {
    let k = c.start;
    while (k > 0 && isSpace(text.charCodeAt(k - 1))) k--;
    return c.start - k;
  });
  let blankLinesSeparate = true;
  const groupsOf = (physical = true): { first: number[]; length: number[] } => {
    const first: number[] = [];
    const length: number[] = [];
    for (let i = 0; i < n; i++) {
      // Measured as a wrapping tool counts: from the start of the line, indentation included.
      const len = contents[i]!.end - contents[i]!.start + (samePhysical[i] ? 0 : indent[i]!);
      if (i > 0 && (soft[i] || (physical && samePhysical[i])))
        length[length.length - 1]! += contents[i]!.start - contents[i - 1]!.end + len;
      else {
        first.push(i);
        length.push(len);
      }
    }
    return { first, length };
  };
  /**
   * The number of "|" of a table's header row, the table starting at line `i`: the lines up to
   * the delimiter row, whose cells GFM requires to match the header's (the delimiter itself may
   * be broken over lines). 0 when no delimiter row follows.
   */
  // The "|" of each line not escaped by a "\\", found by one search through the text.
  const pipes = new Int32Array(n);
  for (let i = 0, at = text.indexOf('|'); i < n && at >= 0; i++) {
    const c = contents[i]!;
    if (at < c.start) at = text.indexOf('|', c.start);
    for (; at >= 0 && at < c.end; at = text.indexOf('|', at + 1))
      if (at === c.start || text.charCodeAt(at - 1) !== 92) pipes[i]!++;
  }
  const headerPipes = (i: number): number => {
    let headerCount = 0;
    for (let j = i; j < Math.min(n, i + 60); j++) {
      if (j > i && blankBefore[j]) break;
      const t = lineText(j);
      // Its first piece holds dashes, or is a "|" whose first cell was too long to fit beside it.
      const opens = /-{2,}/.test(t) || (t === '|' && j + 1 < n && /^:?-{2,}/.test(lineText(j + 1)));
      if (j > i && DELIMITER_PIECE.test(t) && opens) {
        let cells = 0;
        for (let k = j; k < n && (k === j || !blankBefore[k]) && cells < headerCount; k++) {
          const piece = lineText(k);
          if (!/^[|:\-\s]+$/.test(piece)) break;
          cells += pipes[k]!;
        }
        if (cells === headerCount) return headerCount;
      }
      headerCount += pipes[j]!;
    }
    return 0;
  };
  // A table row wrapped over several lines continues until it has as many cells as the table's
  // header row: a wrapping tool breaks rows at any space, also before or after a "|", and breaks
  // the delimiter row ("| --- | ---- |") too. A table has no blank line inside it.
  {
    let expected = 0;
    let current = 0;
    let inTable = false;
    for (let i = 0; i < n; i++) {
      const t = lineText(i);
      const p = pipes[i]!;
      if (blankBefore[i]) inTable = false;
      if (inTable && current < expected && current + p <= expected) {
        const prev = lineText(i - 1);
        // A "|" after a "|" is a new row when it opens with a row number, unless the row so far
        // ends in an empty cell, where a wrapping tool breaks between the two "|" ("| | 2025 |").
        if (!t.startsWith('|') || !prev.endsWith('|') || /\|\s*\|$/.test(prev) || !NEW_ROW.test(t)) {
          soft[i] = true;
          current += p;
          continue;
        }
      }
      if (!t.startsWith('|')) {
        inTable = false;
        continue;
      }
      if (!inTable) expected = headerPipes(i);
      inTable = true;
      current = p;
    }
  }
  // Markers of the lines, emphasis aside ("**1.** …"), read once for the rounds below.
  const lineMarker = texts.map((t) => parseMarker(withoutMarkupLead(t)));
  /** Whether line `k` starts with no markup ("#", "*", "_"): its marker is then that of its text as it is. */
  const plainStart = (k: number): boolean => {
    const c = texts[k]!.charCodeAt(0);
    return c !== 35 && !isEmphasisCode(c);
  };
  // The length of /^\S+/ and whether /\s/ matches, by code unit.
  const firstWord = contents.map((c) => {
    let k = c.start;
    while (k < c.end && !isJsSpace(text.charCodeAt(k))) k++;
    return k - c.start;
  });
  const hasSpace = contents.map((c) => {
    for (let k = c.start; k < c.end; k++) if (isJsSpace(text.charCodeAt(k))) return true;
    return false;
  });
  let lastWidth = 0;
  const unwrapRound = (crossBlank: boolean): boolean => {
    const { first, length } = groupsOf();
    const width = hardWrapWidth(
      length,
      first.map((i, g) => {
        // Table rows are measured by their cells, not by the wrap width.
        if (lineText(i).startsWith('|')) return false;
        const end = g + 1 < first.length ? first[g + 1]! : n;
        for (let k = i; k < end; k++) if (hasSpace[k] || k > i) return true;
        return false;
      }),
      first.map((i) => startsLower[i]!),
      first.map((i) => firstWord[i]!),
    );
    // Each round undoes a wider wrap than the last (a PDF's lines re-wrapped narrower).
    if (width === undefined || width <= lastWidth) return false;
    lastWidth = width;
    let changed = false;
    // Do the dash items of this list end without a full stop or semicolon? Read on the breaks
    // that are certainly the author's (the next word would have fitted): then a dash item after a
    // line with no stop is a sibling, where otherwise it is a dash inside a name ("Thành ủy - Ủy ban").
    // A list runs between blank lines and markers of other kinds.
    const list = new Int32Array(n);
    for (let k = 1, id = 0; k < n; k++) {
      const kind = lineMarker[k]?.kind;
      if (blankBefore[k] || (kind !== undefined && kind !== 'dash' && kind !== 'plus')) id++;
      list[k] = id;
    }
    const dashBreaks = new Map<number, { all: number; bare: number }>();
    for (let g = 1; g < first.length; g++) {
      const i = first[g]!;
      const kind = lineMarker[i]?.kind;
      if ((kind !== 'dash' && kind !== 'plus') || length[g - 1]! + 1 + firstWord[i]! > width) continue;
      let k = i - 1;
      while (k > 0 && i - k < REACH_LINES && list[k] === list[i] && !lineMarker[k]) k--;
      if (list[k] !== list[i] || lineMarker[k]?.kind !== kind) continue;
      const seen = dashBreaks.get(list[i]!) ?? { all: 0, bare: 0 };
      seen.all++;
      if (!endsWithStop(withoutTrailingEmphasis(lineText(i - 1)), true)) seen.bare++;
      dashBreaks.set(list[i]!, seen);
    }
    const bareDashItems = (i: number): boolean => {
      const seen = dashBreaks.get(list[i]!);
      return seen !== undefined && seen.bare * 2 >= seen.all;
    };
    const numbering = new Numbering();
    numbering.observeMarker(lineMarker[first[0]!]);
    for (let g = 1; g < first.length; g++) {
      const i = first[g]!;
      if (startsNewBlock(g, i, width)) numbering.observeMarker(lineMarker[i]);
      else {
        soft[i] = true;
        changed = true;
      }
    }
    /** Line `i` and the lines after it, up to a blank line, as far as an enumeration reaches. */
    function following(i: number): string {
      let out = lineText(i).replace(/^[*_]+/, '');
      for (let k = i + 1; k < n && !blankBefore[k] && out.length < OPEN_REACH; k++) out += `\n${lineText(k)}`;
      return out;
    }
    /** Whether the break before line `i` (group `g`) is the author's, where a wrap at `width` may have made it. */
    function startsNewBlock(g: number, i: number, width: number): boolean {
      if (structural(i) || (blankBefore[i] && !crossBlank)) return true;
      // A line longer than the width was not made by wrapping at it.
      if (length[g - 1]! > width || length[g - 1]! + 1 + firstWord[i]! <= width) return true;
      // The block so far, with the lines this round has already joined to it.
      let from = first[g - 1]!;
      while (from > 0 && i - from < REACH_LINES && soft[from]) from--;
      const group = groupText(from, i);
      // An open bracket, quotation or emphasis goes on, whatever the next line starts with.
      if (leavesOpen(group)) return false;
      const prev = withoutTrailingEmphasis(lineText(i - 1));
      const next = withoutLeadingEmphasis(lineText(i));
      // A line in emphasis as a whole ("**II/ Các nhiệm vụ …**") before another in emphasis, or a
      // markdown heading before a note in emphasis or brackets ("## Phụ lục 2: …" / "*(Kèm theo …)*").
      if (/^[*_]/.test(lineText(i)) && WHOLE_EMPHASIS.test(group.replace(MARKDOWN_BULLET, ''))) return true;
      if (/^[*_([]/.test(lineText(i)) && /^#{1,6}\s/.test(group)) return true;
      // A heading in capitals ends where a sentence in lower case starts ("… TRUNG ƯƠNG" / "Ý kiến góp ý …").
      if (isAllCaps(group) && capitalSyllables(group) >= 2 && /^\p{Lu}[^\s\p{Ll}]*\s?\p{Ll}/u.test(next))
        return true;
      const marker = plainStart(i) ? lineMarker[i] : parseMarker(next);
      // "(4)" after "… (3) Căn cước công dân;", or "(1) …; (2) …" on one line after "gồm:": an
      // enumeration inside the sentence goes on; so does a number after a noun that takes one
      // ("tại mục 3 Phần" / "II. Lý do: …").
      if (marker && (inlinePredecessor(group, marker) || inlineSuccessor(following(i), marker))) return false;
      if (marker && !endsWithStop(prev, true) && TAKES_NUMBER.test(foldSameLength(prev.slice(-12))))
        return false;
      if (marker) {
        // A numbered item or a field after a full stop, or the next number of the document's own
        // numbering (item 7 after item 6, "1." under a section, "a)" under an item) even where
        // the line above has no full stop; a dash after a dash item, before a capital, is its sibling.
        if (endsWithStop(prev, true)) return true;
        if (numbering.continues(marker)) return true;
        const before = plainStart(from)
          ? lineMarker[from]
          : parseMarker(withoutLeadingEmphasis(lineText(from)));
        if (
          (marker.kind === 'dash' || marker.kind === 'plus') &&
          bareDashItems(i) &&
          before?.kind === marker.kind &&
          /^\p{Lu}/u.test(next.slice(marker.length))
        )
          return true;
      } else if (endsWithStop(prev, true) && startsWithField(next) && /^\p{Lu}/u.test(next)) return true;
      // A heading in capitals after text, unless the line above ends in the capitals it continues.
      if (isAllCaps(next) && !isAllCaps(prev) && capitalSyllables(next) >= 2 && !endsInCapitals(prev))
        return true;
      return false;
    }
    return changed;
  };
  for (let round = 0; round < 4 && unwrapRound(false); round++);
  {
    // How does this document use blank lines? Count certain continuations across blank lines.
    const { first } = groupsOf(false);
    let continuations = 0;
    let continuationsAcrossBlank = 0;
    for (let g = 1; g < first.length; g++) {
      const i = first[g]!;
      if (startsLower[i] && !isAllCaps(groupText(first[g - 1]!, i))) {
        continuations++;
        if (blankBefore[i]) continuationsAcrossBlank++;
      }
    }
    blankLinesSeparate = continuations < 3 || continuationsAcrossBlank / continuations < 0.5;
  }
  if (!blankLinesSeparate) {
    lastWidth = 0;
    for (let round = 0; round < 4 && unwrapRound(true); round++);
  }

  function groupText(from: number, to: number): string {
    let out = lineText(from);
    for (let k = from + 1; k < to; k++) out += ` ${lineText(k)}`;
    return out;
  }

  // 2. Join the logical lines into blocks, from what they say.
  const { first, length } = groupsOf(false);
  const wrapWidth = typicalWrapWidth(
    length,
    first.map((i) => startsLower[i]!),
  );
  // The length of the line that ends at line `k` as it was before a wrap the rounds above did not
  // undo: lines full at the longest line's width, each followed by one in lower case, are pieces of it.
  const physicalLength = (k: number): number => contents[k]!.end - contents[k]!.start + indent[k]!;
  let longestLine = 0;
  for (let k = 0; k < n; k++)
    if (hasSpace[k] && texts[k]!.charCodeAt(0) !== 124)
      longestLine = Math.max(longestLine, physicalLength(k));
  const wrappedLength = (k: number): number => {
    let total = physicalLength(k);
    for (
      const end = k;
      k > 0 && end - k < REACH_LINES && !blankBefore[k] && !soft[k] && startsLower[k];
      k--
    ) {
      const before = physicalLength(k - 1);
      if (before > longestLine || before + 1 + firstWord[k]! <= longestLine) break;
      total += before + 1;
    }
    return total;
  };
  const groupOf = new Int32Array(n);
  for (let g = 0; g < first.length; g++) {
    const end = g + 1 < first.length ? first[g + 1]! : n;
    for (let k = first[g]!; k < end; k++) groupOf[k] = g;
  }
  const groupEnd = (g: number): number => (g + 1 < first.length ? first[g + 1]! : n);

  // The text of each group, and whether it is a heading in capitals, read once: each is the line
  // after one break and the line before the next.
  const groupTexts: (string | undefined)[] = new Array(first.length);
  const textOfGroup = (g: number): string => (groupTexts[g] ??= groupText(first[g]!, groupEnd(g)));
  const groupCapsCache = new Int8Array(first.length);
  // Emphasis at the ends ([*_]) holds no letter and no word of its own: it does not change the answer.
  const groupCaps = (g: number): boolean => {
    if (groupCapsCache[g] === 0) {
      const t = textOfGroup(g);
      groupCapsCache[g] = isAllCaps(t) && hasCapitalSyllable(t) ? 1 : 2;
    }
    return groupCapsCache[g] === 1;
  };
  const joinWith = (i: number): string => {
    const g = groupOf[i]!;
    const rawPrev = textOfGroup(g - 1);
    const rawNext = textOfGroup(g);
    // Markdown table rows and list items are blocks of their own.
    if (rawPrev.startsWith('|') || rawNext.startsWith('|') || MARKDOWN_BULLET.test(rawNext)) return '\n';
    const prev = withoutTrailingEmphasis(rawPrev);
    const next = withoutLeadingEmphasis(rawNext);
    if (endsInHyphenWrap(prev) && /^\p{Lu}{2}/u.test(next)) return ''; // "338-" + "KH/BTGTW"
    // A section marker alone on its line ("III.") continues with its heading.
    if (prev.length <= 6 && /^(?:[A-HĐ]|[IVXL]{1,5}|\d{1,2})[.\-–)]$/.test(prev)) return ' ';
    // A group of one line without markup has the line's marker.
    const nextMarked =
      groupEnd(g) === i + 1 && plainStart(i) ? lineMarker[i] !== undefined : startsWithMarker(next);
    if (nextMarked || startsWithField(next)) return '\n';
    // "(Đã ký)", "(Kèm theo …)" after a full stop, or set apart by emphasis ("*(Dấu của …)*"), start a block.
    const nextFirst = next.charCodeAt(0);
    if (
      (nextFirst === 40 || nextFirst === 91) &&
      (endsWithStop(prev, false) || isEmphasisCode(rawNext.charCodeAt(0)))
    )
      return '\n';
    if (nextFirst === 35 && /^#{1,6}\s/.test(next)) return '\n';
    // A rule line or lone star marks a boundary (title / body) even where no punctuation does.
    if (artefactBefore[i] && ruleBefore(i)) return '\n';
    // Capitals without a syllable are abbreviations in a sentence ("KHCN, ĐMST, CĐS."), not a heading.
    const prevCaps = groupCaps(g - 1);
    const nextCaps = groupCaps(g);
    // Capitals that go on from the end of the line above, or inside a bracket it opened.
    if (nextCaps && !prevCaps && (endsInCapitals(prev) || leavesOpen(rawPrev))) return ' ';
    if (prevCaps || nextCaps) {
      // A heading wrapped over two all-caps lines continues if it ends mid-phrase with a comma.
      const last = prev.charCodeAt(prev.length - 1);
      return prevCaps && nextCaps && (last === 0x2c || last === 0x2013 || last === 0x2d) ? ' ' : '\n';
    }
    if (LOWER_START.test(next)) return ' ';
    if (endsWithStop(prev, false)) return '\n';
    if (blankBefore[i] && blankLinesSeparate) return '\n';
    return Math.max(prev.length, wrappedLength(i - 1)) >= wrapWidth * 0.6 ? ' ' : '\n';
  };

  // Leading whitespace/artefacts before the first block.
  if (contents[0]!.start > 0) edits.push({ start: 0, end: contents[0]!.start, text: '' });
  const glues = contents.map((_, i) =>
    i === 0
      ? '\n'
      : soft[i]
        ? endsInHyphenWrap(lineText(i - 1)) && /^\p{Lu}{2}/u.test(lineText(i))
          ? ''
          : ' '
        : joinWith(i),
  );
  const candidates = new InlineCandidates(text);
  for (let i = 0; i < n; i++) {
    const line = contents[i]!;
    if (i > 0) {
      const gapStart = contents[i - 1]!.end;
      const glue = glues[i]!;
      // Glues are "", " " or "\n": compared with the gap without cutting it out.
      const same =
        line.start - gapStart === glue.length &&
        (glue.length === 0 || text.charCodeAt(gapStart) === glue.charCodeAt(0));
      if (!same) edits.push({ start: gapStart, end: line.start, text: glue });
    }
    // Emphasis around a whole block is dropped at the block's edges, not at a wrapped line's.
    const startsBlock = glues[i] === '\n';
    inlineEdits(
      text,
      line.start,
      line.end,
      edits,
      startsBlock,
      i + 1 === n || glues[i + 1] === '\n',
      candidates,
    );
  }
  const last = contents[n - 1]!;
  if (last.end < text.length) edits.push({ start: last.end, end: text.length, text: '' });
  return { edits, dropped, blankLinesSeparate };
}

/** A markdown list item ("*   Quán triệt …"); its marker becomes a dash, or goes where another marker follows. */
const MARKDOWN_BULLET = /^\*[ \t]+(?=\S)/;

/**
 * Where {@link inlineEdits} has something to do: a space other than one plain " ", two plain
 * spaces or more, or a "**" / "__". Its loop passes over everything else one character at a time.
 */
const INLINE_CANDIDATE = /[\t\u00a0\u2000-\u200a\u202f]| [ \t\u00a0\u2000-\u200a\u202f]|\*\*|__/g;

/** The next {@link INLINE_CANDIDATE} of a text, searched forward once (lines are edited in order). */
class InlineCandidates {
  /** The next candidate found, -1 when none is left, stale when before the position asked. */
  private at = -2;
  constructor(private readonly text: string) {}
  from(position: number): number {
    if (this.at !== -1 && this.at < position) {
      INLINE_CANDIDATE.lastIndex = position;
      this.at = INLINE_CANDIDATE.exec(this.text)?.index ?? -1;
    }
    return this.at;
  }
}

/** Inside one line: collapse runs of horizontal space, drop markdown markers (or break the block at them). */
function inlineEdits(
  text: string,
  start: number,
  end: number,
  edits: Edit[],
  startsBlock: boolean,
  endsBlock: boolean,
  candidates: InlineCandidates,
): void {
  // The line is cut out only where a rule reads it as a whole.
  let cut: string | undefined;
  const line = (): string => (cut ??= text.slice(start, end));
  const first = text.charCodeAt(start);
  const heading = first === 35 ? /^#{1,6}\s+/.exec(line()) : null;
  let i = heading ? heading[0].length : 0;
  if (heading) edits.push({ start, end: start + i, text: '' });
  const bullet = heading || first !== 42 ? null : MARKDOWN_BULLET.exec(line());
  if (bullet) {
    const rest = line()
      .slice(bullet[0].length)
      .replace(/^[*_]{2}/, '');
    edits.push({ start, end: start + bullet[0].length, text: startsWithMarker(rest) ? '' : '- ' });
    i = bullet[0].length;
  } else if (!heading && startsBlock && isEmphasisCode(first) && /^[*_](?![*_\s])/.test(line())) {
    // Emphasis around a whole line ("*Nơi nhận:*", "*(Dấu của …)*").
    edits.push({ start, end: start + 1, text: '' });
    i = 1;
  }
  // /[^*_\s][*_]$/ and not /[*_]{2}$/: one emphasis character closing the block.
  const length = end - start;
  const lastCode = text.charCodeAt(end - 1);
  const beforeLast = text.charCodeAt(end - 2);
  const closes =
    endsBlock &&
    length >= 2 &&
    isEmphasisCode(lastCode) &&
    !isEmphasisCode(beforeLast) &&
    !isJsSpace(beforeLast);
  const stop = closes ? end - 1 : end;
  const contentFrom = start + i;
  for (let at = candidates.from(contentFrom); at >= 0 && at < stop; at = candidates.from(at)) {
    const code = text.charCodeAt(at);
    if (isSpace(code)) {
      let j = at + 1;
      while (j < stop && isSpace(text.charCodeAt(j))) j++;
      if (j - at > 1 || code !== 32) edits.push({ start: at, end: j, text: ' ' });
      at = j;
      continue;
    }
    // "**" or "__", unless its second character is the block's closing emphasis, cut off above.
    if (at + 1 >= stop) break;
    // A marker between text and a numbered item ("YÊU CẦU**1. Mục đích") separates two blocks.
    const before = text.slice(contentFrom, at).trimEnd();
    const after = text.slice(at + 2, stop);
    const breaks = before.length > 0 && first !== 124 && startsWithMarker(after.trimStart());
    let j = at + 2;
    if (breaks) {
      let k = at;
      while (k > start && isSpace(text.charCodeAt(k - 1))) k--;
      while (j < stop && isSpace(text.charCodeAt(j))) j++;
      // Replace any space already scheduled inside this range.
      while (edits.length > 0 && edits[edits.length - 1]!.start >= k) edits.pop();
      edits.push({ start: k, end: j, text: '\n' });
    } else {
      edits.push({ start: at, end: j, text: '' });
    }
    at = j;
  }
  if (stop < end) edits.push({ start: stop, end, text: '' });
}
