// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright's Locator.innerText reads the rendered text on purpose
/**
 * The viewer on a national corpus made by `doichieu synth` (700 plans: 63
 * provinces and their districts) and analysed by `doichieu analyze`: names
 * that tell districts apart, filters, districts under their province with a
 * roll-up row, sticky column heads, a virtual list, exports (SVG, PNG, CSV),
 * print emulation with every group column, and the long tasks after the
 * first paint (measured and reported, with the load timings, in
 * tests/.artifacts/national-timings.json). Screenshots in tests/.artifacts/.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaticServer } from '../../web/serve.ts';
import type { Analysis } from '../../web/src/types.ts';
import { ARTIFACTS, buildTestViewer, hasChromium, launch, open, REPO, screenshot, serve } from './harness.ts';

const run = promisify(execFile);
const PLANS = 700;

async function doichieu(...args: string[]): Promise<void> {
  await run(
    process.execPath,
    [join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'packages/cli/src/main.ts', ...args],
    {
      cwd: REPO,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
}

describe.skipIf(!hasChromium)(`viewer on a ${PLANS}-plan synthetic national corpus`, () => {
  let browser: Browser;
  let page: Page | undefined;
  let analysis: Analysis;
  let server: StaticServer;
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'doichieu-national-'));
    const [dist] = await Promise.all([
      buildTestViewer(),
      (async () => {
        await doichieu('synth', '--out', join(dir, 'corpus'), '--plans', String(PLANS));
        await doichieu('analyze', join(dir, 'corpus'), '--out', join(dir, 'out'), '--no-evaluate');
      })(),
    ]);
    const file = join(dir, 'out', 'analysis.json');
    analysis = JSON.parse(await readFile(file, 'utf8')) as Analysis;
    server = await serve(dist, file);
    browser = await launch();
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (Object.keys(timings).length > 0)
      await writeFile(join(ARTIFACTS, 'national-timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
  });

  const fresh = async (width = 1400, height = 900): Promise<Page> => {
    await page?.close();
    page = await browser.newPage({ viewport: { width, height }, acceptDownloads: true });
    page.on('pageerror', (e) => {
      throw e;
    });
    return page;
  };
  const provinces = () => [...new Set(analysis.plans.map((p) => p.meta.province))];

  it('names district plans "district, province", so that no two plans share a name', async () => {
    const p = await fresh();
    await open(p, `${server.url}#view=reader`);
    const names = await p.locator('#plan-select option').allInnerTexts();
    expect(names).toHaveLength(PLANS);
    // Two plans may share a name only when they share district, province and kind.
    const keys = new Set(
      analysis.plans.map(
        (x) => `${x.meta.district ?? ''}|${x.meta.province}|${x.meta.kind}|${x.meta.documentNumber}`,
      ),
    );
    expect(new Set(names).size).toBe(keys.size);
    const district = analysis.plans.find((x) => x.meta.level === 'district')!;
    expect(names.some((n) => n.includes(`${district.meta.district}, ${district.meta.province}`))).toBe(true);
  });

  it('groups districts under their province with a roll-up row; a virtual list with sticky heads', async () => {
    const p = await fresh();
    const start = Date.now();
    await p.addInitScript(() => {
      const w = window as unknown as { __long: { start: number; duration: number }[] };
      w.__long = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__long.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await open(p, `${server.url}#view=coverage`);
    timings.interactiveMs = Date.now() - start;
    const perf = await p.evaluate(() => {
      const at = (n: string) => performance.getEntriesByName(n)[0]?.startTime ?? Number.NaN;
      const w = window as unknown as { __long: { start: number; duration: number }[] };
      const fcp = at('first-contentful-paint');
      const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
      return {
        firstHeatmap: at('heatmap-painted'),
        dataLoaded: at('data-loaded'),
        longAfterPaint: w.__long.filter((x) => x.start >= fcp).map((x) => Math.round(x.duration)),
        heapMB: memory ? Math.round(memory.usedJSHeapSize / 1e6) : Number.NaN,
      };
    });
    timings.firstHeatmapMs = Math.round(perf.firstHeatmap);
    timings.dataLoadedMs = Math.round(perf.dataLoaded);
    timings.heapMB = perf.heapMB;
    timings.longestTaskAfterPaintMs = Math.max(0, ...perf.longAfterPaint);
    timings.longTasksOver100 = perf.longAfterPaint.filter((d) => d > 100).length;
    process.stdout.write(`national viewer (${PLANS} plans): ${JSON.stringify(timings)}\n`);

    const rows = p.locator('#heatmap .row.province-row');
    await expect
      .poll(() => p.locator('#heatmap').getAttribute('aria-rowcount'))
      .toBe(String(provinces().length + 1));
    // Only the rows in view are in the DOM.
    expect(await p.locator('#heatmap .row').count()).toBeLessThan(60);
    expect(await rows.count()).toBeGreaterThan(5);
    // A roll-up cell counts the province's plans by status.
    const first = await rows.first().locator('button.province-toggle').getAttribute('data-province');
    const inProvince = analysis.coverage.filter(
      (c) => analysis.plans.find((x) => x.id === c.planId)!.meta.province === first,
    );
    const op = inProvince.filter(
      (c) => c.cells.find((x) => x.group === 'TG1')?.status === 'operationalised',
    ).length;
    expect(await rows.first().locator('.cell[data-group="TG1"]').innerText()).toBe(
      `● ${op}/${inProvince.length}`,
    );
    // Opening the province shows its plans, the province's own first, then its districts.
    await rows.first().locator('button.province-toggle').click();
    await expect
      .poll(() => p.locator('#heatmap').getAttribute('aria-rowcount'))
      .toBe(String(provinces().length + inProvince.length + 1));
    expect(await p.locator('#heatmap .rowlabel.district').count()).toBeGreaterThan(0);
    await screenshot(p, 'n01-national-grouped');
    // Sticky heads: scrolled far down, the column heads stay at the top of the scroll box.
    const wrap = p.locator('#heatmap-wrap');
    const top0 = (await wrap.boundingBox())!.y;
    await wrap.evaluate((e) => {
      e.scrollTop = 1200;
    });
    await p.waitForTimeout(200);
    const head = (await p.locator('#heatmap .colhead').first().boundingBox())!;
    expect(Math.abs(head.y - top0)).toBeLessThan(8);
    expect(await p.locator('#heatmap .row').count()).toBeLessThan(60);
    await screenshot(p, 'n02-national-scrolled');
  });

  it('filters by province, level, kind and a group’s status (state in the URL)', async () => {
    const p = await fresh();
    await open(p, `${server.url}#view=coverage&grouped=0`);
    const province = provinces()[10]!;
    await p.locator('#filter-province').selectOption(province);
    await expect.poll(() => new URL(p.url()).hash).toContain('prov=');
    const expected = analysis.plans.filter((x) => x.meta.province === province).length;
    await expect.poll(() => p.locator('#heatmap').getAttribute('aria-rowcount')).toBe(String(expected + 1));
    expect(await p.locator('#plan-count').innerText()).toContain(String(expected));
    await p.locator('#filter-province').selectOption('');
    await p.locator('#filter-level').selectOption('district');
    await p.locator('#filter-kind').selectOption('study-and-dissemination');
    await p.locator('#filter-group').selectOption('TG4');
    await p.locator('#filter-status').selectOption('mentioned');
    const want = analysis.plans.filter(
      (x) =>
        x.meta.level === 'district' &&
        x.meta.kind === 'study-and-dissemination' &&
        (analysis.coverage.find((c) => c.planId === x.id)!.cells.find((c) => c.group === 'TG4')?.status ??
          'absent') === 'mentioned',
    ).length;
    await expect.poll(() => p.locator('#heatmap').getAttribute('aria-rowcount')).toBe(String(want + 1));
    const hash = new URL(p.url()).hash;
    for (const k of ['level=district', 'kind=study-and-dissemination', 'fgroup=TG4', 'fstatus=mentioned'])
      expect(hash).toContain(k);
    await screenshot(p, 'n03-national-filtered');
  });

  it('exports the heatmap as SVG and PNG, and the table as the CLI’s neutralised CSV', async () => {
    const p = await fresh();
    await open(p, `${server.url}#view=coverage&grouped=0&level=province`);
    const provincePlans = analysis.plans.filter((x) => x.meta.level === 'province');
    const get = async (id: string) => {
      const [download] = await Promise.all([p.waitForEvent('download'), p.locator(id).click()]);
      return readFile((await download.path())!);
    };
    const svg = (await get('#export-svg')).toString('utf8');
    const parsed = await p.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror') !== null,
        root: doc.documentElement.nodeName,
        rects: doc.querySelectorAll('rect').length,
      };
    }, svg);
    expect(parsed).toEqual({ error: false, root: 'svg', rects: 1 + provincePlans.length * 5 });
    const png = await get('#export-png');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const csv = (await get('#export-csv')).toString('utf8');
    expect(csv.startsWith('\uFEFF"plan_id","plan","province"')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(provincePlans.length + 1);
    expect(lines.every((l) => l.startsWith('"'))).toBe(true);
  });

  it('print emulation shows every group column on A4', async () => {
    const p = await fresh(794, 1123);
    await open(p, `${server.url}#view=coverage&grouped=0&level=province`);
    await p.emulateMedia({ media: 'print' });
    await p.waitForTimeout(300);
    const heads = await p.locator('#heatmap .colhead').evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { left: r.left, right: r.right, visible: getComputedStyle(e).display !== 'none' };
      }),
    );
    expect(heads).toHaveLength(analysis.directive.taskGroups.length);
    for (const hd of heads) {
      expect(hd.visible).toBe(true);
      expect(hd.right).toBeLessThanOrEqual(794);
    }
    // Every row is printed, not only those that were in view.
    expect(await p.locator('#heatmap .row').count()).toBe(
      analysis.plans.filter((x) => x.meta.level === 'province').length,
    );
    await p.pdf({ path: join(ARTIFACTS, 'n04-print.pdf'), format: 'A4' });
    await screenshot(p, 'n04-print');
  });

  it('similarity at national scale: a canvas in clustered order, hover names both plans, brush zoom and back, exports', async () => {
    const p = await fresh();
    await p.addInitScript(() => {
      const w = window as unknown as { __long: number[] };
      w.__long = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__long.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await open(p, `${server.url}#view=corpus`);
    // No table of 490,000 cells: a canvas, and the most similar pairs as its accessible alternative.
    expect(await p.locator('#similarity-table').count()).toBe(0);
    const canvas = p.locator('#similarity-canvas');
    await canvas.scrollIntoViewIfNeeded();
    expect(await p.locator('#similarity-pairs tbody tr').count()).toBe(50);
    expect(await p.locator('#similarity-legend').innerText()).toContain('Jaccard');
    expect(await p.locator('#zoom-status').innerText()).toContain(`/ ${PLANS}`);
    const box = (await canvas.boundingBox())!;
    // Hover: the label names both plans ("district, province") and their similarity, or says the pair was not compared.
    const names = new Set(analysis.plans.map((x) => x.meta.province));
    await p.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.21);
    const tip = p.locator('#similarity-tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    const titles = await tip.locator('.tip-title').allInnerTexts();
    expect(titles).toHaveLength(2);
    for (const title of titles) expect([...names].some((prov) => title.includes(prov))).toBe(true);
    await screenshot(p, 'n05-similarity-hover');
    // Brush zoom to a square, then back.
    await p.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.1);
    await p.mouse.down();
    await p.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.2, { steps: 4 });
    await p.mouse.up();
    await expect.poll(() => p.locator('#zoom-status').innerText()).not.toContain(`1–${PLANS}`);
    expect(await p.locator('#zoom-back').isDisabled()).toBe(false);
    await screenshot(p, 'n06-similarity-zoomed');
    await p.locator('#zoom-back').click();
    expect(await p.locator('#zoom-status').innerText()).toContain(`1–${PLANS}`);
    const get = async (id: string) => {
      const [download] = await Promise.all([p.waitForEvent('download'), p.locator(id).click()]);
      return readFile((await download.path())!);
    };
    const png = await get('#similarity-png');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const csv = (await get('#similarity-csv')).toString('utf8');
    expect(csv.startsWith('\uFEFF"plan_a_id","plan_a","plan_b_id","plan_b","similarity"')).toBe(true);
    const pairs = new Set<string>();
    for (const n of analysis.findings?.neighbours ?? [])
      for (const q of n.plans) pairs.add([n.planId, q.planId].sort().join('|'));
    expect(csv.slice(1).trimEnd().split('\r\n')).toHaveLength(pairs.size + 1);
    // Distinctive terms of a plan far past the first 60.
    const late = analysis.plans[PLANS - 1]!;
    await open(p, `${server.url}#view=corpus&kplan=${late.id}`);
    // The plan's file (its terms) is fetched when it is chosen: poll, never read once.
    await expect.poll(() => p.locator('#keyness-table').getAttribute('data-plan')).toBe(late.id);
    expect(await p.locator('#keyness-table tbody tr').count()).toBeGreaterThan(0);
    const long = await p.evaluate(() => (window as unknown as { __long: number[] }).__long);
    timings.corpusViewLongestTaskMs = Math.round(Math.max(0, ...long));
    process.stdout.write(
      `corpus view (${PLANS} plans): longest task ${timings.corpusViewLongestTaskMs} ms\n`,
    );
  });
});
