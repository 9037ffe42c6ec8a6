/**
 * The scan route: Quảng Ninh's plan printed, rendered, rotated, blurred,
 * noised and wrapped as an image-only PDF, read back by Tesseract. Its labels
 * agree with the text route, and its border-gate passages are still found as
 * its additions. OCR is slow on shared cores: one plan, OCR'd once.
 */
import type { IngestedPlan } from '@doichieu/core';
import { planText } from '@doichieu/core/testing';
import { decodeDocument, FormatError, ocrAvailable } from '@doichieu/formats';
import { brokenFiles, characterErrorRate, scanOf, textPdf } from '@doichieu/formats/testing';
import { analysePlan, computeFindings, diffPlanOf } from '@doichieu/report';
import { beforeAll, describe, expect, it } from 'vitest';
import { directive, fileRoute, labelAgreement, manifest, sharedModels, textRoute } from './routes.ts';

const ocr = ocrAvailable('vie');
if (!ocr)
  process.stderr.write(
    'scan tests skipped: Tesseract with the Vietnamese model is not installed (bash scripts/ensure-ocr.sh)\n',
  );

describe.skipIf(!ocr)('a scanned plan (image-only PDF)', () => {
  const meta = manifest.plans.find((p) => p.id === 'qnh-implementation')!;
  let scan: Awaited<ReturnType<typeof fileRoute>>;
  let printed: string;
  let reference: IngestedPlan;
  beforeAll(async () => {
    const pdf = await textPdf(planText(meta));
    printed = (await decodeDocument(pdf, { name: 'printed.pdf' }))!.text;
    scan = await fileRoute(meta, await scanOf(pdf), 'scan.pdf');
    reference = textRoute(meta);
  }, 1_200_000);

  it('is read by OCR, page by page, with a confidence on every unit', () => {
    expect(scan.layout.pages.every((p) => p.route === 'ocr')).toBe(true);
    expect(scan.layout.ocr?.engine).toBe('tesseract');
    const located = scan.plan.units.filter((u) => u.location?.confidence !== undefined);
    expect(located.length).toBe(scan.plan.units.length);
  });

  it('reads the text with a low character error rate', () => {
    expect(characterErrorRate(printed, scan.text)).toBeLessThan(0.05);
  });

  it('gives the labels of the text route on at least 90% of labelled units', () => {
    const a = labelAgreement(reference, scan.plan);
    expect(a.labelled).toBeGreaterThan(10);
    expect(a.share, a.disagreements.join('\n')).toBeGreaterThanOrEqual(0.9);
  }, 300_000);

  it("still finds Quảng Ninh's border-gate passages among its additions", () => {
    const models = sharedModels();
    const plans = manifest.plans.map((m) => (m.id === meta.id ? scan.plan : textRoute(m)));
    const findings = computeFindings(
      directive,
      plans.map((p) => diffPlanOf(analysePlan(directive, p, models).plan)),
    );
    const ours = (findings?.additions ?? []).filter((a) => a.planId === meta.id);
    const borderGate = ours.filter((a) => a.keyTerms.some((t) => /cửa khẩu|biên giới/u.test(t.term)));
    expect(borderGate.length, ours.map((a) => a.label).join('; ')).toBeGreaterThan(0);
  }, 300_000);
});

describe.skipIf(!ocr)('an image with no text', () => {
  it('gives one clear line', async () => {
    const files = await brokenFiles();
    for (const f of [files.imageWithoutText!, files.blankPagePdf!]) {
      const error = await decodeDocument(f.bytes, { name: f.name }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(FormatError);
      expect((error as Error).message).toMatch(/^no text was found in the (image|PDF)/);
    }
  }, 120_000);
});
