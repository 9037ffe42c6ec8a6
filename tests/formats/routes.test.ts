/**
 * The file routes against the text route: each bundled plan printed as a text
 * PDF (two-column letterhead, page numbers, a running footer) and written as a
 * DOCX gives the same units and labels as its text file.
 */
import { planText } from '@doichieu/core/testing';
import { decodeDocument, FormatError } from '@doichieu/formats';
import { brokenFiles, docxOf, textPdf } from '@doichieu/formats/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileRoute, labelAgreement, manifest, textRoute } from './routes.ts';

describe.each(manifest.plans.map((m) => [m.id, m] as const))('%s through PDF and DOCX', (_id, meta) => {
  let pdf: Awaited<ReturnType<typeof fileRoute>>;
  let docx: Awaited<ReturnType<typeof fileRoute>>;
  let reference: ReturnType<typeof textRoute>;
  beforeAll(async () => {
    const text = planText(meta);
    reference = textRoute(meta);
    pdf = await fileRoute(meta, await textPdf(text), `${meta.id}.pdf`);
    docx = await fileRoute(meta, await docxOf(text), `${meta.id}.docx`);
  }, 180_000);

  it('the text PDF gives the labels of the text file on at least 98% of labelled units', () => {
    const a = labelAgreement(reference, pdf.plan);
    expect(a.labelled).toBeGreaterThan(10);
    expect(a.share, a.disagreements.join('\n')).toBeGreaterThanOrEqual(0.98);
  }, 300_000);

  it('the DOCX gives the labels of the text file on at least 98% of labelled units', () => {
    const a = labelAgreement(reference, docx.plan);
    expect(a.share, a.disagreements.join('\n')).toBeGreaterThanOrEqual(0.98);
  }, 300_000);

  it('the body units are the same units with the same text', () => {
    const body = (p: typeof reference) =>
      p.units.filter((u) => u.role !== 'header').map((u) => `${u.id} ${u.text}`);
    for (const route of [pdf, docx]) {
      const theirs = new Set(body(route.plan));
      const ours = body(reference);
      const same = ours.filter((u) => theirs.has(u)).length;
      expect(same / ours.length).toBeGreaterThanOrEqual(0.98);
    }
  });

  it('every PDF unit knows its page and region, and the running footer is not in the text', () => {
    for (const u of pdf.plan.units) {
      expect(u.location, u.id).toBeDefined();
      const page = pdf.layout.pages[u.location!.page - 1]!;
      const [x0, y0, x1, y1] = u.location!.box;
      expect(x0).toBeLessThan(x1);
      expect(y0).toBeLessThan(y1);
      expect(x1).toBeLessThanOrEqual(page.width);
      expect(y1).toBeLessThanOrEqual(page.height);
    }
    expect(pdf.text).not.toContain('Bản sao điện tử');
    expect(pdf.layout.artefacts.filter((a) => a.reason === 'running header or footer').length).toBe(
      pdf.layout.pages.length,
    );
  });
});

describe('files that cannot be read', () => {
  it('each gives one clear line, naming the problem', async () => {
    const files = await brokenFiles();
    const expected: Record<string, RegExp> = {
      corruptPdf: /^the PDF is damaged/,
      truncatedPdf: /^the PDF is damaged/,
      encryptedPdf: /^the PDF is password-protected/,
      zeroPagePdf: /^the PDF has no pages$/,
      blankPagePdf: /^no text was found in the PDF/,
      zipNotDocx: /^the file is a ZIP archive but not a Word document.*supported: PDF/,
      legacyDoc: /^legacy Word \.doc files are not supported/,
    };
    for (const [key, pattern] of Object.entries(expected)) {
      const { name, bytes } = files[key]!;
      const error = await decodeDocument(bytes, { name, ocr: { disabled: true } }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, key).toBeInstanceOf(FormatError);
      expect((error as Error).message, key).toMatch(pattern);
      expect((error as Error).message, key).not.toContain('\n');
    }
  }, 60_000);
});
