import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonSplitError, JsonSplitter } from './json-split.ts';

/** Feeds `text` in chunks of the given sizes; returns the pieces, parsed. */
function split(
  text: string,
  paths: string[],
  sizes: number[] = [1 << 20],
): Array<[string, number | undefined, unknown]> {
  const out: Array<[string, number | undefined, unknown]> = [];
  const s = new JsonSplitter(new Set(paths), (path, index, bytes) =>
    out.push([path, index, JSON.parse(bytes.toString('utf8'))]),
  );
  const bytes = Buffer.from(text, 'utf8');
  let at = 0;
  for (let k = 0; at < bytes.length; k++) {
    const n = Math.max(1, sizes[k % sizes.length]!);
    s.write(bytes.subarray(at, at + n));
    at += n;
  }
  s.end();
  return out;
}

const jsonValue = fc.jsonValue();
const doc = fc.record({
  head: jsonValue,
  plans: fc.array(jsonValue, { maxLength: 6 }),
  findings: fc.record({ method: jsonValue, comparisons: fc.array(jsonValue, { maxLength: 5 }) }),
  tail: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean()),
});

describe('JsonSplitter', () => {
  it('hands over every element of the split arrays and every other member, whatever the chunking', () => {
    fc.assert(
      fc.property(
        doc,
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        (d, sizes, pretty) => {
          const text = JSON.stringify(d, null, pretty ? 2 : undefined);
          const pieces = split(text, ['plans', 'findings.comparisons'], sizes);
          const expected: Array<[string, number | undefined, unknown]> = [
            ['head', undefined, d.head],
            ...d.plans.map((p, i) => ['plans', i, p] as [string, number, unknown]),
            ['findings.method', undefined, d.findings.method],
            ...d.findings.comparisons.map(
              (c, i) => ['findings.comparisons', i, c] as [string, number, unknown],
            ),
            ['tail', undefined, d.tail],
          ];
          // JSON.parse(JSON.stringify(x)) is what a reader gets back (e.g. -0 becomes 0).
          expect(pieces).toEqual(expected.map(([p, i, v]) => [p, i, JSON.parse(JSON.stringify(v))]));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps Vietnamese text and escaped quotes whole across chunk edges', () => {
    const plans = [{ text: 'Đẩy mạnh "thông tin đối ngoại" \\ {[,]}' }, 'ở', 57];
    const text = JSON.stringify({ plans, x: 'ngoại' });
    for (const size of [1, 2, 3, 7])
      expect(split(text, ['plans'], [size])).toEqual([
        ['plans', 0, plans[0]],
        ['plans', 1, 'ở'],
        ['plans', 2, 57],
        ['x', undefined, 'ngoại'],
      ]);
  });

  it('refuses a truncated document and one that is not an object', () => {
    expect(() => split('{"plans":[{"a":1},', ['plans'])).toThrow(JsonSplitError);
    expect(() => split('[1,2]', ['plans'])).toThrow(JsonSplitError);
    expect(() => split('{oops', ['plans'])).toThrow(JsonSplitError);
    expect(() => split('{"a":1}{}', ['plans'])).toThrow(JsonSplitError);
  });
});
