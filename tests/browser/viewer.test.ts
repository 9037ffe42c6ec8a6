// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright's Locator.innerText reads the rendered text on purpose
/**
 * The viewer in a real browser (Debian's Chromium through playwright-core),
 * on the bundled corpus as `doichieu analyze` writes it: every view, a
 * heatmap cell's units, a known difference between two plans, search
 * without diacritics, the language switch, state in the URL, safety against
 * markup in documents, and the time to first render of the heatmap on the
 * corpus and on 700 plans. Screenshots go to tests/.artifacts/.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaticServer } from '../../web/serve.ts';
import { syntheticAnalysis } from '../../web/src/synthetic.ts';
import type { Analysis } from '../../web/src/types.ts';
import {
  ARTIFACTS,
  analyseCorpus,
  buildTestViewer,
  CHROMIUM,
  hasChromium,
  launch,
  open,
  screenshot,
  serve,
  withFindings,
  writeTemp,
} from './harness.ts';

if (!hasChromium)
  process.stderr.write(
    `browser tests SKIPPED: ${CHROMIUM} is missing. Install it with: apt-get update && apt-get install -y chromium\n`,
  );

const PAYLOAD_SCRIPT = '<script>window.__pwned = 1</script>';
const PAYLOAD_IMG = '<img src=x onerror="window.__pwned = 2">';

/** Accent folding written independently of the viewer's, for expected search hits. */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ');
}

function hostile(analysis: Analysis): Analysis {
  const copy = structuredClone(analysis);
  const plan = copy.plans[0]!;
  plan.meta.province = `${PAYLOAD_IMG}Tỉnh`;
  const unit = plan.units.find((u) => u.alignment.content && u.alignment.labels.length > 0)!;
  unit.text = `${PAYLOAD_SCRIPT} ${PAYLOAD_IMG} ${unit.text}`;
  plan.source.text += `\n${PAYLOAD_SCRIPT}\n${PAYLOAD_IMG}\n`;
  if (plan.references[0]) plan.references[0].number = PAYLOAD_IMG;
  return copy;
}

describe.skipIf(!hasChromium)('viewer in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let analysis: Analysis;
  let findingsAnalysis: Analysis | undefined;
  const servers: Record<string, StaticServer> = {};
  const timings: Record<string, Record<string, number>> = {};

  beforeAll(async () => {
    const [dist, analysed] = await Promise.all([buildTestViewer(), analyseCorpus()]);
    analysis = analysed.analysis;
    findingsAnalysis = await withFindings(analysis);
    const big = syntheticAnalysis(findingsAnalysis ?? analysis, 700);
    const files = {
      corpus: analysed.file,
      findings: findingsAnalysis ? await writeTemp('findings.json', findingsAnalysis) : analysed.file,
      hostile: await writeTemp('hostile.json', hostile(findingsAnalysis ?? analysis)),
      big: await writeTemp('analysis-700.json', big),
    };
    for (const [name, file] of Object.entries(files)) servers[name] = await serve(dist, file);
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    for (const s of Object.values(servers)) await s.close();
    if (Object.keys(timings).length > 0)
      await writeFile(join(ARTIFACTS, 'timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
  });

  const fresh = async (width = 1400, height = 900): Promise<Page> => {
    await page?.close();
    page = await browser.newPage({ viewport: { width, height } });
    page.on('pageerror', (e) => {
      throw e;
    });
    return page;
  };
  const hashOf = (p: Page) => new URL(p.url()).hash;

  it('coverage: a heatmap of plans × task groups, with a legend', async () => {
    const p = await fresh();
    await open(p, `${servers.corpus!.url}#view=coverage`);
    const groups = analysis.directive.taskGroups.length;
    expect(await p.locator('#heatmap .cell').count()).toBe(analysis.plans.length * groups);
    expect(await p.locator('#heatmap .colhead').count()).toBe(groups);
    await expect.poll(() => p.locator('#coverage-legend').innerText()).toContain('chỉ nhắc đến');
    // Cells carry their status: every coverage cell is drawn with the status of the analysis.
    for (const row of analysis.coverage)
      for (const cell of row.cells)
        expect(
          await p
            .locator(`#heatmap .cell[data-plan="${row.planId}"][data-group="${cell.group}"]`)
            .getAttribute('data-status'),
        ).toBe(cell.status);
    await screenshot(p, '01-coverage');
  });

  it('coverage: a click on a cell shows the units behind it, highlighted in the plan text', async () => {
    const p = await fresh();
    await open(p, `${servers.corpus!.url}#view=coverage`);
    const planId = 'qnh-implementation';
    const cell = analysis.coverage.find((c) => c.planId === planId)!.cells.find((c) => c.group === 'TG3')!;
    expect(cell.units.length).toBeGreaterThan(0);
    await p.locator(`#heatmap .cell[data-plan="${planId}"][data-group="TG3"]`).click();
    await p.locator('#cell-units').waitFor();
    expect(
      await p.locator('#cell-units li').evaluateAll((els) => els.map((e) => e.getAttribute('data-unit-ref'))),
    ).toEqual(cell.units);
    expect(
      await p
        .locator('#cell-text .unit.hit')
        .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.unit)),
    ).toEqual(cell.units);
    // Quảng Ninh's border-gate information clusters are among its TG3 units.
    expect(await p.locator('#cell-text .unit.hit').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('cửa khẩu')]),
    );
    expect(hashOf(p)).toContain(`plan=${planId}`);
    expect(hashOf(p)).toContain('group=TG3');
    await screenshot(p, '02-coverage-cell');
  });

  it('coverage: keyboard reachable (Tab, arrows, Enter) and sortable by a group', async () => {
    const p = await fresh();
    await open(p, `${servers.corpus!.url}#view=coverage`);
    await p.locator('#heatmap .cell[tabindex="0"]').focus();
    const first = await p.evaluate(() => (document.activeElement as HTMLElement).dataset);
    await p.keyboard.press('ArrowRight');
    await p.keyboard.press('ArrowDown');
    await p.keyboard.press('Enter');
    // The hash changes at once; the hashchange event that applies it comes a moment later.
    await expect.poll(() => p.evaluate(() => window.__viewer!.state().plan)).toBeDefined();
    const state = await p.evaluate(() => window.__viewer!.state());
    const rows = await p
      .locator('#heatmap .row')
      .evaluateAll((els) => els.map((e) => (e.querySelector('.cell') as HTMLElement).dataset.plan));
    expect(state.plan).toBe(rows[1]);
    expect(state.group).toBe(analysis.directive.taskGroups[1]!.id);
    expect(first.group).toBe(analysis.directive.taskGroups[0]!.id);
    // Sort by TG4 (descending): Quảng Ninh operationalises TG4 with the largest share.
    await p.locator('.colhead').nth(3).focus();
    await p.keyboard.press('Enter');
    const sorted = await p
      .locator('#heatmap .row .cell[data-c="0"]')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.plan));
    const byTg4 = [...analysis.coverage]
      .map((c) => ({ id: c.planId, cell: c.cells.find((x) => x.group === 'TG4')! }))
      .filter((x) => x.cell.status === 'operationalised')
      .sort((a, b) => b.cell.share - a.cell.share);
    expect(sorted[0]).toBe(byTg4[0]!.id);
    expect(hashOf(p)).toContain('sort=TG4');
  });

  it('reader: text coloured by group, outline, metadata, agencies, deadlines, cited documents, tooltip, original', async () => {
    const p = await fresh();
    const plan = analysis.plans.find((x) => x.id === 'qng-implementation')!;
    await open(p, `${servers.corpus!.url}#view=reader&plan=${plan.id}`);
    expect(await p.locator('#reader-doc .doc .unit').count()).toBe(plan.units.length);
    const labelled = plan.units.filter((u) => u.alignment.labels.length > 0).length;
    expect(await p.locator('#reader-doc .doc .unit.tinted').count()).toBe(labelled);
    expect(await p.locator('.outline li').count()).toBe(
      plan.units.filter((u) => u.kind === 'heading' || u.kind === 'item').length,
    );
    expect(await p.locator('#agencies').innerText()).toContain('Ban Thường vụ Tỉnh ủy');
    expect(await p.locator('#deadlines').innerText()).toContain('Thường xuyên');
    expect(await p.locator('#references').innerText()).toContain('57-KL/TW');
    expect(await p.locator('dl.meta').innerText()).toContain(plan.meta.signer);
    // Hover: scores and evidence.
    const unit = plan.units.find(
      (u) => u.alignment.labels.length > 0 && Object.keys(u.alignment.evidence).length > 0,
    )!;
    await p.locator(`[data-unit="${unit.id}"]`).hover();
    const tip = p.locator('#unit-tooltip');
    await tip.waitFor({ state: 'visible' });
    const tipText = await tip.innerText();
    expect(tipText).toContain(unit.id);
    expect(tipText).toContain((unit.alignment.scores[unit.alignment.labels[0]!] ?? 0).toFixed(2));
    expect(tipText).toContain(unit.alignment.evidence[unit.alignment.labels[0]!]![0]!.feature);
    await screenshot(p, '03-reader');
    // The original, un-normalised text with the same highlights.
    await p.locator('#toggle-original').check();
    await p.locator('.doc.original').waitFor();
    expect(await p.locator('.doc.original').evaluate((e) => e.textContent)).toBe(plan.source.text);
    expect(await p.locator('.doc.original .unit.tinted').count()).toBe(labelled);
    expect(hashOf(p)).toContain('orig=1');
    await p.locator('.doc.original .unit.tinted').nth(2).scrollIntoViewIfNeeded();
    await screenshot(p, '04-reader-original');
  });

  it('compare: two plans aligned by task group show a known difference', async () => {
    const p = await fresh();
    // Lạng Sơn's conference plan has nothing on TG5 (resources); Quảng Ngãi's implementation plan makes it a task.
    await open(p, `${servers.corpus!.url}#view=compare&a=lso-135-conference&b=qng-implementation`);
    const tg5 = p.locator('#status-diffs li[data-group="TG5"]');
    expect(await tg5.innerText()).toMatch(/A không có .* B đã cụ thể hóa thành nhiệm vụ/);
    if (!analysis.findings) expect(await p.locator('#findings-missing').isVisible()).toBe(true);
    // Quảng Ninh adds border-gate information clusters under TG3; Quảng Ngãi does not.
    await open(p, `${servers.corpus!.url}#view=compare&a=qng-implementation&b=qnh-implementation`);
    const tg3 = p.locator('.cmp-group[data-group="TG3"]');
    const bSide = (
      await tg3.locator('.col.side-b, .cmp-row.pair > .passage:nth-child(2)').allInnerTexts()
    ).join('\n');
    const aSide = (
      await tg3.locator('.col.side-a, .cmp-row.pair > .passage:nth-child(1)').allInnerTexts()
    ).join('\n');
    expect(bSide).toContain('cửa khẩu');
    expect(aSide).not.toContain('cửa khẩu');
    await tg3.scrollIntoViewIfNeeded();
    await screenshot(p, '05-compare');
  });

  it('compare with findings: word-level diff of paired units, verbatim reuse, additions and omissions', async (ctx) => {
    if (!findingsAnalysis?.findings) ctx.skip();
    const f = findingsAnalysis!.findings!;
    const comp = f.comparisons.find((c) => c.pairs.length > 0 && c.reuse.length > 0)!;
    const p = await fresh();
    await open(p, `${servers.findings!.url}#view=compare&a=${comp.a}&b=${comp.b}`);
    // The two plans' files arrive from the data worker on their own time: poll, never read once.
    await expect.poll(() => p.locator('.cmp-row.pair').count()).toBe(comp.pairs.length);
    const removed = comp.pairs.flatMap((x) => x.diff.filter((d) => d.op === 'removed'));
    const added = comp.pairs.flatMap((x) => x.diff.filter((d) => d.op === 'added'));
    await expect.poll(() => p.locator('.cmp-row.pair del').count()).toBe(removed.length);
    await expect.poll(() => p.locator('.cmp-row.pair ins').count()).toBe(added.length);
    if (added[0])
      await expect.poll(() => p.locator('.cmp-row.pair ins').first().textContent()).toBe(added[0].text);
    await expect.poll(() => p.locator('#reuse-list li').count()).toBe(comp.reuse.length);
    await expect.poll(() => p.locator('.passage.reused').count()).toBeGreaterThan(0);
    const adds = f.additions.filter((x) => x.planId === comp.a).length;
    const oms = f.omissions.filter((x) => x.planId === comp.a).length;
    await expect.poll(() => p.locator('#additions-omissions .side-a .additions > li').count()).toBe(adds);
    await expect
      .poll(() => p.locator('#additions-omissions .side-a .omissions li.omission').count())
      .toBe(oms);
    // Swapping flips the diff: what was added to B is now removed from A.
    await p.locator('#compare-swap').click();
    await expect.poll(() => hashOf(p)).toContain(`a=${comp.b}`);
    await expect.poll(() => p.locator('.cmp-row.pair del').count()).toBe(added.length);
    await p.locator('#compare-swap').click();
    await screenshot(p, '06-compare-findings');
  });

  it('corpus: search ignores diacritics ("doi ngoai" finds "đối ngoại")', async () => {
    const p = await fresh();
    await open(p, `${servers.corpus!.url}#view=corpus`);
    await p.locator('#search-input').fill('doi ngoai');
    await p.locator('#hit-count').waitFor();
    // Every word, in any order, as whole syllables.
    const word = (w: string) => new RegExp(`(^|[^\\p{L}\\p{N}])${w}($|[^\\p{L}\\p{N}])`, 'u');
    const expected = analysis.plans.flatMap((pl) =>
      pl.units
        .filter((u) => word('doi').test(fold(u.text)) && word('ngoai').test(fold(u.text)))
        .map((u) => u.id),
    );
    const plans = new Set(expected.map((id) => id.split(':')[0])).size;
    expect(await p.locator('#hit-count').innerText()).toBe(
      `${expected.length} kết quả trong ${plans} kế hoạch`,
    );
    const shown = await p
      .locator('#search-results li.hit')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.unit));
    expect(shown).toEqual(expected.slice(0, 100));
    const marks = await p.locator('#search-results mark').allTextContents();
    expect(marks.every((m) => ['doi', 'ngoai'].includes(fold(m)))).toBe(true);
    expect(marks).toContain('đối');
    expect(await p.locator('#kwic tr').count()).toBe(Math.min(50, expected.length));
    expect(await p.locator('#hits-per-plan li').count()).toBe(plans);
    expect(hashOf(p)).toContain('q=doi+ngoai');
    await screenshot(p, '07-corpus-search');
    // A hit opens the reader at its unit.
    await p.locator('#search-results li.hit a').first().click();
    await expect.poll(() => p.evaluate(() => window.__viewer!.state().unit)).toBe(expected[0]);
    expect(await p.locator('.unit.selected').getAttribute('data-unit')).toBe(expected[0]);
  });

  it('corpus: plan similarity and distinctive terms (and a note when findings are absent)', async () => {
    const p = await fresh();
    if (!analysis.findings) {
      await open(p, `${servers.corpus!.url}#view=corpus`);
      expect(await p.locator('#similarity .note').count()).toBe(1);
      expect(await p.locator('#keyness .note').count()).toBe(1);
    }
    if (!findingsAnalysis?.findings) return;
    await open(p, `${servers.findings!.url}#view=corpus`);
    const f = findingsAnalysis.findings;
    expect(await p.locator('#similarity-table tbody tr').count()).toBe(f.plans.length);
    expect(await p.locator('#similarity-pairs tbody tr').count()).toBe(
      Math.min(50, (f.plans.length * (f.plans.length - 1)) / 2),
    );
    // Distinctive terms of any plan: the picker lists every plan, the choice is in the URL.
    expect(await p.locator('#keyness-plan option').count()).toBe(findingsAnalysis.plans.length);
    const last = f.keyness[f.keyness.length - 1]!;
    await p.locator('#keyness-plan').selectOption(last.planId);
    await expect.poll(() => p.evaluate(() => window.__viewer!.state().kplan)).toBe(last.planId);
    const top = [...last.terms].sort((a, b) => b.g2 - a.g2)[0]!;
    expect(await p.locator(`#keyness-table[data-plan="${last.planId}"] td.term`).first().innerText()).toBe(
      top.term,
    );
    expect(await p.locator('#g2-explained').innerText()).toContain('G²');
    // A matrix cell opens the comparison of its pair.
    await p.locator('#similarity-table tbody tr').nth(0).locator('td a').first().click();
    await expect.poll(() => p.evaluate(() => window.__viewer!.state().view)).toBe('compare');
    await open(p, `${servers.findings!.url}#view=corpus`);
    await screenshot(p, '08-corpus');
  });

  it('language: switches between Vietnamese and English, task groups named in both', async () => {
    const p = await fresh();
    await open(p, `${servers.corpus!.url}#view=coverage`);
    expect(await p.evaluate(() => document.documentElement.lang)).toBe('vi');
    expect(await p.locator('#nav-coverage').innerText()).toBe('Mức độ bao phủ');
    const g1 = analysis.directive.taskGroups[0]!;
    expect(await p.locator('.colhead').first().textContent()).toContain(g1.short.vi.split(' ')[0]!);
    await p.locator('#lang-toggle').click();
    await expect.poll(() => p.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await p.locator('#nav-coverage').innerText()).toBe('Coverage');
    expect(await p.locator('.colhead').first().textContent()).toContain(g1.short.en.split(' ')[0]!);
    expect(await p.locator('#coverage-legend').innerText()).toContain('only mentioned');
    expect(hashOf(p)).toContain('lang=en');
    await p.reload();
    await p.waitForFunction(() => window.__viewer?.ready === true);
    expect(await p.locator('#nav-coverage').innerText()).toBe('Coverage');
    await p.locator('#heatmap .cell[data-plan="qng-222-study"][data-group="TG1"]').click();
    await screenshot(p, '09-english');
  });

  it('state lives in the URL: a link reproduces the view', async () => {
    const p = await fresh();
    const plan = analysis.plans.find((x) => x.id === 'qnh-implementation')!;
    const unit = plan.units[Math.floor(plan.units.length / 2)]!;
    await open(
      p,
      `${servers.corpus!.url}#view=reader&lang=en&plan=${plan.id}&unit=${encodeURIComponent(unit.id)}&orig=1&group=TG3`,
    );
    expect(await p.locator('#plan-select').inputValue()).toBe(plan.id);
    expect(await p.locator('#toggle-original').isChecked()).toBe(true);
    expect(await p.locator('.unit.selected').getAttribute('data-unit')).toBe(unit.id);
    expect(await p.locator('.group-legend .chip.on').getAttribute('data-group')).toBe('TG3');
    expect(await p.locator('#nav-reader').getAttribute('aria-current')).toBe('page');
    // Back and forward move between views.
    await p.locator('#nav-corpus').click();
    await expect.poll(() => p.evaluate(() => window.__viewer!.state().view)).toBe('corpus');
    await p.goBack();
    await expect.poll(() => p.evaluate(() => window.__viewer!.state().view)).toBe('reader');
  });

  it('safety: markup in a document is shown as text and runs nothing', async () => {
    const p = await fresh();
    let dialogs = 0;
    p.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    const url = servers.hostile!.url;
    const planId = analysis.plans[0]!.id;
    for (const hash of [
      '#view=coverage',
      `#view=reader&plan=${planId}`,
      `#view=reader&plan=${planId}&orig=1`,
      `#view=corpus&q=${encodeURIComponent('<script>')}`,
      `#view=compare&a=${planId}&b=${analysis.plans[1]!.id}`,
    ]) {
      await open(p, url + hash);
      await p.waitForTimeout(100);
      if (hash.includes('corpus'))
        expect(await p.locator('#search-results mark').first().textContent()).toBe('<script>');
      expect(await p.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await p.locator('img').count()).toBe(0);
      expect(await p.locator('script').count()).toBe(1);
      const text = await p.locator('main').innerText();
      if (hash.includes('reader') || hash.includes('corpus')) expect(text).toContain(PAYLOAD_SCRIPT);
      if (hash.includes('reader')) expect(text).toContain(PAYLOAD_IMG);
    }
    await open(p, `${url}#view=reader&plan=${planId}`);
    expect(dialogs).toBe(0);
    await screenshot(p, '10-safety');
  });

  for (const [name, label] of [
    ['corpus', 'bundled corpus'],
    ['big', '700 plans'],
  ] as const)
    it(`performance: time to first render of the heatmap (${label})`, async () => {
      const p = await fresh();
      await open(p, `${servers[name]!.url}#view=coverage`);
      const marks = await p.evaluate(() => {
        const at = (n: string) => performance.getEntriesByName(n)[0]?.startTime ?? Number.NaN;
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return {
          responseEnd: nav?.responseEnd ?? Number.NaN,
          firstContentfulPaint: at('first-contentful-paint'),
          summaryLoaded: at('summary-loaded'),
          dataLoaded: at('data-loaded'),
          dataIndexed: at('data-indexed'),
          heatmapDrawn: at('heatmap-drawn'),
          heatmapPainted: at('heatmap-painted'),
          cells: document.querySelectorAll('#heatmap .cell').length,
        };
      });
      const result = {
        ...marks,
        renderAfterData: marks.heatmapPainted - marks.summaryLoaded,
        firstRender: marks.heatmapPainted,
      };
      timings[label] = Object.fromEntries(Object.entries(result).map(([k, v]) => [k, Math.round(v)]));
      process.stdout.write(
        `heatmap first render, ${label}: ${Math.round(result.firstRender)} ms after navigation start ` +
          `(summary loaded at ${Math.round(marks.summaryLoaded)} ms, heatmap drawn and painted ${Math.round(result.renderAfterData)} ms later; ` +
          `full analysis loaded at ${Math.round(marks.dataLoaded)} ms; ${marks.cells} cells)\n`,
      );
      // A virtual list: at 700 plans only the rows in view are in the DOM.
      if (name === 'big') expect(marks.cells).toBeGreaterThan(0);
      else expect(marks.cells).toBe(analysis.plans.length * analysis.directive.taskGroups.length);
      // The timing is reported (and saved to timings.json), not asserted: this machine is shared and noisy.
      expect(Number.isFinite(result.firstRender)).toBe(true);
      if (name === 'big') await screenshot(p, '11-coverage-700');
    });
});
