/**
 * Reading order from positions: positioned text fragments of one page (a PDF
 * text layer, or OCR words) → lines of text in the order a person reads them.
 *
 * Fragments on one baseline make a row; a row breaks into chunks at gaps much
 * wider than a space. A run of rows whose chunks each sit on one side of the
 * page's middle, with at least one row holding chunks on both sides, is a
 * two-column block (the letterhead of a Party document, the recipients and
 * signature block at its end): its left column is read top to bottom, then its
 * right column. Everything else reads row by row. Pure: data in, data out.
 */
import type { Box } from '@doichieu/core';

export interface Fragment {
  text: string;
  /** Top-left origin, page units. */
  x0: number;
  x1: number;
  /** Baseline (PDF) or box bottom (OCR). */
  baseline: number;
  /** Glyph height (font size). */
  size: number;
  confidence?: number;
}

export interface RebuiltLine {
  text: string;
  box: Box;
  /** Mean confidence of the fragments (OCR only), 0–100. */
  confidence?: number;
  /** A vertical gap before this line wider than the page's usual line spacing. */
  gapBefore: boolean;
  column?: 'left' | 'right';
}

interface Chunk {
  fragments: Fragment[];
  x0: number;
  x1: number;
  baseline: number;
  size: number;
}

interface Row {
  chunks: Chunk[];
  baseline: number;
  size: number;
}

const median = (values: number[]): number => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
};

/** Rows from fragments: same baseline within a third of the glyph height. */
export function rowsOf(fragments: readonly Fragment[]): Row[] {
  const visible = fragments.filter((f) => f.text.trim() !== '' && f.size > 0);
  const sorted = [...visible].sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const rows: { fragments: Fragment[]; baseline: number; size: number }[] = [];
  for (const f of sorted) {
    const last = rows[rows.length - 1];
    if (last && Math.abs(f.baseline - last.baseline) <= Math.min(last.size, f.size) * 0.4) {
      last.fragments.push(f);
      last.size = Math.max(last.size, f.size);
    } else rows.push({ fragments: [f], baseline: f.baseline, size: f.size });
  }
  return rows.map((r) => {
    const frs = [...r.fragments].sort((a, b) => a.x0 - b.x0);
    const size = median(frs.map((f) => f.size));
    const chunks: Chunk[] = [];
    for (const f of frs) {
      const last = chunks[chunks.length - 1];
      // A gap of more than ~2.5 em is not a word space, even in justified text.
      if (last && f.x0 - last.x1 <= size * 2.5) {
        last.fragments.push(f);
        last.x1 = Math.max(last.x1, f.x1);
      } else chunks.push({ fragments: [f], x0: f.x0, x1: f.x1, baseline: f.baseline, size: f.size });
    }
    return { chunks, baseline: r.baseline, size };
  });
}

/** The text of a chunk: fragments joined, with a space where the gap is wider than a thin space. */
function chunkText(chunk: Chunk): string {
  let out = '';
  let prevEnd: number | undefined;
  for (const f of chunk.fragments) {
    const gap = prevEnd === undefined ? 0 : f.x0 - prevEnd;
    if (prevEnd !== undefined && gap > f.size * 0.15 && !/\s$/.test(out) && !/^\s/.test(f.text)) out += ' ';
    out += f.text;
    prevEnd = f.x1;
  }
  return out.replace(/\s+/g, ' ').trim();
}

function chunkLine(chunk: Chunk, column?: 'left' | 'right'): Omit<RebuiltLine, 'gapBefore'> {
  const confs = chunk.fragments.map((f) => f.confidence).filter((c): c is number => c !== undefined);
  return {
    text: chunkText(chunk),
    box: [chunk.x0, chunk.baseline - chunk.size, chunk.x1, chunk.baseline + chunk.size * 0.25],
    ...(confs.length > 0 ? { confidence: confs.reduce((a, b) => a + b, 0) / confs.length } : {}),
    ...(column ? { column } : {}),
  };
}

function mergeChunks(chunks: Chunk[]): Chunk {
  const fragments = chunks.flatMap((c) => c.fragments);
  return {
    fragments,
    x0: Math.min(...chunks.map((c) => c.x0)),
    x1: Math.max(...chunks.map((c) => c.x1)),
    baseline: chunks[0]!.baseline,
    size: Math.max(...chunks.map((c) => c.size)),
  };
}

type Side = 'left' | 'right' | 'both' | 'across';

/** Where a row's chunks sit relative to the text's middle. */
function sideOf(row: Row, middle: number, tolerance: number): Side {
  let left = false;
  let right = false;
  for (const c of row.chunks) {
    if (c.x1 <= middle + tolerance) left = true;
    else if (c.x0 >= middle - tolerance) right = true;
    else return 'across';
  }
  return left && right ? 'both' : left ? 'left' : 'right';
}

/**
 * Lines in reading order. `pageWidth` locates the middle when the text is
 * narrow (a letterhead alone on a page); the text's own extent is used otherwise.
 */
export function rebuildLines(fragments: readonly Fragment[], pageWidth: number): RebuiltLine[] {
  const rows = rowsOf(fragments);
  if (rows.length === 0) return [];
  const x0 = Math.min(...rows.flatMap((r) => r.chunks.map((c) => c.x0)));
  const x1 = Math.max(...rows.flatMap((r) => r.chunks.map((c) => c.x1)));
  const middle = x1 - x0 > pageWidth * 0.5 ? (x0 + x1) / 2 : pageWidth / 2;
  const size = median(rows.map((r) => r.size));
  const sides = rows.map((r) => sideOf(r, middle, size * 0.5));
  const spacings = rows.slice(1).map((r, i) => r.baseline - rows[i]!.baseline);
  // The line pitch: the closest spacing of rows that cannot overlap (where most lines are paragraphs,
  // the median spacing is a paragraph gap, not the pitch).
  const pitches = spacings.filter((s) => s >= size * 0.9);
  const usual = pitches.length > 0 ? Math.min(...pitches) : size * 1.2;

  const out: RebuiltLine[] = [];
  let prevBaseline: number | undefined;
  const emit = (line: Omit<RebuiltLine, 'gapBefore'>, baseline: number, forceGap = false): void => {
    const gapBefore = forceGap || (prevBaseline !== undefined && baseline - prevBaseline > usual * 1.6);
    out.push({ ...line, gapBefore });
    prevBaseline = baseline;
  };
  let i = 0;
  while (i < rows.length) {
    // A two-column block: consecutive one-sided or split rows with at least one split row.
    let j = i;
    let split = false;
    while (j < rows.length && sides[j] !== 'across') {
      if (sides[j] === 'both') split = true;
      j++;
    }
    if (split) {
      // Rows after the last split row belong to the block only while no paragraph gap intervenes.
      let lastSplit = i;
      for (let k = i; k < j; k++) if (sides[k] === 'both') lastSplit = k;
      let end = lastSplit + 1;
      while (end < j && rows[end]!.baseline - rows[end - 1]!.baseline <= usual * 1.6) end++;
      j = end;
      const block = rows.slice(i, j);
      for (const column of ['left', 'right'] as const) {
        let first = true;
        for (const row of block) {
          const chunks = row.chunks.filter((c) =>
            column === 'left' ? c.x1 <= middle + size * 0.5 : c.x1 > middle + size * 0.5,
          );
          if (chunks.length === 0) continue;
          // Letterhead and signature lines are separate lines, not a wrapped paragraph (unless lowercase follows).
          const line = chunkLine(mergeChunks(chunks), column);
          emit(line, row.baseline, (first && column === 'right') || (!first && !/^\p{Ll}/u.test(line.text)));
          first = false;
        }
        if (column === 'left') prevBaseline = undefined;
      }
      prevBaseline = block[block.length - 1]!.baseline;
      i = j;
      continue;
    }
    // Rows read whole (one-sided rows outside a two-column block are ordinary short lines).
    const end = Math.max(j, i + 1);
    for (let k = i; k < end; k++) {
      const row = rows[k]!;
      emit(chunkLine(mergeChunks(row.chunks)), row.baseline);
    }
    i = end;
  }
  return out;
}
