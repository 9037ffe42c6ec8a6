import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits, mappedFromSource, sourceSpan } from './mapped.ts';

describe('applyEdits', () => {
  it('keeps exact positions for same-length replacements', () => {
    const m = applyEdits(mappedFromSource('hoá đơn'), [{ start: 1, end: 3, text: 'óa' }]);
    expect(m.text).toBe('hóa đơn');
    expect(sourceSpan(m, 0, 3)).toEqual([0, 3]);
    expect(sourceSpan(m, 4, 7)).toEqual([4, 7]);
  });

  it('maps a shrinking replacement to the whole replaced span', () => {
    const m = applyEdits(mappedFromSource('a \n\n b'), [{ start: 1, end: 5, text: ' ' }]);
    expect(m.text).toBe('a b');
    expect(sourceSpan(m, 1, 2)).toEqual([1, 5]);
    expect(sourceSpan(m, 2, 3)).toEqual([5, 6]);
  });

  it('maps deletions away and insertions to an empty span', () => {
    const m = applyEdits(mappedFromSource('**x**'), [
      { start: 0, end: 2, text: '' },
      { start: 3, end: 5, text: '' },
    ]);
    expect(m.text).toBe('x');
    expect(sourceSpan(m, 0, 1)).toEqual([2, 3]);
  });

  it('refuses overlapping edits', () => {
    expect(() =>
      applyEdits(mappedFromSource('abcdef'), [
        { start: 0, end: 3, text: 'x' },
        { start: 2, end: 4, text: 'y' },
      ]),
    ).toThrow(RangeError);
  });

  it('composes: spans stay monotonic and inside the source for random edit chains', () => {
    const editsFor = (len: number) =>
      fc.uniqueArray(fc.integer({ min: 0, max: len }), { maxLength: 8 }).chain((points) => {
        const sorted = [...points].sort((a, b) => a - b);
        const pairs: [number, number][] = [];
        for (let i = 0; i + 1 < sorted.length; i += 2) pairs.push([sorted[i]!, sorted[i + 1]!]);
        return fc.tuple(
          ...pairs.map(([s, e]) => fc.string({ maxLength: 4 }).map((text) => ({ start: s, end: e, text }))),
        );
      });
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }).chain((s) => fc.tuple(fc.constant(s), editsFor(s.length))),
        ([source, edits]) => {
          const m = applyEdits(mappedFromSource(source), edits);
          for (let i = 0; i < m.text.length; i++) {
            expect(m.starts[i]).toBeLessThanOrEqual(m.ends[i]!);
            expect(m.ends[i]).toBeLessThanOrEqual(source.length);
            if (i > 0) expect(m.starts[i]).toBeGreaterThanOrEqual(m.starts[i - 1]!);
          }
        },
      ),
    );
  });
});
