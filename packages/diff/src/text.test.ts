/** Unit tests and properties of the smaller pieces: reuse, minhash, keyness, candidates, similarity. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidatePairs } from './candidates.ts';
import { keyness, logLikelihood } from './keyness.ts';
import { estimateJaccard, minhash } from './minhash.ts';
import { comparePlans, findReuse } from './pairwise.ts';
import { cosine, jaccard, vectorOf } from './similarity.ts';
import { tokenize, Vocabulary } from './tokens.ts';
import type { DiffPlan } from './types.ts';

const plan = (id: string, texts: string[]): DiffPlan => {
  let offset = 0;
  const source = texts.join('\n');
  return {
    id,
    source,
    units: texts.map((text, i) => {
      const span: [number, number] = [offset, offset + text.length];
      offset += text.length + 1;
      return { id: `${id}:u${i}`, text, span, role: 'task', kind: 'bullet', labels: ['TG1'], content: true };
    }),
  };
};

const shared =
  'Nâng cao hiệu quả đấu tranh phản bác thông tin xuyên tạc, xấu độc, tiêu cực phương hại đến lợi ích quốc gia dân tộc';

describe('findReuse', () => {
  it('findReuse(a, b) finds a passage shared word for word, with its spans', () => {
    const a = plan('a', ['Mở đầu khác hẳn.', `Một câu riêng. ${shared}.`]);
    const b = plan('b', [`${shared}; và thêm phần khác nữa.`]);
    const r = findReuse(a, b);
    expect(r).toHaveLength(1);
    expect(r[0]!.tokens).toBe(shared.match(/\p{L}+/gu)!.length);
    expect(a.source!.slice(...r[0]!.a.span)).toBe(shared);
    expect(b.source!.slice(...r[0]!.b.span)).toBe(shared);
  });
  it('findReuse(a, b) is empty for plans without units', () => {
    expect(findReuse(plan('a', []), plan('b', []))).toEqual([]);
  });
  it('findReuse ignores tone style and OCR accent damage', () => {
    const noisy = shared.replace('phương', 'phưong').replace('hiệu', 'hiẹu');
    expect(findReuse(plan('a', [shared]), plan('b', [noisy]))[0]?.tokens).toBeGreaterThanOrEqual(20);
  });
  it('property: reuse spans lie inside the units and the source', () => {
    const word = fc.constantFrom(
      'thông',
      'tin',
      'đối',
      'ngoại',
      'tỉnh',
      'cửa',
      'khẩu',
      'biên',
      'giới',
      'kế',
      'hoạch',
    );
    const unit = fc.array(word, { minLength: 0, maxLength: 40 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 4 }), fc.array(unit, { maxLength: 4 }), (ua, ub) => {
        const a = plan('a', ua);
        const b = plan('b', [...ub, ...ua.slice(0, 1)]);
        for (const r of findReuse(a, b, { seed: 4, minTokens: 4 })) {
          for (const [side, p] of [
            [r.a, a],
            [r.b, b],
          ] as const) {
            const u = p.units.find((x) => x.id === side.unitId)!;
            expect(side.span[0]).toBeGreaterThanOrEqual(u.span[0]);
            expect(side.span[1]).toBeLessThanOrEqual(u.span[1]);
            expect(side.span[0]).toBeLessThan(side.span[1]);
          }
          expect(r.tokens).toBeGreaterThanOrEqual(4);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('comparePlans', () => {
  it('comparePlans(a, b) of two empty plans has no pairs, reuse or one-sided units', () => {
    const c = comparePlans(plan('a', []), plan('b', []));
    expect(c).toMatchObject({ a: 'a', b: 'b', pairs: [], reuse: [], onlyInA: [], onlyInB: [] });
  });
});

describe('minhash', () => {
  it('estimateJaccard(minhash(a), minhash(b)) approximates jaccard(a, b)', () => {
    const a = Array.from({ length: 400 }, (_, i) => i);
    const b = Array.from({ length: 400 }, (_, i) => i + 200);
    const est = estimateJaccard(minhash(a, 256), minhash(b, 256));
    expect(Math.abs(est - jaccard(a, b))).toBeLessThan(0.08);
  });
  it('candidatePairs keeps similar plans and drops unrelated ones (LSH, above the exhaustive limit)', () => {
    const sets = Array.from({ length: 30 }, (_, i) =>
      Array.from({ length: 300 }, (_, k) => (i % 3) * 10_000 + k + (i % 2)),
    );
    const pairs = candidatePairs(
      sets.map((s) => minhash(s)),
      { exhaustiveBelow: 5, neighbours: 3 },
    );
    expect(pairs.length).toBeGreaterThan(0);
    for (const [i, j] of pairs) expect(i % 3).toBe(j % 3);
  });
  it('candidatePairs([]) is []', () => {
    expect(candidatePairs([])).toEqual([]);
  });
});

describe('similarity', () => {
  it.each([
    { a: [], b: [], expected: 1 },
    { a: [1, 2], b: [1, 2], expected: 1 },
    { a: [1, 2], b: [3], expected: 0 },
    { a: [1, 2, 3], b: [2, 3, 4], expected: 0.5 },
  ])('jaccard($a, $b) is $expected', ({ a, b, expected }) => expect(jaccard(a, b)).toBe(expected));
  it('cosine of an empty vector is 0', () => {
    expect(cosine(vectorOf(new Map()), vectorOf(new Map([[1, 1]])))).toBe(0);
  });
});

describe('keyness', () => {
  it('logLikelihood is 0 for equal rates and grows with the difference', () => {
    expect(logLikelihood(10, 10, 100, 100)).toBeCloseTo(0);
    expect(logLikelihood(20, 5, 100, 100)).toBeGreaterThan(logLikelihood(15, 10, 100, 100));
  });
  it("keyness(docs) ranks a document's own repeated term first", () => {
    const v = new Vocabulary();
    const d = (t: string) => [tokenize(t, v).ids];
    const out = keyness(
      [
        d('cửa khẩu biên giới cửa khẩu biên giới cửa khẩu biên giới thông tin'),
        d('thông tin đối ngoại thông tin'),
        d('thông tin kế hoạch'),
      ],
      v,
    );
    expect('cửa khẩu biên giới').toContain(out[0]![0]!.term);
    expect(out[0]!.map((t) => t.term)).not.toContain('thông tin');
    expect(keyness([], v)).toEqual([]);
  });
});
