import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLexicon, groupKeys, type LexiconData, loadLexicon } from './lexicon.ts';
import {
  ANY_PAIR,
  GENRE_PAIR,
  isTripleOf,
  PHRASE_PAIR,
  pairFlagsOf,
  type SyllableIndex,
  WORD_PAIR,
} from './syllable-index.ts';

function pairFlags(index: SyllableIndex, left: string, right: string): number {
  const a = index.ids.get(left);
  const b = index.ids.get(right);
  if (a === undefined || b === undefined) return 0;
  return pairFlagsOf(index, a, b);
}

function isTriple(index: SyllableIndex, first: string, second: string, third: string): boolean {
  const [a, b, c] = [first, second, third].map((s) => index.ids.get(s));
  if (a === undefined || b === undefined || c === undefined) return false;
  return isTripleOf(index, a, b, c);
}

/** What the string sets say of a pair, as flags. */
function setFlags(lexicon: ReturnType<typeof loadLexicon>, left: string, right: string): number {
  const key = `${left} ${right}`;
  return (
    (lexicon.wordPairs.has(key) ? WORD_PAIR : 0) |
    (lexicon.wordPhrasePairs.has(key) ? PHRASE_PAIR : 0) |
    (lexicon.genrePairs.has(key) ? GENRE_PAIR : 0)
  );
}

describe('syllable index', () => {
  const lexicon = loadLexicon();
  const index = lexicon.syllableIndex;
  const syllables = [...index.ids.keys()];
  const pairKeys = [...new Set([...lexicon.wordPairs, ...lexicon.wordPhrasePairs, ...lexicon.genrePairs])];
  const tripleKeys = [...lexicon.triples];

  it('says what the string sets say of every listed pair and triple', () => {
    for (const key of pairKeys) {
      const [left, right] = key.split(' ') as [string, string];
      expect(pairFlags(index, left, right)).toBe(setFlags(lexicon, left, right));
    }
    for (const key of tripleKeys) {
      const [a, b, c] = key.split(' ') as [string, string, string];
      expect(isTriple(index, a, b, c)).toBe(true);
    }
  });

  it('agrees with the string sets, followers and leaders on random syllable sequences', () => {
    const syllable = fc.oneof(fc.constantFrom(...syllables), fc.constantFrom('xyz', 'ket', 'quôc', ''));
    fc.assert(
      fc.property(syllable, syllable, syllable, (a, b, c) => {
        const flags = pairFlags(index, a, b);
        expect(flags).toBe(setFlags(lexicon, a, b));
        expect((flags & ANY_PAIR) !== 0).toBe(lexicon.followers.get(a)?.has(b) === true);
        expect((flags & ANY_PAIR) !== 0).toBe(lexicon.leaders.get(b)?.has(a) === true);
        expect(isTriple(index, a, b, c)).toBe(lexicon.triples.has(`${a} ${b} ${c}`));
      }),
      { numRuns: 3000 },
    );
  });

  it('builds from any grouped lists, empty ones included', () => {
    const pair = fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), fc.constantFrom('a', 'b', 'c', 'd'));
    const triple = fc.tuple(
      fc.constantFrom('a', 'b', 'c'),
      fc.constantFrom('a', 'b'),
      fc.constantFrom('a', 'c'),
    );
    fc.assert(
      fc.property(
        fc.array(pair),
        fc.array(pair),
        fc.array(pair),
        fc.array(triple),
        (pairs, phrases, genre, triples) => {
          const keys = (list: string[][]) => [...new Set(list.map((k) => k.join(' ')))];
          const source: LexiconData = {
            version: 1,
            syllables: ['a', 'b', 'c', 'd'],
            weights: [1, 2, 3, 4],
            pairs: groupKeys(keys(pairs), 1),
            phrasePairs: groupKeys(keys(phrases), 1),
            triples: groupKeys(keys(triples), 2),
            genrePairs: groupKeys(keys(genre), 1),
            genrePhrasePairs: '',
          };
          const built = createLexicon(source);
          for (const a of 'abcd')
            for (const b of 'abcd') {
              expect(pairFlags(built.syllableIndex, a, b)).toBe(setFlags(built, a, b));
              for (const c of 'abcd')
                expect(isTriple(built.syllableIndex, a, b, c)).toBe(built.triples.has(`${a} ${b} ${c}`));
            }
        },
      ),
      { numRuns: 200 },
    );
  });
});
