/**
 * Builds the shipped model of the supervised layer, packages/align/data/model.json,
 * from the bundled gold (corpus/gold/annotations.csv) and, with --add, the gold of
 * other corpora. Same gold, plans and code → the same bytes on any machine.
 *
 *   pnpm model                     rebuild packages/align/data/model.json
 *   pnpm model --check             fail if the checked-in model is not what the gold gives (CI)
 *   pnpm model --add DIR --out F   also learn from DIR's annotations (its manifest's "gold"); write F
 *                                  (then: doichieu analyze DIR --model F)
 *
 * Run it after changing the gold, segmentation, roles, features or training.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SHIPPED_MODEL_PATH } from '../packages/align/src/index.ts';
import { UserError } from '../packages/cli/src/errors.ts';
import { buildModel } from '../packages/cli/src/model-build.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      check: { type: 'boolean' },
      add: { type: 'string', multiple: true },
      out: { type: 'string' },
      corpus: { type: 'string' },
      threads: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(
      'Usage: pnpm model [--check] [--add CORPUS_DIR]... [--out FILE] [--threads N]\n' +
        `Builds ${SHIPPED_MODEL_PATH} from corpus/gold/annotations.csv (and the gold of each --add corpus).\n`,
    );
    return 0;
  }
  const threads = values.threads !== undefined ? Number(values.threads) : undefined;
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1))
    throw new UserError('--threads must be a whole number ≥ 1');
  const out = resolve(values.out ?? join(root, SHIPPED_MODEL_PATH));
  const started = performance.now();
  const built = await buildModel({
    corpusDir: values.corpus ?? join(root, 'corpus'),
    extraCorpora: values.add ?? [],
    root,
    ...(threads ? { threads } : {}),
  });
  const { artefact } = built;
  const e = artefact.evaluation!;
  const summary =
    `${artefact.id}@${artefact.version} sha256 ${artefact.sha256.slice(0, 12)}: ${artefact.trainedOn} units of ` +
    `${artefact.plans.length} plans, ${artefact.weights.length} features, ${(built.text.length / 1024).toFixed(0)} KB; ` +
    `leave-one-plan-out macro-F1 ${e.engine.macroF1.toFixed(3)}, micro-F1 ${e.engine.microF1.toFixed(3)}, ` +
    `exact match ${e.engine.exactMatch.toFixed(3)} (${((performance.now() - started) / 1000).toFixed(1)} s)`;
  if (values.check) {
    let current = '';
    try {
      current = readFileSync(out, 'utf8');
    } catch {
      throw new UserError(`${out} is missing: run pnpm model`);
    }
    if (current !== built.text) {
      let why = 'its weights differ';
      try {
        const old = JSON.parse(current) as { gold?: { sha256: string }[]; plans?: { sha256: string }[] };
        const goldNow = artefact.gold.map((g) => g.sha256).join();
        if (old.gold?.map((g) => g.sha256).join() !== goldNow) why = 'the gold annotations changed';
        else if (old.plans?.map((p) => p.sha256).join() !== artefact.plans.map((p) => p.sha256).join())
          why = 'the annotated plans changed';
        else why = 'the units, features or training changed';
      } catch {
        why = 'it is not valid JSON';
      }
      throw new UserError(`${out} is stale (${why}): run pnpm model and commit the result`);
    }
    process.stdout.write(`model up to date: ${summary}\n`);
    return 0;
  }
  const tmp = `${out}.${process.pid}.tmp`;
  writeFileSync(tmp, built.text);
  renameSync(tmp, out);
  process.stdout.write(`wrote ${out}\n${summary}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`build-model: ${e instanceof UserError ? e.message : ((e as Error).stack ?? e)}\n`);
    process.exit(1);
  },
);
