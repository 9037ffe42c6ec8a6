/**
 * Single-byte tables shared by the legacy decoders, built once from iconv-lite
 * so that every byte maps to exactly one character and back.
 */
import iconv from 'iconv-lite';

const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, i) => i);

/** The 256 characters of a single-byte iconv-lite encoding, indexed by byte. */
export function byteTable(encoding: string): string[] {
  return [...iconv.decode(Buffer.from(ALL_BYTES), encoding)];
}

/** Character → byte, skipping U+FFFD (bytes the encoding leaves undefined). */
export function reverseTable(table: readonly string[]): Map<string, number> {
  const reverse = new Map<string, number>();
  table.forEach((char, byte) => {
    if (char !== '\ufffd' && !reverse.has(char)) reverse.set(char, byte);
  });
  return reverse;
}

/**
 * Windows-1252 with its five undefined bytes (0x81 0x8D 0x8F 0x90 0x9D) kept
 * as the Latin-1 C1 controls, which is what Windows itself does.
 */
export const CP1252 = byteTable('windows1252').map((char, byte) =>
  char === '\ufffd' ? String.fromCharCode(byte) : char,
);
const CP1252_REVERSE = reverseTable(CP1252);

/** Decode bytes as Windows-1252 (every byte defined): Latin-1 natively, then the 0x80–0x9F extras. */
export function decodeCp1252(bytes: Uint8Array): string {
  return mojibakeToCp1252Text(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1'));
}

/** The Windows-1252 byte of a character, if it has one. */
export const cp1252Byte = (char: string): number | undefined => CP1252_REVERSE.get(char);

/**
 * Mojibake → the bytes it came from: the file's bytes were shown one per
 * character as Latin-1 (U+0000–U+00FF) or Windows-1252 (curly quotes, €…).
 * Characters outside both stay as they are, so genuine Unicode survives.
 */
export function mojibakeToCp1252Text(text: string): string {
  // Latin-1 C1 controls stand for the bytes Windows-1252 shows as “ ” € …
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252[c.charCodeAt(0)]!);
}
