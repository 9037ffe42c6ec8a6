import { describe, expect, it } from 'vitest';
import { layoutEdits } from './layout.ts';
import { applyEdits, mappedFromSource } from './mapped.ts';

const blocks = (text: string) => applyEdits(mappedFromSource(text), layoutEdits(text).edits).text.split('\n');

describe('layoutEdits', () => {
  it('joins PDF hard wraps, also across blank lines between wrapped lines', () => {
    const pdf = [
      'I. MỤC ĐÍCH, YÊU CẦU ',
      '',
      '- Nâng cao nhận thức, trách nhiệm của cấp ủy, tổ chức đảng, chính quyền ',
      '',
      'các cấp, người đứng đầu, cán bộ, đảng viên và Nhân dân về công tác thông ',
      '',
      'tin đối ngoại trong tình hình mới. ',
      '',
      '- Tăng cường hiệu quả đấu tranh, phản bác luận điệu sai trái, xuyên tạc, thù ',
      '',
      'địch chống phá Đảng, Nhà nước và chế độ. ',
    ].join('\n');
    expect(blocks(pdf)).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU',
      '- Nâng cao nhận thức, trách nhiệm của cấp ủy, tổ chức đảng, chính quyền các cấp, người đứng đầu, cán bộ, đảng viên và Nhân dân về công tác thông tin đối ngoại trong tình hình mới.',
      '- Tăng cường hiệu quả đấu tranh, phản bác luận điệu sai trái, xuyên tạc, thù địch chống phá Đảng, Nhà nước và chế độ.',
    ]);
  });

  it('rejoins a number split at its hyphen ("338-" / "KH/BTGTW")', () => {
    expect(blocks('Kế hoạch số 338-\nKH/BTGTW ngày 15/8/2023.')).toEqual([
      'Kế hoạch số 338-KH/BTGTW ngày 15/8/2023.',
    ]);
  });

  it('drops markdown markers and splits a heading glued to a bold item', () => {
    expect(blocks('I. MỤC ĐÍCH, YÊU CẦU**1. Mục đích**\n\nQuán triệt nghiêm túc.')).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Mục đích',
      'Quán triệt nghiêm túc.',
    ]);
  });

  it('drops rule lines, decorations and page numbers, and reports them', () => {
    const text = 'TỈNH ỦY QUẢNG NGÃI\n*\nSố 222-KH/TU\n-----\nThực hiện Kết luận.\n\n12\n\n- Một.';
    const result = layoutEdits(text);
    expect(result.dropped.map((d) => d.reason)).toEqual(['decoration', 'rule line', 'page number']);
    expect(blocks(text)).toEqual(['TỈNH ỦY QUẢNG NGÃI', 'Số 222-KH/TU', 'Thực hiện Kết luận.', '- Một.']);
  });

  it('keeps header lines apart and starts a block at a labelled field', () => {
    expect(
      blocks('ĐẢNG CỘNG SẢN VIỆT NAM\nQuảng Ngãi, ngày 14 tháng 9 năm 2023\nKẾ HOẠCH\nthực hiện Kết luận'),
    ).toEqual([
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Quảng Ngãi, ngày 14 tháng 9 năm 2023',
      'KẾ HOẠCH',
      'thực hiện Kết luận',
    ]);
    expect(
      blocks(
        '- Tuyên truyền sâu rộng về công tác thông tin đối ngoại trên địa bàn\nCơ quan chủ trì: Sở Ngoại vụ',
      ),
    ).toHaveLength(2);
  });

  it('treats CRLF like LF', () => {
    expect(blocks('- Một hai ba bốn năm sáu bảy tám chín mười một\r\nhai ba.\r\n- Hai.')).toEqual([
      '- Một hai ba bốn năm sáu bảy tám chín mười một hai ba.',
      '- Hai.',
    ]);
  });
});
