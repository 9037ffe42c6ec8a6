/**
 * The command line's start and the bundled corpus end to end, as users run
 * them: the built bin (`pnpm build`) against `node -e 0`, and `doichieu
 * analyze corpus` (the shipped model is loaded, nothing is trained). Wall
 * times, medians of BENCH_RUNS (default 5) runs each.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, report } from './corpus.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'packages/cli/bin/doichieu.mjs');
const runs = Number(process.env.BENCH_RUNS ?? 5);

function wall(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    // The bundle or nothing: a stale build must not be measured as the sources.
    env: { ...process.env, DOICHIEU_BUNDLE: 'required' },
  });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return (performance.now() - t0) / 1000;
}

const times = (args: string[]) => median(Array.from({ length: runs }, () => wall(args)));
const node = times(['-e', '0']);
const help = times([BIN, '--help']);
const out = mkdtempSync(join(tmpdir(), 'doichieu-bench-'));
const analyze = times([BIN, 'analyze', 'corpus', '--out', out, '--no-csv']);
rmSync(out, { recursive: true, force: true });
report({
  bench: 'startup',
  runs,
  nodeSeconds: +node.toFixed(3),
  helpSeconds: +help.toFixed(3),
  helpOverNode: +(help / node).toFixed(2),
  analyzeCorpusSeconds: +analyze.toFixed(2),
});
