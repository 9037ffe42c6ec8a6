/**
 * The char-code scans that replaced whole-text regex tests give the same
 * answers as the regexes they replaced, on arbitrary strings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertTextBytes } from './decode/binary.ts';
import { nextNeedingUnicodeEdit, unicodeEdits } from './normalise.ts';

const NEEDS = /[\p{M}\u00ad\u200b-\u200d\u2060\ufeff\u00a0\u2000-\u200a\u202f\u205f\u3000]/gu;
const regexNext = (text: string, from: number): number => {
  NEEDS.lastIndex = from;
  return NEEDS.exec(text)?.index ?? -1;
};

/** Strings rich in what the scan must tell apart: marks, odd spaces, invisibles, surrogates (paired and lone). */
const tricky = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }),
      fc.constantFrom('a', ' ', '\u0301', '\u0323', '\u00a0', '\u200b', '\ufeff', '\u3000', '\u20dd'),
      fc.constantFrom(
        '\ud834\udd65',
        '\ud834\udd1e',
        '\ud800',
        '\udc00',
        'ệ',
        'e\u0302\u0323',
        '\u1ab0',
        '\ufe20',
      ),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

describe('nextNeedingUnicodeEdit', () => {
  it('finds what the regex finds, from every run end (fast-check)', () => {
    fc.assert(
      fc.property(tricky, (text) => {
        for (let from = 0; from <= text.length; from++) {
          // From the middle of a surrogate pair the two may differ; the scan is never started there.
          const code = text.charCodeAt(from);
          if (from > 0 && code >= 0xdc00 && code <= 0xdfff) {
            const before = text.charCodeAt(from - 1);
            if (before >= 0xd800 && before <= 0xdbff) continue;
          }
          expect(nextNeedingUnicodeEdit(text, from)).toBe(regexNext(text, from));
        }
      }),
    );
  });

  it('every code unit below U+3100 and every astral mark is classed as the regex classes it', () => {
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const ch = String.fromCharCode(code);
      expect(nextNeedingUnicodeEdit(ch, 0)).toBe(regexNext(ch, 0));
    }
    for (const ch of ['\u{1d165}', '\u{e0100}', '\u{1f600}', '\u{10000}'])
      expect(nextNeedingUnicodeEdit(`x${ch}`, 0)).toBe(regexNext(`x${ch}`, 0));
  });

  it('leaves plain precomposed text without edits and still fixes decomposed text', () => {
    expect(unicodeEdits('Kết luận số 57-KL/TW')).toEqual([]);
    expect(unicodeEdits('Ke\u0302\u0301t').map((e) => e.text)).toEqual(['ế']);
  });
});

describe('assertTextBytes', () => {
  it('refuses or accepts as counting stray controls one by one does (fast-check)', () => {
    const stray = (b: number) =>
      b === 0x7f ||
      (b < 0x20 && ![1, 2, 4, 5, 6, 9, 10, 11, 12, 13, 0x1a, 0x1b].includes(b) && !(b >= 0x11 && b <= 0x17));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        let controls = 0;
        for (const b of bytes) if (stray(b)) controls++;
        const binary = bytes.includes(0) || (controls >= 4 && controls > bytes.length * 0.08);
        if (binary) expect(() => assertTextBytes(bytes)).toThrow();
        else expect(() => assertTextBytes(bytes)).not.toThrow();
      }),
    );
  });
});
