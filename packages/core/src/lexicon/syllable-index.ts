/**
 * The lexicon's pairs and triples over integer syllable ids, in open-addressing
 * tables: the OCR repair asks thousands of times per document whether two or
 * three syllables go together, and string keys cost a string each time. Built
 * straight from the grouped lines of `lexicon-vi.json`, so a run that only
 * ingests never builds the string sets.
 */

/** Keys of up to three ids (the unused ones -1) to flags; linear probing. */
export interface IdTable {
  a: Int32Array;
  b: Int32Array;
  c: Int32Array;
  value: Uint8Array;
  mask: number;
}

export interface SyllableIndex {
  /** Every syllable of a pair or a triple. */
  readonly ids: ReadonlyMap<string, number>;
  /** Per pair (a, b): {@link WORD_PAIR} | {@link PHRASE_PAIR} | {@link GENRE_PAIR}. */
  readonly pairs: IdTable;
  /** 1 per known triple. */
  readonly triples: IdTable;
}

/** In the lexicon's `wordPairs`, `wordPhrasePairs`, `genrePairs`. */
export const WORD_PAIR = 1;
export const PHRASE_PAIR = 2;
export const GENRE_PAIR = 4;
/** `followers` / `leaders`: a pair of any known word or phrase. */
export const ANY_PAIR = WORD_PAIR | PHRASE_PAIR;

export function idTable(entries: number): IdTable {
  let capacity = 16;
  while (capacity < entries * 2) capacity *= 2;
  return {
    a: new Int32Array(capacity).fill(-1),
    b: new Int32Array(capacity),
    c: new Int32Array(capacity),
    value: new Uint8Array(capacity),
    mask: capacity - 1,
  };
}

function mixed(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Where the key (a >= 0) is, or the empty place it would go (`a[at] === -1`). */
export function placeOf(table: IdTable, a: number, b: number, c: number): number {
  const mask = table.mask;
  let at = mixed(Math.imul(mixed(Math.imul(a, 0x9e3779b1) + b), 0x9e3779b1) + c) & mask;
  for (;;) {
    const stored = table.a[at]!;
    if (stored === -1 || (stored === a && table.b[at] === b && table.c[at] === c)) return at;
    at = (at + 1) & mask;
  }
}

function addTo(table: IdTable, a: number, b: number, c: number, flag: number): void {
  const at = placeOf(table, a, b, c);
  table.a[at] = a;
  table.b[at] = b;
  table.c[at] = c;
  table.value[at]! |= flag;
}

/** The lines of a grouped list (see `groupKeys`), split: the line "a b c" holds "a b" and "a c". */
function groupedLines(grouped: string): string[][] {
  return grouped === '' ? [] : grouped.split('\n').map((line) => line.split(' '));
}

function keyCount(lines: readonly string[][], keyLength: number): number {
  let count = 0;
  for (const parts of lines) count += Math.max(0, parts.length - keyLength);
  return count;
}

/** The source's grouped pair and triple lists (as in `LexiconData`). */
export interface GroupedPairs {
  pairs: string;
  phrasePairs: string;
  genrePairs: string;
  genrePhrasePairs: string;
  triples: string;
}

export function buildSyllableIndex(source: GroupedPairs): SyllableIndex {
  const ids = new Map<string, number>();
  const idOf = (syllable: string): number => {
    let id = ids.get(syllable);
    if (id === undefined) {
      id = ids.size;
      ids.set(syllable, id);
    }
    return id;
  };
  const pairLists: [string[][], number][] = [
    [groupedLines(source.pairs), WORD_PAIR],
    [groupedLines(source.phrasePairs), PHRASE_PAIR],
    [groupedLines(source.genrePairs), GENRE_PAIR],
    [groupedLines(source.genrePhrasePairs), GENRE_PAIR],
  ];
  const pairs = idTable(pairLists.reduce((n, [lines]) => n + keyCount(lines, 1), 0));
  for (const [lines, flag] of pairLists) {
    for (const parts of lines) {
      if (parts.length < 2) continue;
      const head = idOf(parts[0]!);
      for (let i = 1; i < parts.length; i++) addTo(pairs, head, idOf(parts[i]!), -1, flag);
    }
  }
  const tripleLines = groupedLines(source.triples);
  const triples = idTable(keyCount(tripleLines, 2));
  for (const parts of tripleLines) {
    if (parts.length < 3) continue;
    const first = idOf(parts[0]!);
    const second = idOf(parts[1]!);
    for (let i = 2; i < parts.length; i++) addTo(triples, first, second, idOf(parts[i]!), 1);
  }
  return { ids, pairs, triples };
}
