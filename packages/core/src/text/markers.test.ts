import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarker, parseMarkerInOrder, parseMarkerUngated, startsWithFieldLabel } from './markers.ts';

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

describe('parseMarker first-character gate', () => {
  it('gives what the patterns give on arbitrary lines (fast-check)', () => {
    const starts = fc.constantFrom(
      ...'IVXLl1|ABCDEFGHĐPpTNKMQSđ09(az-–—•·▪●+*#>. \t',
      'PHẦN I ',
      'Phụ lục 2',
      'PHỤ LỤC',
      'II- ',
      '2.1. ',
      '(3) ',
      'a) ',
      'Il. ',
    );
    fc.assert(
      fc.property(starts, fc.string({ unit: 'grapheme' }), fc.string(), (start, rest, tail) => {
        const line = start + rest + tail;
        expect(parseMarker(line)).toEqual(parseMarkerUngated(line));
        expect(parseMarker(rest)).toEqual(parseMarkerUngated(rest));
        // Dispatching bullets and digits by their first character changes nothing.
        expect(parseMarkerUngated(line)).toEqual(parseMarkerInOrder(line));
      }),
      { numRuns: 3000 },
    );
  });
});
