// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright's Locator.innerText reads the rendered text on purpose
/**
 * The viewer names the directive of the analysis it is given, and marks the
 * plans that do not cite it: a fixture corpus for another directive
 * (tests/fixtures/other-directive), analysed by the real CLI.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaticServer } from '../../web/serve.ts';
import type { Analysis } from '../../web/src/types.ts';
import { buildTestViewer, hasChromium, launch, open, REPO, screenshot, serve } from './harness.ts';

const run = promisify(execFile);

describe.skipIf(!hasChromium)('viewer: the directive comes from the analysis', () => {
  let browser: Browser;
  let server: StaticServer;
  let page: Page | undefined;
  let analysis: Analysis;

  beforeAll(async () => {
    const out = await mkdtemp(join(tmpdir(), 'doichieu-other-view-'));
    const [dist] = await Promise.all([
      buildTestViewer(),
      run(
        process.execPath,
        [
          join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
          'packages/cli/src/main.ts',
          'analyze',
          'tests/fixtures/other-directive',
          '--out',
          out,
        ],
        { cwd: REPO },
      ),
    ]);
    const file = join(out, 'analysis.json');
    analysis = JSON.parse(await readFile(file, 'utf8')) as Analysis;
    server = await serve(dist, file);
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const fresh = async (): Promise<Page> => {
    await page?.close();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (e) => {
      throw e;
    });
    return page;
  };

  it('title and subtitle name the directive of the file, in both languages', async () => {
    const p = await fresh();
    await open(p, `${server.url}#view=coverage`);
    expect(await p.locator('header h1').innerText()).toBe('Đối chiếu Chỉ thị 05-CT/TW');
    expect(await p.locator('header .brand p').innerText()).toContain('về học tập và làm theo Bác');
    expect(await p.title()).toContain('Chỉ thị 05-CT/TW');
    await open(p, `${server.url}#view=coverage&lang=en`);
    expect(await p.locator('header h1').innerText()).toBe('Comparing Directive 05-CT/TW');
    expect(await p.content()).not.toContain('57-KL');
  });

  it('marks the heatmap rows of plans that do not cite it with ⚠, explained on hover and in the legend', async () => {
    const p = await fresh();
    const flagged = analysis.plans.filter((x) => x.directiveCheck?.status !== 'cites');
    const citing = analysis.plans.find((x) => x.directiveCheck?.status === 'cites')!;
    expect(flagged.length).toBeGreaterThan(0);
    await open(p, `${server.url}#view=coverage`);
    for (const plan of flagged) {
      const head = p.locator(`#heatmap .row[data-plan="${plan.id}"] .rowhead`);
      expect(await head.locator('.warn-mark').innerText()).toContain('⚠');
      expect(await head.getAttribute('title')).toContain('Kế hoạch này không trích dẫn Chỉ thị 05-CT/TW');
      expect(await head.textContent()).toContain('không trích dẫn Chỉ thị 05-CT/TW');
    }
    expect(await p.locator(`#heatmap .row[data-plan="${citing.id}"] .warn-mark`).count()).toBe(0);
    expect(await p.locator('#legend-not-citing').innerText()).toContain(
      `không trích dẫn Chỉ thị 05-CT/TW (${flagged.length} kế hoạch)`,
    );
    await screenshot(p, 'd01-not-citing-mark');
    await open(p, `${server.url}#view=coverage&lang=en`);
    expect(await p.locator('#legend-not-citing').innerText()).toContain('does not cite Directive 05-CT/TW');
  });

  it('warns in the reader, in Vietnamese and English; the citing plan has no warning', async () => {
    const p = await fresh();
    const flagged = analysis.plans.find((x) => x.directiveCheck?.status !== 'cites')!;
    const citing = analysis.plans.find((x) => x.directiveCheck?.status === 'cites')!;
    await open(p, `${server.url}#view=reader&plan=${flagged.id}`);
    expect(await p.locator('#not-citing').innerText()).toContain(
      'Kế hoạch này không trích dẫn Chỉ thị 05-CT/TW',
    );
    await open(p, `${server.url}#view=reader&plan=${flagged.id}&lang=en`);
    expect(await p.locator('#not-citing').innerText()).toContain(
      'This plan does not cite Directive 05-CT/TW',
    );
    await open(p, `${server.url}#view=reader&plan=${citing.id}`);
    expect(await p.locator('#not-citing').count()).toBe(0);
  });
});
