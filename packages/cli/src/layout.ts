/** The layout file a plan made by `doichieu add` from a PDF, DOCX or image has beside its text. */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { extname, relative, resolve } from 'node:path';
import { DocumentLayout, formatZodError, type PlanMeta } from '@doichieu/core';
import { UserError } from './errors.ts';

export function readPlanLayout(corpusDir: string, meta: PlanMeta): DocumentLayout | undefined {
  if (!meta.layout) return undefined;
  const path = resolve(corpusDir, meta.layout);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(
      `plan ${meta.id}: ${code === 'ENOENT' ? `layout file not found: ${meta.layout}` : `cannot read layout ${meta.layout}: ${code ?? (e as Error).message.split('\n')[0]}`}`,
    );
  }
  const parsed = DocumentLayout.safeParse(json);
  if (!parsed.success) throw new UserError(`plan ${meta.id}: ${formatZodError(parsed.error, meta.layout)}`);
  return parsed.data;
}

/** A page image the layout names, when it is an image file inside the corpus folder. */
function pageImageSource(corpusDir: string, image: string | undefined): string | undefined {
  if (!image || !/\.(?:webp|png|jpe?g)$/i.test(image)) return undefined;
  const path = resolve(corpusDir, image);
  const rel = relative(resolve(corpusDir), path);
  if (rel.startsWith('..') || resolve(rel) === rel) return undefined;
  return existsSync(path) ? path : undefined;
}

/** Where analyze puts a page image, relative to analysis.json. */
const readerImagePath = (meta: PlanMeta, page: number, image: string): string =>
  `pages/${meta.id}/${page}${extname(image)}`;

export interface ReaderPage {
  number: number;
  width: number;
  height: number;
  unit: 'pt' | 'px';
  image?: string;
}

/** The plan's pages for the reader: sizes (the unit boxes' frame) and the images analyze copies beside analysis.json. */
export function readerPages(
  corpusDir: string,
  meta: PlanMeta,
  layout: DocumentLayout,
): ReaderPage[] | undefined {
  if (layout.pages.length === 0 || layout.format === 'docx') return undefined;
  return layout.pages.map((p) => ({
    number: p.number,
    width: p.width,
    height: p.height,
    unit: p.unit,
    ...(p.image && pageImageSource(corpusDir, p.image)
      ? { image: readerImagePath(meta, p.number, p.image) }
      : {}),
  }));
}

/** Copies the page images of the plans with a layout into OUT/pages/<plan id>/; returns how many. */
export function copyPageImages(corpusDir: string, plans: readonly PlanMeta[], outDir: string): number {
  let copied = 0;
  for (const meta of plans) {
    if (!meta.layout) continue;
    let layout: DocumentLayout | undefined;
    try {
      layout = readPlanLayout(corpusDir, meta);
    } catch {
      continue; // The plan's own error is reported where it is analysed.
    }
    for (const p of layout?.pages ?? []) {
      const from = pageImageSource(corpusDir, p.image);
      if (!from || !p.image) continue;
      const to = resolve(outDir, readerImagePath(meta, p.number, p.image));
      mkdirSync(resolve(to, '..'), { recursive: true });
      copyFileSync(from, to);
      copied++;
    }
  }
  return copied;
}
