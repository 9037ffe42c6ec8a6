// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright's Locator.innerText reads the rendered text on purpose
/**
 * The viewer as analysts use it, in Debian's Chromium: accessibility (axe-core
 * on every view: no serious or critical violation), the fixed bugs (a hidden
 * "show more" button, one scroll box in the cell panel, the outline, the
 * tooltip inside the viewport, inserted words not looking like links, no
 * untranslated slugs, a favicon, the phone layout). Screenshots go to
 * tests/.artifacts/.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../packages/report/src/index.ts';
import type { StaticServer } from '../../web/serve.ts';
import type { Analysis } from '../../web/src/types.ts';
import {
  analyseCorpus,
  axe,
  buildTestViewer,
  hasChromium,
  launch,
  open,
  REPO,
  screenshot,
  serve,
  withFindings,
  writeTemp,
} from './harness.ts';

describe.skipIf(!hasChromium)('viewer for analysts, in Chromium', () => {
  let browser: Browser;
  let page: Page | undefined;
  let analysis: Analysis;
  let server: StaticServer;
  let analysisFile: string;

  beforeAll(async () => {
    const [dist, analysed] = await Promise.all([buildTestViewer(), analyseCorpus()]);
    analysis = (await withFindings(analysed.analysis)) ?? analysed.analysis;
    analysisFile = await writeTemp('analysis.json', analysis);
    server = await serve(dist, analysisFile);
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const fresh = async (width = 1400, height = 900): Promise<Page> => {
    await page?.close();
    page = await browser.newPage({ viewport: { width, height }, bypassCSP: true });
    page.on('pageerror', (e) => {
      throw e;
    });
    return page;
  };

  const VIEWS = [
    ['coverage', '#view=coverage&plan=qnh-implementation&group=TG3'],
    ['reader', '#view=reader&plan=qnh-implementation'],
    ['reader-original', '#view=reader&plan=qnh-implementation&orig=1&group=TG3'],
    ['compare', '#view=compare&a=qng-implementation&b=qnh-implementation'],
    ['corpus', '#view=corpus&q=doi+ngoai'],
    ['coverage-en', '#view=coverage&lang=en'],
  ] as const;

  for (const [name, hash] of VIEWS)
    it(`axe: no serious or critical violation, and headings in order (${name})`, async () => {
      const p = await fresh();
      await open(p, server.url + hash);
      const violations = await axe(p);
      const bad = violations.filter(
        (v) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'heading-order',
      );
      if (bad.length > 0) process.stderr.write(`axe ${name}: ${JSON.stringify(bad, null, 1)}\n`);
      expect(bad.map((v) => `${v.id}: ${v.nodes.join(' ')}`)).toEqual([]);
    });

  it('corpus: "show more" is hidden when every hit is shown', async () => {
    const p = await fresh();
    await open(p, `${server.url}#view=corpus&q=cua+khau`);
    await p.locator('#hit-count').waitFor();
    const hits = await p.locator('#search-results li.hit').count();
    expect(hits).toBeGreaterThan(0);
    expect(hits).toBeLessThan(100);
    expect(await p.locator('#more-hits').isVisible()).toBe(false);
  });

  it('coverage: the cell panel is one scroll box and choosing a unit does not scroll the page', async () => {
    const p = await fresh();
    await open(p, `${server.url}#view=coverage`);
    await p.locator('#heatmap .cell[data-plan="qnh-implementation"][data-group="TG3"]').click();
    await p.locator('#cell-units').waitFor();
    const scrollers = await p.locator('#cell-detail, #cell-detail *').evaluateAll(
      (els) =>
        els.filter((e) => {
          const s = getComputedStyle(e);
          return /(auto|scroll)/.test(s.overflowY) && e.scrollHeight > e.clientHeight;
        }).length,
    );
    expect(scrollers).toBe(1);
    const button = p.locator('#cell-units li button').last();
    await button.scrollIntoViewIfNeeded();
    const before = await p.evaluate(() => window.scrollY);
    await button.click();
    await p.waitForTimeout(300);
    expect(await p.evaluate(() => window.scrollY)).toBe(before);
    const target = await p.locator('#cell-units li').last().getAttribute('data-unit-ref');
    const inView = await p.evaluate((id) => {
      const el = document.querySelector<HTMLElement>(`#cell-text [data-unit="${CSS.escape(id ?? '')}"]`)!;
      const box = document.getElementById('cell-detail')!.getBoundingClientRect();
      const r = el.getBoundingClientRect();
      return r.top >= box.top && r.top < box.bottom;
    }, target);
    expect(inView).toBe(true);
    await screenshot(p, 'a01-cell-panel');
  });

  it('reader: the outline lists every numbered item and heading; slugs are translated; damaged metadata is marked', async () => {
    const p = await fresh();
    const plan = analysis.plans.find((x) => x.id === 'qnh-implementation')!;
    await open(p, `${server.url}#view=reader&plan=${plan.id}`);
    const expected = plan.units.filter((u) => u.kind === 'heading' || u.kind === 'item').map((u) => u.id);
    expect(expected.length).toBeGreaterThan(plan.units.filter((u) => u.kind === 'heading').length);
    expect(
      await p.locator('.outline a').evaluateAll((els) => els.map((e) => e.getAttribute('data-goto'))),
    ).toEqual(expected);
    const side = await p.locator('aside.side').innerText();
    expect(side).not.toMatch(/\bimplementation\b|ket-luan|quyet-dinh/);
    // The manifest says the number and signer are unknown; what OCR read stands beside it, marked as damaged.
    const meta = await p.locator('dl.meta').innerText();
    expect(meta).toContain('không rõ (theo danh mục)');
    expect(await p.locator('dl.meta .extracted.garbled').count()).toBeGreaterThanOrEqual(2);
    await screenshot(p, 'a02-reader-meta');
  });

  it('tooltip stays inside the viewport', async () => {
    const p = await fresh(1000, 700);
    await open(p, `${server.url}#view=reader&plan=qnh-implementation`);
    const units = p.locator('#reader-doc .unit.tinted');
    for (const i of [0, 5, 12]) {
      const u = units.nth(i);
      await u.scrollIntoViewIfNeeded();
      const box = (await u.boundingBox())!;
      await p.mouse.move(box.x + box.width - 4, box.y + box.height - 2);
      const tip = p.locator('#unit-tooltip');
      await tip.waitFor({ state: 'visible' });
      const r = (await tip.boundingBox())!;
      expect(r.x).toBeGreaterThanOrEqual(0);
      expect(r.y).toBeGreaterThanOrEqual(0);
      expect(r.x + r.width).toBeLessThanOrEqual(1000);
      expect(r.y + r.height).toBeLessThanOrEqual(700);
    }
    // Evidence in words: no internal names, no bare function words.
    const text = await p.locator('#unit-tooltip').innerText();
    expect(text).not.toMatch(/\(heading\)|held-out|lexical|“(và|của|với|các)”/);
  });

  it('compare: inserted words do not look like links', async () => {
    const p = await fresh();
    await open(p, `${server.url}#view=compare&a=qng-implementation&b=qnh-implementation`);
    const style = await p
      .locator('ins')
      .first()
      .evaluate((e) => {
        const s = getComputedStyle(e);
        return { decoration: s.textDecorationLine, colour: s.color };
      });
    const link = await p.evaluate(() => {
      const a = document.createElement('a');
      a.href = '#';
      document.body.append(a);
      const c = getComputedStyle(a).color;
      a.remove();
      return c;
    });
    expect(style.decoration).toBe('none');
    expect(style.colour).not.toBe(link);
  });

  it('the CLI, the report and the viewer list the same addition clusters in the same order', async () => {
    const planId = 'qnh-implementation';
    const stored = analysis.findings!.additions.filter((c) => c.planId === planId);
    expect(stored.length).toBeGreaterThan(5);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        `${REPO}/node_modules/tsx/dist/cli.mjs`,
        'packages/cli/src/main.ts',
        'additions',
        planId,
        '--analysis',
        analysisFile,
        '--json',
      ],
      { cwd: REPO, maxBuffer: 64 * 1024 * 1024 },
    );
    const cli = (JSON.parse(stdout) as { id: string; label: string }[]).map((c) => `${c.id} ${c.label}`);
    expect(cli).toEqual(stored.map((c) => `${c.id} ${c.label}`));
    // The report shows the top five of each plan, in the same order.
    const html = renderHtmlReport(analysis);
    const reportLabels = [...html.matchAll(/<h3>Quảng Ninh[^<]*#(\d+): ([^<]*)<\/h3>/g)].map(
      (m) => `${m[1]} ${m[2]}`,
    );
    expect(reportLabels).toEqual(stored.slice(0, 5).map((c, i) => `${i + 1} ${c.label}`));
    const p = await fresh();
    await open(p, `${server.url}#view=compare&a=qng-implementation&b=${planId}`);
    const viewer = await p
      .locator('#additions-omissions .side-b .additions > li')
      .evaluateAll((els) =>
        els.map((e) => `${e.getAttribute('data-cluster')} ${e.querySelector('.cluster-label')?.textContent}`),
      );
    expect(viewer).toEqual(stored.map((c) => `${c.id} ${c.label}`));
    // The border-gate cluster comes near the top, by the ranking.
    expect(stored.slice(0, 5).some((c) => c.passages.some((x) => x.text.includes('cửa khẩu')))).toBe(true);
    await p.locator('#additions-omissions').scrollIntoViewIfNeeded();
    await screenshot(p, 'a04-additions');
  });

  it('a favicon is served', async () => {
    const p = await fresh();
    await open(p, `${server.url}#view=coverage`);
    const href = await p.locator('link[rel="icon"]').getAttribute('href');
    expect(href).toBeTruthy();
    const response = await p.request.get(new URL(href!, server.url).toString());
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain('<svg');
  });

  it('phone: the header stays small and every heatmap cell can be reached', async () => {
    const p = await fresh(390, 844);
    await open(p, `${server.url}#view=coverage`);
    const header = (await p.locator('header.top').boundingBox())!;
    expect(header.height).toBeLessThan(130);
    // Scrolled down, the header is gone and does not cover the content.
    await p.evaluate(() => window.scrollTo(0, 400));
    const top = await p.locator('header.top').evaluate((e) => e.getBoundingClientRect().bottom);
    expect(top).toBeLessThanOrEqual(0);
    await p.evaluate(() => window.scrollTo(0, 0));
    // Either every column is on screen or the heatmap says how to reach the others.
    const last = p.locator('#heatmap .cell').last();
    const lastBox = (await last.boundingBox())!;
    const hint = await p.locator('#heatmap-hint').isVisible();
    expect(lastBox.x + lastBox.width <= 390 || hint).toBe(true);
    await last.scrollIntoViewIfNeeded();
    const reached = (await last.boundingBox())!;
    expect(reached.x + reached.width).toBeLessThanOrEqual(390);
    await p.evaluate(() => window.scrollTo(0, 0));
    await screenshot(p, 'a03-phone');
  });
});
