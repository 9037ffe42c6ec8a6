/**
 * The file routes: pages per second for text PDFs, DOCX and scans (OCR), and
 * for the scan route its character error rate against the printed text and
 * its label agreement with the text route, at each OCR resolution in
 * BENCH_OCR_DPI (default 150,200,300), for each engine in BENCH_OCR_ENGINES
 * (default: Debian's command with Debian's model, tesseract.js with the npm
 * model, and at 300 dpi only Debian's command with the npm model and with the
 * English model; see ocr-engines.ts). OCR is slow: BENCH_OCR_PLAN names the
 * plans scanned (default Quảng Ninh's; "all" for every plan). Roman headings
 * ("II.", "III.") read right are counted, since they are what a low
 * resolution breaks. load1 is the machine's load average during the row.
 */

import { loadavg } from 'node:os';
import { type DocumentLayout, ingestText } from '@doichieu/core';
import { planText } from '@doichieu/core/testing';
import { DEFAULT_OCR_DPI, decodeDocument, ocrAvailable } from '@doichieu/formats';
import { characterErrorRate, docxOf, scanOf, textPdf } from '@doichieu/formats/testing';
import { labelAgreement, lexicon, manifest, textRoute } from '../tests/formats/routes.ts';
import { median, report } from './corpus.ts';
import { type EngineId, engineOf } from './ocr-engines.ts';

const runs = Number(process.env.BENCH_RUNS ?? 3);

async function timed(bytes: Uint8Array, name: string, n: number, options = {}) {
  const seconds: number[] = [];
  let pages = 0;
  let text = '';
  let layout: DocumentLayout | undefined;
  for (let r = 0; r < n; r++) {
    const t0 = performance.now();
    const doc = await decodeDocument(bytes, { name, ...options });
    seconds.push((performance.now() - t0) / 1000);
    pages = Math.max(1, doc!.layout.pages.length);
    text = doc!.text;
    layout = doc!.layout;
  }
  return { seconds: median(seconds), pages, text, layout: layout! };
}

for (const route of ['text-pdf', 'docx'] as const) {
  let pages = 0;
  let seconds = 0;
  for (const meta of manifest.plans) {
    const text = planText(meta);
    const bytes = route === 'text-pdf' ? await textPdf(text) : await docxOf(text);
    const r = await timed(bytes, route === 'text-pdf' ? 'p.pdf' : 'p.docx', runs);
    // A DOCX has no pages: count the pages of the same plan printed.
    pages +=
      route === 'docx'
        ? (await decodeDocument(await textPdf(text), { name: 'p.pdf' }))!.layout.pages.length
        : r.pages;
    seconds += r.seconds;
  }
  report({
    bench: 'formats',
    route,
    plans: manifest.plans.length,
    pages,
    runs,
    pagesPerSecond: +(pages / seconds).toFixed(1),
  });
}

const romanHeadings = (text: string): string[] =>
  text
    .split('\n')
    .filter((l) => /^[IVX]+[.\-–]\s/.test(l.trim()))
    .map((l) => l.trim().split(/\s/)[0]!);

const engines = (process.env.BENCH_OCR_ENGINES ?? 'debian-vie,tesseractjs-vie,debian-npm-vie,debian-eng')
  .split(',')
  .map((e) => e.trim() as EngineId);
const dpis = (process.env.BENCH_OCR_DPI ?? '150,200,300').split(',').map(Number);
// The engines other than the shipped one are measured at the chosen resolution only, unless asked.
const dpisOf = (engine: EngineId): number[] =>
  engine === 'debian-vie' || engine === 'tesseractjs-vie' || process.env.BENCH_OCR_DPI
    ? dpis
    : [DEFAULT_OCR_DPI];
const planIds =
  process.env.BENCH_OCR_PLAN === 'all'
    ? manifest.plans.map((p) => p.id)
    : (process.env.BENCH_OCR_PLAN ?? 'qnh-implementation').split(',');

if (!ocrAvailable('vie')) {
  report({
    bench: 'formats',
    route: 'scan-ocr',
    skipped: 'Tesseract with the Vietnamese model is not installed (bash scripts/ensure-ocr.sh)',
  });
} else {
  for (const id of planIds) {
    const meta = manifest.plans.find((p) => p.id === id)!;
    const pdf = await textPdf(planText(meta));
    const printed = (await decodeDocument(pdf, { name: 'p.pdf' }))!.text;
    // The scan fixture: each printed page rendered at 200 dpi, rotated, blurred, noised, JPEG.
    const scan = await scanOf(pdf);
    const reference = textRoute(meta);
    const expectedRoman = romanHeadings(printed);
    for (const engineId of engines) {
      const { engine, language, close } = await engineOf(engineId);
      for (const dpi of dpisOf(engineId)) {
        const load = loadavg()[0]!;
        const r = await timed(scan, 'scan.pdf', 1, { ocr: { dpi, engine, language } });
        const plan = ingestText(r.text, meta, { lexicon, layout: r.layout });
        const agreement = labelAgreement(reference, plan);
        const gotRoman = romanHeadings(r.text);
        report({
          bench: 'formats',
          route: 'scan-ocr',
          plan: meta.id,
          engine: engineId,
          dpi,
          pages: r.pages,
          pagesPerSecond: +(r.pages / r.seconds).toFixed(3),
          cer: +characterErrorRate(printed, r.text).toFixed(4),
          romanHeadings: `${expectedRoman.filter((h) => gotRoman.includes(h)).length}/${expectedRoman.length}`,
          labelAgreement: +agreement.share.toFixed(3),
          labelled: agreement.labelled,
          load1: +((load + loadavg()[0]!) / 2).toFixed(1),
        });
      }
      await close?.();
    }
  }
}
