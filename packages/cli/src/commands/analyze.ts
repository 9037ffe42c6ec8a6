import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fromArtefact, ModelFormatError, type ShippedModel } from '@doichieu/align';
import { type Analysis, exportCsvFiles } from '@doichieu/report';
import { parseCommandArgs, parseMaxSize } from '../args.ts';
import type { Command } from '../commands.ts';
import { UserError } from '../errors.ts';
import { CAPPED_ABOVE_PLANS, heapCapMb, runCapped, wantsHeapCap } from '../heap.ts';
import { catchInterrupts } from '../interrupt.ts';
import {
  assertWritableFolder,
  loadCorpus,
  loadGold,
  MAX_PLAN_BYTES_CEILING,
  writeFileAtomic,
} from '../io.ts';
import { copyPageImages } from '../layout.ts';
import { DEFAULT_DIFF_LIMIT, planBytes, runAnalysis } from '../pipeline.ts';
import { formatCoverageTable } from '../summary.ts';

const HELP = `Usage: doichieu analyze [corpus-dir] [--out DIR] [--gold FILE] [--model FILE]

Ingests the corpus, maps every unit of every plan to the directive's task
groups and writes DIR/analysis.json (schema: schemas/analysis.schema.json).
Prints the plan × task-group coverage table. Units are labelled by the model
shipped with doichieu (packages/align/data/model.json), the same for any
corpus: nothing is trained here (doichieu evaluate scores it, pnpm model builds it).

Options:
  --out DIR        output folder (default: out)
  --gold FILE      annotations CSV shown beside the labels (default: the manifest's "gold")
  --model FILE     label with this model file instead (built by: pnpm model --add DIR --out FILE)
  --no-evaluate    leave out the model's recorded leave-one-plan-out figures
  --keep-going     analyse the other plans when one fails, and list the failures
  --max-size MB    refuse plan files larger than this (default and most: 64)
  --allow-outside  let the manifest name files outside the corpus folder
  --workers N      worker threads (default: one per 8 MB of plan files, at most one per core;
                   1 = no workers)
  --diff-limit N   run the diff stage (additions, omissions, reuse) up to N plans (default 1000; 0 = never);
                   above 1000 plans it runs in a child Node with a heap cap (max-old-space-size,
                   1536 MB or 20 MB per MB of plan files), which keeps its memory near its live data
  --peers K        compare each plan with its K closest plans of the same level, besides the
                   plans of the level above in its province (corpora over 50 plans; default 3)
  --no-csv         do not write the CSV exports (DIR/csv/*.csv; see doichieu export --help)
  -h, --help       show this help
`;

/** A model file given with --model: read, checked (shape, hash, settings), one clear line if it is not one. */
function loadModelFile(path: string): ShippedModel {
  let text: string;
  try {
    text = readFileSync(resolve(path), 'utf8');
  } catch (e) {
    throw new UserError(`analyze: cannot read model file ${path}: ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
  try {
    return fromArtefact(JSON.parse(text));
  } catch (e) {
    if (e instanceof SyntaxError || e instanceof ModelFormatError)
      throw new UserError(`analyze: ${path}: ${e instanceof SyntaxError ? 'not JSON' : e.message}`);
    throw e;
  }
}

/** analyze writes the CSV exports itself up to this many plans; above, `doichieu export` does. */
const CSV_LIMIT = 1000;

export const analyzeCommand: Command = {
  summary: 'ingest and align the corpus; write analysis.json, print coverage',
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        out: { type: 'string' },
        gold: { type: 'string' },
        model: { type: 'string' },
        'no-evaluate': { type: 'boolean' },
        'keep-going': { type: 'boolean' },
        'max-size': { type: 'string' },
        workers: { type: 'string' },
        'diff-limit': { type: 'string' },
        'no-csv': { type: 'boolean' },
        peers: { type: 'string' },
        'allow-outside': { type: 'boolean' },
      },
      'analyze',
    );
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    if (positionals.length > 1) throw new UserError('analyze: expected at most one corpus folder', 2);
    const maxBytes = parseMaxSize(values['max-size'], 'analyze', MAX_PLAN_BYTES_CEILING);
    const workers = values.workers !== undefined ? Number(values.workers) : undefined;
    if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0))
      throw new UserError('analyze: --workers must be a whole number', 2);
    const diffLimit = values['diff-limit'] !== undefined ? Number(values['diff-limit']) : undefined;
    if (diffLimit !== undefined && !(Number.isInteger(diffLimit) && diffLimit >= 0))
      throw new UserError('analyze: --diff-limit must be a whole number', 2);
    const peers = values.peers !== undefined ? Number(values.peers) : undefined;
    if (peers !== undefined && !(Number.isInteger(peers) && peers >= 1))
      throw new UserError('analyze: --peers must be a whole number of at least 1', 2);
    const corpus = loadCorpus(positionals[0] ?? 'corpus', {
      allowOutside: Boolean(values['allow-outside']),
    });
    const gold = loadGold(corpus, values.gold ? String(values.gold) : undefined);
    const model = values.model ? loadModelFile(String(values.model)) : undefined;
    const outDir = resolve(String(values.out ?? 'out'));
    // Found before the work, not after it.
    assertWritableFolder(outDir);
    if (!values['no-csv']) assertWritableFolder(resolve(outDir, 'csv'));
    const out = resolve(outDir, 'analysis.json');
    // The diff stage of a national corpus runs under a heap cap (see heap.ts): a child with the flag.
    const plans = corpus.manifest.plans;
    if (plans.length > CAPPED_ABOVE_PLANS && plans.length <= (diffLimit ?? DEFAULT_DIFF_LIMIT)) {
      const cap = heapCapMb(planBytes(corpus, plans));
      if (wantsHeapCap(cap)) return runCapped(cap);
    }
    const interrupt = catchInterrupts(`analyze stopped; ${out} not written (a previous one is unchanged)`);
    try {
      const result = await runAnalysis(corpus, out, {
        interrupt,
        ...(gold ? { gold: gold.rows } : {}),
        ...(model ? { model } : {}),
        evaluate: !values['no-evaluate'],
        keepGoing: Boolean(values['keep-going']),
        ...(maxBytes ? { maxBytes } : {}),
        ...(workers !== undefined ? { workers } : {}),
        ...(diffLimit !== undefined ? { diffLimit } : {}),
        ...(peers !== undefined ? { peers } : {}),
        progress: Boolean(process.stderr.isTTY),
      });
      const table: Pick<Analysis, 'directive' | 'coverage'> = {
        directive: corpus.directive,
        coverage: result.coverage,
      };
      if (result.coverage.length <= 60) process.stdout.write(formatCoverageTable(table));
      else
        process.stdout.write(
          `${result.coverage.length} plans analysed (coverage table omitted above 60 plans; see analysis.json)\n`,
        );
      process.stdout.write(`\nlabels: ${result.model}\n`);
      if (result.modelNote) process.stderr.write(`doichieu: warning: ${result.modelNote}\n`);
      if (result.evaluation) {
        const e = result.evaluation;
        process.stdout.write(
          `the model's leave-one-plan-out figures, recorded when it was built on ${e.engine.units} annotated units (doichieu evaluate recomputes them): engine macro-F1 ${e.engine.macroF1.toFixed(3)}, baseline ${e.baseline.macroF1.toFixed(3)}\n`,
        );
      }
      if (result.diffSkipped) process.stdout.write(`diff stage skipped: ${result.diffSkipped}\n`);
      process.stdout.write(`wrote ${out}\n`);
      // The reader's page images (plans added from a PDF or an image), beside analysis.json.
      const images = copyPageImages(corpus.dir, corpus.manifest.plans, outDir);
      if (images > 0) process.stdout.write(`wrote ${images} page images to ${resolve(outDir, 'pages')}\n`);
      if (!values['no-csv']) {
        if (result.plans <= CSV_LIMIT) {
          const csvDir = resolve(outDir, 'csv');
          const files = exportCsvFiles(JSON.parse(readFileSync(out, 'utf8')) as Analysis);
          for (const [name, text] of Object.entries(files)) writeFileAtomic(resolve(csvDir, name), text);
          process.stdout.write(`wrote ${Object.keys(files).length} CSV files to ${csvDir}\n`);
        } else
          process.stdout.write(
            `CSV exports skipped above ${CSV_LIMIT} plans (run: doichieu export --analysis ${out})\n`,
          );
      }
      for (const w of result.warnings) process.stderr.write(`doichieu: ${w}\n`);
      for (const f of result.failures) process.stderr.write(`doichieu: failed: ${f}\n`);
      return result.failures.length > 0 ? 1 : 0;
    } finally {
      interrupt.dispose();
    }
  },
};
