/**
 * The lexicon's pairs and triples over integer syllable ids, in open-addressing
 * tables: the OCR repair asks thousands of times per document whether two or
 * three syllables go together, and string keys cost a string each time (a
 * hash probe here is a few nanoseconds, a binary search over each syllable's
 * sorted pairs three times that). Built straight from the grouped lines of
 * `lexicon-vi.json`, so a run that only ingests never builds the string sets.
 */

/**
 * Keys of up to three ids (the unused ones -1) to an int; linear probing. A
 * place is four ints side by side (a + 1, b, c, value; 0 when empty), so a
 * probe reads one cache line and an all-zero table is empty.
 */
export interface IdTable {
  places: Int32Array;
  /** Places - 1 (a power of two). */
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
  return { places: new Int32Array(capacity * 4), mask: capacity - 1 };
}

/** Whether the table has room for `entries` keys (at half load). */
export const hasRoomFor = (table: IdTable, entries: number): boolean => table.mask + 1 >= entries * 2;

/** Empties the table, for reuse. */
export function clearTable(table: IdTable): void {
  table.places.fill(0);
}

function mixed(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Offset of the key's place (a >= 0, stored as a + 1), or of the empty place (0) it would take. */
function placeOf(table: IdTable, a: number, b: number, c: number): number {
  const { places, mask } = table;
  let at = mixed(Math.imul(mixed(Math.imul(a, 0x9e3779b1) + b), 0x9e3779b1) + c) & mask;
  for (;;) {
    const offset = at * 4;
    const stored = places[offset]!;
    if (stored === 0 || (stored === a + 1 && places[offset + 1] === b && places[offset + 2] === c))
      return offset;
    at = (at + 1) & mask;
  }
}

/** The key's value; 0 when it is absent. */
export function tableValue(table: IdTable, a: number, b: number, c: number): number {
  return table.places[placeOf(table, a, b, c) + 3]!;
}

function claim(table: IdTable, a: number, b: number, c: number): number {
  const offset = placeOf(table, a, b, c);
  const { places } = table;
  places[offset] = a + 1;
  places[offset + 1] = b;
  places[offset + 2] = c;
  return offset + 3;
}

/** Sets `flag` in the key's value (adding the key). */
export function addFlag(table: IdTable, a: number, b: number, c: number, flag: number): void {
  table.places[claim(table, a, b, c)]! |= flag;
}

/** Adds one to the key's value (adding the key). */
export function increment(table: IdTable, a: number, b: number, c: number): void {
  table.places[claim(table, a, b, c)]!++;
}

/** The lines of a grouped list (see `groupKeys`), split: the line "a b c" holds "a b" and "a c". */
function groupedLines(grouped: string): string[][] {
  return grouped === '' ? [] : grouped.split('\n').map((line) => line.split(' '));
}

/** Flags of the pair (a, b); 0 when it is not listed. */
export function pairFlagsOf(index: SyllableIndex, a: number, b: number): number {
  return tableValue(index.pairs, a, b, -1);
}

export function isTripleOf(index: SyllableIndex, a: number, b: number, c: number): boolean {
  return tableValue(index.triples, a, b, c) !== 0;
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
      for (let i = 1; i < parts.length; i++) addFlag(pairs, head, idOf(parts[i]!), -1, flag);
    }
  }
  const tripleLines = groupedLines(source.triples);
  const triples = idTable(keyCount(tripleLines, 2));
  for (const parts of tripleLines) {
    if (parts.length < 3) continue;
    const first = idOf(parts[0]!);
    const second = idOf(parts[1]!);
    for (let i = 2; i < parts.length; i++) addFlag(triples, first, second, idOf(parts[i]!), 1);
  }
  return { ids, pairs, triples };
}
