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
import { readFile } from 'node:fs/promises';
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
    ['corpus-terms-en', '#view=corpus&kplan=lso-135-conference&lang=en'],
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

  it('reasons: each unit says why it is a task or not, consistently with the heatmap’s status', async () => {
    // The data: a group is operationalised exactly when one of its units is charged as a task.
    const unitsById = new Map(analysis.plans.flatMap((x) => x.units.map((u) => [u.id, u] as const)));
    for (const row of analysis.coverage)
      for (const cell of row.cells) {
        const tasks = cell.units.filter((id) => unitsById.get(id)!.charge?.task);
        expect(cell.status === 'operationalised', `${row.planId} ${cell.group}`).toBe(tasks.length > 0);
        expect([...cell.operationalUnits].sort()).toEqual([...tasks].sort());
      }
    const plan = analysis.plans.find((x) => x.id === 'qnh-implementation')!;
    const labelled = plan.units.filter((u) => u.charge && u.alignment.labels.length > 0);
    const p = await fresh();
    await open(p, `${server.url}#view=reader&plan=${plan.id}`);
    // The reader: a tag on every unit that carries a group, and the reasons counted in the side panel.
    expect(await p.locator('#reader-doc .charge-tag').count()).toBe(labelled.length);
    expect(await p.locator('#reader-doc .charge-tag.task').count()).toBe(
      labelled.filter((u) => u.charge!.task).length,
    );
    const panel = p.locator('#charge-reasons');
    const counted = await panel
      .locator('li.task .count')
      .allInnerTexts()
      .then((xs) => xs.reduce((s, x) => s + Number(x.replace(/\D/g, '')), 0));
    expect(counted).toBe(labelled.filter((u) => u.charge!.task).length);
    const first = labelled.find((u) => u.charge!.task && u.charge!.evidence)!;
    expect(await panel.innerText()).toContain(first.charge!.evidence!.text.slice(0, 20));
    await screenshot(p, 'a07-reader-reasons');
    // The cell panel: each unit of an operationalised cell says why, with the words that decided.
    await open(p, `${server.url}#view=coverage&plan=${plan.id}&group=TG3`);
    const cell = analysis.coverage.find((r) => r.planId === plan.id)!.cells.find((c) => c.group === 'TG3')!;
    await p.locator('#cell-units').waitFor();
    expect(await p.locator('#cell-units .charge-line').count()).toBe(cell.units.length);
    expect(await p.locator('#cell-units .charge-line.task').count()).toBe(cell.operationalUnits.length);
    expect(await p.locator('#cell-units .charge-line.task').first().innerText()).toMatch(/^nhiệm vụ: .+“.+”/);
    await screenshot(p, 'a08-cell-reasons');
  });

  it('print: every view prints its content within an A4 page, without controls', async () => {
    const plan = analysis.plans.find((x) => x.id === 'qnh-implementation')!;
    const views: Array<[string, string, string[]]> = [
      ['coverage', `#view=coverage&plan=${plan.id}&group=TG3`, ['#heatmap', '#cell-detail', '#cell-units']],
      ['reader', `#view=reader&plan=${plan.id}`, ['#reader-doc', '#charge-reasons']],
      ['compare', '#view=compare&a=qng-implementation&b=qnh-implementation', ['#compare-body .cmp-group']],
      ['corpus', '#view=corpus&q=doi+ngoai', ['#search-results li.hit', '#similarity', '#keyness-table']],
      ['profiles', '#view=profiles', ['#profile-table']],
    ];
    for (const [name, hash, selectors] of views) {
      const p = await fresh(794, 1123);
      await open(p, server.url + hash);
      await p.emulateMedia({ media: 'print' });
      await p.waitForTimeout(200);
      const check = await p.evaluate((sels) => {
        const shown = (e: Element) => {
          const r = e.getBoundingClientRect();
          return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
        };
        return {
          width: document.documentElement.scrollWidth,
          buttons: [
            ...document.querySelectorAll('main .btn, main select, main input, main .copy-link'),
          ].filter(shown).length,
          content: sels.map((s) => [...document.querySelectorAll(s)].filter(shown).length),
          right: Math.max(
            ...sels.flatMap((s) =>
              [...document.querySelectorAll(s)].map((e) => e.getBoundingClientRect().right),
            ),
          ),
        };
      }, selectors);
      expect(check.width, name).toBeLessThanOrEqual(794);
      expect(check.right, name).toBeLessThanOrEqual(794);
      expect(check.buttons, name).toBe(0);
      for (const [i, n] of check.content.entries()) expect(n, `${name} ${selectors[i]}`).toBeGreaterThan(0);
      if (name === 'coverage') {
        const heads = await p
          .locator('#heatmap .colhead')
          .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
        expect(heads).toHaveLength(analysis.directive.taskGroups.length);
        for (const r of heads) expect(r).toBeLessThanOrEqual(794);
      }
      if (name === 'reader') expect(await p.locator('#reader-doc .unit').count()).toBe(plan.units.length);
      await screenshot(p, `a09-print-${name}`);
    }
  });

  it('exports: the cell, the plan, the comparison and the profiles as the CLI’s neutralised CSV', async () => {
    const p = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    const get = async (id: string) => {
      const [download] = await Promise.all([p.waitForEvent('download'), p.locator(id).click()]);
      const text = (await readFile((await download.path())!)).toString('utf8');
      expect(text.startsWith('\uFEFF"')).toBe(true);
      const lines = text.slice(1).trimEnd().split('\r\n');
      expect(lines.every((l) => l.startsWith('"'))).toBe(true);
      return lines;
    };
    const plan = analysis.plans.find((x) => x.id === 'qnh-implementation')!;
    const cell = analysis.coverage.find((r) => r.planId === plan.id)!.cells.find((c) => c.group === 'TG3')!;
    await open(p, `${server.url}#view=coverage&plan=${plan.id}&group=TG3`);
    expect(await get('#cell-csv')).toHaveLength(cell.units.length + 1);
    await open(p, `${server.url}#view=reader&plan=${plan.id}`);
    const units = await get('#reader-csv');
    expect(units).toHaveLength(plan.units.length + 1);
    expect(units[0]).toContain('"task_reason"');
    await open(p, `${server.url}#view=compare&a=qng-implementation&b=qnh-implementation`);
    expect((await get('#compare-csv')).length).toBeGreaterThan(1);
    await open(p, `${server.url}#view=profiles`);
    expect(await get('#profiles-csv')).toHaveLength((analysis.profiles?.length ?? 0) + 1);
    await open(p, `${server.url}#view=corpus&kplan=${plan.id}`);
    const terms = await get('#keyness-csv');
    expect(terms.length).toBe(
      (analysis.findings?.keyness.find((k) => k.planId === plan.id)?.terms.length ?? 0) + 1,
    );
    expect((await get('#similarity-csv')).length).toBe(
      (analysis.plans.length * (analysis.plans.length - 1)) / 2 + 1,
    );
    // A search hit cites its plan and unit with a link that reopens the reader at the unit.
    await open(p, `${server.url}#view=corpus&q=doi+ngoai`);
    await p.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const hit = p.locator('#search-results li.hit').first();
    const unitId = await hit.getAttribute('data-unit');
    await hit.locator('.copy-link').click();
    await expect.poll(() => hit.locator('.copy-link').getAttribute('data-citation')).toContain(unitId!);
    expect(await hit.locator('.copy-link').getAttribute('data-citation')).toContain('view=reader');
    await p.close();
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
