/**
 * One shipped model: a unit's labels and its plan's coverage are the same whatever
 * other plans are analysed with it (alone, the bundled corpus, a 700-plan national
 * corpus), and analyze never trains. Runs the CLI's pipeline in-process.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type GoldRow, parseGold, trainModel } from '@doichieu/align';
import { ingestPlan, loadLexicon, type PlanMeta } from '@doichieu/core';
import { type Analysis, analyse } from '@doichieu/report';
import { generateCorpus } from '@doichieu/synth';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadCorpus } from '../packages/cli/src/io.ts';
import { runAnalysis } from '../packages/cli/src/pipeline.ts';
import { doichieu, ROOT } from './cli-helpers.ts';

// Every model is trained by this function: counting its calls says whether anything trained.
const training = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../packages/align/src/logistic.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../packages/align/src/logistic.ts')>();
  return {
    ...actual,
    trainLogistic: (...args: Parameters<typeof actual.trainLogistic>) => {
      training.calls++;
      return actual.trainLogistic(...args);
    },
  };
});

type Labels = Map<string, string>;
interface Run {
  labels: Labels;
  coverage: Map<string, string>;
  analysis: Analysis;
}

const work = mkdtempSync(join(tmpdir(), 'doichieu-model-'));
const bundled = loadCorpus(join(ROOT, 'corpus'));
const gold: GoldRow[] = parseGold(
  readFileSync(join(ROOT, 'corpus/gold/annotations.csv'), 'utf8'),
  bundled.directive.taskGroups.map((g) => g.id),
);

/** Writes a corpus folder: the directive, the given plans (copied from `from`), a manifest. */
function writeCorpus(name: string, plans: { meta: PlanMeta; bytes: Uint8Array }[]): string {
  const dir = join(work, name);
  mkdirSync(join(dir, 'plans'), { recursive: true });
  copyFileSync(join(bundled.dir, bundled.manifest.directive), join(dir, 'directive.json'));
  for (const p of plans) writeFileSync(join(dir, p.meta.file), p.bytes);
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({ directive: 'directive.json', plans: plans.map((p) => p.meta) }),
  );
  return dir;
}

const bundledPlans = bundled.manifest.plans.map((meta) => ({
  meta,
  bytes: readFileSync(join(bundled.dir, meta.file)),
}));

async function analyzeDir(dir: string, name: string, diffLimit?: number): Promise<Run> {
  const out = join(work, `${name}-out`, 'analysis.json');
  await runAnalysis(loadCorpus(dir), out, {
    gold,
    evaluate: true,
    keepGoing: false,
    workers: 1,
    progress: false,
    ...(diffLimit !== undefined ? { diffLimit } : {}),
  });
  const analysis = JSON.parse(readFileSync(out, 'utf8')) as Analysis;
  rmSync(out);
  const labels: Labels = new Map();
  for (const p of analysis.plans)
    for (const u of p.units) labels.set(u.id, `${u.alignment.labels.join('+')} ${u.alignment.model}`);
  const coverage = new Map(analysis.coverage.map((c) => [c.planId, JSON.stringify(c.cells)]));
  return { labels, coverage, analysis };
}

let inBundled: Run;
let alone: Run[];
let national: Run;
let syntheticAlone: Run;
let syntheticIds: string[];

beforeAll(async () => {
  inBundled = await analyzeDir(bundled.dir, 'bundled');
  alone = [];
  for (const p of bundledPlans)
    alone.push(await analyzeDir(writeCorpus(`alone-${p.meta.id}`, [p]), p.meta.id));
  const lexicon = loadLexicon();
  const templates = bundledPlans.map((p) => ingestPlan(p.bytes, p.meta, { lexicon }));
  const generated = generateCorpus(templates, { plans: 700, seed: 57 });
  syntheticIds = [generated[0]!.meta.id, generated[350]!.meta.id, generated[699]!.meta.id];
  // The national corpus with the bundled plans in it, analysed without the diff stage.
  national = await analyzeDir(writeCorpus('national', [...generated, ...bundledPlans]), 'national', 0);
  syntheticAlone = await analyzeDir(
    writeCorpus(
      'synthetic-alone',
      generated.filter((g) => syntheticIds.includes(g.meta.id)),
    ),
    'synthetic-alone',
  );
}, 900_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('labels and coverage do not depend on the other plans analysed', () => {
  it('analyze trains nothing (the shipped model is loaded)', () => {
    expect(training.calls).toBe(0);
    // The counter does count training: it is not a test that cannot fail.
    trainModel(bundled.directive, []);
    expect(training.calls).toBeGreaterThan(0);
  });

  it('labels every unit of a bundled plan the same alone as in the bundled corpus', () => {
    for (const run of alone) {
      expect(run.labels.size).toBeGreaterThan(20);
      for (const [id, label] of run.labels) expect([id, inBundled.labels.get(id)]).toEqual([id, label]);
      const [planId, cells] = [...run.coverage][0]!;
      expect(inBundled.coverage.get(planId)).toBe(cells);
    }
  });

  it('labels every unit of a bundled plan the same in a 700-plan national corpus', () => {
    expect(national.analysis.plans.length).toBe(705);
    for (const [id, label] of inBundled.labels) expect([id, national.labels.get(id)]).toEqual([id, label]);
    for (const [planId, cells] of inBundled.coverage) expect(national.coverage.get(planId)).toBe(cells);
  });

  it('labels synthetic plans the same alone as in the national corpus', () => {
    expect(syntheticAlone.analysis.plans.map((p) => p.id)).toEqual(syntheticIds);
    for (const [id, label] of syntheticAlone.labels)
      expect([id, national.labels.get(id)]).toEqual([id, label]);
    for (const [planId, cells] of syntheticAlone.coverage) expect(national.coverage.get(planId)).toBe(cells);
  });

  it('says which model labelled the units, and shows its recorded figures, not figures of this corpus', () => {
    for (const run of [inBundled, alone[0]!, national]) {
      const { method, evaluation } = run.analysis;
      expect(method.aligner).toBe('supervised');
      expect(method.model?.ref).toMatch(/^doichieu-align-57-kl-tw@\d+#[0-9a-f]{12}$/);
      expect(evaluation?.model).toBe(method.model?.ref);
      expect(evaluation?.engine.macroF1).toBeGreaterThanOrEqual(0.867);
      expect(evaluation).toEqual(inBundled.analysis.evaluation);
      for (const p of run.analysis.plans)
        for (const u of p.units) expect(u.alignment.model).toBe(method.model?.ref);
    }
  });

  it('says what the relative measures were measured against', () => {
    expect(inBundled.analysis.method.relativeMeasures).toMatch(/findings\.plans/);
    expect(inBundled.analysis.findings?.plans).toEqual(bundled.manifest.plans.map((p) => p.id));
    expect(alone[0]!.analysis.findings?.plans).toEqual([bundledPlans[0]!.meta.id]);
  });

  it('gives the in-memory API the same labels as the pipeline', () => {
    const lexicon = loadLexicon();
    const plans = bundledPlans.map((p) => ingestPlan(p.bytes, p.meta, { lexicon }));
    const before = training.calls;
    const analysis = analyse(bundled.directive, plans, { gold, diff: false });
    expect(training.calls).toBe(before);
    for (const p of analysis.plans)
      for (const u of p.units)
        expect(`${u.alignment.labels.join('+')} ${u.alignment.model}`).toBe(inBundled.labels.get(u.id));
  });
});

describe('analyze --model', () => {
  it('refuses a file that is not a model, or a model edited by hand, in one line', () => {
    const bad = join(work, 'not-a-model.json');
    writeFileSync(bad, '{"format": 1}');
    const edited = join(work, 'edited-model.json');
    writeFileSync(
      edited,
      readFileSync(join(ROOT, 'packages/align/data/model.json'), 'utf8').replace(
        /"threshold":0\.5/,
        '"threshold":0.4',
      ),
    );
    for (const [file, message] of [
      [bad, /not a doichieu model file/],
      [edited, /modified after it was built/],
    ] as const) {
      const r = doichieu(['analyze', join(ROOT, 'corpus'), '--model', file, '--out', join(work, 'never')]);
      expect(r.status).not.toBe(0);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  });
});
