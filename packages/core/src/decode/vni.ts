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

const charClass = (chars: Iterable<string>) => `[${[...new Set(chars)].join('')}]`;
const baseChars = BASES.flatMap(([base]) => [base, base.toUpperCase()]);
const accentChars = [...TONE_BYTES, ...CIRCUMFLEX_BYTES, ...BREVE_BYTES].flatMap(([a]) => [
  a,
  a.toUpperCase(),
]);
const singleChars = SINGLE_BYTES.flatMap(([byte]) => [byte, byte.toUpperCase()]);
/** A base followed by an accent byte, or a single-byte letter. */
const VNI_SEQUENCE = new RegExp(
  `${charClass(baseChars)}${charClass(accentChars)}|${charClass(singleChars)}`,
  'g',
);
const VNI_PAIRS = [...DECODE.keys()].filter((sequence) => sequence.length === 2);
const VNI_PAIR = new RegExp(VNI_PAIRS.join('|'));

/** Does the text hold a vowel + accent pair that VNI would turn into one letter ("aø", "EÁ")? */
export const hasVniPair = (text: string): boolean => VNI_PAIR.test(text);

/** Turn VNI text (bytes shown as Windows-1252) into Unicode. */
export function vniFromCp1252Text(text: string): string {
  return text.replace(VNI_SEQUENCE, (sequence) => {
    const letter = DECODE.get(sequence);
    if (letter !== undefined) return letter;
    // A base with an accent it cannot take ("eê"): decode the two separately.
    const [first = '', second = ''] = sequence;
    return (DECODE.get(first) ?? first) + second;
  });
}

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
