/**
 * The report at scale: `doichieu report` on the bundled corpus and on
 * synthetic national corpora, then the report opened in Debian's Chromium
 * (playwright-core) as a reader opens the file: its size, the time to the
 * first paint and to the load event, and its page count printed on A4.
 * Medians of BENCH_RUNS (default 3) openings. One JSON line per corpus size.
 *
 * BENCH_REPORT_PLANS  sizes to measure (default "5,700"; "5,700,7000" for the
 *                     national scale: analysing 7,000 plans takes minutes)
 * BENCH_REPORT_ANALYSIS_<N>  an analysis.json to reuse for size N instead of
 *                     synthesising and analysing the corpus
 * BENCH_REPORT_LANG   vi (default) or en
 * Run alone: `node scripts/build-cli.mjs && npx tsx bench/report.bench.ts`
 * (or `pnpm bench report`).
 *
 * Measured 2026-12-02, 2 cores at load average 33–39, Vietnamese (before:
 * 50.8 MB and 99 s to open at 700 plans, 21 A4 pages at 5):
 * | plans | layout | HTML | first paint | load | A4 pages | `doichieu report` |
 * |---|---|---|---|---|---|---|
 * | 5 | detail | 0.09 MB | 1.1 s | 1.0 s | 10 | 7.7 s |
 * | 700 | summary | 0.56 MB | 0.68 s | 0.51 s | 54 | 64 s |
 * | 7,000 (no diff) | summary | 3.64 MB | 0.63 s | 1.1 s | 253 | 171 s |
 *
 * Measured 2026-12-03, 2 cores at load average 0.5–1.6, on analyses with the diff stage
 * (7,000 plans: 1.66 GB, read piece by piece; BENCH_REPORT_ANALYSIS_700/7000), vi / en:
 * | plans | layout | HTML | first paint | load | A4 pages | `doichieu report` |
 * |---|---|---|---|---|---|---|
 * | 700 | summary | 0.56 / 0.48 MB | 0.17 / 0.12 s | 0.06 / 0.06 s | 54 / 55 | 2.4 / 2.1 s |
 * | 7,000 | summary | 3.74 / 3.13 MB | 0.14 / 0.14 s | 0.27 / 0.19 s | 270 / 272 | 31.8 / 30.1 s |
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { median, report } from './corpus.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'packages/cli/bin/doichieu.mjs');
const CHROMIUM = '/usr/bin/chromium';
const runs = Number(process.env.BENCH_RUNS ?? 3);
const sizes = (process.env.BENCH_REPORT_PLANS ?? '5,700').split(',').map(Number);
const lang = process.env.BENCH_REPORT_LANG ?? 'vi';

function doichieu(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`doichieu ${args.join(' ')} failed: ${r.stderr}`);
  return (performance.now() - t0) / 1000;
}

/** analysis.json for a corpus of `plans` plans: the bundled corpus for 5, else a synthetic one. */
function analysisFor(plans: number, work: string): string {
  const given = process.env[`BENCH_REPORT_ANALYSIS_${plans}`];
  if (given) return given;
  const out = join(work, `analysis-${plans}`);
  if (plans === 5) doichieu(['analyze', 'corpus', '--out', out, '--no-csv']);
  else {
    const corpus = join(work, `synth-${plans}`);
    doichieu(['synth', '--out', corpus, '--plans', String(plans)]);
    doichieu(['analyze', corpus, '--out', out, '--no-csv']);
  }
  return join(out, 'analysis.json');
}

if (!existsSync(CHROMIUM)) {
  process.stderr.write(`bench report: ${CHROMIUM} is missing (bash scripts/ensure-chromium.sh); skipped\n`);
  process.exit(0);
}
const work = mkdtempSync(join(tmpdir(), 'doichieu-bench-report-'));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
try {
  for (const plans of sizes) {
    const analysis = analysisFor(plans, work);
    const out = join(work, `report-${plans}`);
    const env = { ...process.env, SOURCE_DATE_EPOCH: '0' };
    const t0 = performance.now();
    const r = spawnSync(
      process.execPath,
      [BIN, 'report', '--analysis', analysis, '--out', out, '--lang', lang],
      {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'ignore', 'pipe'],
        encoding: 'utf8',
      },
    );
    if (r.status !== 0) throw new Error(`doichieu report failed: ${r.stderr}`);
    const reportSeconds = (performance.now() - t0) / 1000;
    const file = join(out, 'report.html');
    const url = pathToFileURL(file).href;
    const load: number[] = [];
    const paint: number[] = [];
    let pages = 0;
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.setDefaultTimeout(600_000);
      await page.goto(url, { waitUntil: 'load', timeout: 600_000 });
      // The paint entries are written after the frame that paints: wait for two frames.
      await page.evaluate(
        () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null)))),
      );
      const t = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const fp = performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint');
        return { load: nav.loadEventEnd, paint: fp?.startTime ?? Number.NaN };
      });
      load.push(t.load / 1000);
      paint.push(t.paint / 1000);
      if (i === 0) {
        const pdf = await page.pdf({ format: 'A4' });
        pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
      }
      await page.close();
    }
    const html = readFileSync(file, 'utf8');
    report({
      bench: 'report',
      plans,
      lang,
      layout: html.includes('id="province-1"') ? 'summary' : 'detail',
      htmlMB: +(statSync(file).size / 1e6).toFixed(2),
      markdownMB: +(statSync(join(out, 'report.md')).size / 1e6).toFixed(2),
      reportSeconds: +reportSeconds.toFixed(1),
      firstPaintSeconds: +median(paint).toFixed(2),
      loadSeconds: +median(load).toFixed(2),
      a4Pages: pages,
      loadAverage: +loadavg()[0]!.toFixed(1),
      runs,
    });
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
