import { describe, expect, it } from 'vitest';
import { isVietnameseSyllable, scoreVietnamese } from './score.ts';

describe('isVietnameseSyllable', () => {
  it('accepts well-formed syllables in any case and tone', () => {
    for (const word of [
      'của',
      'người',
      'Thông',
      'NGOẠI',
      'quốc',
      'nghiêng',
      'khuyến',
      'giữ',
      'gì',
      'thuỷ',
      'thủy',
      'hoá',
    ]) {
      expect(isVietnameseSyllable(word), word).toBe(true);
    }
  });

  it('rejects TCVN3 and VNI mojibake words', () => {
    for (const word of ['Tæ', 'chøc', 'thùc', 'hiÖn', 'KÕt', 'luËn', 'chaøo', 'caùc', 'baïn', 'ngöôøi']) {
      expect(isVietnameseSyllable(word), word).toBe(false);
    }
  });

  it('knows the spelling rules that separate readings', () => {
    expect(isVietnameseSyllable('cơng')).toBe(false); // ơ never takes -ng
    expect(isVietnameseSyllable('thùc')).toBe(false); // a stop final takes only sắc or nặng
    expect(isVietnameseSyllable('ke')).toBe(true);
    expect(isVietnameseSyllable('ce')).toBe(false); // c is spelled k before e
    expect(isVietnameseSyllable('quục')).toBe(false);
    expect(isVietnameseSyllable('tiề')).toBe(false); // iê needs a final consonant
    expect(isVietnameseSyllable('áốc')).toBe(false); // two tones
  });
});

describe('scoreVietnamese', () => {
  it('scores correct Vietnamese above its mojibake', () => {
    const correct = scoreVietnamese('Tổ chức thực hiện Kết luận số 57 của Bộ Chính trị');
    const mojibake = scoreVietnamese('Tæ chøc thùc hiÖn KÕt luËn sè 57 cña Bé ChÝnh trÞ');
    expect(correct.bad).toBe(0);
    expect(correct.good).toBeGreaterThan(10);
    expect(mojibake.bad).toBeGreaterThan(mojibake.good);
  });

  it('treats ASCII words and lone symbols as neutral, symbols inside words as breakage', () => {
    expect(scoreVietnamese('Plan 57-KL/TW, § 3 · ½ ngày')).toMatchObject({ good: 2, bad: 0 });
    expect(scoreVietnamese('c¸c §¶ng')).toMatchObject({ good: 0, bad: 2 });
  });
});
