import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';

const G = ['A', 'B'];
describe('evaluate', () => {
  it('scores a perfect prediction 1 everywhere', () => {
    const e = evaluate(
      [
        { gold: ['A'], predicted: ['A'] },
        { gold: ['A', 'B'], predicted: ['B', 'A'] },
        { gold: [], predicted: [] },
      ],
      G,
    );
    expect(e.macroF1).toBe(1);
    expect(e.microF1).toBe(1);
    expect(e.exactMatch).toBe(1);
    expect(e.confusion.none!.none).toBe(1);
  });
  it('computes per-group precision, recall, F1 and the confusion table', () => {
    const e = evaluate(
      [
        { gold: ['A'], predicted: ['A', 'B'] },
        { gold: ['B'], predicted: [] },
        { gold: [], predicted: ['A'] },
      ],
      G,
    );
    const a = e.perGroup.find((g) => g.group === 'A')!;
    expect([a.precision, a.recall, a.f1]).toEqual([0.5, 1, 0.6667]);
    const b = e.perGroup.find((g) => g.group === 'B')!;
    expect([b.precision, b.recall, b.f1]).toEqual([0, 0, 0]);
    expect(e.exactMatch).toBe(0);
    expect(e.confusion.A!.B).toBe(1);
    expect(e.confusion.B!.none).toBe(1);
    expect(e.confusion.none!.A).toBe(1);
  });
  it('returns defined figures on empty input', () => {
    expect(evaluate([], G).units).toBe(0);
  });
});
