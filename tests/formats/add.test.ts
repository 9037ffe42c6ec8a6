/**
 * `doichieu init` and `doichieu add` on the bundled plans printed as PDFs:
 * the proposed entries give the numbers, dates and signers of
 * corpus/manifest.json where the document states them, and "unknown" where
 * it does not; refused files leave no trace in the corpus.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Manifest } from '@doichieu/core';
import { planText, readManifest } from '@doichieu/core/testing';
import { brokenFiles, docxOf, textPdf } from '@doichieu/formats/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { doichieu, type RunResult } from '../cli-helpers.ts';

const bundled = readManifest();
let work: string;
let corpus: string;
let added: RunResult;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'doichieu-add-'));
  corpus = join(work, 'corpus');
  for (const meta of bundled.plans)
    writeFileSync(join(work, `${meta.id}.pdf`), await textPdf(planText(meta)));
  const init = doichieu(['init', corpus]);
  expect(init.stderr).toBe('');
  expect(init.status).toBe(0);
  added = doichieu(['add', ...bundled.plans.map((m) => join(work, `${m.id}.pdf`)), '--corpus', corpus]);
}, 900_000);

const readCorpus = () => Manifest.parse(JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')));

describe('doichieu add', () => {
  it('proposes the numbers, dates and signers the manifest gives, unknown where the document does not state them', () => {
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    const manifest = readCorpus();
    expect(manifest.plans).toHaveLength(bundled.plans.length);
    for (const meta of bundled.plans) {
      const entry = manifest.plans.find((p) => p.id === meta.id)!;
      expect(entry, meta.id).toBeDefined();
      expect([meta.id, entry.documentNumber, entry.date, entry.signer]).toEqual([
        meta.id,
        meta.documentNumber,
        meta.date,
        meta.signer,
      ]);
      expect(entry.level, meta.id).toBe(meta.level);
      expect(entry.province, meta.id).toBe(meta.province);
    }
  });

  it('marks every proposed value as extracted, with the words it came from', () => {
    for (const entry of readCorpus().plans) {
      const text = readFileSync(join(corpus, entry.file), 'utf8');
      for (const [field, p] of Object.entries(entry.provenance ?? {})) {
        expect(p.status, `${entry.id}.${field}`).toBe('extracted');
        if (p.span) expect(text.slice(p.span[0], p.span[1])).toBe(p.text);
      }
      for (const field of ['documentNumber', 'date', 'signer', 'issuingBody', 'title'] as const)
        if (entry[field] !== 'unknown')
          expect(entry.provenance?.[field]?.status, `${entry.id}.${field}`).toBe('extracted');
    }
  });

  it('keeps the original byte for byte, with the extracted text and the layout beside it', () => {
    for (const entry of readCorpus().plans) {
      expect(entry.original).toBeDefined();
      expect(readFileSync(join(corpus, entry.original!))).toEqual(
        readFileSync(join(work, `${entry.id}.pdf`)),
      );
      const layout = JSON.parse(readFileSync(join(corpus, entry.layout!), 'utf8'));
      expect(layout.format).toBe('pdf');
      expect(layout.lines.length).toBeGreaterThan(10);
      // Every page as the reader shows it: a WebP image beside the original.
      for (const page of layout.pages as { number: number; image?: string }[]) {
        expect(page.image, `${entry.id} p.${page.number}`).toBe(
          `plans/${entry.id}.pages/${page.number}.webp`,
        );
        const image = readFileSync(join(corpus, page.image!));
        expect([image.subarray(0, 4).toString('latin1'), image.subarray(8, 12).toString('latin1')]).toEqual([
          'RIFF',
          'WEBP',
        ]);
      }
    }
  }, 300_000);

  it('prints what it found', () => {
    expect(added.stdout).toMatch(/qng-222-study\.pdf → plan "qng-222-study" \(pdf; \d+ units\)/);
    expect(added.stdout).toMatch(/documentNumber\s+222-KH\/TU\s+← "222-KH\/TU"/);
    expect(added.stdout).toMatch(/added 5 plan\(s\)/);
  });

  it('refuses the same bytes and the same number from the same issuer', async () => {
    const before = readFileSync(join(corpus, 'manifest.json'), 'utf8');
    const again = doichieu(['add', join(work, 'qng-222-study.pdf'), '--corpus', corpus]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(
      /^doichieu: .*qng-222-study\.pdf: already in the corpus as plan "qng-222-study" \(same bytes\)\n$/,
    );
    const docx = join(work, 'lso.docx');
    writeFileSync(docx, await docxOf(planText(bundled.plans.find((p) => p.id === 'lso-135-conference')!)));
    const twin = doichieu(['add', docx, '--corpus', corpus]);
    expect(twin.status).toBe(1);
    expect(twin.stderr).toMatch(
      /plan "lso-135-conference" already has number 135-KH\/TU from Ban Thường vụ Tỉnh ủy Lạng Sơn\n$/,
    );
    expect(readFileSync(join(corpus, 'manifest.json'), 'utf8')).toBe(before);
  }, 300_000);

  it('a corpus made by add analyses like any other', () => {
    const out = join(work, 'out');
    const r = doichieu(['analyze', corpus, '--out', out, '--no-evaluate']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const analysis = JSON.parse(readFileSync(join(out, 'analysis.json'), 'utf8'));
    const units = analysis.plans.flatMap((p: { units: { location?: { page: number } }[] }) => p.units);
    expect(units.every((u: { location?: unknown }) => u.location !== undefined)).toBe(true);
    // The page images go beside analysis.json, named from each plan's pages.
    for (const plan of analysis.plans as { id: string; pages?: { number: number; image?: string }[] }[]) {
      expect(plan.pages?.length, plan.id).toBeGreaterThan(0);
      for (const page of plan.pages!) {
        expect(page.image).toBe(`pages/${plan.id}/${page.number}.webp`);
        expect(readFileSync(join(out, page.image!))).toEqual(
          readFileSync(join(corpus, `plans/${plan.id}.pages/${page.number}.webp`)),
        );
      }
    }
    expect(r.stdout).toMatch(/wrote \d+ page images to /);
  }, 300_000);
});

describe('files add refuses', () => {
  it('gives one clear line per file and writes nothing', async () => {
    const files = await brokenFiles();
    const paths = Object.values(files)
      .filter((f) => f.name !== 'photo.png' && f.name !== 'blank.pdf')
      .map((f) => {
        const path = join(work, `broken-${f.name}`);
        writeFileSync(path, f.bytes);
        return path;
      });
    const before = readFileSync(join(corpus, 'manifest.json'), 'utf8');
    const listing = readdirSync(join(corpus, 'plans')).sort();
    const r = doichieu(['add', ...paths, '--corpus', corpus, '--keep-going']);
    expect(r.status).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(paths.length);
    for (const line of lines) expect(line).toMatch(/^doichieu: .*broken-\S+: \S.*$/);
    expect(r.stderr).toMatch(/broken-encrypted\.pdf: the PDF is password-protected/);
    expect(r.stderr).toMatch(/broken-zero\.pdf: the PDF has no pages/);
    expect(r.stderr).toMatch(/broken-plan\.docx: the file is a ZIP archive but not a Word document/);
    expect(r.stderr).toMatch(/broken-plan\.doc: legacy Word \.doc files are not supported/);
    expect(r.stderr).toMatch(/broken-corrupt\.pdf: the PDF is damaged/);
    expect(readFileSync(join(corpus, 'manifest.json'), 'utf8')).toBe(before);
    expect(readdirSync(join(corpus, 'plans')).sort()).toEqual(listing);
    const one = doichieu(['add', paths[0]!, '--corpus', corpus]);
    expect(one.status).toBe(1);
    expect(one.stderr.split('\n')).toHaveLength(2);
  }, 120_000);
});
