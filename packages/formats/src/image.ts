/** PNG, JPEG and TIFF (one page or several) read by OCR. */
import type { Message } from '@doichieu/core';
import { type AssembledPage, assemble } from './assemble.ts';
import { FormatError } from './errors.ts';
import { rebuildLines } from './lines.ts';
import type { DecodeDocumentOptions, DecodedDocument } from './model.ts';
import { debianTesseract, ocrLineFragments } from './ocr.ts';
import { originalRecord } from './original.ts';
import { DEFAULT_LOW_CONFIDENCE } from './pdf.ts';

export async function decodeImage(
  bytes: Uint8Array,
  options: DecodeDocumentOptions,
): Promise<DecodedDocument> {
  const language = options.ocr?.language ?? 'vie';
  const engine = options.ocr?.engine ?? debianTesseract;
  if (!engine.available(language))
    throw new FormatError(
      'ocr-unavailable',
      `OCR needs Tesseract with the "${language}" model (Debian: apt-get install tesseract-ocr tesseract-ocr-${language})`,
    );
  const ocrPages = await engine.recognise(bytes, { language });
  const pages: AssembledPage[] = ocrPages.map((p, i) => ({
    page: { number: i + 1, width: p.width, height: p.height, unit: 'px', route: 'ocr' },
    lines: rebuildLines(ocrLineFragments(p), p.width),
  }));
  const assembled = assemble(pages);
  if (assembled.lines.length === 0)
    throw new FormatError('no-text', 'no text was found in the image (OCR read nothing)');
  const messages: Message[] = [
    {
      ruleId: 'decode:ocr',
      severity: 'info',
      reason: `image read by OCR (${pages.length} page${pages.length > 1 ? 's' : ''})`,
    },
  ];
  return {
    text: assembled.text,
    layout: {
      format: 'image',
      original: originalRecord(bytes, options.name),
      pages: pages.map((p) => p.page),
      lines: assembled.lines,
      artefacts: assembled.artefacts,
      hints: [],
      ocr: {
        engine: engine.name,
        language,
        lowConfidenceBelow: options.ocr?.lowConfidenceBelow ?? DEFAULT_LOW_CONFIDENCE,
      },
    },
    messages,
  };
}
