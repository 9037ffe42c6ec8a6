/**
 * Windows-1258: precomposed vowels for some letters, and tones as separate
 * combining bytes after the base (Windows writes "ế" as "ê" + U+0301).
 */
import iconv from 'iconv-lite';
import { byteTable, reverseTable } from './latin.ts';

const WINDOWS_1258_REVERSE = reverseTable(byteTable('windows1258'));
const TONE_MARK = /[\u0300\u0301\u0303\u0309\u0323]/;
/** Windows-1258 base letters are all ASCII or Latin-1/Latin Extended-A. */
const LETTER_AND_TONE = /[A-Za-z\u00c0-\u017f\u01a0\u01a1\u01af\u01b0][\u0300\u0301\u0303\u0309\u0323]/g;
const QUESTION_MARK = 0x3f;

/** Decode, then join each base letter with its tone byte when Unicode has the precomposed letter. */
export function decodeWindows1258(bytes: Uint8Array): string {
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), 'windows1258');
  return composeTones(text);
}

const composedPairs = new Map<string, string>();

function composePair(pair: string): string {
  let composed = composedPairs.get(pair);
  if (composed === undefined) {
    const nfc = pair.normalize('NFC');
    composed = nfc.length === 1 ? nfc : pair;
    composedPairs.set(pair, composed);
  }
  return composed;
}

export function composeTones(text: string): string {
  return text.replace(LETTER_AND_TONE, composePair);
}

/** Encode NFC text the way Windows does: the precomposed byte if there is one, else base + tone byte. */
export function encodeWindows1258(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    const direct = WINDOWS_1258_REVERSE.get(char);
    if (direct !== undefined) {
      bytes.push(direct);
      continue;
    }
    bytes.push(...splitTone(char));
  }
  return Uint8Array.from(bytes);
}

function splitTone(char: string): number[] {
  const decomposed = char.normalize('NFD');
  const tone = TONE_MARK.exec(decomposed)?.[0];
  if (tone === undefined) return [QUESTION_MARK];
  const base = decomposed.replace(tone, '').normalize('NFC');
  const baseByte = WINDOWS_1258_REVERSE.get(base);
  const toneByte = WINDOWS_1258_REVERSE.get(tone);
  return baseByte === undefined || toneByte === undefined ? [QUESTION_MARK] : [baseByte, toneByte];
}
