/**
 * Alignment throughput, and analyze (ingest + align) end to end, on the corpus
 * replicated to ≥ 50 MB, one core, with the shipped model (loaded, not trained).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createAligner, loadShippedModel } from '@doichieu/align';
import { Directive, ingestPlan, loadLexicon } from '@doichieu/core';
import { median, replicated, report } from './corpus.ts';

const CORPUS = fileURLToPath(new URL('../corpus/', import.meta.url));
const targetMb = Number(process.env.BENCH_MB ?? 50);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const directive = Directive.parse(JSON.parse(readFileSync(`${CORPUS}directive.json`, 'utf8')));
const lexicon = loadLexicon();
const t0 = performance.now();
// The shipped model, loaded as analyze loads it: nothing is trained.
const aligner = createAligner(directive, loadShippedModel().model);
const loadSeconds = (performance.now() - t0) / 1000;

const plans = replicated(targetMb * 1024 * 1024);
const bytes = plans.reduce((s, p) => s + p.bytes.byteLength, 0);
const alignSeconds: number[] = [];
const totalSeconds: number[] = [];
let units = 0;
for (let r = 0; r < runs; r++) {
  let align = 0;
  units = 0;
  const start = performance.now();
  for (const p of plans) {
    const plan = ingestPlan(p.bytes, p.meta, { lexicon });
    const a0 = performance.now();
    for (const u of plan.units) aligner.align(u);
    align += performance.now() - a0;
    units += plan.units.length;
  }
  totalSeconds.push((performance.now() - start) / 1000);
  alignSeconds.push(align / 1000);
}
const a = median(alignSeconds);
const t = median(totalSeconds);
report({
  bench: 'analyze',
  plans: plans.length,
  mb: +(bytes / 2 ** 20).toFixed(1),
  units,
  runs,
  modelLoadSeconds: +loadSeconds.toFixed(2),
  alignUnitsPerSecond: Math.round(units / a),
  alignMbPerSecond: +(bytes / 2 ** 20 / a).toFixed(2),
  analyzeMbPerSecond: +(bytes / 2 ** 20 / t).toFixed(2),
  analyzeMedianSeconds: +t.toFixed(2),
});
