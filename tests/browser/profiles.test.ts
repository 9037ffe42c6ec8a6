// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright's Locator.innerText reads the rendered text on purpose
/**
 * The profiles view and the reader's profile panel in Chromium, on the
 * bundled corpus as `doichieu analyze` writes it: the sortable profile table,
 * the citation checks with links to the passages, the citation graph.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaticServer } from '../../web/serve.ts';
import type { Analysis } from '../../web/src/types.ts';
import { analyseCorpus, buildTestViewer, hasChromium, launch, open, screenshot, serve } from './harness.ts';

describe.skipIf(!hasChromium)('profiles in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  let analysis: Analysis;

  beforeAll(async () => {
    const [dist, analysed] = await Promise.all([buildTestViewer(), analyseCorpus()]);
    analysis = analysed.analysis;
    server = await serve(dist, analysed.file);
    browser = await launch();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const page = async (): Promise<Page> => {
    const p = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    p.on('pageerror', (e) => {
      throw e;
    });
    return p;
  };

  it('lists every plan’s profile, sorts by lag, and leads from a citation check to its passage', async () => {
    const p = await page();
    await open(p, `${server.url}#view=profiles&lang=en`);
    const rows = p.locator('#profile-table tbody tr');
    expect(await rows.count()).toBe(analysis.plans.length);
    const lagOf = (id: string) => p.locator(`#profile-table tr[data-plan="${id}"] td`).first().innerText();
    expect(await lagOf('qng-222-study')).toBe('91');
    expect(await lagOf('qnh-implementation')).toBe('169–199');
    await p.locator('#profile-table th a', { hasText: 'Lag (days)' }).click();
    await expect
      .poll(() => p.locator('#profile-table tbody tr').first().getAttribute('data-plan'))
      .toBe('qng-222-study');
    const check = p.locator('#citation-checks li', { hasText: '126-KL/TW' });
    expect(await check.innerText()).toContain('16-KL/TW');
    expect(await p.locator('#citation-graph text.flagged', { hasText: '126-KL/TW' }).count()).toBe(1);
    await screenshot(p, '20-profiles');
    await check.locator('a.evidence').first().click();
    await expect.poll(() => new URL(p.url()).hash).toContain('view=reader');
    expect(new URL(p.url()).hash).toContain('plan=lso-135-conference');
    await p.close();
  }, 120_000);

  it('shows the plan’s profile in the reader', async () => {
    const p = await page();
    await open(p, `${server.url}#view=reader&plan=district-study&lang=en`);
    const panel = p.locator('#profile-panel');
    await expect.poll(() => panel.innerText()).toContain('222-KH/TU');
    expect(await panel.innerText()).toMatch(/province/);
    await screenshot(p, '21-reader-profile');
    await p.close();
  }, 120_000);
});
