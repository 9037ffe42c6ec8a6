/**
 * Plans far larger than real ones: every unit of two plans of identical bullets shares every
 * term with every unit of the other (10 billion pairs), and unit indexes pass 100,000. The
 * comparison must finish within its counted budget and name the right units.
 */
import { describe, expect, it } from 'vitest';
import { comparePrepared, unitSimilarities } from './compare.ts';
import { prepareCorpus } from './prepare.ts';
import { findReuseMatches } from './reuse.ts';
import { type DiffPlan, PAIR_BUDGET } from './types.ts';

/** Past 100,000 units a pair key of `a * 100000 + b` names other units. */
const UNITS = 100_500;

function bulletPlan(id: string, text: (i: number) => string, count = UNITS): DiffPlan {
  let offset = 0;
  const units = Array.from({ length: count }, (_, i) => {
    const t = text(i);
    const span: [number, number] = [offset, offset + t.length];
    offset += t.length + 1;
    return { id: `${id}-u${i}`, text: t, span, role: 'task', kind: 'bullet', labels: ['TG2'], content: true };
  });
  return { id, source: units.map((u) => u.text).join('\n'), units };
}

const SAME = 'Đổi mới nội dung, hình thức thông tin đối ngoại trên các nền tảng số.';
const WORDS = [
  'báo chí',
  'xuất bản',
  'truyền hình',
  'mạng xã hội',
  'cổng thông tin',
  'phát thanh',
  'hội nghị',
];

describe('two plans of 100,500 bullets each', () => {
  it('identical bullets: pairs every unit with its own counterpart, within the pair budget', () => {
    const corpus = prepareCorpus([bulletPlan('a', () => SAME), bulletPlan('b', () => SAME)]);
    const [a, b] = corpus.plans as [(typeof corpus.plans)[0], (typeof corpus.plans)[0]];
    const sims = unitSimilarities(corpus, a, b);
    expect(sims.length).toBeGreaterThanOrEqual(UNITS);
    expect(sims.length).toBeLessThanOrEqual(Math.max(PAIR_BUDGET, 16 * UNITS));
    const comparison = comparePrepared(corpus, a, b, 1);
    expect(comparison.pairs).toHaveLength(UNITS);
    // Each pair is i ↔ i: no two unit pairs share a key.
    for (const [i, pair] of comparison.pairs.entries()) {
      expect(pair.a.unitId).toBe(`a-u${i}`);
      expect(pair.b.unitId).toBe(`b-u${i}`);
    }
    expect(comparison.onlyInA).toEqual([]);
    expect(comparison.onlyInB).toEqual([]);
  }, 600_000);

  it('near-identical bullets (20,000): units paired with units of the same wording, reuse found', () => {
    const count = 20_000;
    const text = (shift: number) => (i: number) =>
      `Đổi mới nội dung thông tin đối ngoại trên ${WORDS[(i + shift) % WORDS.length]} và ${WORDS[(i * 3) % WORDS.length]}.`;
    const corpus = prepareCorpus([bulletPlan('a', text(0), count), bulletPlan('b', text(2), count)]);
    const [a, b] = corpus.plans as [(typeof corpus.plans)[0], (typeof corpus.plans)[0]];
    const comparison = comparePrepared(corpus, a, b, 1);
    expect(comparison.pairs.length).toBeGreaterThan(count * 0.9);
    const textOf = (id: string, plan: DiffPlan) => plan.units[Number(id.split('-u')[1])]!.text;
    for (const pair of comparison.pairs) {
      expect(pair.a.unitId.startsWith('a-u') && pair.b.unitId.startsWith('b-u')).toBe(true);
      if (pair.similarity === 1) expect(textOf(pair.b.unitId, b.plan)).toBe(textOf(pair.a.unitId, a.plan));
    }
    // Reuse: each passage names units of its own plan, and no stretch of text is reused twice.
    const matches = findReuseMatches(a, b);
    expect(matches.length).toBeGreaterThan(0);
    const onA = new Set(matches.map((m) => m.ua));
    expect(onA.size).toBe(matches.length);
    for (const m of matches.filter((x) => x.a1 - x.a0 === x.tokens))
      expect(b.units[m.ub]!.seq.ids.slice(m.b0, m.b1)).toEqual(a.units[m.ua]!.seq.ids.slice(m.a0, m.a1));
  }, 600_000);
});
