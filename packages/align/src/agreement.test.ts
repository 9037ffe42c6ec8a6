import { describe, expect, it } from 'vitest';
import { agreement, cohensKappa } from './agreement.ts';
import type { GoldRow } from './gold.ts';

const row = (unitId: string, labels: string[], status: 'unit' | 'skip' = 'unit'): GoldRow => ({
  planId: 'p',
  unitId,
  status,
  labels,
  uncertain: false,
  note: '',
  text: '',
});

describe('cohensKappa', () => {
  it('is 1 for identical ratings, 0 at chance, negative below', () => {
    expect(cohensKappa([true, false, true, false], [true, false, true, false])).toBe(1);
    expect(cohensKappa([true, true, false, false], [true, false, true, false])).toBe(0);
    expect(cohensKappa([true, false], [false, true])).toBeLessThan(0);
    expect(cohensKappa([], [])).toBe(1);
  });
});

describe('agreement', () => {
  it('scores B against A on the units both labelled, and the status agreement on all shared units', () => {
    const a = [row('1', ['TG1']), row('2', ['TG2', 'TG4']), row('3', [], 'skip'), row('4', ['TG3'])];
    const b = [row('1', ['TG1']), row('2', ['TG2']), row('3', ['TG1']), row('5', ['TG5'])];
    const result = agreement(a, b, ['TG1', 'TG2', 'TG3', 'TG4', 'TG5']);
    expect(result.shared).toBe(3);
    expect(result.statusAgreement).toBe(0.6667);
    expect(result.labels.units).toBe(2);
    expect(result.labels.exactMatch).toBe(0.5);
    expect(result.kappa.TG1).toBe(1);
  });
});
