/**
 * OCR with Debian's Tesseract (`tesseract-ocr` + `tesseract-ocr-vie`), run as
 * a process on one page image at a time. One thread per process so results
 * do not depend on the machine's load; TSV output gives every word's box and
 * confidence. Another engine (bench/ocr-engines.bench.ts measures tesseract.js
 * against this one) plugs in through `OcrEngine`, giving the same TSV pages.
 */
import { spawnSync } from 'node:child_process';
import { FormatError } from './errors.ts';
import type { Fragment } from './lines.ts';

export interface OcrWord extends Fragment {
  block: number;
  paragraph: number;
  line: number;
}

export interface OcrPage {
  width: number;
  height: number;
  words: OcrWord[];
}

let available: string | undefined | null = null;

/** The installed Tesseract's languages, or undefined when Tesseract is missing. */
export function tesseractLanguages(): string[] | undefined {
  if (available === null) {
    const r = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
    available = r.status === 0 ? `${r.stdout}\n${r.stderr}` : undefined;
  }
  if (available === undefined) return undefined;
  return available
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^[a-z_]+$/i.test(l));
}

export function ocrAvailable(language = 'vie'): boolean {
  return tesseractLanguages()?.includes(language) ?? false;
}

/** An OCR engine: page images in, Tesseract-style pages (words with boxes and confidence) out. */
export interface OcrEngine {
  /** Recorded in the layout's OCR record. */
  name: string;
  available(language: string): boolean;
  recognise(image: Uint8Array, options: { language: string; dpi?: number }): OcrPage[] | Promise<OcrPage[]>;
}

/** The default engine: Debian's `tesseract` command. */
export const debianTesseract: OcrEngine = {
  name: 'tesseract',
  available: ocrAvailable,
  recognise: (image, options) => ocrImage(image, options),
};

/** OCR of one image (PNG, JPEG or TIFF bytes; a multi-page TIFF gives several pages). */
export function ocrImage(
  image: Uint8Array,
  options: { language?: string; dpi?: number /** Another tessdata folder. */; tessdata?: string } = {},
): OcrPage[] {
  const language = options.language ?? 'vie';
  if (!options.tessdata && !ocrAvailable(language))
    throw new FormatError(
      'ocr-unavailable',
      `OCR needs Tesseract with the "${language}" model (Debian: apt-get install tesseract-ocr tesseract-ocr-${language})`,
    );
  const args = ['stdin', 'stdout', ...(options.tessdata ? ['--tessdata-dir', options.tessdata] : [])];
  args.push('-l', language, '--psm', '3');
  if (options.dpi) args.push('--dpi', String(options.dpi));
  args.push('tsv');
  const r = spawnSync('tesseract', args, {
    input: image,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
  });
  if (r.status !== 0) {
    const why = (r.stderr ?? '').split('\n').find((l) => /error|cannot|unsupported/i.test(l));
    throw new FormatError('corrupt', `the image cannot be read${why ? ` (${why.trim()})` : ''}`);
  }
  return parseTsv(r.stdout);
}

/** Tesseract's TSV: level 1 is a page, level 5 a word with its box and confidence. */
export function parseTsv(tsv: string): OcrPage[] {
  const pages: OcrPage[] = [];
  // The command's TSV starts with a header row (its level is not a number: skipped); the library's has none.
  for (const row of tsv.split('\n')) {
    const c = row.split('\t');
    if (c.length < 12) continue;
    const level = Number(c[0]);
    const [left, top, w, h] = [Number(c[6]), Number(c[7]), Number(c[8]), Number(c[9])];
    if (level === 1) {
      pages.push({ width: w, height: h, words: [] });
      continue;
    }
    const text = c.slice(11).join('\t');
    const page = pages[pages.length - 1];
    if (level !== 5 || text.trim() === '' || !page) continue;
    page.words.push({
      text: text.normalize('NFC'),
      x0: left,
      x1: left + w,
      baseline: top + h,
      size: h,
      confidence: Math.max(0, Number(c[10])),
      block: Number(c[2]),
      paragraph: Number(c[3]),
      line: Number(c[4]),
    });
  }
  return pages;
}

/**
 * Tesseract's own lines as fragments for the line rebuilder: one fragment per
 * line it found, placed at the line's median baseline and x-height, so the
 * rebuilder's column logic sees what Tesseract saw.
 */
export function ocrLineFragments(page: OcrPage): Fragment[] {
  const byLine = new Map<string, OcrWord[]>();
  for (const w of page.words) {
    const key = `${w.block}.${w.paragraph}.${w.line}`;
    const list = byLine.get(key);
    if (list) list.push(w);
    else byLine.set(key, [w]);
  }
  const out: Fragment[] = [];
  for (const words of byLine.values()) {
    words.sort((a, b) => a.x0 - b.x0);
    // Split a Tesseract line at wide gaps: the two halves of a letterhead row can come as one line.
    let group: OcrWord[] = [];
    const flush = (): void => {
      if (group.length === 0) return;
      const sizes = group.map((w) => w.size).sort((a, b) => a - b);
      const baselines = group.map((w) => w.baseline).sort((a, b) => a - b);
      const size = sizes[sizes.length >> 1]!;
      for (const w of group)
        out.push({ ...w, baseline: baselines[baselines.length >> 1]!, size, text: w.text });
      group = [];
    };
    for (const w of words) {
      const prev = group[group.length - 1];
      if (prev && w.x0 - prev.x1 > Math.max(prev.size, w.size) * 4) flush();
      group.push(w);
    }
    flush();
  }
  return out;
}
