/**
 * The runtime lexicon: the syllable inventory with rough frequencies and the
 * set of syllable pairs that occur inside known words and set phrases. It is
 * built from `packages/core/data/lexicon-vi.json` (made by
 * `scripts/build-lexicon.ts`); nothing here needs the build-time sources.
 */
import data from '../../data/lexicon-vi.json' with { type: 'json' };
import { skeletonOf } from './orthography.ts';

/** The shape of `lexicon-vi.json`. */
export interface LexiconData {
  version: number;
  /** Lower-case syllables in the plans' tone style, sorted. */
  syllables: string[];
  /** A weight per syllable, same order: higher is more frequent. */
  weights: number[];
  /** Adjacent syllables of known words, "a b", lower case. */
  pairs: string[];
  /** Adjacent syllables seen only inside longer phrases (weaker evidence). */
  phrasePairs: string[];
  /** Three adjacent syllables of known words and phrases, "a b c". */
  triples: string[];
}

export interface Lexicon {
  /** Weight of a lower-case syllable; 0 when it is not in the inventory. */
  readonly weights: ReadonlyMap<string, number>;
  /** Keys "a b" of pairs inside known words. */
  readonly pairs: ReadonlySet<string>;
  /** Keys "a b" of pairs seen only inside longer phrases. */
  readonly phrasePairs: ReadonlySet<string>;
  /** Keys "a b c" of known three-syllable sequences. */
  readonly triples: ReadonlySet<string>;
  /** Inventory syllables by ASCII skeleton ("phuong" → phương, phường, phượng…). */
  readonly bySkeleton: ReadonlyMap<string, readonly string[]>;
  /** Syllables known to follow / precede a syllable in some pair. */
  readonly followers: ReadonlyMap<string, ReadonlySet<string>>;
  readonly leaders: ReadonlyMap<string, ReadonlySet<string>>;
}

export function pairKey(left: string, right: string): string {
  return `${left} ${right}`;
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
  const followers = new Map<string, Set<string>>();
  const leaders = new Map<string, Set<string>>();
  const link = (index: Map<string, Set<string>>, from: string, to: string) => {
    const set = index.get(from);
    if (set === undefined) index.set(from, new Set([to]));
    else set.add(to);
  };
  for (const pair of [...source.pairs, ...source.phrasePairs]) {
    const [left, right] = pair.split(' ') as [string, string];
    link(followers, left, right);
    link(leaders, right, left);
  }
  return {
    weights,
    pairs: new Set(source.pairs),
    phrasePairs: new Set(source.phrasePairs),
    triples: new Set(source.triples),
    bySkeleton,
    followers,
    leaders,
  };
}

let shipped: Lexicon | undefined;

/** The shipped Vietnamese lexicon (built once, then shared). */
export function loadLexicon(): Lexicon {
  shipped ??= createLexicon(data as LexiconData);
  return shipped;
}
