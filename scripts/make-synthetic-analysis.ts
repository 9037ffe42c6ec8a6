/**
 * Writes an analysis.json of many plans by replicating the real ones (new
 * ids), for measuring the viewer at scale.
 *
 *   npx tsx scripts/make-synthetic-analysis.ts [--in out/analysis.json] [--out .bench-data/analysis-700.json] [--plans 700]
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { syntheticAnalysis } from '../web/src/synthetic.ts';
import type { Analysis } from '../web/src/types.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const input = resolve(arg('in', 'out/analysis.json'));
const output = resolve(arg('out', '.bench-data/analysis-700.json'));
const count = Number(arg('plans', '700'));
if (!Number.isInteger(count) || count < 1) {
  process.stderr.write(
    `make-synthetic-analysis: --plans must be a positive integer, got "${arg('plans', '')}"\n`,
  );
  process.exit(2);
}
const base = JSON.parse(await readFile(input, 'utf8')) as Analysis;
const big = syntheticAnalysis(base, count);
await mkdir(dirname(output), { recursive: true });
await writeFile(output, JSON.stringify(big));
process.stdout.write(`wrote ${output}: ${big.plans.length} plans\n`);
