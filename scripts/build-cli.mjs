/**
 * Builds the command line into packages/cli/dist: one ESM bundle per entry
 * (the CLI and its worker threads) with a chunk per command, loaded when the
 * command runs. JSON data (lexicon, model) is inlined, so the bundle finds it
 * wherever it runs. Writes dist/inputs.json, which the bin reads to run the
 * sources instead when one of them is newer than the bundle.
 *
 * Plain JavaScript: it runs with node alone (`pnpm build`).
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'packages/cli/dist');
// Built beside, then swapped in: a command running meanwhile never sees half a bundle.
const tmp = `${out}.${process.pid}.tmp`;
const builtAt = Date.now();
const result = await build({
  absWorkingDir: root,
  entryPoints: {
    doichieu: 'packages/cli/src/main.ts',
    'worker-entry': 'packages/cli/src/worker.ts',
    // evaluate's held-out models train on worker threads too (train-pool.ts).
    'train-worker-entry': 'packages/cli/src/train-worker.ts',
  },
  outdir: tmp,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.mjs' },
  chunkNames: '[name]-[hash]',
  metafile: true,
  logLevel: 'warning',
  legalComments: 'none',
  // Native addons and packages that load their own files at run time (DuckDB; the decoders of
  // @doichieu/formats: canvas, pdf.js's worker and data, mammoth) are resolved from
  // packages/cli's dependencies, never bundled.
  external: ['@duckdb/node-api', '@napi-rs/canvas', 'pdfjs-dist', 'mammoth'],
  // CommonJS dependencies (iconv-lite, papaparse…) call require() for Node's own modules.
  banner: {
    js: "import { createRequire as __doichieuCreateRequire } from 'node:module'; const require = __doichieuCreateRequire(import.meta.url);",
  },
});
const inputs = Object.keys(result.metafile.inputs)
  .filter((f) => !f.includes('node_modules'))
  .map((f) => relative(root, join(root, f)));
writeFileSync(join(tmp, 'inputs.json'), `${JSON.stringify({ builtAt, inputs })}\n`);
rmSync(out, { recursive: true, force: true });
mkdirSync(dirname(out), { recursive: true });
renameSync(tmp, out);
