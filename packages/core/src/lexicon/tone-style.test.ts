import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits } from './test-support.ts';
import { letterRuns } from './tokens.ts';
import { canonicalToneEdits, TONE_STYLE_RULE, toPlanToneStyle } from './tone-style.ts';

const canonical = (text: string) => applyEdits(text, canonicalToneEdits(text));

describe('canonicalToneEdits', () => {
  it.each([
    ['hoá', 'hóa'],
    ['uỷ', 'ủy'],
    ['thuỷ', 'thủy'],
    ['oà', 'òa'],
    ['uý', 'úy'],
    ['khoẻ', 'khỏe'],
    ['toà', 'tòa'],
    ['loã', 'lõa'],
    ['hoạ', 'họa'],
  ])('rewrites %s as %s', (old, planStyle) => {
    expect(canonical(old)).toBe(planStyle);
  });

  it('keeps the case of each letter', () => {
    expect(canonical('Uỷ ban, UỶ BAN, Hoá, HOÁ, ThuỶ')).toBe('Ủy ban, ỦY BAN, Hóa, HÓA, ThủY');
  });

  it('leaves text already in the plans’ style alone', () => {
    const text = 'Tỉnh ủy chỉ đạo cụ thể hóa, hoàn thành, khỏe mạnh, thủy lợi, quý, quà, ngoài, thuyết, hoàn';
    expect(canonicalToneEdits(text)).toEqual([]);
  });

  it('does not move the tone after "qu", whose u is part of the onset', () => {
    expect(canonicalToneEdits('quý quà quỷ quạ')).toEqual([]);
  });

  it('reports edits with offsets and the rule', () => {
    const text = 'Văn hoá và thuỷ lợi';
    expect(canonicalToneEdits(text)).toEqual([
      expect.objectContaining({ start: 4, end: 7, text: 'hóa', ruleId: TONE_STYLE_RULE }),
      expect.objectContaining({ start: 11, end: 15, text: 'thủy', ruleId: TONE_STYLE_RULE }),
    ]);
  });

  it('is idempotent', () => {
    const once = canonical('Uỷ ban nhân dân, văn hoá, thuỷ sản, hoà bình, khoẻ');
    expect(canonicalToneEdits(once)).toEqual([]);
  });

  it('reads a letter outside the Basic Multilingual Plane as part of its word', () => {
    // "𝐀hoá" is one word that does not spell a syllable: nothing moves.
    expect(canonicalToneEdits('𝐀hoá')).toEqual([]);
    expect(canonical('😀hoá')).toBe('😀hóa');
  });

  it('finds the same words as reading every word would (the pair scan misses none)', () => {
    // Every word, tried one by one: what the scan for "o"/"u" + toned "a", "e", "y" must equal.
    const everyWord = (text: string) =>
      letterRuns(text).flatMap((token) => {
        const canonical = toPlanToneStyle(token.text);
        return canonical === undefined ? [] : [{ start: token.start, end: token.end, text: canonical }];
      });
    const pieces = [
      'o',
      'u',
      'O',
      'U',
      'á',
      'ẻ',
      'ỹ',
      'Ạ',
      'Ý',
      'a',
      'y',
      'h',
      'q',
      'th',
      'kh',
      'ư',
      'ô',
      ' ',
      '-',
      '\u0301',
      '𝐀',
      '😀',
      '\ud835',
      '\udc00',
      '中',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), (parts) => {
        const text = parts.join('');
        expect(canonicalToneEdits(text).map(({ start, end, text }) => ({ start, end, text }))).toEqual(
          everyWord(text),
        );
      }),
    );
  });
});
