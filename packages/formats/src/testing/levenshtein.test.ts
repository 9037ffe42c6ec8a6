import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { characterErrorRate, levenshtein } from './index.js';

/** The full table, the definition the banded one must agree with. */
function fullTable(a: readonly string[], b: readonly string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

describe('levenshtein (banded)', () => {
  it('equals the full table on any pair of strings, near or far apart', () => {
    const letters = fc.array(fc.constantFrom('a', 'ă', 'b', 'ệ', ' '), { maxLength: 120 });
    fc.assert(
      fc.property(letters, letters, (a, b) => {
        expect(levenshtein(a, b)).toBe(fullTable(a, b));
      }),
      { numRuns: 300 },
    );
  });

  it('counts the edits of a long text with a few errors', () => {
    const text = [...'Kế hoạch thực hiện Kết luận của Bộ Chính trị về công tác thông tin. '.repeat(200)];
    const damaged = [...text];
    damaged[100] = 'x';
    damaged.splice(5000, 3);
    damaged.splice(9000, 0, 'y', 'z');
    expect(levenshtein(text, damaged)).toBe(6);
    expect(characterErrorRate(text.join(''), damaged.join(''))).toBeCloseTo(
      6 / text.join('').trim().length,
      10,
    );
  });
});
