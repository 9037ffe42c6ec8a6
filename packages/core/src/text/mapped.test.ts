import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Edit } from '../model.ts';
import { applyEdits, EditedText, mappedFromSource, sourceSpan } from './mapped.ts';

const editsFor = (len: number) =>
  fc.uniqueArray(fc.integer({ min: 0, max: len }), { maxLength: 8 }).chain((points) => {
    const sorted = [...points].sort((a, b) => a - b);
    const pairs: [number, number][] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) pairs.push([sorted[i]!, sorted[i + 1]!]);
    return fc.tuple(
      ...pairs.map(([s, e]) => fc.string({ maxLength: 4 }).map((text) => ({ start: s, end: e, text }))),
    );
  });

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

describe('EditedText', () => {
  it('maps as applyEdits pass after pass would: the text, every span on the way, the map at the end', () => {
    // Up to four passes, each with edits drawn on the text the passes before it left.
    const passes = (text: string, left: number): fc.Arbitrary<Edit[][]> =>
      left === 0
        ? fc.constant([])
        : editsFor(text.length).chain((edits) =>
            passes(applyEdits(mappedFromSource(text), edits).text, left - 1).map((rest) => [edits, ...rest]),
          );
    fc.assert(
      fc.property(
        fc
          .tuple(fc.string({ maxLength: 30 }), fc.integer({ min: 0, max: 4 }))
          .chain(([source, count]) => fc.tuple(fc.constant(source), passes(source, count))),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }),
        ([source, editPasses], ranges) => {
          let expected = mappedFromSource(source);
          const edited = new EditedText(source);
          for (const edits of editPasses) {
            expected = applyEdits(expected, edits);
            edited.apply(edits);
            expect(edited.text).toBe(expected.text);
            for (const [a, b] of ranges) {
              const from = a % (expected.text.length + 1);
              const to = from + (b % (expected.text.length - from + 1));
              expect(edited.sourceSpan(from, to)).toEqual(sourceSpan(expected, from, to));
            }
          }
          const mapped = edited.toMapped();
          expect(mapped.text).toBe(expected.text);
          expect(Array.from(mapped.starts)).toEqual(Array.from(expected.starts));
          expect(Array.from(mapped.ends)).toEqual(Array.from(expected.ends));
          expect(mapped.sourceLength).toBe(source.length);
        },
      ),
    );
  });
});
