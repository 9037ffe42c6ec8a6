import { describe, expect, it } from 'vitest';
import { decodeVni, encodeVni, vniFromMojibake } from './vni.ts';

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('VNI table', () => {
  it('writes a base letter followed by accent bytes', () => {
    expect(latin1(encodeVni('Xin chào các bạn'))).toBe('Xin chaøo caùc baïn');
    expect(latin1(encodeVni('người Việt'))).toBe('ngöôøi Vieät');
    expect(latin1(encodeVni('VIỆT NAM ĐẢNG'))).toBe('VIEÄT NAM ÑAÛNG');
  });

  it('uses single bytes for ơ ư đ, the toned i and ỵ', () => {
    expect(latin1(encodeVni('ơ ư đ í ì ỉ ĩ ị ỵ'))).toBe('ô ö ñ í ì æ ó ò î');
    expect(latin1(encodeVni('Ơ Ư Đ Í Ì Ỉ Ĩ Ị Ỵ'))).toBe('Ô Ö Ñ Í Ì Æ Ó Ò Î');
  });

  it('decodes every Vietnamese letter back, in both cases', () => {
    const letters = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ';
    const all = `${letters} ${letters.toUpperCase()}`;
    expect(decodeVni(encodeVni(all))).toBe(all);
  });

  it('takes the case of a letter from its base when accent bytes disagree', () => {
    expect(vniFromMojibake('Aù aÙ')).toBe('Á á');
  });

  it('leaves accent bytes that follow no vowel as Windows-1252 characters', () => {
    expect(vniFromMojibake('nù 5ø')).toBe('nù 5ø');
  });

  it('reads Windows-1252 extras (curly quotes) as themselves, also from Latin-1 C1 mojibake', () => {
    expect(decodeVni(new Uint8Array([0x93, 0x61, 0xf9, 0x94]))).toBe('“á”');
    expect(vniFromMojibake('\u0093aù\u0094')).toBe('“á”');
  });
});
