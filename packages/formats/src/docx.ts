/**
 * DOCX → text through mammoth: one line per paragraph, heading, list item and
 * table cell paragraph, in document order (a letterhead laid out as a
 * two-cell table reads left cell, then right cell). Word's structure is kept
 * as hints with spans: headings (with level), bold paragraphs, list items,
 * table cells. Automatic list numbering, which is not in the text, is written
 * out ("1.", "-") so the segmenter sees the marker a reader sees.
 */
import type { StructureHint } from '@doichieu/core';
import { FormatError, SUPPORTED } from './errors.ts';
import type { DecodeDocumentOptions, DecodedDocument } from './model.ts';
import { originalRecord } from './original.ts';

export function looksLikeWordZip(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(
    'word/document.xml',
    0,
    'latin1',
  );
}

export async function decodeDocx(
  bytes: Uint8Array,
  options: DecodeDocumentOptions,
): Promise<DecodedDocument> {
  if (!looksLikeWordZip(bytes))
    throw new FormatError(
      'unsupported',
      `the file is a ZIP archive but not a Word document (no word/document.xml); ${SUPPORTED}`,
    );
  const mammoth = (await import('mammoth')).default;
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { ignoreEmptyParagraphs: false }))
      .value;
  } catch (e) {
    throw new FormatError(
      'corrupt',
      `the Word document is damaged and cannot be read (${(e as Error).message.split('\n')[0]})`,
    );
  }
  const { text, hints } = linesFromHtml(html);
  if (text.trim() === '') throw new FormatError('no-text', 'the Word document has no text');
  return {
    text,
    layout: {
      format: 'docx',
      original: originalRecord(bytes, options.name),
      pages: [],
      lines: [],
      artefacts: [],
      hints,
    },
    messages: [],
  };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const decodeEntities = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(
          e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)),
        )
      : (ENTITIES[e.toLowerCase()] ?? m),
  );

/** mammoth's HTML (a small, regular subset) → lines and hints. Exported for tests. */
export function linesFromHtml(html: string): { text: string; hints: StructureHint[] } {
  const lines: string[] = [];
  const hints: StructureHint[] = [];
  let offset = 0;
  let current: string | null = null;
  let currentHint: Omit<StructureHint, 'span'> | undefined;
  let currentIsParagraph = false;
  let boldChars = 0;
  let bold = 0;
  const lists: { ordered: boolean; count: number }[] = [];
  let cellDepth = 0;
  const open = (hint?: Omit<StructureHint, 'span'>, prefix = '', paragraph = false): void => {
    flush();
    current = prefix;
    currentHint = hint;
    currentIsParagraph = paragraph;
    boldChars = 0;
  };
  const flush = (): void => {
    if (current === null) return;
    const text = current.replace(/[ \t\u00a0]+/g, ' ').trim();
    current = null;
    if (text === '') {
      // An empty paragraph is the writer's blank line: kept, as a text file would have it.
      if (lines.length > 0 && currentIsParagraph) {
        lines.push('');
        offset += 1;
      }
      return;
    }
    const start = offset + (lines.length > 0 ? 1 : 0);
    lines.push(text);
    offset = start + text.length;
    const span: [number, number] = [start, offset];
    if (currentHint) hints.push({ span, ...currentHint });
    else if (boldChars >= text.replace(/\s/g, '').length * 0.9) hints.push({ span, kind: 'bold' });
    if (cellDepth > 0 && currentHint?.kind !== 'table-cell') hints.push({ span, kind: 'table-cell' });
  };
  for (const m of html.matchAll(/<(\/?)([a-z0-9]+)[^>]*?(\/?)>|([^<]+)/gi)) {
    const [, closing, rawTag, selfClosing, textPart] = m;
    if (textPart !== undefined) {
      const t = decodeEntities(textPart);
      if (current === null) current = '';
      current += t;
      if (bold > 0) boldChars += t.replace(/\s/g, '').length;
      continue;
    }
    const tag = rawTag!.toLowerCase();
    if (closing) {
      if (tag === 'strong' || tag === 'b') bold = Math.max(0, bold - 1);
      else if (tag === 'ul' || tag === 'ol') lists.pop();
      else if (tag === 'td' || tag === 'th') cellDepth--;
      if (/^(p|h[1-6]|li|td|th)$/.test(tag)) flush();
      continue;
    }
    if (tag === 'strong' || tag === 'b') bold++;
    else if (tag === 'br' || selfClosing) {
      if (tag === 'br') open(currentHint);
    } else if (/^h[1-6]$/.test(tag)) open({ kind: 'heading', level: Number(tag[1]) });
    else if (tag === 'p') open(cellDepth > 0 ? { kind: 'table-cell' } : undefined, '', cellDepth === 0);
    else if (tag === 'ul' || tag === 'ol') lists.push({ ordered: tag === 'ol', count: 0 });
    else if (tag === 'li') {
      const list = lists[lists.length - 1];
      if (list) list.count++;
      const marker = list?.ordered ? `${list.count}. ` : '- ';
      open({ kind: 'list-item', level: Math.max(1, lists.length) }, marker);
    } else if (tag === 'td' || tag === 'th') {
      flush();
      cellDepth++;
    }
  }
  flush();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return { text: lines.length > 0 ? `${lines.join('\n')}\n` : '', hints };
}
