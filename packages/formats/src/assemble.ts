/**
 * Pages of rebuilt lines → the extracted text and its layout record. Running
 * headers and footers (the same line at the top or bottom of several pages)
 * are left out of the text and listed as artefacts, and so are bare page
 * numbers at a page's top or bottom edge: left in, a number between the two
 * halves of a sentence broken by the page would be read into the sentence.
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
  const numbers = pageNumberLines(pages);
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
      if (numbers.has(`${page.number}:${index}`)) {
        artefacts.push({ page: page.number, text: line.text, box: round(line.box), reason: 'page number' });
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

const PAGE_NUMBER = /^[-–\s]*\d{1,3}[-–\s]*$/;

function atEdge(line: RebuiltLine, page: LayoutPage): boolean {
  return line.box[3] < page.height * 0.08 || line.box[1] > page.height * 0.92;
}

/** Bare page numbers ("2", "- 3 -") in the top or bottom 8% of a page. */
function pageNumberLines(pages: readonly AssembledPage[]): Set<string> {
  const out = new Set<string>();
  for (const { page, lines } of pages)
    lines.forEach((line, index) => {
      if (atEdge(line, page) && PAGE_NUMBER.test(line.text)) out.add(`${page.number}:${index}`);
    });
  return out;
}

/** Lines in the top or bottom 8% of a page whose shape (digits aside) recurs on other pages. */
function runningLines(pages: readonly AssembledPage[]): Set<string> {
  const out = new Set<string>();
  if (pages.length < 2) return out;
  const seen = new Map<string, string[]>();
  for (const { page, lines } of pages) {
    lines.forEach((line, index) => {
      // A bare page number is not a running line (it is dropped as a page number).
      if (!atEdge(line, page) || PAGE_NUMBER.test(line.text)) return;
      const key = shape(line.text);
      const list = seen.get(key);
      if (list) list.push(`${page.number}:${index}`);
      else seen.set(key, [`${page.number}:${index}`]);
    });
  }
  for (const keys of seen.values()) if (keys.length >= 2) for (const k of keys) out.add(k);
  return out;
}
