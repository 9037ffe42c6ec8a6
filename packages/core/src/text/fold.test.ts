import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FOLD_CHUNK, foldChunked, foldSameLength } from './fold.ts';

describe('foldChunked', () => {
  it('gives the same text whatever the chunk size, surrogate pairs included', () => {
    const unit = fc.constantFrom('a', 'Ố', 'đ', '😀', '𝐀', ' ', 'ư');
    fc.assert(
      fc.property(
        fc.array(unit, { maxLength: 120 }).map((a) => a.join('')),
        fc.integer({ min: 1, max: 9 }),
        (text, chunk) => {
          const whole = foldChunked(text, 1 << 20);
          expect(foldChunked(text, chunk)).toBe(whole);
          expect(whole.length).toBe(text.length);
        },
      ),
    );
  });

  it('decodes in chunks well under TextDecoder’s limit (2^28 bytes, 2^27 code units)', () => {
    expect(FOLD_CHUNK).toBeLessThan(2 ** 27);
    expect(foldSameLength('Thông Tin ĐỐI NGOẠI '.repeat(10))).toBe('thong tin doi ngoai '.repeat(10));
  });
});
