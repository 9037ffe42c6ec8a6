/**
 * @doichieu/formats: the decode stages for files people actually have — PDF
 * (text layer or scanned), DOCX, images — feeding core's normalise → segment
 * → extract unchanged. Heavy dependencies (pdf.js, canvas, mammoth, Tesseract)
 * stay out of core. Each decoder returns the extracted text and a layout
 * record (pages, line boxes, OCR confidence, structure hints).
 */

import { detectFormat, type FileFormat } from './detect.ts';
import { decodeDocx } from './docx.ts';
import { decodeImage } from './image.ts';
import type { DecodeDocumentOptions, DecodedDocument } from './model.ts';
import { decodePdf } from './pdf.ts';

export { assemble } from './assemble.ts';
export { detectFormat, type FileFormat } from './detect.ts';
export { decodeDocx, linesFromHtml, looksLikeWordZip } from './docx.ts';
export { FormatError, type FormatErrorCode, SUPPORTED } from './errors.ts';
export { decodeImage } from './image.ts';
export { type Fragment, type RebuiltLine, rebuildLines } from './lines.ts';
export type { DecodeDocumentOptions, DecodedDocument, OcrOptions } from './model.ts';
export { debianTesseract, type OcrEngine, type OcrPage, ocrAvailable, ocrImage, parseTsv } from './ocr.ts';
export { sha256 } from './original.ts';
export { PAGE_IMAGE_WIDTH, type PageImage, pageImages } from './page-images.ts';
export { DEFAULT_LOW_CONFIDENCE, DEFAULT_OCR_DPI, decodePdf } from './pdf.ts';
export { needsOcr, textQuality } from './text-quality.ts';

/** Decodes a PDF, DOCX or image; `undefined` for a text file (core's `decode` reads those). */
export async function decodeDocument(
  bytes: Uint8Array,
  options: DecodeDocumentOptions,
): Promise<(DecodedDocument & { format: Exclude<FileFormat, 'text'> }) | undefined> {
  const format = detectFormat(bytes, options.name);
  switch (format) {
    case 'pdf':
      return { format, ...(await decodePdf(bytes, options)) };
    case 'docx':
      return { format, ...(await decodeDocx(bytes, options)) };
    case 'image':
      return { format, ...(await decodeImage(bytes, options)) };
    case 'text':
      return undefined;
  }
}
