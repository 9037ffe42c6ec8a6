import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../../../web/src/prepare.ts';
import { analysisOfIndex, PlanFileMerger, splitAnalysis } from '../../../../web/src/split.ts';
import type { Analysis } from '../../../../web/src/types.ts';
import { UserError } from '../errors.ts';
import { loadCorpus } from '../io.ts';
import { runAnalysis } from '../pipeline.ts';
import { ViewerCitations, ViewerIndex, ViewerPlanFile, ViewerSearchShard } from './schema.ts';
import { writeViewerData } from './write.ts';

const CORPUS = fileURLToPath(new URL('../../../../corpus', import.meta.url));
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

describe('the viewer data folder, from the bundled corpus', () => {
  let analysisFile: string;
  let analysis: Analysis;
  let dir: string;

  beforeAll(async () => {
    const out = mkdtempSync(join(tmpdir(), 'doichieu-viewer-'));
    analysisFile = join(out, 'analysis.json');
    await runAnalysis(loadCorpus(CORPUS), analysisFile, {
      evaluate: false,
      keepGoing: false,
      progress: false,
      workers: 1,
    });
    analysis = read(analysisFile);
    dir = join(out, 'data');
    await writeViewerData(analysisFile, dir);
  }, 180_000);

  it('writes an index and one file per plan, each valid against its published schema', () => {
    expect(analysis.findings?.comparisons.length).toBeGreaterThan(0);
    const index = ViewerIndex.parse(read(join(dir, 'index.json')));
    expect(index.plans.map((p) => p.id)).toEqual(analysis.plans.map((p) => p.id));
    expect(readdirSync(join(dir, 'plans'))).toHaveLength(analysis.plans.length);
    index.files.plans.forEach((path, i) => {
      const file = ViewerPlanFile.parse(read(join(dir, path)));
      expect(file.planId).toBe(index.plans[i]!.id);
      expect(readFileSync(join(dir, path)).length).toBe(index.files.bytes[i]);
    });
    ViewerCitations.parse(read(join(dir, 'citations.json')));
    // The index carries metadata, not text or units: that is what keeps it small.
    expect(
      index.plans.every((p) => Object.keys(p).every((k) => ['id', 'meta', 'directiveCheck'].includes(k))),
    ).toBe(true);
    expect(index.coverage.status).toHaveLength(analysis.plans.length * analysis.directive.taskGroups.length);
  });

  it('agrees with the viewer’s own cut of the same analysis (the ?data= path)', () => {
    const split = splitAnalysis(analysis);
    const index = read(join(dir, 'index.json'));
    index.files.bytes = index.files.bytes.map(() => 0);
    index.files.search.bytes = index.files.search.bytes.map(() => 0);
    expect(index).toEqual(split.index);
    split.index.files.plans.forEach((path, i) => {
      expect(read(join(dir, path))).toEqual(split.plans[i]);
    });
    // The search shards: every unit's id, text and labels, and nothing else.
    expect(split.search.length).toBeGreaterThan(0);
    split.index.files.search!.shards.forEach((path, i) => {
      const shard = read(join(dir, path));
      expect(ViewerSearchShard.parse(shard)).toEqual(split.search[i]);
      expect(shard).toEqual(split.search[i]);
    });
    expect(split.search.flatMap((s) => s.plans.flatMap((p) => p.units.map((u) => u.id)))).toEqual(
      analysis.plans.flatMap((p) => p.units.map((u) => u.id)),
    );
    expect(read(join(dir, 'citations.json')).citations).toEqual(analysis.citations);
  });

  it('merged back in any order, the plan files give the whole analysis again', () => {
    const index = read(join(dir, 'index.json'));
    const corpus = buildCorpus(analysisOfIndex(index));
    const merger = new PlanFileMerger(corpus, index);
    const files = index.files.plans.map((path: string) => read(join(dir, path)));
    for (const file of [...files].reverse()) merger.merge([file]);
    corpus.analysis.citations = read(join(dir, 'citations.json')).citations;
    expect(corpus.analysis).toEqual(analysis);
    expect(corpus.unitById.size).toBe(analysis.plans.reduce((n, p) => n + p.units.length, 0));
  });

  it('one plan merged: its units, findings and coverage are there, the others still stubs', () => {
    const index = read(join(dir, 'index.json'));
    const corpus = buildCorpus(analysisOfIndex(index));
    const id = index.plans[1].id;
    new PlanFileMerger(corpus, index).merge([read(join(dir, index.files.plans[1]))]);
    const original = analysis.plans[1]!;
    expect(corpus.planById.get(id)).toEqual(original);
    expect(corpus.plans[0]!.units).toEqual([]);
    expect(corpus.findings!.comparisons).toEqual(analysis.findings!.comparisons.filter((c) => c.a === id));
    expect(corpus.coverage.get(id)?.get('TG1')?.units).toEqual(
      analysis.coverage.find((c) => c.planId === id)!.cells.find((c) => c.group === 'TG1')!.units,
    );
  });

  it('a malformed analysis is one line naming the first bad path, and no folder is left', async () => {
    const bad = structuredClone(analysis) as unknown as { plans: Array<Record<string, unknown>> };
    delete bad.plans[2]!.units;
    const file = join(mkdtempSync(join(tmpdir(), 'doichieu-viewer-bad-')), 'analysis.json');
    writeFileSync(file, JSON.stringify(bad));
    const out = join(file, '..', 'data');
    await expect(writeViewerData(file, out)).rejects.toThrow(
      new UserError('analysis.json: plans[2].units: required'),
    );
    writeFileSync(file, JSON.stringify(analysis).slice(0, 5000));
    await expect(writeViewerData(file, out)).rejects.toThrow(/^analysis\.json: not valid JSON/);
    expect(readdirSync(join(file, '..'))).toEqual(['analysis.json']);
  });
});
