/**
 * UTF-8 in one pass: validity from the runtime's validator, then a transcoder
 * that also notes what the later checks would scan the text for (stray
 * controls, mojibake signs), so that correct text is read once.
 */
import { isUtf8 } from 'node:buffer';
import { isStrayControl } from './binary.ts';
import { MOJIBAKE_SIGN } from './mojibake.ts';

export interface Utf8Reading {
  text: string;
  /** Bytes {@link isStrayControl} counts (all are ASCII, so each is one character). */
  strayControls: number;
  /** Whether the text holds a {@link MOJIBAKE_SIGN} character (all are below U+0100). */
  hasMojibakeSign: boolean;
}

const STRAY = 1;
const SIGN = 2;
/** Per code point below U+0100: STRAY and SIGN bits. */
const LOW_CLASS = Uint8Array.from(
  { length: 256 },
  (_, code) =>
    (isStrayControl(code) ? STRAY : 0) | (MOJIBAKE_SIGN.test(String.fromCharCode(code)) ? SIGN : 0),
);

/** Reused between calls up to this many units; a larger file gets an array of its own. */
const KEPT_SCRATCH = 1 << 20;
let scratch = new Uint16Array(0);
/** Uint16Array stores units in the machine's order; Node's UTF-16LE decoding reads little-endian. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const utf8Decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** The text of `bytes` if they are valid UTF-8 (the same string TextDecoder gives), else undefined. */
export function readUtf8(bytes: Uint8Array): Utf8Reading | undefined {
  if (!isUtf8(bytes)) return undefined;
  const n = bytes.length;
  // One UTF-16 unit per byte at most (a 4-byte sequence makes 2 units).
  if (scratch.length < n && n <= KEPT_SCRATCH) scratch = new Uint16Array(KEPT_SCRATCH);
  const out = n <= scratch.length ? scratch : new Uint16Array(n);
  let write = 0;
  let controls = 0;
  let classes = 0;
  // The bytes are valid: lead bytes tell the length, continuation bytes need no checks.
  for (let i = 0; i < n; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      const c = LOW_CLASS[b]!;
      if (c !== 0) {
        controls += c & STRAY;
        classes |= c;
      }
      out[write++] = b;
      i++;
    } else if (b < 0xe0) {
      const code = ((b & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
      if (code < 0x100) classes |= LOW_CLASS[code]!;
      out[write++] = code;
      i += 2;
    } else if (b < 0xf0) {
      out[write++] = ((b & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
      i += 3;
    } else {
      const code =
        (((b & 0x07) << 18) |
          ((bytes[i + 1]! & 0x3f) << 12) |
          ((bytes[i + 2]! & 0x3f) << 6) |
          (bytes[i + 3]! & 0x3f)) -
        0x10000;
      out[write++] = 0xd800 + (code >> 10);
      out[write++] = 0xdc00 + (code & 0x3ff);
      i += 4;
    }
  }
  // UTF-16LE to a string is a copy; the runtime's UTF-8 decoder is the slow part of reading a file.
  const text = LITTLE_ENDIAN
    ? Buffer.from(out.buffer, out.byteOffset, write * 2).toString('utf16le')
    : utf8Decoder.decode(bytes);
  return { text, strayControls: controls, hasMojibakeSign: (classes & SIGN) !== 0 };
}
