import { foldSameLength } from '@doichieu/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coveredLength, matchSpans, phraseMatcher, union } from './text.ts';

const syllable = fc.constantFrom(
  'thông',
  'tin',
  'đối',
  'ngoại',
  'Tăng',
  'cường',
  'phối',
  'hợp',
  'dân',
  'tộc',
);
const words = fc.array(syllable, { minLength: 1, maxLength: 4 });
const space = fc.constantFrom(' ', '  ', '\n', ' \n\n', '\r\n');

describe('phraseMatcher', () => {
  it('finds a phrase across any whitespace and case, and the span reads as the phrase', () => {
    fc.assert(
      fc.property(
        words,
        fc.array(space, { minLength: 4, maxLength: 4 }),
        fc.string({ maxLength: 5 }),
        (phrase, gaps, prefix) => {
          const text = `${prefix.replace(/[\p{L}\p{N}]/gu, '')} ${phrase.map((w, i) => w.toUpperCase() + (gaps[i] ?? ' ')).join('')}.`;
          const matcher = phraseMatcher([phrase.join(' ')])!;
          const spans = matchSpans(text, [0, text.length], matcher);
          expect(spans.length).toBeGreaterThan(0);
          const [s, e] = spans[0]!;
          expect(foldSameLength(text.slice(s, e)).split(/\s+/).join(' ')).toBe(
            foldSameLength(phrase.join(' ')),
          );
        },
      ),
    );
  });
  it('matches whole syllables only', () => {
    const matcher = phraseMatcher(['tin'])!;
    expect(matchSpans('thông tin, tính toán, tinh thần', [0, 31], matcher)).toEqual([[6, 9]]);
  });
});

describe('union and coveredLength', () => {
  it('covers each position once however the intervals overlap', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(50), fc.nat(20)).map(([s, l]) => [s, s + l] as [number, number])),
        (spans) => {
          const merged = union(spans);
          const covered = new Set<number>();
          for (const [s, e] of spans) for (let i = s; i < e; i++) covered.add(i);
          expect(coveredLength(spans, [0, 100])).toBe(covered.size);
          for (let i = 1; i < merged.length; i++) expect(merged[i]![0]).toBeGreaterThan(merged[i - 1]![1]);
        },
      ),
    );
  });
});
