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
import { startsWithFieldLabel, startsWithStructuralMarker } from './markers.ts';
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
  if (/^[-_=~¯.…*•·\s]{3,}$/u.test(content) && !/[\p{L}\p{N}]/u.test(content)) return 'rule line';
  if (/^\\?\*$/.test(content)) return 'decoration';
  if (/^`{3,}\w*$/.test(content)) return 'code fence';
  if (PART_LABEL.test(content)) return 'part label';
  if (/^(?:\d{1,3}|-\s*\d{1,3}\s*-)$/.test(content)) return 'page number';
  if (/^(?:trang|page)\s+\d{1,3}(?:\s*\/\s*\d{1,3})?$/iu.test(content)) return 'page number';
  return undefined;
}

/**
 * A markdown heading that is a file-part identifier ("# 773_2018_QĐ_TTg_appendix"),
 * added by whoever split the document into files: not text of the document.
 */
const PART_LABEL = /^#{1,6}\s*[\p{L}\p{N}]+(?:_[\p{L}\p{N}]+)+$/u;
/** The same glued to the end of a line ("QUYẾT ĐỊNH:# 773_2018_QĐ_TTg_art1_3"). */
const GLUED_PART_LABEL = /#{1,6}\s*[\p{L}\p{N}]+(?:_[\p{L}\p{N}]+)+$/u;
/**
 * A section heading glued to the end of the previous sentence when parts of a
 * document were joined without a line break ("…như sau:A. MỤC ĐÍCH, YÊU CẦU",
 * "…và tiếp theo.III. ĐẨY MẠNH…"): a part or Roman marker right after a full
 * stop or colon, followed by a heading in capitals.
 */
const GLUED_HEADING = /[.:;](?=(?:[A-HĐ]|[IVXL]{1,5})[.\-–](?:\s*\p{Lu}(?:[^\p{Ll}]{8}|[^\p{Ll}]*$)|$))/gu;

export function splitLines(text: string): LayoutLine[] {
  const lines: LayoutLine[] = [];
  let lineStart = 0;
  const pushTrimmed = (s: number, e: number): void => {
    const content = text.slice(s, e);
    const artefact = classifyArtefact(content);
    if (artefact) {
      lines.push({ start: s, end: e, kind: 'artefact', artefact });
      return;
    }
    const label = GLUED_PART_LABEL.exec(content);
    if (label && label.index > 0) {
      let cut = s + label.index;
      while (cut > s && isSpace(text.charCodeAt(cut - 1))) cut--;
      pushTrimmed(s, cut);
      lines.push({ start: s + label.index, end: e, kind: 'artefact', artefact: 'part label' });
      return;
    }
    let from = s;
    GLUED_HEADING.lastIndex = 0;
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
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(text); m; m = LINE_BREAK.exec(text)) {
    push(lineStart, m.index);
    lineStart = m.index + m[0].length;
  }
  push(lineStart, text.length);
  // A page number stands apart; a number between two lines of text is a wrapped word ("số 57-" / "KL/TW").
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
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

const LOWER_START = /^[\p{Ll}\p{N}(“"'‘,;.)\]–]/u;
const SENTENCE_END = /[.:;!?…]["”’)\]]*$/u;
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

const FIRST_WORD = /^\S+/;
/** Where a line of a list ends: a sentence end or a comma ("- Các huyện ủy, thành ủy," / "- Báo Quảng Ngãi,"). */
const LIST_LINE_END = /[.:;!?…,]["”’)\]]*$/u;
const SEPARATOR_LINE = /^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$/;
/** A row that starts a new record: its first cell is a number or a Roman numeral. */
const NEW_ROW = /^\|\s*(?:\*\*)?\s*(?:\d|[IVXL]+\.?\s*(?:\*\*)?\s*\|)/;
function pipeCount(line: string): number {
  let count = 0;
  for (let k = 0; k < line.length; k++)
    if (line.charCodeAt(k) === 124 && line.charCodeAt(k - 1) !== 92) count++;
  return count;
}
/** Two words in capitals: a heading, not a code such as "57-KL/TW". */
const HEADING_WORDS = /\p{Lu}{2}\S*\s+\S*\p{Lu}{2}/u;

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
  const lineText = (i: number): string => text.slice(contents[i]!.start, contents[i]!.end);
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
  const startsLower = contents.map((c) => /^\p{Ll}/u.test(text.slice(c.start, c.start + 1)));
  // Pieces of one physical line split at a glued heading count as one line for the wrap width.
  const samePhysical = contents.map(
    (c, i) => i > 0 && !/[\n\r\f\u2028\u2029]/.test(text.slice(contents[i - 1]!.end, c.start)),
  );
  /** A boundary the layout itself marks: tables, list items, markdown headings, rules. */
  const structural = (i: number): boolean => {
    const next = lineText(i);
    if (next.startsWith('|') || MARKDOWN_BULLET.test(next) || /^#{1,6}\s/.test(next)) return true;
    return artefactBefore[i]! && classifyArtefactIsRule(text, contents[i - 1]!.end, contents[i]!.start);
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
  // A table row wrapped over several lines continues until it has as many cells as the table's
  // separator row ("|---|---|"): a wrapping tool breaks rows at any space, also before a "|".
  {
    let expected = 0;
    let current = 0;
    let inTable = false;
    for (let i = 0; i < n; i++) {
      const t = lineText(i);
      const p = pipeCount(t);
      if (inTable && current < expected && !blankBefore[i] && current + p <= expected) {
        const prev = lineText(i - 1);
        if (!t.startsWith('|') || !prev.endsWith('|') || !NEW_ROW.test(t)) {
          soft[i] = true;
          current += p;
          continue;
        }
      }
      if (!t.startsWith('|')) {
        inTable = false;
        continue;
      }
      if (!inTable) {
        expected = 0;
        for (let j = i; j < Math.min(n, i + 12); j++)
          if (SEPARATOR_LINE.test(lineText(j))) {
            expected = pipeCount(lineText(j));
            break;
          }
      }
      inTable = true;
      current = p;
    }
  }
  const firstWord = contents.map((c) => FIRST_WORD.exec(text.slice(c.start, c.end))?.[0].length ?? 0);
  const hasSpace = contents.map((c) => /\s/.test(text.slice(c.start, c.end)));
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
    for (let g = 1; g < first.length; g++) {
      const i = first[g]!;
      if (structural(i) || (blankBefore[i] && !crossBlank)) continue;
      // A line longer than the width was not made by wrapping at it.
      if (length[g - 1]! > width || length[g - 1]! + 1 + firstWord[i]! <= width) continue;
      const prev = lineText(i - 1).replace(/[*_]+$/, '');
      const next = lineText(i).replace(/^[*_]+/, '');
      // Still a new block: a numbered item or a field after a full stop, capitals after text.
      if (
        LIST_LINE_END.test(prev) &&
        (startsWithStructuralMarker(next) || (startsWithFieldLabel(next) && /^\p{Lu}/u.test(next)))
      )
        continue;
      if (isAllCaps(next) && !isAllCaps(prev) && HEADING_WORDS.test(next)) continue;
      soft[i] = true;
      changed = true;
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
      const prev = groupText(first[g - 1]!, i);
      if (startsLower[i] && !isAllCaps(prev)) {
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
  const groupOf = new Int32Array(n);
  for (let g = 0; g < first.length; g++) {
    const end = g + 1 < first.length ? first[g + 1]! : n;
    for (let k = first[g]!; k < end; k++) groupOf[k] = g;
  }
  const groupEnd = (g: number): number => (g + 1 < first.length ? first[g + 1]! : n);

  const joinWith = (i: number): string => {
    const g = groupOf[i]!;
    const rawPrev = groupText(first[g - 1]!, i);
    const rawNext = groupText(i, groupEnd(g));
    // Markdown table rows and list items are blocks of their own.
    if (rawPrev.startsWith('|') || rawNext.startsWith('|') || MARKDOWN_BULLET.test(rawNext)) return '\n';
    const prev = rawPrev.replace(/[*_]+$/, '');
    const next = rawNext.replace(/^[*_]+/, '');
    if (HYPHEN_WRAP.test(prev) && /^\p{Lu}{2}/u.test(next)) return ''; // "338-" + "KH/BTGTW"
    // A section marker alone on its line ("III.") continues with its heading.
    if (/^(?:[A-HĐ]|[IVXL]{1,5}|\d{1,2})[.\-–)]$/.test(prev)) return ' ';
    if (startsWithStructuralMarker(next) || startsWithFieldLabel(next)) return '\n';
    // "(Đã ký)", "(Kèm theo …)" after a full stop, or set apart by emphasis ("*(Dấu của …)*"), start a block.
    if (/^[([]/.test(next) && (SENTENCE_END.test(prev) || /^[*_]/.test(rawNext))) return '\n';
    if (/^#{1,6}\s/.test(next)) return '\n';
    // A rule line or lone star marks a boundary (title / body) even where no punctuation does.
    if (artefactBefore[i] && classifyArtefactIsRule(text, contents[i - 1]!.end, contents[i]!.start))
      return '\n';
    const prevCaps = isAllCaps(prev);
    const nextCaps = isAllCaps(next);
    if (prevCaps || nextCaps) {
      // A heading wrapped over two all-caps lines continues if it ends mid-phrase with a comma.
      return prevCaps && nextCaps && /[,–-]$/.test(prev) ? ' ' : '\n';
    }
    if (LOWER_START.test(next)) return ' ';
    if (SENTENCE_END.test(prev)) return '\n';
    if (blankBefore[i] && blankLinesSeparate) return '\n';
    return prev.length >= wrapWidth * 0.6 ? ' ' : '\n';
  };

  // Leading whitespace/artefacts before the first block.
  if (contents[0]!.start > 0) edits.push({ start: 0, end: contents[0]!.start, text: '' });
  for (let i = 0; i < n; i++) {
    const line = contents[i]!;
    if (i > 0) {
      const gapStart = contents[i - 1]!.end;
      const glue = soft[i]
        ? HYPHEN_WRAP.test(lineText(i - 1)) && /^\p{Lu}{2}/u.test(lineText(i))
          ? ''
          : ' '
        : joinWith(i);
      if (!(glue === text.slice(gapStart, line.start)))
        edits.push({ start: gapStart, end: line.start, text: glue });
    }
    inlineEdits(text, line.start, line.end, edits);
  }
  const last = contents[n - 1]!;
  if (last.end < text.length) edits.push({ start: last.end, end: text.length, text: '' });
  return { edits, dropped, blankLinesSeparate };
}

/** A markdown list item ("*   Quán triệt …"); its marker becomes a dash, or goes where another marker follows. */
const MARKDOWN_BULLET = /^\*[ \t]+(?=\S)/;

/** Inside one line: collapse runs of horizontal space, drop markdown markers (or break the block at them). */
function inlineEdits(text: string, start: number, end: number, edits: Edit[]): void {
  let line = text.slice(start, end);
  const heading = /^#{1,6}\s+/.exec(line);
  let i = heading ? heading[0].length : 0;
  if (heading) edits.push({ start, end: start + i, text: '' });
  const bullet = heading ? null : MARKDOWN_BULLET.exec(line);
  if (bullet) {
    const rest = line.slice(bullet[0].length).replace(/^[*_]{2}/, '');
    edits.push({ start, end: start + bullet[0].length, text: startsWithStructuralMarker(rest) ? '' : '- ' });
    i = bullet[0].length;
  } else if (!heading && /^[*_](?![*_\s])/.test(line)) {
    // Emphasis around a whole line ("*Nơi nhận:*", "*(Dấu của …)*").
    edits.push({ start, end: start + 1, text: '' });
    i = 1;
  }
  let stop = line.length;
  if (/[^*_\s][*_]$/.test(line) && !/[*_]{2}$/.test(line)) stop = line.length - 1;
  if (stop < line.length) line = line.slice(0, stop);
  const contentFrom = i;
  while (i < line.length) {
    const code = line.charCodeAt(i);
    if (isSpace(code)) {
      let j = i + 1;
      while (j < line.length && isSpace(line.charCodeAt(j))) j++;
      if (j - i > 1 || code !== 32) edits.push({ start: start + i, end: start + j, text: ' ' });
      i = j;
      continue;
    }
    if ((code === 42 || code === 95) && line.charCodeAt(i + 1) === code) {
      // A marker between text and a numbered item ("YÊU CẦU**1. Mục đích") separates two blocks.
      const before = line.slice(contentFrom, i).trimEnd();
      const after = line.slice(i + 2);
      const breaks =
        before.length > 0 && !line.startsWith('|') && startsWithStructuralMarker(after.trimStart());
      let j = i + 2;
      if (breaks) {
        let k = start + i;
        while (k > start && isSpace(text.charCodeAt(k - 1))) k--;
        while (j < line.length && isSpace(line.charCodeAt(j))) j++;
        // Replace any space already scheduled inside this range.
        while (edits.length > 0 && edits[edits.length - 1]!.start >= k) edits.pop();
        edits.push({ start: k, end: start + j, text: '\n' });
      } else {
        edits.push({ start: start + i, end: start + j, text: '' });
      }
      i = j;
      continue;
    }
    i++;
  }
  if (stop < end - start) edits.push({ start: start + stop, end, text: '' });
}
