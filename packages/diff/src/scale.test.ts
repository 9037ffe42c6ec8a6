/** The diff stage beyond the exhaustive size: LSH without oversized buckets, vertical and peer pairs, streamed output. */
import { beforeAll, describe, expect, it } from 'vitest';
import { commonGrams } from './boilerplate.ts';
import { lshNeighbours } from './candidates.ts';
import { compareCorpus, corpusFindings, findingsJson } from './corpus.ts';
import { minhash } from './minhash.ts';
import { prepareCorpus } from './prepare.ts';
import { type Findings, Findings as FindingsSchema } from './schema.ts';
import { realCorpus } from './test-support.ts';
import { gramKey } from './tokens.ts';
import type { DiffPlan } from './types.ts';

/** Four provinces, each with one plan and four district plans made from the real plans (units dropped). */
function nationalCorpus(): DiffPlan[] {
  const real = realCorpus().plans;
  const out: DiffPlan[] = [];
  for (let p = 0; p < 4; p++) {
    const province = `Province ${p}`;
    const base = real[p % real.length]!;
    out.push({ ...base, id: `p${p}`, level: 'province', province });
    for (let d = 0; d < 4; d++) {
      // Each district keeps most of its province's plan, or of another real plan.
      const from = d < 2 ? base : real[(p + d) % real.length]!;
      out.push({
        ...from,
        id: `p${p}-d${d}`,
        level: 'district',
        province,
        units: from.units.filter((_, i) => (i + d) % 5 !== 0),
      });
    }
  }
  return out;
}

const options = { denseBelow: 10, peers: 2, fullPeers: 1, fullVertical: false };
let plans: DiffPlan[];
let findings: Findings;
beforeAll(() => {
  plans = nationalCorpus();
  findings = compareCorpus(realCorpus().directive, plans, options);
}, 120_000);

describe('a corpus above the exhaustive size', () => {
  it('matches the published schema, with each plan’s nearest plans instead of the matrix', () => {
    expect(FindingsSchema.safeParse(findings).success).toBe(true);
    expect(findings.similarity).toEqual([]);
    expect(findings.neighbours!.map((n) => n.planId)).toEqual(plans.map((p) => p.id));
    for (const n of findings.neighbours!) {
      const s = n.plans.map((p) => p.similarity);
      expect(s).toEqual([...s].sort((a, b) => b - a));
    }
  });

  it('compares every district with its province’s plan, and with nothing else of the level above', () => {
    const vertical = findings.comparisons.filter((c) => c.relation === 'vertical');
    expect(vertical.map((c) => [c.a, c.b].sort().join(' ')).sort()).toEqual(
      plans
        .filter((p) => p.level === 'district')
        .map((p) => [p.id, p.id.split('-')[0]!].sort().join(' '))
        .sort(),
    );
    // A district made from its province's plan shares passages with it.
    const copied = vertical.find((c) => [c.a, c.b].includes('p1-d0'))!;
    expect(copied.reuse.length).toBeGreaterThan(0);
    expect(copied.reuseOnly).toBe(true);
    expect(copied.pairs).toEqual([]);
  });

  it('compares each plan with its closest peers of the same level, the closest in full', () => {
    const level = new Map(plans.map((p) => [p.id, p.level]));
    const peers = findings.comparisons.filter((c) => c.relation === 'peer');
    for (const c of peers) expect(level.get(c.a)).toBe(level.get(c.b));
    for (const p of plans) {
      const own = findings
        .neighbours!.find((n) => n.planId === p.id)!
        .plans.filter((x) => x.relation === 'peer');
      expect(own.length).toBeGreaterThan(0);
      expect(own.length).toBeLessThanOrEqual(2);
      const closest = peers.find((c) => [c.a, c.b].sort().join() === [p.id, own[0]!.planId].sort().join())!;
      expect(closest.reuseOnly).toBeUndefined();
    }
    // Two districts made from the same plan are each other's closest peers.
    const d0 = findings.neighbours!.find((n) => n.planId === 'p2-d0')!;
    expect(d0.plans.find((x) => x.relation === 'peer')!.planId).toBe('p2-d1');
  });

  it('writes the same findings as JSON chunk by chunk, never as one string', () => {
    const chunks = [...findingsJson(corpusFindings(realCorpus().directive, plans, options), 4096)];
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.join('')).toBe(JSON.stringify(findings));
  }, 120_000);
});

describe('commonGrams', () => {
  it('finds exactly the 6-grams in at least `need` plans', () => {
    const corpus = prepareCorpus(nationalCorpus());
    const df = new Map<number, number>();
    for (const p of corpus.plans) {
      const seen = new Set<number>();
      for (const u of p.units)
        if (u.eligible) for (let i = 0; i + 6 <= u.seq.ids.length; i++) seen.add(gramKey(u.seq.ids, i, 6));
      for (const k of seen) df.set(k, (df.get(k) ?? 0) + 1);
    }
    for (const need of [1, 3, 10, 16, 20, 21]) {
      const expected = [...df].filter(([, c]) => c >= need).map(([k]) => k);
      expect([...commonGrams(corpus, need)].sort()).toEqual(expected.sort());
    }
  }, 60_000);
});

describe('lshNeighbours', () => {
  it('splits buckets larger than maxBucket and still finds each plan’s nearest plans', () => {
    // 300 plans in three families of near-identical sets (one element of each plan its own): every
    // band puts a family of 100 in one bucket, and a plan's own element moves it in a few bands.
    const sets = Array.from({ length: 300 }, (_, i) =>
      Array.from({ length: 200 }, (_, k) => (i % 3) * 100_000 + (k === 0 ? 1000 + i : k)),
    );
    const near = lshNeighbours(
      sets.map((s) => minhash(s)),
      3,
      { maxBucket: 8 },
    );
    for (const [i, list] of near.entries()) {
      expect(list).toHaveLength(3);
      for (const c of list) {
        expect(c.j % 3).toBe(i % 3);
        expect(c.s).toBeGreaterThan(0.9);
      }
    }
  });
});
