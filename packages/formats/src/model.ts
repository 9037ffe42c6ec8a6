/** What a decode stage of this package returns: the extracted text and where it sits in the original. */
import type { Box, DocumentLayout, Message } from '@doichieu/core';
import type { OcrEngine } from './ocr.ts';

export type { Box };

export interface DecodedDocument {
  /** The extracted text, one line per visual line (PDF, image) or paragraph (DOCX). */
  text: string;
  layout: DocumentLayout;
  messages: Message[];
}

export interface OcrOptions {
  /** Resolution PDF pages are rendered at for OCR. */
  dpi?: number;
  /** The engine (default: Debian's `tesseract` command). */
  engine?: OcrEngine;
  /** Tesseract language(s). */
  language?: string;
  /** Lines whose mean word confidence is below this are marked. */
  lowConfidenceBelow?: number;
  /** Never OCR (fail instead): for callers that want text layers only. */
  disabled?: boolean;
}

export interface DecodeDocumentOptions {
  /** File name, for messages and the layout record. */
  name: string;
  ocr?: OcrOptions;
  /** Called with each page image rendered for OCR (PNG bytes), to keep it beside the corpus. */
  onPageImage?: (page: number, png: Uint8Array) => void;
}
