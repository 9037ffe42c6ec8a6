import { describe, expect, it } from 'vitest';
import { parseMarker, startsWithFieldLabel } from './markers.ts';

describe('parseMarker', () => {
  const table: [string, string | undefined, string | undefined][] = [
    ['I. MỤC ĐÍCH, YÊU CẦU', 'roman', 'I'],
    ['II- NHIỆM VỤ, GIẢI PHÁP', 'roman', 'II'],
    ['IV. TỔ CHỨC THỰC HIỆN', 'roman', 'IV'],
    ['1. Mục đích', 'arabic', '1'],
    ['2.1. Phát huy hiệu quả', 'arabic', '2.1'],
    ['(3) Tiếp tục xây dựng', 'paren', '3'],
    ['a) Cấp tỉnh', 'letter', 'a'],
    ['- Tăng cường', 'dash', '-'],
    ['+ Ban Tuyên giáo', 'plus', '+'],
    ['57-KL/TW tới đội ngũ', undefined, undefined],
    ['15/6/2023 của Bộ Chính trị', undefined, undefined],
    ['Việt Nam', undefined, undefined],
    ['Ít nhất', undefined, undefined],
  ];
  it.each(table)('parseMarker(%j) is %s %s', (line, kind, label) => {
    const m = parseMarker(line);
    expect(m?.kind).toBe(kind);
    expect(m?.label).toBe(label);
  });
});

describe('startsWithFieldLabel', () => {
  it('recognises labelled fields, also with OCR-damaged accents', () => {
    expect(startsWithFieldLabel('Cơ quan chỉ đạo: Ban Thường vụ Tỉnh ủy.')).toBe(true);
    expect(startsWithFieldLabel('Cơ quan tham mưu, thực hiện: Ban Chỉ đạo')).toBe(true);
    expect(startsWithFieldLabel('Thời gian hoàn thành: Trong quý III/2023.')).toBe(true);
    expect(startsWithFieldLabel('Cơ quan chù trì: Sở Ngoại vụ')).toBe(true);
    expect(startsWithFieldLabel('Các cơ quan căn cứ kế hoạch: triển khai')).toBe(false);
  });
});
