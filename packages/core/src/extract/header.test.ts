import { describe, expect, it } from 'vitest';
import { parseHeader } from './header.ts';

const LETTERHEAD =
  'TỈNH ỦY QUẢNG NGÃI * Số 222-KH/TU ĐẢNG CỘNG SẢN VIỆT NAM Quảng Ngãi, ngày 14 tháng 9 năm 2023 ' +
  'KẾ HOẠCH nghiên cứu, học tập, quán triệt Kết luận 57-KL/TW ----- Thực hiện Kết luận số 57-KL/TW, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch như sau:';

describe('parseHeader', () => {
  it('reads the letterhead, place, date, title and kind', () => {
    const h = parseHeader(LETTERHEAD);
    expect(h.documentNumber).toMatchObject({ value: '222-KH/TU' });
    expect(h.documentNumber?.garbled).toBeUndefined();
    expect(h.date?.iso).toBe('2023-09-14');
    expect(h.place?.value).toBe('Quảng Ngãi');
    expect(h.issuingBody).toMatchObject({ value: 'Tỉnh ủy Quảng Ngãi', level: 'province' });
    expect(h.title?.value).toBe('nghiên cứu, học tập, quán triệt Kết luận 57-KL/TW');
    expect(h.kind).toMatchObject({ value: 'study-and-dissemination' });
    expect(LETTERHEAD.slice(h.issuingBody!.start, h.issuingBody!.end)).toBe('TỈNH ỦY QUẢNG NGÃI');
  });

  it('reports an OCR-damaged number raw and flagged, and a blank day as month only', () => {
    const h = parseHeader(
      'TỈNH ỦY QUẢNG NINH ĐẢNG CỘNG SẢN VIỆT NAM * SỐ ĩ>57 - KH/TƯ Quảng Ninh, ngày tháng 12 năm 2023 KẾ HOẠCH triển khai thực hiện Kết luận',
    );
    expect(h.documentNumber).toMatchObject({ value: 'ĩ>57 - KH/TƯ', garbled: true });
    expect(h.date?.iso).toBe('2023-12');
    expect(h.kind?.value).toBe('implementation');
    expect(h.issuingBody?.value).toBe('Tỉnh ủy Quảng Ninh');
  });

  it('takes the issuing body from the opening sentence when there is no letterhead', () => {
    const district = parseHeader(
      'KẾ HOẠCH nghiên cứu, học tập Kết luận số 57-KL/TW\n\nCăn cứ Hướng dẫn số 76-HD/BTGTU ngày 25/8/2023 của Ban Tuyên giáo Tỉnh ủy, Ban Thường vụ Huyện ủy xây dựng Kế hoạch',
    );
    expect(district.issuingBody).toMatchObject({ value: 'Huyện ủy', level: 'district' });
    expect(district.documentNumber).toBeUndefined();
    expect(district.date).toBeUndefined();
    expect(district.place).toBeUndefined();
    const province = parseHeader(
      'KẾ HOẠCH thực hiện Kết luận\nThực hiện Kết luận, Ban Thường vụ Tỉnh ủy Quảng Ngãi ban hành Kế hoạch',
    );
    expect(province.issuingBody?.value).toBe('Tỉnh ủy Quảng Ngãi');
    expect(province.kind?.value).toBe('implementation');
  });

  it('classifies conference plans and unknown titles', () => {
    expect(parseHeader('KẾ HOẠCH Tổ chức Hội nghị trực tuyến nghiên cứu').kind?.value).toBe('conference');
    expect(parseHeader('KẾ HOẠCH kiểm tra, giám sát năm 2024').kind?.value).toBe('other');
  });

  it('returns nothing for text without a header', () => {
    expect(parseHeader('')).toEqual({});
    expect(parseHeader('Các cấp ủy thực hiện Kế hoạch này.')).toEqual({});
  });
});
