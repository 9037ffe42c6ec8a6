/**
 * Bytes that are not UTF-8: decide between the legacy Vietnamese encodings by
 * decoding a sample each way and keeping the reading that looks most Vietnamese.
 */
import type { EncodingName, Message } from '../model.ts';
import { DecodeError } from './errors.ts';
import {
  addScore,
  emptyScore,
  netScoreWithSingleLetters as netScore,
  scoreVietnamese,
  type VietnameseScore,
} from './score.ts';
import { decodeTcvn3 } from './tcvn3.ts';
import { decodeUtf8Lossy, findInvalidUtf8 } from './unicode.ts';
import { decodeVni } from './vni.ts';
import { decodeWindows1258 } from './windows1258.ts';

export type LegacyEncoding = 'tcvn3' | 'vni' | 'windows-1258';

export const LEGACY_LABELS: Record<LegacyEncoding, string> = {
  tcvn3: 'TCVN3 (ABC)',
  vni: 'VNI (VNI-Windows)',
  'windows-1258': 'Windows-1258',
};

export const LEGACY_DECODERS: Record<LegacyEncoding, (bytes: Uint8Array) => string> = {
  tcvn3: decodeTcvn3,
  vni: decodeVni,
  'windows-1258': decodeWindows1258,
};

type Candidate = LegacyEncoding | 'utf-8';

/** Ties go to the earlier: with no Vietnamese evidence, Windows-1258 reads Western text best. */
const CANDIDATES: readonly Candidate[] = ['windows-1258', 'vni', 'tcvn3', 'utf-8'];

const decodeCandidate = (candidate: Candidate, bytes: Uint8Array): string =>
  candidate === 'utf-8' ? decodeUtf8Lossy(bytes) : LEGACY_DECODERS[candidate](bytes);

const SAMPLE_CHUNK = 1 << 16;
const SAMPLE_CHUNKS = 8;

/** Up to 8 × 64 KB spread over the file; chunks start on a character boundary for UTF-8. */
export function sampleChunks(bytes: Uint8Array): Uint8Array[] {
  if (bytes.length <= SAMPLE_CHUNK * SAMPLE_CHUNKS) return [bytes];
  const step = Math.floor((bytes.length - SAMPLE_CHUNK) / (SAMPLE_CHUNKS - 1));
  return Array.from({ length: SAMPLE_CHUNKS }, (_, k) => {
    let start = k * step;
    while (start < bytes.length && (bytes[start]! & 0xc0) === 0x80) start++;
    let end = Math.min(bytes.length, start + SAMPLE_CHUNK);
    while (end > start && end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
    return bytes.subarray(start, end);
  });
}

function scoreCandidate(candidate: Candidate, chunks: readonly Uint8Array[]): VietnameseScore {
  const total = emptyScore();
  for (const chunk of chunks) addScore(total, scoreVietnamese(decodeCandidate(candidate, chunk)));
  return total;
}

/**
 * Vietnamese text has nearly all its accented letters inside syllables; a
 * reading where most non-ASCII characters are not is some other language or
 * encoding (Cyrillic, CJK, or no text at all).
 */
function readsAsVietnamese(score: VietnameseScore): boolean {
  if (score.nonAscii < MIN_NON_ASCII_TO_JUDGE) return true;
  return score.nonAsciiInSyllables >= score.nonAscii * MIN_SHARE_IN_SYLLABLES;
}

export interface LegacyDecoding {
  text: string;
  encoding: EncodingName;
  messages: Message[];
}

/** Below this many non-ASCII characters a file is too small to call unreadable. */
const MIN_NON_ASCII_TO_JUDGE = 20;
const MIN_SHARE_IN_SYLLABLES = 0.3;

export function decodeNonUtf8(bytes: Uint8Array): LegacyDecoding {
  const chunks = sampleChunks(bytes);
  const scored = CANDIDATES.map((candidate) => ({ candidate, score: scoreCandidate(candidate, chunks) }));
  const best = scored.reduce((a, b) => (netScore(b.score) > netScore(a.score) ? b : a));
  if (!readsAsVietnamese(best.score)) {
    throw new DecodeError(
      'undecodable',
      'file is not UTF-8 and does not read as Vietnamese in TCVN3, VNI or Windows-1258',
    );
  }
  const text = decodeCandidate(best.candidate, bytes);
  if (best.candidate === 'utf-8')
    return { text, encoding: 'utf-8', messages: [invalidUtf8Warning(bytes, text)] };
  const messages: Message[] = [
    {
      ruleId: 'decode:legacy-encoding',
      severity: 'info',
      reason: `decoded as ${LEGACY_LABELS[best.candidate]}`,
    },
  ];
  if (netScore(best.score) <= 0) {
    messages.push({
      ruleId: 'decode:legacy-encoding',
      severity: 'warning',
      reason: `file is not UTF-8 and has no recognisable Vietnamese letters; guessed ${LEGACY_LABELS[best.candidate]}`,
    });
  }
  return { text, encoding: best.candidate, messages };
}

function invalidUtf8Warning(bytes: Uint8Array, text: string): Message {
  const { count, first } = findInvalidUtf8(bytes);
  const start = text.indexOf('\ufffd');
  return {
    ruleId: 'decode:invalid-utf8',
    severity: 'warning',
    reason: `${count} invalid UTF-8 byte(s) replaced by U+FFFD (first at byte offset ${first})`,
    ...(start >= 0 ? { start, end: start + 1 } : {}),
  };
}
