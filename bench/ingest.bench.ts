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
// The machine's limit on the same bytes: decode UTF-8, NFC, one pass of a letter regex.
const limitSeconds: number[] = [];
const decoder = new TextDecoder();
let words = 0;
for (let r = 0; r < runs; r++) {
  const t0 = performance.now();
  words = 0;
  for (const p of plans)
    words +=
      decoder
        .decode(p.bytes)
        .normalize('NFC')
        .match(/\p{L}+/gu)?.length ?? 0;
  limitSeconds.push((performance.now() - t0) / 1000);
}
const limit = median(limitSeconds);
report({
  bench: 'ingest',
  plans: plans.length,
  mb: +(bytes / 2 ** 20).toFixed(1),
  runs,
  medianSeconds: +s.toFixed(2),
  mbPerSecond: +(bytes / 2 ** 20 / s).toFixed(2),
  limitMbPerSecond: +(bytes / 2 ** 20 / limit).toFixed(2),
  ofLimit: +(limit / s).toFixed(3),
  words,
  unitsPerSecond: Math.round(units / s),
});
