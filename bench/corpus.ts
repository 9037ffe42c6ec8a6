/** The bundled corpus, replicated to a target size: the same plans under new ids, as a national corpus would repeat them. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Manifest, type PlanMeta } from '@doichieu/core';

const CORPUS = fileURLToPath(new URL('../corpus/', import.meta.url));

export interface BenchPlan {
  meta: PlanMeta;
  bytes: Uint8Array;
}

export function realPlans(): BenchPlan[] {
  const manifest = Manifest.parse(JSON.parse(readFileSync(`${CORPUS}manifest.json`, 'utf8')));
  return manifest.plans.map((meta) => ({ meta, bytes: readFileSync(`${CORPUS}${meta.file}`) }));
}

export function replicated(targetBytes: number): BenchPlan[] {
  const real = realPlans();
  const out: BenchPlan[] = [];
  let total = 0;
  for (let copy = 0; total < targetBytes; copy++) {
    for (const p of real) {
      out.push({ meta: { ...p.meta, id: `${p.meta.id}-${copy}` }, bytes: p.bytes });
      total += p.bytes.byteLength;
    }
  }
  return out;
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** One JSON line on stdout: what bench/run.ts collects. */
export function report(result: Record<string, unknown>): void {
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ ...result, peakRssMb: +maxRssMb.toFixed(1) })}\n`);
}
