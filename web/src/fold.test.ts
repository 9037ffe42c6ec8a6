import { describe, expect, it } from 'vitest';
import { findMatches, foldKeepLength, foldQuery } from './fold.ts';

describe('fold', () => {
  it('foldKeepLength(text) drops diacritics, maps đ to d, lowercases and keeps the length', () => {
    const text = 'Thông tin ĐỐI NGOẠI, đối ngoại';
    const folded = foldKeepLength(text);
    expect(folded).toBe('thong tin doi ngoai, doi ngoai');
    expect(folded.length).toBe(text.length);
  });
  it('foldKeepLength("") is ""', () => {
    expect(foldKeepLength('')).toBe('');
  });
  it('foldQuery(query) accepts NFD input and collapses spaces', () => {
    expect(foldQuery('  \u0111o\u0302\u0301i   ngoa\u0323i ')).toBe('doi ngoai');
    expect(foldQuery('   ')).toBe('');
  });
  it('findMatches(folded, query) finds every occurrence, spaces matching any whitespace', () => {
    expect(findMatches('doi ngoai va doi\nngoai', 'doi ngoai')).toEqual([
      [0, 9],
      [13, 22],
    ]);
    expect(findMatches('abc', '')).toEqual([]);
  });
  it('findMatches(folded, query) treats regex characters literally', () => {
    expect(findMatches('57-kl/tw (1)', '(1)')).toEqual([[9, 12]]);
  });
});
