import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasTwoCapitals, runsOf, runTexts } from './runs.ts';

const CLASS = '[\\p{L}\\p{N}]';
const alphabet = fc.constantFrom('a', 'Đ', 'ố', '1', ' ', '-', '\u0301', '😀', 'Z', '\n');

describe('runsOf', () => {
  it('finds what /class+/gu finds, on any text', () => {
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 200 }).map((a) => a.join('')),
        (text) => {
          const expected = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ index: m.index, text: m[0] }));
          expect(runsOf(text, CLASS)).toEqual(expected);
        },
      ),
    );
  });

  it('joins runs longer than one piece back together', () => {
    const text = `x ${'ab1'.repeat(5000)} ${'Đ'.repeat(9000)}.`;
    expect(runTexts(text, CLASS).map((t) => t.length)).toEqual([1, 15000, 9000]);
  });

  it('survives a run of millions of letters (a greedy /[…]+/u overflows the regex stack)', () => {
    const word = 'thôngtinđốingoại'.repeat(400_000);
    const runs = runsOf(` ${word} `, CLASS);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.index).toBe(1);
    expect(runs[0]!.text.length).toBe(word.length);
  });
});

describe('hasTwoCapitals', () => {
  it('agrees with /\\p{Lu}.*\\p{Lu}/u on lines', () => {
    fc.assert(
      fc.property(
        fc
          .array(
            alphabet.filter((c) => c !== '\n'),
            { maxLength: 30 },
          )
          .map((a) => a.join('')),
        (line) => {
          expect(hasTwoCapitals(line)).toBe(/\p{Lu}.*\p{Lu}/u.test(line));
        },
      ),
    );
  });

  it('works on a line of millions of capitals', () => {
    expect(hasTwoCapitals('ĐỐINGOẠI'.repeat(800_000))).toBe(true);
  });
});
