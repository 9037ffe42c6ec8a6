/**
 * VNI (VNI-Windows), the byte encoding of the VNI font family (VNI-Times…),
 * which iconv-lite does not know. A vowel is its ASCII base letter followed by
 * one accent byte; ơ, ư, đ, the toned i's and ỵ are single bytes. Every byte
 * outside those roles is Windows-1252, the code page the VNI fonts extend.
 *
 * The mapping follows the VNI-Windows font standard as published in the VNI
 * keyboard documentation and reproduced by Vietnamese input methods (e.g.
 * xvnkb's vni.h): accent bytes
 *   tone:        sắc ù/Ù  huyền ø/Ø  hỏi û/Û  ngã õ/Õ  nặng ï/Ï
 *   circumflex:  â/Â, with sắc á/Á, huyền à/À, hỏi å/Å, ngã ã/Ã, nặng ä/Ä
 *   breve:       ê/Ê, with sắc é/É, huyền è/È, hỏi ú/Ú, ngã ü/Ü, nặng ë/Ë
 * and single bytes ơ ô/Ô, ư ö/Ö, đ ñ/Ñ, í í/Í, ì ì/Ì, ỉ æ/Æ, ĩ ó/Ó, ị ò/Ò, ỵ î/Î.
 * Bytes are written here as the Windows-1252 characters they show as.
 */
import { cp1252Byte, decodeCp1252, mojibakeToCp1252Text } from './latin.ts';

const ACUTE = '\u0301';
const GRAVE = '\u0300';
const HOOK = '\u0309';
const TILDE = '\u0303';
const DOT = '\u0323';
const CIRCUMFLEX = '\u0302';
const BREVE = '\u0306';
const HORN = '\u031b';

/** [accent byte (lowercase form), combining marks it adds]. */
const TONE_BYTES: ReadonlyArray<readonly [string, string]> = [
  ['ù', ACUTE],
  ['ø', GRAVE],
  ['û', HOOK],
  ['õ', TILDE],
  ['ï', DOT],
];
const CIRCUMFLEX_BYTES: ReadonlyArray<readonly [string, string]> = [
  ['â', CIRCUMFLEX],
  ['á', CIRCUMFLEX + ACUTE],
  ['à', CIRCUMFLEX + GRAVE],
  ['å', CIRCUMFLEX + HOOK],
  ['ã', CIRCUMFLEX + TILDE],
  ['ä', CIRCUMFLEX + DOT],
];
const BREVE_BYTES: ReadonlyArray<readonly [string, string]> = [
  ['ê', BREVE],
  ['é', BREVE + ACUTE],
  ['è', BREVE + GRAVE],
  ['ú', BREVE + HOOK],
  ['ü', BREVE + TILDE],
  ['ë', BREVE + DOT],
];

/** Base byte (lowercase form) → the letter it stands for, and which accent bytes may follow it. */
const BASES: ReadonlyArray<readonly [string, string, ReadonlyArray<readonly [string, string]>]> = [
  ['a', 'a', [...TONE_BYTES, ...CIRCUMFLEX_BYTES, ...BREVE_BYTES]],
  ['e', 'e', [...TONE_BYTES, ...CIRCUMFLEX_BYTES]],
  ['o', 'o', [...TONE_BYTES, ...CIRCUMFLEX_BYTES]],
  ['ô', `o${HORN}`, TONE_BYTES],
  ['u', 'u', TONE_BYTES],
  ['ö', `u${HORN}`, TONE_BYTES],
  ['y', 'y', TONE_BYTES],
];

/** Letters VNI writes as one byte (lowercase forms). */
const SINGLE_BYTES: ReadonlyArray<readonly [string, string]> = [
  ['ô', `o${HORN}`],
  ['ö', `u${HORN}`],
  ['ñ', 'đ'],
  ['í', `i${ACUTE}`],
  ['ì', `i${GRAVE}`],
  ['æ', `i${HOOK}`],
  ['ó', `i${TILDE}`],
  ['ò', `i${DOT}`],
  ['î', `y${DOT}`],
];

const nfc = (s: string) => s.normalize('NFC');

/** VNI sequence (as Windows-1252 characters) → Unicode letter, in both cases. */
const DECODE = new Map<string, string>();
/** Unicode letter (NFC) → VNI sequence (as Windows-1252 characters). */
const ENCODE = new Map<string, string>();

for (const [base, letter, accents] of BASES) {
  for (const [accent, marks] of accents) {
    const lower = nfc(letter + marks);
    const upper = lower.toUpperCase();
    ENCODE.set(lower, base + accent);
    ENCODE.set(upper, base.toUpperCase() + accent.toUpperCase());
    // Accept an accent byte of either case: the base letter decides the case.
    DECODE.set(base + accent, lower);
    DECODE.set(base + accent.toUpperCase(), lower);
    DECODE.set(base.toUpperCase() + accent, upper);
    DECODE.set(base.toUpperCase() + accent.toUpperCase(), upper);
  }
}
// "yï" is not standard (ỵ has its own byte) but old files do contain it.
DECODE.set('yï', 'ỵ').set('yÏ', 'ỵ').set('Yï', 'Ỵ').set('YÏ', 'Ỵ');
for (const [byte, letter] of SINGLE_BYTES) {
  const lower = nfc(letter);
  ENCODE.set(lower, byte);
  ENCODE.set(lower.toUpperCase(), byte.toUpperCase());
  DECODE.set(byte, lower);
  DECODE.set(byte.toUpperCase(), lower.toUpperCase());
}

/**
 * Pair (base × 256 + accent) → letter and single byte → letter as UTF-16 code
 * units (0 = none): every VNI letter is one code unit, so the scan can write
 * straight into a code-unit buffer, which is what makes big files fast.
 */
const PAIR_UNITS = new Uint16Array(256 * 256);
const SINGLE_UNITS = new Uint16Array(256);
for (const [sequence, letter] of DECODE) {
  if (sequence.length === 2)
    PAIR_UNITS[sequence.charCodeAt(0) * 256 + sequence.charCodeAt(1)] = letter.charCodeAt(0);
  else SINGLE_UNITS[sequence.charCodeAt(0)] = letter.charCodeAt(0);
}

const pairAt = (text: string, i: number): number => {
  const base = text.charCodeAt(i);
  const accent = text.charCodeAt(i + 1);
  return base <= 0xff && accent <= 0xff ? PAIR_UNITS[base * 256 + accent]! : 0;
};

/** Turn VNI text (bytes shown as Windows-1252) into Unicode, in one pass. */
export function vniFromCp1252Text(text: string): string {
  const out = new Uint16Array(text.length);
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const pair = pairAt(text, i);
    if (pair !== 0) {
      out[length++] = pair;
      i++;
      continue;
    }
    const code = text.charCodeAt(i);
    const single = code <= 0xff ? SINGLE_UNITS[code]! : 0;
    out[length++] = single !== 0 ? single : code;
  }
  return Buffer.from(out.buffer, 0, length * 2).toString('utf16le');
}

const VNI_PAIRS = [...DECODE.keys()].filter((sequence) => sequence.length === 2);
const VNI_PAIR = new RegExp(VNI_PAIRS.join('|'));

/** Does the text hold a vowel + accent pair that VNI would turn into one letter ("aø", "EÁ")? */
export const hasVniPair = (text: string): boolean => VNI_PAIR.test(text);

export function decodeVni(bytes: Uint8Array): string {
  return vniFromCp1252Text(decodeCp1252(bytes));
}

/** Repair VNI mojibake: the VNI bytes were shown as Latin-1/Windows-1252. */
export function vniFromMojibake(text: string): string {
  return vniFromCp1252Text(mojibakeToCp1252Text(text));
}

const QUESTION_MARK = 0x3f;

/** Encode NFC text as VNI; characters VNI cannot hold become '?'. */
export function encodeVni(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    for (const shown of ENCODE.get(char) ?? char) bytes.push(cp1252Byte(shown) ?? QUESTION_MARK);
  }
  return Uint8Array.from(bytes);
}
