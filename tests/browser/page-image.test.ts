/**
 * The reader shows a scanned plan's page with the unit's region outlined:
 * a scan made here from a bundled plan (its first printed page rendered,
 * rotated, blurred, noised, wrapped as an image-only PDF) goes through
 * `doichieu init`, `doichieu add` (OCR) and `doichieu analyze`, then the
 * reader opens it in Chromium; the page-image button beside a unit's page
 * number opens the page image with an outline exactly over the unit's box,
 * and the outlined region holds ink where the page margin holds none.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { planText, readManifest } from '@doichieu/core/testing';
import { ocrAvailable } from '@doichieu/formats';
import { scanOf, textPdf } from '@doichieu/formats/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StaticServer, serveStatic } from '../../web/serve.ts';
import type { Analysis, Plan } from '../../web/src/types.ts';
import {
  buildTestViewer,
  CHROMIUM,
  hasChromium,
  launch,
  open,
  REPO,
  screenshot,
  viewerData,
} from './harness.ts';

const run = promisify(execFile);
const ocr = ocrAvailable('vie');
if (!hasChromium || !ocr)
  process.stderr.write(
    `page-image browser test SKIPPED: ${!hasChromium ? `${CHROMIUM} is missing (bash scripts/ensure-chromium.sh)` : 'Tesseract with the Vietnamese model is missing (bash scripts/ensure-ocr.sh)'}\n`,
  );

const cli = (args: string[]) =>
  run(
    process.execPath,
    [join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'packages/cli/src/main.ts', ...args],
    {
      cwd: REPO,
      maxBuffer: 64 * 1024 * 1024,
    },
  );

describe.skipIf(!hasChromium || !ocr)('the page image of a scanned plan in the reader', () => {
  let browser: Browser;
  let page: Page;
  let server: StaticServer;
  let plan: Plan;

  beforeAll(async () => {
    const meta = readManifest().plans.find((p) => p.id === 'qnh-implementation')!;
    const scan = await scanOf(await textPdf(planText(meta)), { pages: [1] });
    const work = await mkdtemp(join(tmpdir(), 'doichieu-page-image-'));
    const corpus = join(work, 'corpus');
    const out = join(work, 'out');
    await writeFile(join(work, 'scan.pdf'), scan);
    await cli(['init', corpus]);
    await cli(['add', join(work, 'scan.pdf'), '--corpus', corpus, '--id', 'qnh-scan']);
    await cli(['analyze', corpus, '--out', out, '--no-csv', '--no-evaluate']);
    const analysisFile = join(out, 'analysis.json');
    const analysis = JSON.parse(await readFile(analysisFile, 'utf8')) as Analysis;
    plan = analysis.plans[0]!;
    // The viewer reads its data folder (index and plan files), written from the analysis as scripts/view.ts does.
    const overrides: Record<string, string> = {};
    for (const dir of await readdir(join(out, 'pages'), { recursive: true, withFileTypes: true }))
      if (dir.isFile()) {
        const file = join(dir.parentPath, dir.name);
        overrides[`/${relative(out, file)}`] = file;
      }
    server = await serveStatic({
      root: await buildTestViewer(),
      overrides,
      mounts: { '/data/': await viewerData(analysisFile) },
    });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('analyze lists the page with its image beside analysis.json', () => {
    expect(plan.pages?.length).toBe(1);
    expect(plan.pages![0]!.image).toBe('pages/qnh-scan/1.webp');
    expect(plan.units.filter((u) => u.location?.page === 1).length).toBeGreaterThan(5);
  });

  it('outlines the unit on the page image when asked', async () => {
    // A body paragraph well below the letterhead: its box is unambiguous.
    const unit = plan.units.find(
      (u) => u.kind !== 'heading' && u.location && u.location.box[1] > plan.pages![0]!.height * 0.35,
    )!;
    expect(unit, 'a located paragraph').toBeDefined();
    await open(page, `${server.url}#view=reader&lang=en&plan=${plan.id}&unit=${encodeURIComponent(unit.id)}`);
    const button = page.locator(`button[data-page-image="${unit.id}"]`);
    expect(await button.count()).toBe(1);
    expect(await page.locator('button[data-page-image]').count()).toBe(
      plan.units.filter((u) => u.location).length,
    );
    await button.click();
    const img = page.locator('#page-image-dialog img');
    await expect
      .poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth), { timeout: 30_000 })
      .toBeGreaterThan(0);
    expect(await page.locator('#page-image-title').textContent()).toContain('Page 1');

    // The outline sits at the unit's box scaled by the page's size (the box padded by 0.6% of the page).
    const imgBox = (await img.boundingBox())!;
    const outline = (await page.locator('#page-image-outline').boundingBox())!;
    const p = plan.pages![0]!;
    const [x0, y0, x1, y1] = unit.location!.box;
    const pad = Math.min(p.width, p.height) * 0.006;
    const sx = imgBox.width / p.width;
    const sy = imgBox.height / p.height;
    expect(outline.x).toBeCloseTo(imgBox.x + (x0 - pad) * sx, 0);
    expect(outline.y).toBeCloseTo(imgBox.y + (y0 - pad) * sy, 0);
    expect(outline.width).toBeCloseTo((x1 - x0 + 2 * pad) * sx, 0);
    expect(outline.height).toBeCloseTo((y1 - y0 + 2 * pad) * sy, 0);
    // The outline is in view, not scrolled away.
    const viewport = page.viewportSize()!;
    expect(outline.y).toBeGreaterThanOrEqual(0);
    expect(outline.y + outline.height).toBeLessThanOrEqual(viewport.height);

    // Ink inside the region, none in the left margin: the box is where the text is on the image.
    const ink = await img.evaluate(
      (el, box) => {
        const image = el as HTMLImageElement;
        const canvas = document.createElement('canvas');
        canvas.width = image.naturalWidth;
        canvas.height = image.naturalHeight;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(image, 0, 0);
        const dark = (x: number, y: number, w: number, h: number) => {
          const d = ctx.getImageData(
            Math.round(x),
            Math.round(y),
            Math.max(1, Math.round(w)),
            Math.max(1, Math.round(h)),
          ).data;
          let n = 0;
          for (let i = 0; i < d.length; i += 4) if (d[i]! + d[i + 1]! + d[i + 2]! < 3 * 128) n++;
          return n / (d.length / 4);
        };
        const k = image.naturalWidth / box.pageWidth;
        return {
          region: dark(box.x0 * k, box.y0 * k, (box.x1 - box.x0) * k, (box.y1 - box.y0) * k),
          margin: dark(0, box.y0 * k, box.x0 * k * 0.6, (box.y1 - box.y0) * k),
        };
      },
      { x0, y0, x1, y1, pageWidth: p.width },
    );
    expect(ink.region).toBeGreaterThan(0.03);
    expect(ink.margin).toBeLessThan(0.005);
    await screenshot(page, 'page-image-outline');

    // Escape closes it and gives the focus back to the button.
    await page.keyboard.press('Escape');
    // A dialog's close event is a queued task after Escape (HTML spec), and the dialog is removed on it.
    await page.locator('#page-image-dialog').waitFor({ state: 'detached', timeout: 10_000 });
    expect(await page.locator('#page-image-dialog').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-page-image'))).toBe(unit.id);
  });
});
