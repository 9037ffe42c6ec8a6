/**
 * Unicode encodings: byte-order marks, BOM-less UTF-16, and UTF-8 validity.
 */

export type UnicodeEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

export interface ByteOrderMark {
  encoding: UnicodeEncoding;
  length: number;
}

export function detectBom(bytes: Uint8Array): ByteOrderMark | undefined {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8-bom', length: 3 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

const UTF16_SAMPLE_BYTES = 1 << 16;

/**
 * BOM-less UTF-16: Vietnamese text is mostly ASCII letters and spaces, whose
 * high byte is 0x00, so one byte column is full of NULs and the other has
 * almost none. (Vietnamese letters add high bytes 0x00, 0x01 and 0x1E.)
 */
export function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const length = Math.min(bytes.length, UTF16_SAMPLE_BYTES) & ~1;
  if (length < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = length / 2;
  const clearlyHigh = (zeros: number) => zeros >= pairs * 0.3;
  const clearlyLow = (zeros: number) => zeros <= pairs * 0.05;
  if (clearlyHigh(oddZeros) && clearlyLow(evenZeros)) return 'utf-16le';
  if (clearlyHigh(evenZeros) && clearlyLow(oddZeros)) return 'utf-16be';
  return undefined;
}

export function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  const even = bytes.length & ~1;
  const units = Buffer.from(bytes.buffer, bytes.byteOffset, even);
  if (encoding === 'utf-16le') return units.toString('utf16le');
  return Buffer.from(units).swap16().toString('utf16le');
}

/**
 * Characters a Vietnamese plan is made of: ASCII, Latin-1 and Latin Extended
 * letters, combining marks, Vietnamese letters, general punctuation, ₫.
 */
const PLAUSIBLE_TEXT = /[\t\n\r\x20-\x7e\u00a0-\u024f\u0300-\u036f\u1e00-\u1eff\u2000-\u206f\u20ab\ufeff]/g;

/** Share of characters a text plan would plausibly contain (used to confirm a UTF-16 guess). */
export function plausibleTextShare(text: string): number {
  if (text.length === 0) return 1;
  return (text.match(PLAUSIBLE_TEXT)?.length ?? 0) / text.length;
}

/** Decode UTF-8 replacing invalid sequences by U+FFFD. */
export function decodeUtf8Lossy(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

/** Byte offsets of invalid UTF-8 sequences (count and first), for a precise warning. */
export function findInvalidUtf8(bytes: Uint8Array): { count: number; first: number } {
  let count = 0;
  let first = -1;
  let i = 0;
  while (i < bytes.length) {
    const length = validSequenceLength(bytes, i);
    if (length === 0) {
      if (first < 0) first = i;
      count++;
      i++;
    } else {
      i += length;
    }
  }
  return { count, first };
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0 if invalid (RFC 3629). */
function validSequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i]!;
  if (lead < 0x80) return 1;
  const continuation = (k: number, low = 0x80, high = 0xbf) => {
    const b = bytes[i + k];
    return b !== undefined && b >= low && b <= high;
  };
  if (lead >= 0xc2 && lead <= 0xdf) return continuation(1) ? 2 : 0;
  if (lead >= 0xe0 && lead <= 0xef) {
    const low = lead === 0xe0 ? 0xa0 : 0x80;
    const high = lead === 0xed ? 0x9f : 0xbf;
    return continuation(1, low, high) && continuation(2) ? 3 : 0;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    const low = lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xf4 ? 0x8f : 0xbf;
    return continuation(1, low, high) && continuation(2) && continuation(3) ? 4 : 0;
  }
  return 0;
}
