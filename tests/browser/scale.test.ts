// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright's Locator.innerText reads the rendered text on purpose
/**
 * The viewer on national corpora made by the real CLI path (`doichieu synth`,
 * `doichieu analyze`, then the viewer's data folder as scripts/view.ts writes
 * it): 700 and 7,000 synthetic plans. What is asserted is behaviour: the
 * 7,000-plan corpus opens on its heatmap, opening a plan fetches that plan's
 * file and no other, and at 700 plans no task blocks input for more than
 * 100 ms after the first paint. A long task is what the Performance API
 * reports (wall time); on a shared, loaded machine wall time stretches with
 * the load, so the assertion reads each main-thread task's CPU time from a
 * Chromium trace, and also the Performance API's entries when the machine is
 * idle. Times, heap and bytes are measurements, printed and written to
 * tests/.artifacts/scale-timings.json with the machine's load, never
 * asserted.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaticServer } from '../../web/serve.ts';
import { searchEntries, shardEntries, type ViewerSearchShard } from '../../web/src/search-shards.ts';
import {
  ARTIFACTS,
  buildTestViewer,
  hasChromium,
  launch,
  open,
  REPO,
  screenshot,
  serve,
  viewerData,
} from './harness.ts';

const run = promisify(execFile);

async function doichieu(...args: string[]): Promise<void> {
  await run(
    process.execPath,
    [join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'packages/cli/src/main.ts', ...args],
    { cwd: REPO, maxBuffer: 64 * 1024 * 1024 },
  );
}

interface Corpus {
  server: StaticServer;
  data: string;
  plans: number;
  provinces: number;
  index: {
    plans: Array<{ id: string; meta: { province: string } }>;
    files: { plans: string[]; bytes: number[] };
  };
}

/** A synthetic corpus of `plans` plans, analysed and cut into the viewer's files; its sizes are recorded. */
async function corpusOf(plans: number, dist: string, sizes: Record<string, unknown>): Promise<Corpus> {
  const dir = await mkdtemp(join(tmpdir(), `doichieu-scale-${plans}-`));
  await doichieu('synth', '--out', join(dir, 'corpus'), '--plans', String(plans));
  await doichieu('analyze', join(dir, 'corpus'), '--out', join(dir, 'out'), '--no-evaluate', '--no-csv');
  const analysis = join(dir, 'out', 'analysis.json');
  const data = await viewerData(analysis);
  const index = JSON.parse(await readFile(join(data, 'index.json'), 'utf8')) as Corpus['index'];
  const planBytes = index.files.bytes.reduce((n, b) => n + b, 0);
  const indexBytes = (await stat(join(data, 'index.json'))).size;
  sizes[`${plans}`] = {
    analysisJsonMB: +((await stat(analysis)).size / 1e6).toFixed(1),
    indexMB: +(indexBytes / 1e6).toFixed(2),
    planFilesMB: +(planBytes / 1e6).toFixed(1),
    planFiles: (await readdir(join(data, 'plans'))).length,
    medianPlanFileKB: +(median(index.files.bytes) / 1e3).toFixed(1),
  };
  return {
    server: await serve(dist, analysis, data),
    data,
    plans,
    provinces: new Set(index.plans.map((p) => p.meta.province)).size,
    index,
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s[Math.floor(s.length / 2)]!;
}

interface Measure {
  firstHeatmapMs: number;
  interactiveMs: number;
  heapMB: number;
  /** Data bytes the viewer fetched (index and plan files) by the time it was interactive. */
  dataKB: number;
  /** The page's own files (HTML, JS, CSS). */
  appKB: number;
  /** Performance API long-task entries after the first contentful paint (wall ms). */
  longTasksAfterPaint: number[];
  /** The longest main-thread tasks after the first contentful paint, [wall ms, CPU ms], from the trace. */
  tracedTasks: Array<[number, number]>;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** The renderer main thread's tasks after the first contentful paint, longest first: [wall ms, CPU ms]. */
function tasksAfterPaint(trace: { traceEvents: TraceEvent[] }): Array<[number, number]> {
  const ev = trace.traceEvents;
  const main = new Set(
    ev
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const fcp = ev.find((e) => e.name === 'firstContentfulPaint')?.ts ?? 0;
  return ev
    .filter(
      (e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && main.has(`${e.pid}:${e.tid}`),
    )
    .filter((e) => e.ts >= fcp)
    .map((e): [number, number] => [
      Math.round((e.dur ?? 0) / 1000),
      Math.round((e.tdur ?? e.dur ?? 0) / 1000),
    ])
    .sort((a, b) => b[1] - a[1]);
}

const QUERY = 'thông tin đối ngoại';

/**
 * After a search for QUERY: the hits are those of the search over the shards
 * on disk, and the search fetched search shards and no plan file.
 */
async function checkSearch(page: Page, c: Corpus, requests: string[]): Promise<Record<string, number>> {
  const index = JSON.parse(await readFile(join(c.data, 'index.json'), 'utf8')) as {
    files: { search: { shards: string[]; bytes: number[] } };
  };
  const entries = [];
  for (const path of index.files.search.shards)
    entries.push(
      ...shardEntries(JSON.parse(await readFile(join(c.data, path), 'utf8')) as ViewerSearchShard),
    );
  const expected = searchEntries(entries, QUERY, 0, 100);
  expect(expected.total).toBeGreaterThan(0);
  await expect.poll(() => page.locator('#hit-count').innerText()).toContain(String(expected.total));
  const shown = await page
    .locator('#search-results li.hit')
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.unit));
  expect(shown).toEqual(expected.hits.map((x) => x.unitId));
  // The worker's requests (its own performance timeline is not the page's): search shards, no plan file.
  const shards = requests.filter((u) => u.includes('/data/search/'));
  expect(new Set(shards).size).toBe(index.files.search.shards.length);
  expect(requests.filter((u) => u.includes('/data/plans/')).length).toBeLessThanOrEqual(1);
  return {
    hits: expected.total,
    searchShards: shards.length,
    searchMB: +(index.files.search.bytes.reduce((n, b) => n + b, 0) / 1e6).toFixed(1),
    planRequests: requests.filter((u) => u.includes('/data/plans/')).length,
    planFilesMB: +(c.index.files.bytes.reduce((n, b) => n + b, 0) / 1e6).toFixed(1),
  };
}

/** The main-thread tasks while `action` runs on an open page, longest first: [wall ms, CPU ms]. */
async function traceAction(
  browser: Browser,
  page: Page,
  action: () => Promise<void>,
): Promise<Array<[number, number]>> {
  await browser.startTracing(page, {
    categories: ['toplevel', 'loading', 'disabled-by-default-devtools.timeline', '__metadata'],
  });
  await action();
  // What the view still does after it shows counts too.
  await page.waitForTimeout(1000);
  return tasksAfterPaint(JSON.parse((await browser.stopTracing()).toString('utf8'))).slice(0, 5);
}

/** Opens `url` in a fresh page that records long tasks from the start; returns what it measured. */
async function measureOpen(browser: Browser, url: string): Promise<{ page: Page; m: Measure }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => {
    throw e;
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __long: { start: number; duration: number }[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await browser.startTracing(page, {
    categories: ['toplevel', 'loading', 'disabled-by-default-devtools.timeline', '__metadata'],
  });
  await open(page, url);
  // Anything the first view still does after it is shown counts too.
  await page.waitForTimeout(1000);
  const tracedTasks = tasksAfterPaint(JSON.parse((await browser.stopTracing()).toString('utf8')));
  const m = await page.evaluate(() => {
    const at = (n: string) => performance.getEntriesByName(n)[0]?.startTime ?? Number.NaN;
    const w = window as unknown as { __long: { start: number; duration: number }[] };
    const fcp = at('first-contentful-paint');
    const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceResourceTiming | undefined;
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const app = [nav, ...resources].reduce((n, r) => n + (r?.encodedBodySize ?? 0), 0);
    return {
      firstHeatmapMs: Math.round(at('heatmap-painted')),
      interactiveMs: Math.round(window.__viewer?.readyAt ?? Number.NaN),
      heapMB: memory ? Math.round(memory.usedJSHeapSize / 1e6) : Number.NaN,
      dataKB: Math.round((window.__viewer?.bytes?.() ?? Number.NaN) / 1e3),
      appKB: Math.round(app / 1e3),
      longTasksAfterPaint: w.__long.filter((x) => x.start >= fcp).map((x) => Math.round(x.duration)),
    };
  });
  return { page, m: { ...m, tracedTasks: tracedTasks.slice(0, 5) } };
}

// DOICHIEU_SCALE=700 or =7000 builds only that corpus (the other size's tests are skipped).
const SIZES = process.env.DOICHIEU_SCALE ? [Number(process.env.DOICHIEU_SCALE)] : [700, 7000];
const big = SIZES.includes(7000);
const small = SIZES.includes(700);

describe.skipIf(!hasChromium)('viewer at national scale: 700 and 7,000 synthetic plans', () => {
  let browser: Browser;
  const corpora: Record<number, Corpus> = {};
  const report: Record<string, unknown> = { sizes: {} };

  beforeAll(async () => {
    const dist = await buildTestViewer();
    for (const n of SIZES) corpora[n] = await corpusOf(n, dist, report.sizes as Record<string, unknown>);
    browser = await launch();
  }, 3_600_000);

  afterAll(async () => {
    await browser?.close();
    for (const c of Object.values(corpora)) await c.server.close();
    report.loadAverage = loadavg().map((x) => +x.toFixed(1));
    process.stdout.write(`viewer at scale: ${JSON.stringify(report)}\n`);
    await writeFile(join(ARTIFACTS, 'scale-timings.json'), `${JSON.stringify(report, null, 2)}\n`);
  });

  it.skipIf(!small)(
    '700 plans: no task blocks input for more than 100 ms after the first paint',
    async () => {
      const { page, m } = await measureOpen(browser, `${corpora[700]!.server.url}#view=coverage`);
      const load = loadavg()[0]!;
      report['700'] = { ...m, loadAtMeasure: +load.toFixed(1) };
      expect(await page.locator('#heatmap .cell').count()).toBeGreaterThan(0);
      await page.close();
      expect(m.tracedTasks.length).toBeGreaterThan(0);
      // CPU time: what a task costs whatever else the machine runs.
      expect(m.tracedTasks.filter(([, cpu]) => cpu > 100)).toEqual([]);
      // Wall time, as the Performance API reports it, where the machine leaves the page its cores.
      if (load < cpus().length / 2) expect(m.longTasksAfterPaint.filter((d) => d > 100)).toEqual([]);
    },
  );

  it.skipIf(!small)(
    '700 plans: opening Profiles, Corpus and the similarity matrix, and a search, block input for at most 100 ms each',
    async () => {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      page.on('pageerror', (e) => {
        throw e;
      });
      await open(page, `${corpora[700]!.server.url}#view=coverage`);
      const views: Record<string, Array<[number, number]>> = {};
      const requests: string[] = [];
      views.profiles = await traceAction(browser, page, async () => {
        await page.locator('#nav-profiles').click();
        await page.locator('#profile-table[data-ready="true"]').waitFor({ timeout: 120_000 });
      });
      // Virtual rows: a screenful in the DOM, the whole table scrollable, and a scroll draws the rows in view.
      const rows = page.locator('#profile-table tbody tr:not(.spacer)');
      expect(await rows.count()).toBeLessThan(200);
      expect(await page.locator('#profile-table').getAttribute('aria-rowcount')).toBe('701');
      views.profilesScroll = await traceAction(browser, page, async () => {
        await page.locator('.table-wrap.virtual').evaluate((el) => {
          el.scrollTop = 30 * 400;
        });
        await expect.poll(() => rows.first().getAttribute('aria-rowindex')).not.toBe('2');
      });
      await screenshot(page, 's03-profiles-700');
      views.corpus = await traceAction(browser, page, async () => {
        await page.locator('#nav-corpus').click();
        await page.locator('#similarity-canvas').waitFor({ timeout: 120_000 });
      });
      views.similarityZoom = await traceAction(browser, page, async () => {
        const box = (await page.locator('#similarity-canvas').boundingBox())!;
        await page.mouse.move(box.x + 20, box.y + 20);
        await page.mouse.down();
        await page.mouse.move(box.x + 200, box.y + 200, { steps: 5 });
        await page.mouse.up();
        await expect.poll(() => page.locator('#zoom-back').isDisabled()).toBe(false);
      });
      page.on('request', (r) => requests.push(r.url()));
      views.search = await traceAction(browser, page, async () => {
        await page.locator('#search-input').fill(QUERY);
        await page.locator('#hit-count').waitFor({ timeout: 120_000 });
      });
      report['700-search'] = await checkSearch(page, corpora[700]!, requests);
      await screenshot(page, 's04-corpus-700');
      report['700-views'] = { ...views, loadAtMeasure: +loadavg()[0]!.toFixed(1) };
      await page.close();
      for (const [view, tasks] of Object.entries(views)) {
        expect(tasks.length, view).toBeGreaterThan(0);
        expect(
          tasks.filter(([, cpu]) => cpu > 100),
          view,
        ).toEqual([]);
      }
    },
    600_000,
  );

  it.skipIf(!big)('7,000 plans: opens on the heatmap, drawn from the index alone', async () => {
    const c = corpora[7000]!;
    const { page, m } = await measureOpen(browser, `${c.server.url}#view=coverage`);
    report['7000'] = { ...m, loadAtMeasure: loadavg()[0] };
    // Districts under their province: one roll-up row per province, and a header row.
    await expect
      .poll(() => page.locator('#heatmap').getAttribute('aria-rowcount'))
      .toBe(String(c.provinces + 1));
    expect(await page.locator('#heatmap .cell').count()).toBeGreaterThan(0);
    expect(await page.locator('#plan-count').innerText()).toContain('7000');
    // Only the index was fetched: no plan file.
    const indexKB = (await stat(join(c.data, 'index.json'))).size / 1e3;
    expect(Math.abs(m.dataKB - indexKB)).toBeLessThan(1);
    await screenshot(page, 's01-coverage-7000');
    await page.close();
  });

  it.skipIf(!big)(
    '7,000 plans: a search reads the search shards only, never a plan file',
    async () => {
      const c = corpora[7000]!;
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      page.on('pageerror', (e) => {
        throw e;
      });
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      const started = Date.now();
      await open(page, `${c.server.url}#view=corpus&q=${encodeURIComponent(QUERY)}`);
      const openWithSearchMs = Date.now() - started;
      report['7000-search'] = { ...(await checkSearch(page, c, requests)), openWithSearchMs };
      await screenshot(page, 's05-search-7000');
      await page.close();
    },
    600_000,
  );

  it.skipIf(!big)(
    '7,000 plans: a plan opened in the reader fetches that plan’s file and no other',
    async () => {
      const c = corpora[7000]!;
      const i = 4321;
      const id = c.index.plans[i]!.id;
      const { page, m } = await measureOpen(
        browser,
        `${c.server.url}#view=reader&plan=${encodeURIComponent(id)}`,
      );
      report['7000-reader'] = m;
      expect(await page.locator('#plan-select').inputValue()).toBe(id);
      expect(await page.locator('#reader-doc .unit').count()).toBeGreaterThan(5);
      const indexKB = (await stat(join(c.data, 'index.json'))).size / 1e3;
      expect(Math.abs(m.dataKB - indexKB - c.index.files.bytes[i]! / 1e3)).toBeLessThan(1);
      // Another plan, chosen in the menu, arrives the same way.
      const other = c.index.plans[17]!.id;
      await page.locator('#plan-select').selectOption(other);
      await expect.poll(() => page.locator('#plan-select').inputValue()).toBe(other);
      await expect.poll(() => page.locator('#reader-doc .unit').count()).toBeGreaterThan(5);
      await screenshot(page, 's02-reader-7000');
      await page.close();
    },
  );
});
