import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Findings } from '../types.ts';
import {
  brushWindow,
  cellAt,
  clusterOrder,
  similarityGraph,
  topPairs,
  zoomWindow,
} from './similarity-data.ts';

function denseFindings(plans: string[], value: (a: string, b: string) => number): Findings {
  return {
    plans,
    similarity: plans.map((a) => plans.map((b) => (a === b ? 1 : value(a, b)))),
    keyness: [],
    additions: [],
    omissions: [],
    comparisons: [],
  };
}

describe('similarity graph and its clustered order', () => {
  // Two families interleaved in the plans' own order: x* are alike, y* are alike, x and y differ.
  const plans = ['x1', 'y1', 'x2', 'y2', 'x3', 'y3'];
  const family = (p: string) => p[0];
  const findings = denseFindings(plans, (a, b) => (family(a) === family(b) ? 0.6 : 0.05));

  it('puts the members of a cluster next to each other', () => {
    const g = similarityGraph(findings)!;
    expect(g.dense).toBe(true);
    expect(g.edges).toHaveLength(15);
    const order = clusterOrder(g).map((i) => plans[i]!);
    expect(order.slice().sort()).toEqual([...plans].sort());
    const families = order.map(family).join('');
    expect(['xxxyyy', 'yyyxxx']).toContain(families);
  });

  it('reads the neighbours of a large corpus (no matrix); pairs not compared have no value', () => {
    const sparse: Findings = {
      ...findings,
      similarity: [],
      neighbours: [
        { planId: 'x1', plans: [{ planId: 'x2', similarity: 0.7, relation: 'peer' }] },
        { planId: 'x2', plans: [{ planId: 'x1', similarity: 0.7, relation: 'peer' }] },
        { planId: 'y1', plans: [{ planId: 'y3', similarity: 0.4, relation: 'peer' }] },
      ],
    };
    const g = similarityGraph(sparse)!;
    expect(g.dense).toBe(false);
    expect(g.edges).toEqual([
      { i: 0, j: 2, value: 0.7 },
      { i: 1, j: 5, value: 0.4 },
    ]);
    expect(g.value(2, 0)).toBe(0.7);
    expect(g.value(0, 1)).toBeUndefined();
    expect(g.max).toBe(0.7);
    const order = clusterOrder(g).map((i) => plans[i]!);
    // Compared pairs end up side by side; plans with no compared pair come after, in plan order.
    expect(order).toHaveLength(6);
    expect(Math.abs(order.indexOf('x1') - order.indexOf('x2'))).toBe(1);
    expect(Math.abs(order.indexOf('y1') - order.indexOf('y3'))).toBe(1);
    expect(order.slice(4)).toEqual(['y2', 'x3']);
    expect(topPairs(g, 1)).toEqual([{ i: 0, j: 2, value: 0.7 }]);
  });

  it('is a permutation and deterministic for any similarities', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 14 })
          .chain((n) =>
            fc.tuple(
              fc.constant(n),
              fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n * n, maxLength: n * n }),
            ),
          ),
        ([n, values]) => {
          const ps = Array.from({ length: n }, (_, i) => `p${i}`);
          const f = denseFindings(ps, (a, b) => {
            const [i, j] = [Number(a.slice(1)), Number(b.slice(1))].sort((x, y) => x - y);
            return values[i! * n + j!]!;
          });
          const order = clusterOrder(similarityGraph(f)!);
          expect([...order].sort((a, b) => a - b)).toEqual(ps.map((_, i) => i));
          expect(clusterOrder(similarityGraph(f)!)).toEqual(order);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('zoom windows', () => {
  it('maps a point to its cell and a brush to a square window inside the matrix', () => {
    const all = { r0: 0, r1: 700, c0: 0, c1: 700 };
    expect(cellAt(all, 700, 0, 0)).toEqual([0, 0]);
    expect(cellAt(all, 700, 699.9, 350.2)).toEqual([350, 699]);
    expect(cellAt(all, 350, 1000, 1000)).toEqual([699, 699]);
    expect(brushWindow(10, 20, 30, 25, 700)).toEqual({ r0: 10, r1: 31, c0: 20, c1: 41 });
    expect(brushWindow(690, 690, 699, 699, 700)).toEqual({ r0: 690, r1: 700, c0: 690, c1: 700 });
    expect(brushWindow(695, 0, 699, 30, 700)).toEqual({ r0: 669, r1: 700, c0: 0, c1: 31 });
    const z = zoomWindow(all, 0.5, 350, 350, 700);
    expect(z.r1 - z.r0).toBe(350);
    expect(z.c1 - z.c0).toBe(350);
    expect(z.r0).toBeLessThanOrEqual(350);
    expect(z.r1).toBeGreaterThan(350);
    // Zooming out never leaves the matrix.
    expect(zoomWindow(z, 4, 10, 10, 700)).toEqual(all);
  });
});
