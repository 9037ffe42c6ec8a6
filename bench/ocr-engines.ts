/**
 * The OCR engines the formats bench measures on the same page images:
 * Debian's `tesseract` command (the shipped route) with Debian's Vietnamese
 * model and with the npm package's model, and tesseract.js (WebAssembly, from
 * npm) with `@tesseract.js-data/vie`. Each gives Tesseract's TSV, read by the
 * same parser, so only the engine and the model differ.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { debianTesseract, type OcrEngine, ocrAvailable, ocrImage, parseTsv } from '@doichieu/formats';

const require = createRequire(import.meta.url);

/** The npm package's Vietnamese model: `best_int` is tessdata_best, integerised (tesseract.js's default for LSTM). */
export function npmVieModel(variant: '4.0.0_best_int' | '4.0.0' = '4.0.0_best_int'): string {
  return join(dirname(require.resolve('@tesseract.js-data/vie/package.json')), variant);
}

/** Debian's command with another tessdata folder (the npm model unpacked), to tell the engine from the model. */
function debianWithModel(variant: '4.0.0_best_int' | '4.0.0'): OcrEngine {
  const dir = join(tmpdir(), 'doichieu-tessdata', variant);
  mkdirSync(join(dir, 'configs'), { recursive: true });
  // The command's `tsv` output is a config file of its tessdata folder.
  writeFileSync(join(dir, 'configs', 'tsv'), 'tessedit_create_tsv 1\n');
  writeFileSync(
    join(dir, 'vie.traineddata'),
    gunzipSync(readFileSync(join(npmVieModel(variant), 'vie.traineddata.gz'))),
  );
  return {
    name: `tesseract (npm vie ${variant})`,
    available: (language) => language === 'vie' && ocrAvailable('eng'),
    recognise: (image, options) => ocrImage(image, { ...options, tessdata: dir }),
  };
}

interface TesseractJsWorker {
  recognize(
    image: Buffer,
    options: object,
    output: { tsv: true; text: false },
  ): Promise<{ data: { tsv: string } }>;
  setParameters(params: Record<string, string>): Promise<unknown>;
  terminate(): Promise<unknown>;
}

/** tesseract.js 7 (Tesseract 5 compiled to WebAssembly), one worker, LSTM only, psm 3 as the command runs. */
export async function tesseractJs(
  variant: '4.0.0_best_int' | '4.0.0' = '4.0.0_best_int',
): Promise<OcrEngine & { close(): Promise<void> }> {
  const { createWorker } = (await import('tesseract.js')) as unknown as {
    createWorker(lang: string, oem: number, options: object): Promise<TesseractJsWorker>;
  };
  const worker = await createWorker('vie', 1, {
    langPath: npmVieModel(variant),
    gzip: true,
    cacheMethod: 'none',
  });
  await worker.setParameters({ tessedit_pageseg_mode: '3' });
  return {
    name: `tesseract.js (npm vie ${variant})`,
    available: (language) => language === 'vie',
    recognise: async (image, options) => {
      if (options.dpi) await worker.setParameters({ user_defined_dpi: String(options.dpi) });
      const { data } = await worker.recognize(Buffer.from(image), {}, { tsv: true, text: false });
      return parseTsv(data.tsv);
    },
    close: async () => {
      await worker.terminate();
    },
  };
}

export type EngineId = 'debian-vie' | 'debian-eng' | 'debian-npm-vie' | 'tesseractjs-vie';

/** The engine and the language it reads with. */
export async function engineOf(
  id: EngineId,
): Promise<{ engine: OcrEngine; language: string; close?: () => Promise<void> }> {
  switch (id) {
    case 'debian-vie':
      return { engine: debianTesseract, language: 'vie' };
    case 'debian-eng':
      return { engine: debianTesseract, language: 'eng' };
    case 'debian-npm-vie':
      return { engine: debianWithModel('4.0.0_best_int'), language: 'vie' };
    case 'tesseractjs-vie': {
      const engine = await tesseractJs();
      return { engine, language: 'vie', close: engine.close };
    }
  }
}
