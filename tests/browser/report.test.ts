/**
 * The HTML report as a reader prints it, in Debian's Chromium: under print
 * emulation at the width of an A4 page's text area no table, figure or the
 * page itself is wider than the page, table headers repeat on each printed
 * page, and the 5-plan report prints on fewer pages than the 21 it took
 * before it was ranked and trimmed. In Vietnamese and English, in detail and
 * as the summary by province. The PDFs' page counts are printed (bench/
 * report.bench.ts records them with the sizes and opening times).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../packages/report/src/index.ts';
import type { Analysis } from '../../web/src/types.ts';
import { ARTIFACTS, analyseCorpus, hasChromium, launch, withFindings } from './harness.ts';

/** The text area of an A4 page with the report's @page margins (210 mm − 2 × 12 mm), in CSS pixels. */
const A4_TEXT_WIDTH = Math.floor(((210 - 24) / 25.4) * 96);

const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

describe.skipIf(!hasChromium)('the report printed on A4, in Chromium', () => {
  let browser: Browser;
  let analysis: Analysis;

  beforeAll(async () => {
    const analysed = await analyseCorpus();
    analysis = (await withFindings(analysed.analysis)) ?? analysed.analysis;
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function printed(html: string, name: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: A4_TEXT_WIDTH, height: 1000 } });
    const file = join(ARTIFACTS, `${name}.html`);
    await writeFile(file, html);
    await page.goto(`file://${file}`);
    await page.emulateMedia({ media: 'print' });
    return page;
  }

  /** Elements wider than the page under print emulation: tables, figures, the document itself. */
  const overflowing = (page: Page) =>
    page.evaluate((width) => {
      const wide: string[] = [];
      if (document.documentElement.scrollWidth > width + 1)
        wide.push(`document ${document.documentElement.scrollWidth}px`);
      for (const el of document.querySelectorAll<HTMLElement>('table, .figure, svg, blockquote, pre')) {
        const box = el.getBoundingClientRect();
        if (el.scrollWidth > width + 1 || box.right > width + 1)
          wide.push(
            `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} in #${el.closest('section[id]')?.id}: ${Math.round(Math.max(el.scrollWidth, box.right))}px`,
          );
      }
      return wide;
    }, A4_TEXT_WIDTH);

  const cases = [
    ['vi', 'detail'],
    ['en', 'detail'],
    ['vi', 'summary'],
    ['en', 'summary'],
  ] as const;

  it('sees a table wider than the page (the check can fail)', async () => {
    const html = renderHtmlReport(analysis).replace(
      '</main>',
      `<table><tr><td style="white-space: nowrap">${'rộng '.repeat(300)}</td></tr></table></main>`,
    );
    const page = await printed(html, 'report-too-wide');
    expect((await overflowing(page)).length).toBeGreaterThan(0);
    await page.close();
  });

  for (const [lang, layout] of cases)
    it(`fits A4: no table wider than the page (${lang}, ${layout})`, async () => {
      const html = renderHtmlReport(analysis, { lang, layout });
      const page = await printed(html, `report-${lang}-${layout}`);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      expect(await page.locator('table').count()).toBeGreaterThan(5);
      expect(await overflowing(page)).toEqual([]);
      // Table headers repeat on every printed page.
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('thead')!).display)).toBe(
        'table-header-group',
      );
      const pages = pdfPages(await page.pdf({ format: 'A4' }));
      process.stdout.write(`report ${lang} ${layout}, ${analysis.plans.length} plans: ${pages} A4 pages\n`);
      expect(pages).toBeGreaterThan(1);
      if (layout === 'detail') expect(pages).toBeLessThan(21);
      await page.close();
    });
});
