import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentLayout, PlanMeta } from '@doichieu/core';
import { describe, expect, it } from 'vitest';
import { copyPageImages, readerPages } from './layout.ts';

function corpusWith(images: Record<string, string | undefined>): {
  dir: string;
  meta: PlanMeta;
  layout: DocumentLayout;
} {
  const dir = mkdtempSync(join(tmpdir(), 'doichieu-layout-'));
  mkdirSync(join(dir, 'plans', 'p.pages'), { recursive: true });
  const pages = Object.entries(images).map(([n, image]) => ({
    number: Number(n),
    width: 595,
    height: 842,
    unit: 'pt' as const,
    route: 'ocr' as const,
    ...(image ? { image } : {}),
  }));
  const layout: DocumentLayout = {
    format: 'pdf',
    original: { name: 'p.pdf', bytes: 1, sha256: 'x' },
    pages,
    lines: [],
    artefacts: [],
    hints: [],
  };
  writeFileSync(join(dir, 'plans', 'p.layout.json'), JSON.stringify(layout));
  const meta = { id: 'p', file: 'plans/p.txt', layout: 'plans/p.layout.json' } as PlanMeta;
  return { dir, meta, layout };
}

describe('the page images analyze writes beside analysis.json', () => {
  it('names each page image under pages/<plan id>/ and copies it', () => {
    const { dir, meta, layout } = corpusWith({
      1: 'plans/p.pages/1.webp',
      2: 'plans/p.pages/2.webp',
      3: undefined,
    });
    writeFileSync(join(dir, 'plans/p.pages/1.webp'), 'one');
    // Page 2's image is named but missing: the page keeps its size, without an image.
    expect(readerPages(dir, meta, layout)).toEqual([
      { number: 1, width: 595, height: 842, unit: 'pt', image: 'pages/p/1.webp' },
      { number: 2, width: 595, height: 842, unit: 'pt' },
      { number: 3, width: 595, height: 842, unit: 'pt' },
    ]);
    const out = mkdtempSync(join(tmpdir(), 'doichieu-out-'));
    expect(copyPageImages(dir, [meta], out)).toBe(1);
    expect(readFileSync(join(out, 'pages/p/1.webp'), 'utf8')).toBe('one');
  });

  it('copies only image files inside the corpus folder', () => {
    const outside = mkdtempSync(join(tmpdir(), 'doichieu-secret-'));
    writeFileSync(join(outside, 'secret.webp'), 'secret');
    const { dir, meta, layout } = corpusWith({
      1: join(outside, 'secret.webp'),
      2: 'plans/p.layout.json',
      3: '../x.png',
    });
    expect(readerPages(dir, meta, layout)!.every((p) => p.image === undefined)).toBe(true);
    const out = mkdtempSync(join(tmpdir(), 'doichieu-out-'));
    expect(copyPageImages(dir, [meta], out)).toBe(0);
    expect(existsSync(join(out, 'pages'))).toBe(false);
  });
});
