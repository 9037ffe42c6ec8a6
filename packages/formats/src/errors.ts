/** One clear line for a file this package cannot read; callers print it as it is. */
export type FormatErrorCode =
  | 'unsupported'
  | 'corrupt'
  | 'encrypted'
  | 'empty'
  | 'no-text'
  | 'ocr-unavailable'
  | 'too-large';

export class FormatError extends Error {
  readonly code: FormatErrorCode;
  constructor(code: FormatErrorCode, message: string) {
    super(message);
    this.name = 'FormatError';
    this.code = code;
  }
}

export const SUPPORTED =
  'supported: PDF (text layer or scanned), DOCX, PNG, JPEG, TIFF, and plain text (UTF-8, UTF-16, TCVN3, VNI, Windows-1258)';
