/** Is this a binary file rather than text? NUL bytes, or many control characters. */
import { DecodeError } from './errors.ts';

/** Share of control characters above which a file is not text. */
const MAX_CONTROL_SHARE = 0.08;
const MIN_CONTROLS_FOR_BINARY = 4;

/**
 * Controls that text never holds. Tab, LF, VT, FF, CR, SUB (old DOS end of
 * file) and ESC are left out, and so are the bytes TCVN3 uses for the
 * capitals Ú Ụ Ừ Ử Ữ Ứ Ự Ỳ Ỷ Ỹ Ý Ỵ (0x01 0x02 0x04–0x06 0x11–0x17): an all-caps
 * heading would otherwise look binary.
 */
const TEXT_CONTROLS = new Set([0x01, 0x02, 0x04, 0x05, 0x06, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1a, 0x1b]);
for (let code = 0x11; code <= 0x17; code++) TEXT_CONTROLS.add(code);

export function isStrayControl(code: number): boolean {
  if (code === 0x7f) return true;
  return code < 0x20 && !TEXT_CONTROLS.has(code);
}

/** {@link isStrayControl} by byte, looked up: the scan reads every byte of every file. */
const STRAY_BYTE = Uint8Array.from({ length: 256 }, (_, byte) => (isStrayControl(byte) ? 1 : 0));

function describeNul(offset: number, unit: string): string {
  return `file looks binary (NUL ${unit} at offset ${offset}), not a text plan`;
}

function controlShareError(controls: number, total: number): DecodeError {
  const percent = Math.round((controls / total) * 100);
  return new DecodeError('binary', `file looks binary (${percent}% control characters), not a text plan`);
}

/** Throw if raw bytes (of a non-UTF-16 file) look binary. */
export function assertTextBytes(bytes: Uint8Array): void {
  assertNoNulByte(bytes);
  let controls = 0;
  for (let i = 0; i < bytes.length; i++) controls += STRAY_BYTE[bytes[i]!]!;
  assertControlShare(controls, bytes.length);
}

/** The NUL part of {@link assertTextBytes}. */
export function assertNoNulByte(bytes: Uint8Array): void {
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new DecodeError('binary', describeNul(nul, 'byte'));
}

/** The control-share part of {@link assertTextBytes}, for `controls` stray controls counted elsewhere. */
export function assertControlShare(controls: number, total: number): void {
  if (controls >= MIN_CONTROLS_FOR_BINARY && controls > total * MAX_CONTROL_SHARE) {
    throw controlShareError(controls, total);
  }
}

/** Throw if decoded text (from UTF-16) looks binary. */
export function assertTextChars(text: string): void {
  const nul = text.indexOf('\0');
  if (nul >= 0) throw new DecodeError('binary', describeNul(nul, 'character'));
  let controls = 0;
  for (let i = 0; i < text.length; i++) if (isStrayControl(text.charCodeAt(i))) controls++;
  if (controls >= MIN_CONTROLS_FOR_BINARY && controls > text.length * MAX_CONTROL_SHARE) {
    throw controlShareError(controls, text.length);
  }
}
