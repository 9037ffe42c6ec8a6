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

  it('folds as one code unit at a time read back through TextDecoder (the first implementation)', () => {
    // Lone surrogates become U+FFFD in texts of 64 code units or more (TextDecoder did that), not in shorter ones.
    const reference = (text: string): string => {
      const units = new Uint16Array(text.length);
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        let unit = code;
        if (code < 0x80) unit = code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
        else if (code < 0xd800 || code > 0xdfff) {
          const ch = String.fromCharCode(code);
          let folded = ch === 'đ' || ch === 'Đ' ? 'd' : ch.normalize('NFD').replace(/\p{M}/gu, '');
          if (folded.length !== 1) folded = ch;
          const lower = folded.toLowerCase();
          unit = (lower.length === 1 ? lower : folded).charCodeAt(0);
        }
        units[i] = unit;
      }
      return text.length < 64 ? String.fromCharCode(...units) : new TextDecoder('utf-16le').decode(units);
    };
    const unit = fc.oneof(
      fc.constantFrom('a', 'Ố', 'đ', 'Đ', '😀', ' ', 'ư', 'İ', 'ẞ', '\0', '\ud800', '\udc00', 'Ω', 'ǅ'),
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    );
    fc.assert(
      fc.property(
        fc.array(unit, { maxLength: 200 }).map((a) => a.join('')),
        (text) => {
          expect(foldSameLength(text)).toBe(reference(text));
          if (text.length >= 64) expect(foldChunked(text, 7)).toBe(reference(text));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('decodes in chunks well under TextDecoder’s limit (2^28 bytes, 2^27 code units)', () => {
    expect(FOLD_CHUNK).toBeLessThan(2 ** 27);
    expect(foldSameLength('Thông Tin ĐỐI NGOẠI '.repeat(10))).toBe('thong tin doi ngoai '.repeat(10));
  });
});
