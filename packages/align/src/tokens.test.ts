import { describe, expect, it } from 'vitest';
import { countSequence, ngrams, syllables } from './tokens.ts';

describe('syllables', () => {
  it('keeps every Vietnamese letter, where English tokenizers drop them', () => {
    expect(syllables('Tăng cường phối hợp; Đấu tranh, phản bác!')).toEqual([
      'tăng',
      'cường',
      'phối',
      'hợp',
      'đấu',
      'tranh',
      'phản',
      'bác',
    ]);
  });
  it('gives the same tokens for NFD and NFC input', () => {
    const text = 'thông tin đối ngoại ở khu vực cửa khẩu';
    expect(syllables(text.normalize('NFD'))).toEqual(syllables(text));
  });
  it('keeps digits of document numbers', () => {
    expect(syllables('Nghị quyết 35-NQ/TW')).toEqual(['nghị', 'quyết', '35', 'nq', 'tw']);
  });
  it('returns nothing for text without letters', () => {
    expect(syllables(' - ; ')).toEqual([]);
  });
});

describe('ngrams', () => {
  it('makes multi-syllable terms such as "thông tin đối ngoại"', () => {
    const grams = ngrams(syllables('công tác thông tin đối ngoại'), 1, 4);
    expect(grams).toContain('thông tin đối ngoại');
    expect(grams).toContain('công tác');
    // Six syllables give three 4-grams.
    expect(grams.filter((g) => g.split(' ').length === 4)).toHaveLength(3);
  });
  it('counts a term however often it occurs', () => {
    expect(countSequence(syllables('cửa khẩu, biên giới; khu vực cửa khẩu'), ['cửa', 'khẩu'])).toBe(2);
    expect(countSequence([], ['cửa'])).toBe(0);
  });
});

describe('syllables on hostile input', () => {
  it('returns one token for a 5 MB word (one /[…]+/gu match overflowed the regex stack)', () => {
    const word = 'thôngtinđốingoại'.repeat(330_000);
    const tokens = syllables(`Kế hoạch ${word}.`);
    expect(tokens).toHaveLength(3);
    expect(tokens[2]!.length).toBe(word.length);
  });
});
