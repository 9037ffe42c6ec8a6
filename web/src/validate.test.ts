import { describe, expect, it } from 'vitest';
import { fixture } from './test-fixture.ts';
import { checkAnalysis } from './validate.ts';

describe('checkAnalysis', () => {
  const FIXTURE = fixture(true);

  it('accepts an analysis as analyze writes it', () => {
    expect(checkAnalysis(FIXTURE, 'analysis.json')).toBe(FIXTURE);
  });

  it('names the first bad path of a malformed file', () => {
    expect(() => checkAnalysis({ plans: [{ id: 'x' }], coverage: [] }, 'analysis.json')).toThrow(
      'analysis.json: directive: required',
    );
    const noUnits = { ...FIXTURE, plans: [{ ...FIXTURE.plans[0], units: undefined }] };
    expect(() => checkAnalysis(noUnits, 'analysis.json')).toThrow('analysis.json: plans[0].units: required');
    expect(() => checkAnalysis([], 'a.json')).toThrow('a.json: (root): expected object, found array');
  });
});
