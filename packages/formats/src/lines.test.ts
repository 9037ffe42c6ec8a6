import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Fragment, rebuildLines } from './lines.ts';

const at = (text: string, x0: number, baseline: number, size = 11): Fragment => ({
  text,
  x0,
  x1: x0 + text.length * size * 0.5,
  baseline,
  size,
});

describe('rebuildLines', () => {
  it('reads a two-column letterhead left column first, then the right, then the body', () => {
    const page = [
      at('ĐẢNG CỘNG SẢN VIỆT NAM', 330, 60),
      at('ĐẢNG BỘ TỈNH QUẢNG NGÃI', 70, 60),
      at('TỈNH ỦY', 110, 76),
      at('Quảng Ngãi, ngày 14 tháng 9 năm 2023', 320, 92),
      at('Số 222-KH/TU', 100, 92),
      at('KẾ HOẠCH', 260, 130),
      at('Thực hiện Kết luận số 57-KL/TW ngày 15/6/2023 của Bộ Chính trị về tiếp tục', 70, 160),
    ];
    expect(rebuildLines(page, 595).map((l) => l.text)).toEqual([
      'ĐẢNG BỘ TỈNH QUẢNG NGÃI',
      'TỈNH ỦY',
      'Số 222-KH/TU',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Quảng Ngãi, ngày 14 tháng 9 năm 2023',
      'KẾ HOẠCH',
      'Thực hiện Kết luận số 57-KL/TW ngày 15/6/2023 của Bộ Chính trị về tiếp tục',
    ]);
  });

  it('joins the pieces of one printed line and marks paragraph gaps', () => {
    const lines = rebuildLines(
      [
        at('Kết luận', 70, 100),
        at('số 57-KL/TW', 70 + 8 * 5.5 + 3, 100),
        at('Tiếp theo', 70, 115),
        at('Đoạn mới', 70, 145),
      ],
      595,
    );
    expect(lines.map((l) => [l.text, l.gapBefore])).toEqual([
      ['Kết luận số 57-KL/TW', false],
      ['Tiếp theo', false],
      ['Đoạn mới', true],
    ]);
  });

  it('keeps every fragment, once, whatever the positions', () => {
    const word = fc.stringMatching(/^[a-zđơư]{1,8}$/);
    const fragment = fc.record({
      text: word,
      x0: fc.integer({ min: 40, max: 500 }),
      baseline: fc.integer({ min: 40, max: 800 }),
    });
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 40 }), (specs) => {
        const frags = specs.map((s) => at(s.text, s.x0, s.baseline));
        const out = rebuildLines(frags, 595)
          .flatMap((l) => l.text.split(' '))
          .sort();
        const words = frags.map((f) => f.text).sort();
        // A word may be glued to its neighbour when two fragments touch; letters are never lost or doubled.
        expect(out.join('').split('').sort().join('')).toBe(words.join('').split('').sort().join(''));
      }),
    );
  });
});
