/**
 * Pages of rebuilt lines → the extracted text and its layout record. Running
 * headers and footers (the same line at the top or bottom of several pages)
 * are left out of the text and listed as artefacts; page numbers stay in the
 * text, where normalise recognises and skips them, so they remain traceable.
 */
import type { Box, LayoutLine, LayoutPage } from '@doichieu/core';
import type { RebuiltLine } from './lines.ts';

export interface AssembledPage {
  page: LayoutPage;
  lines: RebuiltLine[];
}

export interface Assembled {
  text: string;
  lines: LayoutLine[];
  artefacts: { page: number; text: string; box: Box; reason: string }[];
}

const round = (box: Box): Box => box.map((v) => Math.round(v * 10) / 10) as Box;
const shape = (text: string): string => text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

export function assemble(pages: readonly AssembledPage[]): Assembled {
  const repeated = runningLines(pages);
  const parts: string[] = [];
  let offset = 0;
  const lines: LayoutLine[] = [];
  const artefacts: Assembled['artefacts'] = [];
  for (const { page, lines: pageLines } of pages) {
    pageLines.forEach((line, index) => {
      if (repeated.has(`${page.number}:${index}`)) {
        artefacts.push({
          page: page.number,
          text: line.text,
          box: round(line.box),
          reason: 'running header or footer',
        });
        return;
      }
      if (line.text === '') return;
      const prefix = offset === 0 ? '' : line.gapBefore ? '\n\n' : '\n';
      parts.push(prefix, line.text);
      offset += prefix.length;
      lines.push({
        span: [offset, offset + line.text.length],
        page: page.number,
        box: round(line.box),
        ...(line.confidence !== undefined ? { confidence: Math.round(line.confidence * 10) / 10 } : {}),
      });
      offset += line.text.length;
    });
  }
  if (offset > 0) parts.push('\n');
  return { text: parts.join(''), lines, artefacts };
}

/** Lines in the top or bottom 8% of a page whose shape (digits aside) recurs on other pages. */
function runningLines(pages: readonly AssembledPage[]): Set<string> {
  const out = new Set<string>();
  if (pages.length < 2) return out;
  const seen = new Map<string, string[]>();
  for (const { page, lines } of pages) {
    lines.forEach((line, index) => {
      const edge = line.box[3] < page.height * 0.08 || line.box[1] > page.height * 0.92;
      // A bare page number is not a running line: normalise skips it and it stays traceable.
      if (!edge || /^[-–\s]*\d{1,3}[-–\s]*$/.test(line.text)) return;
      const key = shape(line.text);
      const list = seen.get(key);
      if (list) list.push(`${page.number}:${index}`);
      else seen.set(key, [`${page.number}:${index}`]);
    });
  }
  for (const keys of seen.values()) if (keys.length >= 2) for (const k of keys) out.add(k);
  return out;
}
