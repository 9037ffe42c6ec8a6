/**
 * The national scale: synthetic corpora of BENCH_SCALE plans (comma-separated;
 * default 100,250,1000 so that the default bench stays light; the national
 * figures: BENCH_SCALE=250,1000,7000), analysed end to end as analyze does it
 * (workers by plan bytes), output streamed to disk, with the diff stage
 * (BENCH_DIFF_LIMIT, default every size). Reports wall and CPU time (worker
 * threads included), plans/s, MB/s, the output's size, the peak memory of the
 * process (worker threads included: they share its RSS) and the machine's load
 * average while it ran; then the time's fit over N: t ∝ N^k between each two
 * sizes, and least squares over all of them (t = a + b·N, and log t against log N).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { synthCommand } from '../packages/cli/src/commands/synth.ts';
import { CAPPED_ABOVE_PLANS, heapCapMb, wantsHeapCap } from '../packages/cli/src/heap.ts';
import { loadCorpus } from '../packages/cli/src/io.ts';
import { runAnalysis } from '../packages/cli/src/pipeline.ts';
import { report } from './corpus.ts';

const sizes = (process.env.BENCH_SCALE ?? '100,250,1000').split(',').map(Number);
const size = Number(process.env.BENCH_SCALE_ONE ?? sizes[0]);
if (!process.env.BENCH_SCALE_ONE && sizes.length > 1) {
  // One process per size, so that each peak memory is its own.
  const { spawnSync } = await import('node:child_process');
  const fits: [number, number][] = [];
  for (const s of sizes) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname], {
      encoding: 'utf8',
      env: { ...process.env, BENCH_SCALE_ONE: String(s) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    process.stdout.write(r.stdout);
    try {
      const line = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as {
        plans: number;
        seconds: number;
      };
      fits.push([line.plans, line.seconds]);
    } catch {
      // A failed size has already said so.
    }
  }
  for (let i = 1; i < fits.length; i++) {
    const [n0, t0] = fits[i - 1]!;
    const [n1, t1] = fits[i]!;
    const k = Math.log(t1 / t0) / Math.log(n1 / n0);
    const b = (t1 - t0) / (n1 - n0);
    process.stdout.write(
      `${JSON.stringify({ bench: 'scale-fit', from: n0, to: n1, exponent: +k.toFixed(2), secondsPerPlan: +b.toFixed(4), fixedSeconds: +(t0 - b * n0).toFixed(1) })}\n`,
    );
  }
  if (fits.length >= 3) {
    const line = leastSquares(fits.map(([n, t]) => [n, t]));
    const power = leastSquares(fits.map(([n, t]) => [Math.log(n), Math.log(t)]));
    process.stdout.write(
      `${JSON.stringify({ bench: 'scale-fit', sizes: fits.map(([n]) => n).join('/'), fit: `t = ${line.a.toFixed(1)} + ${line.b.toFixed(4)}·N s`, exponent: +power.b.toFixed(2) })}\n`,
    );
  }
} else {
  // A capped re-run (below) is handed the corpus already made.
  const dir = process.env.BENCH_SCALE_DIR ?? mkdtempSync(join(tmpdir(), 'doichieu-scale-'));
  if (!process.env.BENCH_SCALE_DIR) {
    const out = process.stdout.write.bind(process.stdout);
    process.stdout.write = (() => true) as typeof process.stdout.write;
    await synthCommand.run(['corpus', '--out', join(dir, 'corpus'), '--plans', String(size)]);
    process.stdout.write = out;
  }
  const { statSync, readdirSync } = await import('node:fs');
  const bytes = readdirSync(join(dir, 'corpus/plans')).reduce(
    (s, f) => s + statSync(join(dir, 'corpus/plans', f)).size,
    0,
  );
  const diffLimit = Number(process.env.BENCH_DIFF_LIMIT ?? size);
  // Measure what `doichieu analyze` runs: above CAPPED_ABOVE_PLANS with the
  // diff stage it runs itself again under a heap cap (packages/cli/src/heap.ts),
  // so this size is measured in a process with the same cap.
  const cap = heapCapMb(bytes);
  if (size > CAPPED_ABOVE_PLANS && size <= diffLimit && wantsHeapCap(cap) && !process.env.BENCH_SCALE_DIR) {
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(
      process.execPath,
      [`--max-old-space-size=${cap}`, '--import', 'tsx', new URL(import.meta.url).pathname],
      {
        encoding: 'utf8',
        env: { ...process.env, BENCH_SCALE_DIR: dir },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    process.stdout.write(r.stdout);
    rmSync(dir, { recursive: true, force: true });
    process.exit(r.status ?? 1);
  }
  const corpus = loadCorpus(join(dir, 'corpus'));
  const load0 = loadavg()[0]!;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await runAnalysis(corpus, join(dir, 'out/analysis.json'), {
    evaluate: false,
    keepGoing: true,
    progress: false,
    diffLimit,
  });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const load1 = loadavg()[0]!;
  const outBytes = statSync(join(dir, 'out/analysis.json')).size;
  report({
    bench: 'scale',
    plans: size,
    analysed: result.plans,
    diff: !result.diffSkipped,
    failures: result.failures.length,
    mb: +(bytes / 2 ** 20).toFixed(1),
    seconds: +seconds.toFixed(1),
    cpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(1),
    load1min: `${load0.toFixed(1)}→${load1.toFixed(1)}`,
    plansPerSecond: +(size / seconds).toFixed(1),
    mbPerSecond: +(bytes / 2 ** 20 / seconds).toFixed(2),
    analysisJsonMb: +(outBytes / 2 ** 20).toFixed(1),
    heapCapMb: process.env.BENCH_SCALE_DIR ? cap : 'none',
  });
  rmSync(dir, { recursive: true, force: true });
}

/** Least squares line y = a + b·x through the points. */
function leastSquares(points: [number, number][]): { a: number; b: number } {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of points) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
  }
  const b = sxx > 0 ? sxy / sxx : 0;
  return { a: my - b * mx, b };
}
