/**
 * PDF → text with page and position. Each page is read from its text layer
 * when it has a usable one; a page whose layer is empty (a scan) or garbage
 * (glyphs without a Unicode map) is rendered and read by OCR, so a mixed PDF
 * is handled page by page.
 */
import type { LayoutPage, Message } from '@doichieu/core';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { type AssembledPage, assemble } from './assemble.ts';
import { FormatError } from './errors.ts';
import { type Fragment, rebuildLines } from './lines.ts';
import type { DecodeDocumentOptions, DecodedDocument } from './model.ts';
import { debianTesseract, ocrLineFragments } from './ocr.ts';
import { originalRecord } from './original.ts';
import { openPdf } from './pdfjs.ts';
import { renderPage } from './render.ts';
import { needsOcr, textQuality } from './text-quality.ts';

/** Resolution for OCR: measured in bench/formats.bench.ts (Roman numerals fail below ~200 dpi). */
export const DEFAULT_OCR_DPI = 300;
export const DEFAULT_LOW_CONFIDENCE = 70;

export async function decodePdf(bytes: Uint8Array, options: DecodeDocumentOptions): Promise<DecodedDocument> {
  const doc = await openPdf(bytes);
  try {
    if (doc.numPages === 0) throw new FormatError('empty', 'the PDF has no pages');
    const dpi = options.ocr?.dpi ?? DEFAULT_OCR_DPI;
    const language = options.ocr?.language ?? 'vie';
    const engine = options.ocr?.engine ?? debianTesseract;
    const pages: AssembledPage[] = [];
    const messages: Message[] = [];
    let ocrPages = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await readPage(doc, n);
      const viewport = page.getViewport({ scale: 1 });
      const fragments = await textLayerFragments(page);
      const why = needsOcr(textQuality(fragments.map((f) => f.text).join(' ')));
      const info: LayoutPage = {
        number: n,
        width: round(viewport.width),
        height: round(viewport.height),
        unit: 'pt',
        route: 'text-layer',
      };
      if (!why) {
        pages.push({ page: info, lines: rebuildLines(fragments, viewport.width) });
        continue;
      }
      if (options.ocr?.disabled) {
        pages.push({ page: info, lines: [] });
        messages.push({
          ruleId: 'decode:no-ocr',
          severity: 'warning',
          reason: `page ${n}: no readable text layer, and OCR is off`,
        });
        continue;
      }
      if (!engine.available(language))
        throw new FormatError(
          'ocr-unavailable',
          `page ${n} has ${why === 'empty' ? 'no text layer (a scan)' : 'an unreadable text layer'} and OCR needs Tesseract with the "${language}" model (Debian: apt-get install tesseract-ocr tesseract-ocr-${language})`,
        );
      const { png, scale } = await renderPage(page, dpi);
      options.onPageImage?.(n, png);
      const [ocr] = await engine.recognise(png, { language, dpi });
      const words = (ocr?.words ?? []).map((w) => ({
        ...w,
        x0: w.x0 / scale,
        x1: w.x1 / scale,
        baseline: w.baseline / scale,
        size: w.size / scale,
      }));
      ocrPages++;
      pages.push({
        page: { ...info, route: 'ocr', dpi },
        lines: rebuildLines(
          ocrLineFragments({ width: viewport.width, height: viewport.height, words }),
          viewport.width,
        ),
      });
      messages.push({
        ruleId: 'decode:ocr',
        severity: 'info',
        reason: `page ${n}: ${why === 'empty' ? 'no text layer' : 'the text layer is not readable text'}, read by OCR at ${dpi} dpi`,
      });
    }
    const assembled = assemble(pages);
    if (assembled.lines.length === 0)
      throw new FormatError(
        'no-text',
        `no text was found in the PDF (${doc.numPages} page${doc.numPages > 1 ? 's' : ''})`,
      );
    return {
      text: assembled.text,
      layout: {
        format: 'pdf',
        original: originalRecord(bytes, options.name),
        pages: pages.map((p) => p.page),
        lines: assembled.lines,
        artefacts: assembled.artefacts,
        hints: [],
        ...(ocrPages > 0
          ? {
              ocr: {
                engine: engine.name,
                language,
                lowConfidenceBelow: options.ocr?.lowConfidenceBelow ?? DEFAULT_LOW_CONFIDENCE,
              },
            }
          : {}),
      },
      messages,
    };
  } finally {
    await doc.destroy();
  }
}

async function readPage(doc: Awaited<ReturnType<typeof openPdf>>, n: number): Promise<PDFPageProxy> {
  try {
    return await doc.getPage(n);
  } catch (e) {
    throw new FormatError(
      'corrupt',
      `the PDF is damaged: page ${n} cannot be read (${(e as Error).message})`,
    );
  }
}

const round = (v: number): number => Math.round(v * 100) / 100;

/** Text items placed on the page (top-left origin, points). */
async function textLayerFragments(page: PDFPageProxy): Promise<Fragment[]> {
  const viewport = page.getViewport({ scale: 1 });
  let content: Awaited<ReturnType<PDFPageProxy['getTextContent']>>;
  try {
    content = await page.getTextContent();
  } catch (e) {
    throw new FormatError('corrupt', `the PDF is damaged: page ${page.pageNumber} (${(e as Error).message})`);
  }
  const out: Fragment[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    const [a, b, c, d, e, f] = item.transform as number[];
    const [x, y] = viewport.convertToViewportPoint(e!, f!) as [number, number];
    const size = Math.hypot(c!, d!) || Math.hypot(a!, b!);
    out.push({ text: item.str.normalize('NFC'), x0: x, x1: x + item.width, baseline: y, size });
  }
  return out;
}
