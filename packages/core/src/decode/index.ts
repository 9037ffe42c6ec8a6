/**
 * The decode stage: file bytes → the text they hold, the encoding it was in,
 * and messages about anything repaired or guessed. Pure; never normalises
 * beyond what the encoding implies.
 */
import type { EncodingName, Message, Source } from '../model.ts';
import { assertControlShare, assertNoNulByte, assertTextBytes, assertTextChars } from './binary.ts';
import { DecodeError, formatSize } from './errors.ts';
import { decodeNonUtf8, LEGACY_LABELS, type LegacyEncoding } from './legacy.ts';
import { repairMojibake } from './mojibake.ts';
import { encodeTcvn3 } from './tcvn3.ts';
import { decodeUtf16, detectBom, guessUtf16, plausibleTextShare, type UnicodeEncoding } from './unicode.ts';
import { readUtf8 } from './utf8.ts';
import { encodeVni } from './vni.ts';
import { encodeWindows1258 } from './windows1258.ts';

export { DecodeError, type DecodeErrorCode } from './errors.ts';
export { isVietnameseSyllable, scoreVietnamese } from './score.ts';
export type { LegacyEncoding };

/** 64 MiB: far above any real plan, low enough to refuse a wrong file quickly. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

export interface DecodeOptions {
  /** Refuse larger inputs with a 'too-large' DecodeError. Default 64 MiB. */
  maxBytes?: number;
}

/** Share of plausible characters a BOM-less UTF-16 guess must reach. */
const MIN_PLAUSIBLE_UTF16 = 0.9;

/** Decode a plan file's bytes; throws DecodeError when they are not a text plan. */
export function decode(bytes: Uint8Array, options: DecodeOptions = {}): Source {
  assertSize(bytes.length, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (bytes.length === 0) throw emptyError();
  const decoded = decodeBytes(bytes);
  if (decoded.text.trim() === '') throw emptyError();
  return decoded;
}

function decodeBytes(bytes: Uint8Array): Source {
  const bom = detectBom(bytes);
  if (bom?.encoding === 'utf-16le' || bom?.encoding === 'utf-16be') {
    return fromUnicode(decodeUtf16Checked(bytes.subarray(bom.length), bom.encoding), bom.encoding, []);
  }
  if (bom === undefined && bytes.indexOf(0) >= 0) {
    const utf16 = guessUtf16Text(bytes);
    if (utf16) return utf16;
  }
  const body = bom ? bytes.subarray(bom.length) : bytes;
  const utf8 = readUtf8(body);
  if (utf8 === undefined) {
    assertTextBytes(bytes);
    return decodeNonUtf8(body);
  }
  // assertTextBytes, from what the reading counted (a BOM holds no control).
  assertNoNulByte(bytes);
  assertControlShare(utf8.strayControls, bytes.length);
  return fromUnicode(utf8.text, bom ? 'utf-8-bom' : 'utf-8', [], utf8.hasMojibakeSign);
}

function decodeUtf16Checked(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  const text = decodeUtf16(bytes, encoding);
  assertTextChars(text);
  return text;
}

function guessUtf16Text(bytes: Uint8Array): Source | undefined {
  const encoding = guessUtf16(bytes);
  if (!encoding) return undefined;
  const text = decodeUtf16(bytes, encoding);
  if (plausibleTextShare(text) < MIN_PLAUSIBLE_UTF16) return undefined;
  assertTextChars(text);
  const note: Message = {
    ruleId: 'decode:utf16-without-bom',
    severity: 'info',
    reason: `no byte-order mark; read as ${encoding.toUpperCase()} from the pattern of zero bytes`,
  };
  return fromUnicode(text, encoding, [note]);
}

/** Unicode text can still be mojibake of a legacy encoding; repair it when clearly so. */
function fromUnicode(
  text: string,
  encoding: UnicodeEncoding,
  messages: Message[],
  hasMojibakeSign?: boolean,
): Source {
  const repair = repairMojibake(text, hasMojibakeSign);
  const repairedEncoding: EncodingName | undefined = repair.kind && `${repair.kind}-mojibake`;
  return {
    text: repair.text,
    encoding: repairedEncoding ?? encoding,
    messages: [...messages, ...repair.messages],
  };
}

function assertSize(size: number, maxBytes: number): void {
  if (size <= maxBytes) return;
  let shown = formatSize(size);
  const limit = formatSize(maxBytes);
  if (shown === limit) shown = `${size} bytes`;
  throw new DecodeError('too-large', `file is ${shown}, over the ${limit} limit (use --max-size)`);
}

const emptyError = () => new DecodeError('empty', 'file is empty');

const ENCODERS: Record<LegacyEncoding, (text: string) => Uint8Array> = {
  tcvn3: encodeTcvn3,
  vni: encodeVni,
  'windows-1258': encodeWindows1258,
};

/**
 * Encode text in a legacy Vietnamese encoding (the inverse of decode, for
 * tests and fixtures). Input is brought to NFC first; characters the encoding
 * cannot hold become '?'.
 */
export function encodeLegacy(text: string, encoding: LegacyEncoding): Uint8Array {
  return ENCODERS[encoding](text.normalize('NFC'));
}

/** Human name of a legacy encoding, as used in messages. */
export const legacyLabel = (encoding: LegacyEncoding): string => LEGACY_LABELS[encoding];
