import { describe, expect, it } from 'vitest';
import { percent, planName, t } from './i18n.ts';
import { contrast, darkOnRamp, groupColour, luminance, ramp } from './palette.ts';
import { syntheticAnalysis } from './synthetic.ts';
import { fixture } from './test-fixture.ts';

describe('i18n', () => {
  it('t(lang, key, params) fills placeholders in both languages', () => {
    expect(t('vi', 'plans', { n: 5 })).toBe('5 kế hoạch');
    expect(t('en', 'plans', { n: 5 })).toBe('5 plans');
  });
  it('percent(share) rounds, and shows tiny shares as <1%', () => {
    expect([percent(0), percent(0.004), percent(0.3764), percent(1)]).toEqual(['0%', '<1%', '38%', '100%']);
  });
  it('planName(plan, lang) uses province, number and kind', () => {
    expect(planName(fixture().plans[0]!, 'en')).toBe('Quảng Ngãi · implementation');
  });
  it('planName names a district plan "district, province" (district names repeat across provinces)', () => {
    const plan = structuredClone(fixture().plans[0]!);
    plan.meta = { ...plan.meta, level: 'district', district: 'Huyện Ba Tơ' };
    expect(planName(plan, 'vi')).toBe('Huyện Ba Tơ, Quảng Ngãi · KH thực hiện');
  });
});

describe('palette', () => {
  it('groupColour(i) gives the Okabe-Ito colours and cycles', () => {
    expect(groupColour(0)).toBe('#0072B2');
    expect(groupColour(7)).toBe(groupColour(0));
  });
  it('ramp(t) clamps to 0..1', () => {
    expect(ramp(-1)).toBe(ramp(0));
    expect(ramp(2)).toBe('rgb(8,48,107)');
    expect(ramp(Number.NaN)).toBe(ramp(0));
  });
  it('text on every ramp step reaches 4.5:1 (white or black, whichever contrasts more)', () => {
    for (let i = 0; i <= 100; i++) {
      const rgb = ramp(i / 100)
        .match(/\d+/g)!
        .map(Number);
      const bg = luminance(rgb);
      const ratio = darkOnRamp(i / 100) ? contrast(1, bg) : contrast(0, bg);
      expect(ratio).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('synthetic', () => {
  it('syntheticAnalysis(base, n) replicates plans under new ids with consistent coverage and findings', () => {
    const big = syntheticAnalysis(fixture(true), 5);
    expect(big.plans.map((p) => p.id)).toEqual(['alpha', 'beta', 'alpha-s1', 'beta-s1', 'alpha-s2']);
    expect(big.plans[2]!.units[1]!.id).toBe('alpha-s1:u2');
    expect(big.coverage[2]!.cells[0]!.units).toEqual(['alpha-s1:u2']);
    expect(big.findings!.similarity).toHaveLength(5);
    expect(big.findings!.similarity[2]![1]).toBe(0.4);
    const ids = new Set(big.plans.flatMap((p) => p.units.map((u) => u.id)));
    expect(ids.size).toBe(big.plans.reduce((n, p) => n + p.units.length, 0));
  });
});
