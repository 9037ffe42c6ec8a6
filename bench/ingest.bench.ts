/** Ingestion throughput (decode → normalise → segment → extract) on the corpus replicated to ≥ 50 MB, one core. */
import { ingestPlan, loadLexicon } from '@doichieu/core';
import { median, replicated, report } from './corpus.ts';

const targetMb = Number(process.env.BENCH_MB ?? 50);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const plans = replicated(targetMb * 1024 * 1024);
const bytes = plans.reduce((s, p) => s + p.bytes.byteLength, 0);
const lexicon = loadLexicon();
const seconds: number[] = [];
let units = 0;
for (let r = 0; r < runs; r++) {
  const t0 = performance.now();
  units = 0;
  for (const p of plans) units += ingestPlan(p.bytes, p.meta, { lexicon }).units.length;
  seconds.push((performance.now() - t0) / 1000);
}
const s = median(seconds);
report({
  bench: 'ingest',
  plans: plans.length,
  mb: +(bytes / 2 ** 20).toFixed(1),
  runs,
  medianSeconds: +s.toFixed(2),
  mbPerSecond: +(bytes / 2 ** 20 / s).toFixed(2),
  unitsPerSecond: Math.round(units / s),
});
