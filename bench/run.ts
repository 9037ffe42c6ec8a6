/**
 * `pnpm bench`: each benchmark runs in its own process (so peak memory is its
 * own), prints one JSON line; this prints them as a table. Medians over
 * BENCH_RUNS runs (default 3); BENCH_MB sets the corpus size (default 50).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const benches = [
  'startup.bench.ts',
  'ingest.bench.ts',
  'analyze.bench.ts',
  'diff.bench.ts',
  'scale.bench.ts',
  'measures.bench.ts',
  'formats.bench.ts',
  'report.bench.ts',
].filter((b) => existsSync(`${here}${b}`) && (only.length === 0 || only.some((o) => b.startsWith(o))));
for (const bench of benches) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `${here}${bench}`], {
    encoding: 'utf8',
    env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) {
    process.stderr.write(`bench ${bench} failed (exit ${r.status})\n`);
    process.exitCode = 1;
    continue;
  }
  for (const line of r.stdout.trim().split('\n')) {
    try {
      const result = JSON.parse(line) as Record<string, unknown>;
      process.stdout.write(
        `${Object.entries(result)
          .map(([k, v]) => `${k}=${v}`)
          .join('  ')}\n`,
      );
    } catch {
      process.stdout.write(`${line}\n`);
    }
  }
}
