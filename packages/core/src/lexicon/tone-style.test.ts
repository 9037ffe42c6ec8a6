import { describe, expect, it } from 'vitest';
import { applyEdits } from './test-support.ts';
import { canonicalToneEdits, TONE_STYLE_RULE } from './tone-style.ts';

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
});
