/**
 * Diacritic-insensitive matching for search: "doi ngoai" finds "đối ngoại".
 * `foldKeepLength` maps every UTF-16 code unit to exactly one code unit, so
 * an offset found in the folded text is the same offset in the original and
 * the match can be highlighted there.
 */
const cache = new Map<number, number>();

function foldUnit(code: number): number {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
  if (code >= 0xd800 && code <= 0xdfff) return code;
  const known = cache.get(code);
  if (known !== undefined) return known;
  const ch = String.fromCharCode(code);
  let folded = ch === 'đ' || ch === 'Đ' ? 'd' : ch.normalize('NFD').replace(/\p{M}/gu, '');
  if (folded.length !== 1) folded = ch;
  const lower = folded.toLowerCase();
  const result = lower.length === 1 ? lower.charCodeAt(0) : folded.charCodeAt(0);
  cache.set(code, result);
  return result;
}

/** Lower-cased, accent-free copy of `text` with the same length (combining marks of NFD input stay). */
export function foldKeepLength(text: string): string {
  const parts: string[] = [];
  const CHUNK = 4096;
  const buffer = new Uint16Array(Math.min(text.length, CHUNK));
  for (let offset = 0; offset < text.length; offset += CHUNK) {
    const end = Math.min(text.length, offset + CHUNK);
    for (let i = offset; i < end; i++) buffer[i - offset] = foldUnit(text.charCodeAt(i));
    parts.push(String.fromCharCode(...buffer.subarray(0, end - offset)));
  }
  return parts.join('');
}

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
