/**
 * TCVN3 (ABC, TCVN 5712:1993) via iconv-lite's `tcvn` table, which is the
 * full VN1 variant: lowercase letters in 0xB5–0xFE as in ABC fonts, capitals
 * with tones in the C0 and 0x80–0x9F gaps.
 */
import iconv from 'iconv-lite';
import { byteTable, reverseTable } from './latin.ts';

const TCVN3 = byteTable('tcvn');
const TCVN3_REVERSE = reverseTable(TCVN3);
const LATIN1_CHAR = /[\u0000-\u00ff]/g;

export function decodeTcvn3(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), 'tcvn');
}

/**
 * Repair TCVN3 mojibake: each Latin-1 character is a TCVN3 byte. Curly quotes
 * and other Windows-1252 extras are left alone: ABC fonts drew them as
 * themselves, whereas VN1 would turn them into capitals.
 */
export function tcvn3FromLatin1(text: string): string {
  return text.replace(LATIN1_CHAR, (c) => TCVN3[c.charCodeAt(0)]!);
}

/** Encode NFC text as TCVN3; characters outside the table become '?'. */
export function encodeTcvn3(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) bytes.push(TCVN3_REVERSE.get(char) ?? QUESTION_MARK);
  return Uint8Array.from(bytes);
}

const QUESTION_MARK = 0x3f;
