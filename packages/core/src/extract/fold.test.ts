import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldKeepLength, titleCaseWords, trimEndOf } from './fold.ts';

describe('foldKeepLength', () => {
  it('strips Vietnamese accents and case, keeping the length', () => {
    expect(foldKeepLength('Cơ quan chủ trì')).toBe('co quan chu tri');
    expect(foldKeepLength('ĐỐI NGOẠI Đảng')).toBe('doi ngoai dang');
    expect(foldKeepLength('Cơ quan chù trì')).toBe(foldKeepLength('Cơ quan chủ trì'));
  });

  it('leaves characters whose fold would change the length alone', () => {
    expect(foldKeepLength('İ😀ﬁ')).toHaveLength('İ😀ﬁ'.length);
  });

  it('keeps the length of any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => foldKeepLength(s).length === s.length));
  });
});

describe('helpers', () => {
  it('title-cases upper-case syllables', () => {
    expect(titleCaseWords('QUẢNG  NGÃI')).toBe('Quảng Ngãi');
  });

  it('trims a set of trailing characters', () => {
    expect(trimEndOf('Thường xuyên. ;', ' .;')).toBe('Thường xuyên');
    expect(trimEndOf('...', '.')).toBe('');
  });
});
