/**
 * The runtime lexicon: the syllable inventory with rough frequencies and the
 * set of syllable pairs that occur inside known words and set phrases. It is
 * built from `packages/core/data/lexicon-vi.json` (made by
 * `scripts/build-lexicon.ts`); nothing here needs the build-time sources.
 *
 * The word pairs are stored grouped, one line per first syllable, and the
 * sets over them are built on first use: clean text needs only the
 * inventory (the OCR damage gate finds no damage and stops there), so a run
 * on clean documents never pays for the 70,000 pairs.
 */
import data from '../../data/lexicon-vi.json' with { type: 'json' };
import { skeletonOf } from './orthography.ts';
import { buildSyllableIndex, type SyllableIndex } from './syllable-index.ts';

/** The shape of `lexicon-vi.json`. */
export interface LexiconData {
  version: number;
  /** Lower-case syllables in the plans' tone style, sorted. */
  syllables: string[];
  /** A weight per syllable, same order: higher is more frequent. */
  weights: number[];
  /** Adjacent syllables of known words (all lists), grouped: the line "a b c" holds "a b" and "a c". */
  pairs: string;
  /** Adjacent syllables seen only inside longer phrases (weaker evidence), grouped as `pairs`. */
  phrasePairs: string;
  /** Three adjacent syllables of known words and phrases: the line "a b c d" holds "a b c" and "a b d". */
  triples: string;
  /** Word pairs of the administrative genre's own list (vi-words.txt), grouped as `pairs`. */
  genrePairs: string;
  /** Phrase pairs of that list, grouped as `pairs`. */
  genrePhrasePairs: string;
}

export interface Lexicon {
  /** Weight of a lower-case syllable; 0 when it is not in the inventory. */
  readonly weights: ReadonlyMap<string, number>;
  /**
   * Keys "a b" of pairs inside the words of the genre's own list: words of
   * administrative writing, which a term must not cut (the diff's key terms).
   */
  readonly pairs: ReadonlySet<string>;
  /** Keys "a b" of pairs seen only inside that list's longer phrases. */
  readonly phrasePairs: ReadonlySet<string>;
  /** Keys "a b" of pairs inside any known word, the general dictionary's too (OCR evidence). */
  readonly wordPairs: ReadonlySet<string>;
  /** Keys "a b" of pairs seen only inside longer phrases of any list. */
  readonly wordPhrasePairs: ReadonlySet<string>;
  /** Keys "a b c" of known three-syllable sequences. */
  readonly triples: ReadonlySet<string>;
  /** `pairs` and `phrasePairs` together: the likelier reading on a tie. */
  readonly genrePairs: ReadonlySet<string>;
  /** Inventory syllables by ASCII skeleton ("phuong" → phương, phường, phượng…). */
  readonly bySkeleton: ReadonlyMap<string, readonly string[]>;
  /** Syllables known to follow / precede a syllable in some pair. */
  readonly followers: ReadonlyMap<string, ReadonlySet<string>>;
  readonly leaders: ReadonlyMap<string, ReadonlySet<string>>;
  /** The same pairs and triples over integer syllable ids (the OCR repair's lookups); built on first use. */
  readonly syllableIndex: SyllableIndex;
}

export function pairKey(left: string, right: string): string {
  return `${left} ${right}`;
}

/**
 * Groups keys of `keyLength + 1` syllables by their first `keyLength`:
 * ["a b", "a c"] → "a b c" (keyLength 1). Input order is kept within a group.
 */
export function groupKeys(keys: Iterable<string>, keyLength: number): string {
  const groups = new Map<string, string[]>();
  for (const key of keys) {
    const parts = key.split(' ');
    const head = parts.slice(0, keyLength).join(' ');
    const group = groups.get(head);
    if (group === undefined) groups.set(head, [parts[keyLength]!]);
    else group.push(parts[keyLength]!);
  }
  return [...groups].map(([head, tails]) => `${head} ${tails.join(' ')}`).join('\n');
}

/** The inverse of {@link groupKeys}. */
export function ungroupKeys(grouped: string, keyLength: number): string[] {
  const keys: string[] = [];
  if (grouped === '') return keys;
  for (const line of grouped.split('\n')) {
    const parts = line.split(' ');
    const head = parts.slice(0, keyLength).join(' ');
    for (let i = keyLength; i < parts.length; i++) keys.push(`${head} ${parts[i]}`);
  }
  return keys;
}

interface PairIndex {
  pairs: Set<string>;
  phrasePairs: Set<string>;
  wordPairs: Set<string>;
  wordPhrasePairs: Set<string>;
  triples: Set<string>;
  genrePairs: Set<string>;
  followers: Map<string, Set<string>>;
  leaders: Map<string, Set<string>>;
}

function buildPairIndex(source: LexiconData): PairIndex {
  const wordPairs = new Set(ungroupKeys(source.pairs, 1));
  const wordPhrasePairs = new Set(ungroupKeys(source.phrasePairs, 1));
  const pairs = new Set(ungroupKeys(source.genrePairs, 1));
  const phrasePairs = new Set(ungroupKeys(source.genrePhrasePairs, 1));
  const followers = new Map<string, Set<string>>();
  const leaders = new Map<string, Set<string>>();
  const link = (index: Map<string, Set<string>>, from: string, to: string) => {
    const set = index.get(from);
    if (set === undefined) index.set(from, new Set([to]));
    else set.add(to);
  };
  for (const set of [wordPairs, wordPhrasePairs]) {
    for (const pair of set) {
      const space = pair.indexOf(' ');
      const left = pair.slice(0, space);
      const right = pair.slice(space + 1);
      link(followers, left, right);
      link(leaders, right, left);
    }
  }
  return {
    pairs,
    phrasePairs,
    wordPairs,
    wordPhrasePairs,
    triples: new Set(ungroupKeys(source.triples, 2)),
    genrePairs: new Set([...pairs, ...phrasePairs]),
    followers,
    leaders,
  };
}

export function createLexicon(source: LexiconData): Lexicon {
  const weights = new Map<string, number>();
  const bySkeleton = new Map<string, string[]>();
  source.syllables.forEach((syllable, i) => {
    weights.set(syllable, source.weights[i] ?? 1);
    const key = skeletonOf(syllable);
    const group = bySkeleton.get(key);
    if (group === undefined) bySkeleton.set(key, [syllable]);
    else group.push(syllable);
  });
  let index: PairIndex | undefined;
  let syllableIndex: SyllableIndex | undefined;
  const pairIndex = () => {
    index ??= buildPairIndex(source);
    return index;
  };
  return {
    weights,
    bySkeleton,
    get pairs() {
      return pairIndex().pairs;
    },
    get phrasePairs() {
      return pairIndex().phrasePairs;
    },
    get wordPairs() {
      return pairIndex().wordPairs;
    },
    get wordPhrasePairs() {
      return pairIndex().wordPhrasePairs;
    },
    get triples() {
      return pairIndex().triples;
    },
    get genrePairs() {
      return pairIndex().genrePairs;
    },
    get followers() {
      return pairIndex().followers;
    },
    get leaders() {
      return pairIndex().leaders;
    },
    get syllableIndex() {
      syllableIndex ??= buildSyllableIndex(source);
      return syllableIndex;
    },
  };
}

let shipped: Lexicon | undefined;

/** The shipped Vietnamese lexicon (built once, then shared). */
export function loadLexicon(): Lexicon {
  shipped ??= createLexicon(data as LexiconData);
  return shipped;
}
