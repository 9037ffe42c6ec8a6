/**
 * Research measures at national scale: for synthetic corpora of 700 and 7,000
 * plans (BENCH_MEASURES, comma-separated), the time to compute every plan's
 * profile and the citation graph from analysis.json, and the time to write the
 * plan-level and unit-level tables as Parquet (DuckDB). One process per size.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { synthCommand } from '../packages/cli/src/commands/synth.ts';
import { writeParquet } from '../packages/cli/src/duckdb.ts';
import { loadCorpus } from '../packages/cli/src/io.ts';
import { runAnalysis } from '../packages/cli/src/pipeline.ts';
import { measureCorpus } from '../packages/measures/src/index.ts';
import { type Analysis, planLevelTable, unitLevelTable } from '../packages/report/src/index.ts';
import { report } from './corpus.ts';

const sizes = (process.env.BENCH_MEASURES ?? '700,7000').split(',').map(Number);
const one = process.env.BENCH_MEASURES_ONE;
if (!one && sizes.length > 1) {
  const { spawnSync } = await import('node:child_process');
  for (const s of sizes) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname], {
      encoding: 'utf8',
      env: { ...process.env, BENCH_MEASURES_ONE: String(s) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    process.stdout.write(r.stdout);
  }
} else {
  const size = Number(one ?? sizes[0]);
  const dir = mkdtempSync(join(tmpdir(), 'doichieu-measures-'));
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (() => true) as typeof process.stdout.write;
  await synthCommand.run(['corpus', '--out', join(dir, 'corpus'), '--plans', String(size)]);
  process.stdout.write = write;
  const out = join(dir, 'out/analysis.json');
  await runAnalysis(loadCorpus(join(dir, 'corpus')), out, {
    evaluate: false,
    keepGoing: true,
    progress: false,
  });
  const analysis = JSON.parse(readFileSync(out, 'utf8')) as Analysis;
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const profileTimes: number[] = [];
  const parquetTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    measureCorpus(analysis.directive, analysis.plans, analysis.coverage, analysis.findings);
    profileTimes.push((performance.now() - t) / 1000);
    t = performance.now();
    await writeParquet([planLevelTable(analysis), unitLevelTable(analysis)], dir);
    parquetTimes.push((performance.now() - t) / 1000);
  }
  report({
    bench: 'measures',
    plans: size,
    diff: analysis.findings !== undefined,
    profileSeconds: +median(profileTimes).toFixed(2),
    parquetSeconds: +median(parquetTimes).toFixed(2),
    planParquetKb: Math.round(statSync(join(dir, 'plan-level.parquet')).size / 1024),
    unitParquetMb: +(statSync(join(dir, 'unit-level.parquet')).size / 2 ** 20).toFixed(1),
  });
  rmSync(dir, { recursive: true, force: true });
}
