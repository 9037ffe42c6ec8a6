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
  if (/^\*$/.test(content)) return 'decoration';
  if (/^(?:-\s*)?\d{1,3}(?:\s*-)?$/.test(content)) return 'page number';
  if (/^(?:trang|page)\s+\d{1,3}(?:\s*\/\s*\d{1,3})?$/iu.test(content)) return 'page number';
  return undefined;
}

export function splitLines(text: string): LayoutLine[] {
  const lines: LayoutLine[] = [];
  let lineStart = 0;
  const push = (from: number, to: number): void => {
    let s = from;
    let e = to;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (s === e) {
      lines.push({ start: from, end: from, kind: 'blank' });
      return;
    }
    const content = text.slice(s, e);
    const artefact = classifyArtefact(content);
    if (artefact) lines.push({ start: s, end: e, kind: 'artefact', artefact });
    else lines.push({ start: s, end: e, kind: 'content' });
  };
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(text); m; m = LINE_BREAK.exec(text)) {
    push(lineStart, m.index);
    lineStart = m.index + m[0].length;
  }
  push(lineStart, text.length);
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
function typicalWrapWidth(text: string, contents: LayoutLine[]): number {
  const widths: number[] = [];
  for (let i = 0; i + 1 < contents.length; i++) {
    const next = text.slice(contents[i + 1]!.start, contents[i + 1]!.start + 1);
    if (/\p{Ll}/u.test(next)) widths.push(contents[i]!.end - contents[i]!.start);
  }
  if (widths.length < 5) return 60;
  widths.sort((a, b) => a - b);
  return widths[Math.floor(widths.length / 2)]!;
}

function classifyArtefactIsRule(text: string, from: number, to: number): boolean {
  return splitLines(text.slice(from, to)).some(
    (l) => l.artefact === 'rule line' || l.artefact === 'decoration',
  );
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

  // How does this document use blank lines? Count certain continuations across blank lines.
  let continuations = 0;
  let continuationsAcrossBlank = 0;
  const blankBefore: boolean[] = new Array(contents.length).fill(false);
  const artefactBefore: boolean[] = new Array(contents.length).fill(false);
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
  for (let i = 1; i < contents.length; i++) {
    const c = contents[i]!;
    const prevLine = text.slice(contents[i - 1]!.start, contents[i - 1]!.end);
    // A lowercase line after an all-caps title ("KẾ HOẠCH" / "thực hiện …") starts a block, it does not continue one.
    if (/^\p{Ll}/u.test(text.slice(c.start, c.start + 1)) && !isAllCaps(prevLine)) {
      continuations++;
      if (blankBefore[i]) continuationsAcrossBlank++;
    }
  }
  const blankLinesSeparate = continuations < 3 || continuationsAcrossBlank / continuations < 0.5;
  const wrapWidth = typicalWrapWidth(text, contents);

  const joinWith = (i: number): string => {
    const prev = text.slice(contents[i - 1]!.start, contents[i - 1]!.end).replace(/\*\*$/, '');
    const next = text.slice(contents[i]!.start, contents[i]!.end).replace(/^\*\*/, '');
    if (HYPHEN_WRAP.test(prev) && /^\p{Lu}{2}/u.test(next)) return ''; // "338-" + "KH/BTGTW"
    if (startsWithStructuralMarker(next) || startsWithFieldLabel(next)) return '\n';
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
  for (let i = 0; i < contents.length; i++) {
    const line = contents[i]!;
    if (i > 0) {
      const gapStart = contents[i - 1]!.end;
      const glue = joinWith(i);
      if (!(glue === text.slice(gapStart, line.start)))
        edits.push({ start: gapStart, end: line.start, text: glue });
    }
    inlineEdits(text, line.start, line.end, edits);
  }
  const last = contents[contents.length - 1]!;
  if (last.end < text.length) edits.push({ start: last.end, end: text.length, text: '' });
  return { edits, dropped, blankLinesSeparate };
}

/** Inside one line: collapse runs of horizontal space, drop markdown markers (or break the block at them). */
function inlineEdits(text: string, start: number, end: number, edits: Edit[]): void {
  const line = text.slice(start, end);
  const heading = /^#{1,6}\s+/.exec(line);
  let i = heading ? heading[0].length : 0;
  if (heading) edits.push({ start, end: start + i, text: '' });
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
      const before = line.slice(0, i).trimEnd();
      const after = line.slice(i + 2);
      const breaks = before.length > 0 && startsWithStructuralMarker(after.trimStart());
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
}
