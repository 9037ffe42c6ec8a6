/** Small text helpers shared by the measures: letter counts, folded search, interval unions. */
import { foldSameLength, type Span } from '@doichieu/core';

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Letters and digits in `text` (what the content shares count, so blank lines and markup weigh nothing). */
export function letterCount(text: string): number {
  let n = 0;
  for (const ch of text) if (LETTER_OR_DIGIT.test(ch)) n++;
  return n;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One regex that finds any of `phrases` in folded text, syllables separated
 * by any whitespace (PDF line breaks included), whole syllables only,
 * longest phrase first so the alternation prefers it.
 */
export function phraseMatcher(phrases: readonly string[]): RegExp | undefined {
  const parts = [
    ...new Set(
      phrases
        .map((p) => foldSameLength(p.normalize('NFC')).trim())
        .filter((p) => p.length > 0)
        .map((p) => p.split(/\s+/).map(escapeRegExp).join('\\s+')),
    ),
  ].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  if (parts.length === 0) return undefined;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
}

/** Spans (absolute, in `source`) where `matcher` matches inside `span`. */
export function matchSpans(source: string, span: Span, matcher: RegExp): Span[] {
  const folded = foldSameLength(source.slice(span[0], span[1]));
  const out: Span[] = [];
  matcher.lastIndex = 0;
  for (const m of folded.matchAll(matcher)) out.push([span[0] + m.index, span[0] + m.index + m[0].length]);
  return out;
}

/** The source span of `text` inside the unit's span, found accent- and whitespace-insensitively; the unit's span otherwise. */
export function locate(source: string, span: Span, text: string): Span {
  const matcher = phraseMatcher([text]);
  if (!matcher) return span;
  return matchSpans(source, span, matcher)[0] ?? span;
}

/** Union of intervals, sorted and merged. */
export function union(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else out.push([s[0], s[1]]);
  }
  return out;
}

/** Length of `spans` (merged) that lies inside `within`. */
export function coveredLength(spans: readonly Span[], within: Span): number {
  let n = 0;
  for (const s of union(spans)) n += Math.max(0, Math.min(s[1], within[1]) - Math.max(s[0], within[0]));
  return n;
}

export function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}
