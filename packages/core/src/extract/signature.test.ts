import { describe, expect, it } from 'vitest';
import { parseSignature } from './signature.ts';

describe('parseSignature', () => {
  it('reads recipients, the body signed for, role and name', () => {
    const text =
      'báo cáo Ban Thường vụ Tỉnh ủy.\nNơi nhận:\n- Ban Tuyên giáo Trung ương (B/c),\n- MTTQ, các tổ chức chính trị - xã hội tỉnh,\n- Lưu Văn phòng Tỉnh ủy.\n\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ THƯỜNG TRỰC\n\n\nHoàng Văn Nghiệm\n';
    const s = parseSignature(text);
    expect(s.onBehalfOf?.value).toBe('Ban Thường vụ');
    expect(s.role?.value).toBe('Phó Bí thư Thường trực');
    expect(s.signer).toEqual({
      value: 'Hoàng Văn Nghiệm',
      start: text.indexOf('Hoàng'),
      end: text.indexOf('Hoàng') + 16,
    });
    expect(s.recipients?.items.map((i) => i.value)).toEqual([
      'Ban Tuyên giáo Trung ương (B/c)',
      'MTTQ, các tổ chức chính trị - xã hội tỉnh',
      'Lưu Văn phòng Tỉnh ủy',
    ]);
    expect(text.slice(s.recipients!.start, s.recipients!.end)).toMatch(/^Nơi nhận:[\s\S]*Tỉnh ủy\.$/);
  });

  it('accepts OCR forms and flags an unreadable name instead of guessing', () => {
    const s = parseSignature("Nơi nhân: - Lưu VPTƯ. T ỈM  BAN THƯỜNG vụ ' BÍ THƯ 1 rmn Thị Minh Thanh ");
    expect(s.onBehalfOf?.value).toBe('Ban Thường vụ');
    expect(s.role?.value).toBe('Bí thư');
    expect(s.signer).toMatchObject({ value: '1 rmn Thị Minh Thanh', garbled: true });
    expect(s.recipients?.items.map((i) => i.value)).toEqual(['Lưu VPTƯ']);
  });

  it('does not take a lower-case "Phó Bí thư" in prose as a role', () => {
    expect(parseSignature('đồng chí Phó Bí thư Tỉnh ủy chủ trì hội nghị.')).toEqual({});
  });

  it('ends the name at "Nơi nhận" when recipients follow the signature', () => {
    const s = parseSignature('T/M BAN THƯỜNG VỤ BÍ THƯ Nguyễn Văn An Nơi nhận: - Như trên, - Lưu.');
    expect(s.signer?.value).toBe('Nguyễn Văn An');
    expect(s.recipients?.items.map((i) => i.value)).toEqual(['Như trên', 'Lưu']);
  });
});
