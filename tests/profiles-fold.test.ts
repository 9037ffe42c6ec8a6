/**
 * analyze folds the diff stage's findings into per-plan accumulators while
 * they stream (packages/measures/src/fold.ts) instead of holding every reuse
 * passage and addition until the profiles are made. These pin that the
 * profiles are the same as the reference that holds everything
 * (tests/helpers/profiles-reference.ts, the code before the fold): on the
 * bundled corpus, on a synthetic corpus large enough for the peers' path, and
 * on random findings dense enough to pass every bound the fold keeps. And
 * that the diff stage finds the same with each unit's source slice
 * (`withUnitSources`, what analyze holds) as with the whole source text.
 */
import { ingestPlan, loadLexicon } from '@doichieu/core';
import { planBytes, readDirective, readManifest } from '@doichieu/core/testing';
import { compareCorpus, diffPlansFromAnalysis, withUnitSources } from '@doichieu/diff';
import {
  completeProfiles,
  eachProfile,
  FindingsFold,
  type FindingsLike,
  type PassageLike,
  type ProfileBase,
  profileBase,
  restatedEvidenceWanted,
  tapFindings,
} from '@doichieu/measures';
import { type Analysis, analyse, findingsJsonChunks } from '@doichieu/report';
import { generateCorpus } from '@doichieu/synth';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVIDENCE_LISTED, PASSAGES_LISTED } from '../packages/measures/src/fold.ts';
import { referenceProfiles } from './helpers/profiles-reference.ts';

const directive = readDirective();
const groups = directive.taskGroups.map((g) => g.id);

function basesOf(analysis: Analysis): ProfileBase[] {
  return analysis.plans.map((p, i) => profileBase(p, analysis.coverage[i]!.cells, directive));
}

/** The passage texts as analyze's tap cuts them (what a profile prints). */
function slimmed(findings: FindingsLike): FindingsLike {
  const slim = (p: PassageLike): PassageLike => ({
    ...p,
    text: p.text.length > 200 ? `${p.text.slice(0, 199)}…` : p.text,
  });
  return {
    additions: findings.additions.map((a) => ({ planId: a.planId, passages: a.passages.map(slim) })),
    comparisons: findings.comparisons.map((c) => ({
      a: c.a,
      b: c.b,
      reuse: c.reuse.map((r) => ({ ...r, a: slim(r.a), b: slim(r.b) })),
    })),
  };
}

/** The fold as analyze makes it: the findings' JSON pieces, observed while they are written. */
function streamedFold(analysis: Analysis, bases: readonly ProfileBase[]): FindingsFold {
  const fold = new FindingsFold(restatedEvidenceWanted(bases, groups));
  for (const _chunk of findingsJsonChunks(
    directive,
    diffPlansFromAnalysis(analysis.plans),
    {},
    tapFindings(fold),
  ));
  return fold;
}

function passagesListed(profiles: readonly { learning: { passages: unknown[] } | null }[]): number {
  return Math.max(...profiles.map((p) => p.learning?.passages.length ?? 0));
}

describe('the streamed fold gives the profiles of holding every finding', () => {
  let bundled: Analysis;
  let national: Analysis;
  beforeAll(() => {
    const lexicon = loadLexicon();
    const plans = readManifest().plans.map((m) => ingestPlan(planBytes(m), m, { lexicon }));
    bundled = analyse(directive, plans, { evaluate: false });
    // Over 50 plans the diff stage compares each plan with the level above and its closest peers.
    const generated = generateCorpus(plans, { plans: 80, seed: 57 });
    national = analyse(
      directive,
      generated.map((g) => ingestPlan(g.bytes, g.meta, { lexicon })),
      { evaluate: false },
    );
  }, 600_000);

  for (const [name, analysis] of [
    ['the bundled corpus', () => bundled],
    ['an 80-plan synthetic corpus', () => national],
  ] as const)
    it(`on ${name}`, () => {
      const a = analysis();
      const bases = basesOf(a);
      const findings = a.findings!;
      expect(findings.comparisons.some((c) => c.reuse.length > 0)).toBe(true);
      const reference = referenceProfiles(bases, findings, groups);
      // The profiles do list reuse, up to the bound on passages the fold keeps.
      expect(passagesListed(reference)).toBe(PASSAGES_LISTED);
      // In memory (analyse, doichieu profile) and streamed (analyze).
      expect(completeProfiles(bases, findings, groups)).toEqual(reference);
      expect([...eachProfile(bases, streamedFold(a, bases), groups)]).toEqual(
        referenceProfiles(bases, slimmed(findings), groups),
      );
      expect(a.profiles).toEqual(reference);
    });

  it('finds the same passages with each unit’s source slice as with the whole source', () => {
    const plans = diffPlansFromAnalysis(national.plans);
    const sliced = plans.map(withUnitSources);
    // Normalisation changed some units' text (so they keep a slice) and left others as they were.
    const units = sliced.flatMap((p) => p.units);
    expect(units.some((u) => u.sourceSlice !== undefined)).toBe(true);
    expect(units.some((u) => u.sourceSlice === undefined)).toBe(true);
    expect(sliced.every((p) => p.source === undefined)).toBe(true);
    const findings = compareCorpus(directive, plans);
    // Passages inside a unit do get spans of their own from the source (not the unit's span).
    const unitSpan = new Map(plans.flatMap((p) => p.units.map((u) => [`${p.id}/${u.id}`, u.span.join()])));
    const partial = findings.comparisons
      .flatMap((c) => c.reuse)
      .filter((r) => unitSpan.get(`${r.a.planId}/${r.a.unitId}`) !== r.a.span.join());
    expect(partial.length).toBeGreaterThan(0);
    expect(compareCorpus(directive, sliced)).toEqual(findings);
  });
});

describe('the fold on random findings', () => {
  // A few plans and units, many passages: units shared with several plans, more passages per
  // unit than the evidence the fold keeps, equal lengths and positions (the order's ties).
  const levels = ['province', 'district', 'commune', 'unknown'];
  const provinces = ['A', 'B', 'unknown'];
  const plansArb = fc.array(
    fc.record({
      level: fc.constantFrom(...levels),
      province: fc.constantFrom(...provinces),
      units: fc.integer({ min: 1, max: 3 }),
      restated: fc.array(fc.tuple(fc.nat(3), fc.nat(30), fc.nat(10)), { maxLength: 25, size: 'max' }),
    }),
    { minLength: 2, maxLength: 5 },
  );
  const span = fc.tuple(fc.nat(40), fc.integer({ min: 0, max: 15 }));

  it('gives the profiles of the reference', () => {
    fc.assert(
      fc.property(
        plansArb,
        fc.array(
          fc.record({
            a: fc.nat(4),
            b: fc.nat(4),
            reuse: fc.array(
              fc.record({
                unitA: fc.nat(3),
                unitB: fc.nat(3),
                spanA: span,
                spanB: span,
                tokens: fc.integer({ min: 1, max: 6 }),
                boilerplate: fc.boolean(),
              }),
              { maxLength: 30, size: 'max' },
            ),
          }),
          { maxLength: 12, size: 'max' },
        ),
        fc.array(fc.tuple(fc.nat(4), fc.nat(3), span), { maxLength: 30 }),
        (plans, comparisons, additions) => {
          const bases: ProfileBase[] = plans.map((p, i) => {
            const units = Array.from({ length: p.units }, (_, u) => ({
              id: `u${u}`,
              span: [u * 100, u * 100 + 60] as [number, number],
              labels: [groups[u % groups.length]!],
              letters: 40 + u,
            }));
            const unitAt = (n: number) => units[n % units.length]!;
            return {
              planId: `p${i}`,
              meta: { province: p.province, level: p.level, documentNumber: `${i}-KH`, date: '2024-01-01' },
              date: { date: '2024-01-01', source: 'manifest' },
              directiveLag: { since: 'unknown', planDate: '2024-01-01', dateSource: 'manifest', days: null },
              specificity: [],
              units,
              restated: p.restated.map(([u, s, l]) => ({
                unitId: unitAt(u).id,
                span: [unitAt(u).span[0] + s, unitAt(u).span[0] + s + l] as [number, number],
                text: `r${s}`,
              })),
              own: [],
              cites: [],
              references: [],
              guidance: [],
            } as unknown as ProfileBase;
          });
          const planAt = (n: number) => bases[n % bases.length]!;
          const passage = (plan: ProfileBase, unit: number, [s, l]: [number, number]): PassageLike => {
            const u = plan.units[unit % plan.units.length]!;
            return {
              planId: plan.planId,
              unitId: u.id,
              span: [u.span[0] + s, u.span[0] + s + l],
              text: `t${s}`,
            };
          };
          const findings: FindingsLike = {
            comparisons: comparisons
              .filter((c) => planAt(c.a) !== planAt(c.b))
              .map((c) => ({
                a: planAt(c.a).planId,
                b: planAt(c.b).planId,
                reuse: c.reuse.map((r) => ({
                  a: passage(planAt(c.a), r.unitA, r.spanA),
                  b: passage(planAt(c.b), r.unitB, r.spanB),
                  tokens: r.tokens,
                  text: '',
                  ...(r.boilerplate ? { boilerplate: true } : {}),
                })),
              })),
            additions: additions.map(([p, u, s]) => ({
              planId: planAt(p).planId,
              passages: [passage(planAt(p), u, s)],
            })),
          };
          expect(completeProfiles(bases, findings, groups)).toEqual(
            referenceProfiles(bases, findings, groups),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reaches the bounds the fold keeps (the property is not vacuous)', () => {
    // One unit of p0 shared with two plans, more passages than the evidence and passages listed.
    const fold = new FindingsFold();
    const passage = (planId: string, at: number): PassageLike => ({
      planId,
      unitId: 'u0',
      span: [at, at + 5],
      text: `${planId}@${at}`,
    });
    for (const other of ['p1', 'p2'])
      fold.addComparison({
        a: 'p0',
        b: other,
        reuse: Array.from({ length: PASSAGES_LISTED }, (_, i) => ({
          a: passage('p0', i),
          b: passage(other, i),
          tokens: i % 7,
          text: '',
        })),
      });
    const p0 = fold.plan('p0')!;
    expect(p0.evidence.get('u0')!.any).toHaveLength(EVIDENCE_LISTED);
    expect(p0.longest).toHaveLength(PASSAGES_LISTED);
    expect(p0.longest.every((p, i) => i === 0 || p.tokens <= p0.longest[i - 1]!.tokens)).toBe(true);
    expect([...p0.partners.get('u0')!].sort()).toEqual(['p1', 'p2']);
  });

  it("keeps of a unit only the evidence its shares could still list after the plan's own", () => {
    const unit = (id: string, labels: string[]) => ({
      id,
      span: [0, 10] as [number, number],
      labels,
      letters: 10,
    });
    const base = {
      planId: 'p0',
      units: [unit('u0', [groups[0]!]), unit('u1', [groups[1]!])],
      restated: [
        ...Array.from({ length: 15 }, () => ({ unitId: 'u0', span: [0, 1], text: '' })),
        ...Array.from({ length: 3 }, () => ({ unitId: 'u1', span: [0, 1], text: '' })),
      ],
    } as unknown as ProfileBase;
    const wanted = restatedEvidenceWanted([base], groups);
    // The plan's share lists 18 of its own: 2 left; u1's group lists 3: 17 left; u0's 15: 5 left.
    expect([wanted('p0', 'u0'), wanted('p0', 'u1'), wanted('p0', 'u9'), wanted('p9', 'u0')]).toEqual([
      5, 17, 0, 0,
    ]);
  });
});
