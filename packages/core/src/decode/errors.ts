export type DecodeErrorCode = 'empty' | 'binary' | 'too-large' | 'undecodable';

/** Why a file cannot be read as a text plan; `message` is one line meant for the user. */
export class DecodeError extends Error {
  readonly code: DecodeErrorCode;

  constructor(code: DecodeErrorCode, message: string) {
    super(message);
    this.name = 'DecodeError';
    this.code = code;
  }
}

const MEGABYTE = 1024 * 1024;

/** "25.3 MB", "64 MB", "512 bytes". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < MEGABYTE) return `${trimDecimal(bytes / 1024)} KB`;
  return `${trimDecimal(bytes / MEGABYTE)} MB`;
}

const trimDecimal = (value: number): string => value.toFixed(1).replace(/\.0$/, '');
