/**
 * The file routes: pages per second for text PDFs, DOCX and scans (OCR), and
 * for the scan route its character error rate against the printed text and
 * its label agreement with the text route, at each OCR resolution in
 * BENCH_OCR_DPI (default 150,200,300). OCR is slow: BENCH_OCR_PLAN names the
 * one plan scanned (default Quảng Ninh's). Roman headings ("II.", "III.")
 * read right are counted, since they are what a low resolution breaks.
 */
import { type DocumentLayout, ingestText } from '@doichieu/core';
import { planText } from '@doichieu/core/testing';
import { decodeDocument, ocrAvailable } from '@doichieu/formats';
import { characterErrorRate, docxOf, scanOf, textPdf } from '@doichieu/formats/testing';
import { labelAgreement, lexicon, manifest, textRoute } from '../tests/formats/routes.ts';
import { median, report } from './corpus.ts';

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

if (!ocrAvailable('vie')) {
  report({
    bench: 'formats',
    route: 'scan-ocr',
    skipped: 'Tesseract with the Vietnamese model is not installed (bash scripts/ensure-ocr.sh)',
  });
} else {
  const meta = manifest.plans.find((p) => p.id === (process.env.BENCH_OCR_PLAN ?? 'qnh-implementation'))!;
  const pdf = await textPdf(planText(meta));
  const printed = (await decodeDocument(pdf, { name: 'p.pdf' }))!.text;
  const scan = await scanOf(pdf);
  const reference = textRoute(meta);
  const expectedRoman = romanHeadings(printed);
  for (const dpi of (process.env.BENCH_OCR_DPI ?? '150,200,300').split(',').map(Number)) {
    const r = await timed(scan, 'scan.pdf', 1, { ocr: { dpi } });
    const plan = ingestText(r.text, meta, { lexicon, layout: r.layout });
    const agreement = labelAgreement(reference, plan);
    const gotRoman = romanHeadings(r.text);
    report({
      bench: 'formats',
      route: 'scan-ocr',
      plan: meta.id,
      dpi,
      pages: r.pages,
      pagesPerSecond: +(r.pages / r.seconds).toFixed(3),
      cer: +characterErrorRate(printed, r.text).toFixed(4),
      romanHeadings: `${expectedRoman.filter((h) => gotRoman.includes(h)).length}/${expectedRoman.length}`,
      labelAgreement: +agreement.share.toFixed(3),
      labelled: agreement.labelled,
    });
  }
}
