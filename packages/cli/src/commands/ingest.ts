import { resolve } from 'node:path';
import {
  checkDirectiveCitation,
  DecodeError,
  type IngestedCorpus,
  type IngestedPlan,
  ingestPlan,
  loadLexicon,
  VERSION,
} from '@doichieu/core';
import { parseCommandArgs, parseMaxSize } from '../args.ts';
import type { Command } from '../commands.ts';
import { UserError } from '../errors.ts';
import {
  assertWritableFolder,
  loadCorpus,
  MAX_PLAN_BYTES_CEILING,
  readPlanBytes,
  writeFileAtomic,
} from '../io.ts';
import { readPlanLayout } from '../layout.ts';
import { formatPlanSummary } from '../summary.ts';

const HELP = `Usage: doichieu ingest [corpus-dir] [--out DIR] [--json]

Decodes, normalises, segments and extracts every plan of the corpus named by
corpus-dir/manifest.json (default: ./corpus) and prints a summary per plan.

Options:
  --out DIR        write DIR/corpus.json (schema: schemas/ingested-corpus.schema.json)
  --json           print the ingested corpus as JSON on stdout instead of the summary
  --max-size MB    refuse plan files larger than this (default 64)
  --keep-going     ingest the other plans when one fails, and list the failures
  --allow-outside  let the manifest name files outside the corpus folder
  -h, --help       show this help
`;

export function ingestCorpusDir(
  corpusDir: string,
  options: { maxBytes?: number; keepGoing?: boolean; allowOutside?: boolean } = {},
) {
  const corpus = loadCorpus(corpusDir, { allowOutside: Boolean(options.allowOutside) });
  const lexicon = loadLexicon();
  const plans: IngestedPlan[] = [];
  const failures: string[] = [];
  const { maxBytes } = options;
  for (const meta of corpus.manifest.plans) {
    try {
      const bytes = readPlanBytes(corpus, meta, maxBytes);
      const layout = readPlanLayout(corpus.dir, meta);
      plans.push(
        ingestPlan(bytes, meta, {
          lexicon,
          ...(maxBytes ? { maxBytes } : {}),
          ...(layout ? { layout } : {}),
        }),
      );
    } catch (e) {
      const message =
        e instanceof DecodeError
          ? `plan ${meta.id} (${meta.file}): ${e.message}`
          : e instanceof UserError
            ? e.message
            : null;
      if (message === null) throw e;
      if (!options.keepGoing) throw new UserError(message);
      failures.push(message);
    }
  }
  return { corpus, plans, failures };
}

export const ingestCommand: Command = {
  summary: 'decode, normalise and segment the plans; print a summary, write corpus.json',
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        out: { type: 'string' },
        json: { type: 'boolean' },
        'max-size': { type: 'string' },
        'keep-going': { type: 'boolean' },
        'allow-outside': { type: 'boolean' },
      },
      'ingest',
    );
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    if (positionals.length > 1) throw new UserError('ingest: expected at most one corpus folder', 2);
    const maxBytes = parseMaxSize(values['max-size'], 'ingest', MAX_PLAN_BYTES_CEILING);
    if (values.out) assertWritableFolder(resolve(String(values.out)));
    const { corpus, plans, failures } = ingestCorpusDir(positionals[0] ?? 'corpus', {
      ...(maxBytes ? { maxBytes } : {}),
      keepGoing: Boolean(values['keep-going']),
      allowOutside: Boolean(values['allow-outside']),
    });
    const output: IngestedCorpus = {
      $schema: 'https://doichieu.invalid/schemas/ingested-corpus.schema.json',
      tool: { name: 'doichieu', version: VERSION },
      offsets: 'utf16',
      plans,
    };
    if (values.out)
      writeFileAtomic(resolve(String(values.out), 'corpus.json'), `${JSON.stringify(output, null, 1)}\n`);
    if (values.json) process.stdout.write(`${JSON.stringify(output)}\n`);
    else {
      for (const plan of plans) {
        const check = checkDirectiveCitation(corpus.directive, plan.references, plan.source.text);
        process.stdout.write(`${formatPlanSummary(plan, check)}\n`);
      }
      if (values.out) process.stdout.write(`wrote ${resolve(String(values.out), 'corpus.json')}\n`);
    }
    for (const f of failures) process.stderr.write(`doichieu: failed: ${f}\n`);
    return failures.length > 0 ? 1 : 0;
  },
};
