/**
 * Diacritic-insensitive matching for search: "doi ngoai" finds "đối ngoại".
 * `foldKeepLength` maps every UTF-16 code unit to exactly one code unit, so
 * an offset found in the folded text is the same offset in the original and
 * the match can be highlighted there.
 */
import { foldSameLength } from '../../packages/core/src/text/fold.ts';

/** Lower-cased, accent-free copy of `text` with the same length (the pipeline's own folding). */
export const foldKeepLength: (text: string) => string = foldSameLength;

/** Folds a search query: NFC, accent-free, lower case, runs of spaces collapsed; '' for blank input. */
export function foldQuery(query: string): string {
  return foldKeepLength(query.normalize('NFC')).replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim();
}

/**
 * Every non-overlapping occurrence of the folded `query` in `folded`, as
 * `[start, end)` offsets; whitespace in the query matches any run of
 * whitespace. Empty query: no matches.
 */
export function findMatches(folded: string, query: string): Array<[number, number]> {
  if (query === '') return [];
  const pattern = new RegExp(query.split(' ').map(escapeRegExp).join('\\s+'), 'g');
  const out: Array<[number, number]> = [];
  for (const m of folded.matchAll(pattern)) {
    if (m[0].length === 0) continue;
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
