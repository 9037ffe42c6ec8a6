import { resolve } from 'node:path';
import {
  DecodeError,
  type IngestedCorpus,
  type IngestedPlan,
  ingestPlan,
  loadLexicon,
  VERSION,
} from '@doichieu/core';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../commands.ts';
import { UserError } from '../errors.ts';
import { loadCorpus, readPlanBytes, writeFileAtomic } from '../io.ts';
import { formatPlanSummary } from '../summary.ts';

const HELP = `Usage: doichieu ingest [corpus-dir] [--out DIR] [--json]

Decodes, normalises, segments and extracts every plan of the corpus named by
corpus-dir/manifest.json (default: ./corpus) and prints a summary per plan.

Options:
  --out DIR        write DIR/corpus.json (schema: schemas/ingested-corpus.schema.json)
  --json           print the ingested corpus as JSON on stdout instead of the summary
  --max-size MB    refuse plan files larger than this (default 64)
  --keep-going     ingest the other plans when one fails, and list the failures
  -h, --help       show this help
`;

export function ingestCorpusDir(corpusDir: string, options: { maxMb?: number; keepGoing?: boolean } = {}) {
  const corpus = loadCorpus(corpusDir);
  const lexicon = loadLexicon();
  const plans: IngestedPlan[] = [];
  const failures: string[] = [];
  const maxBytes = options.maxMb ? Math.round(options.maxMb * 1024 * 1024) : undefined;
  for (const meta of corpus.manifest.plans) {
    try {
      const bytes = readPlanBytes(corpus, meta);
      plans.push(ingestPlan(bytes, meta, { lexicon, ...(maxBytes ? { maxBytes } : {}) }));
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
      },
      'ingest',
    );
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    if (positionals.length > 1) throw new UserError('ingest: expected at most one corpus folder', 2);
    const maxMb = values['max-size'] ? Number(values['max-size']) : undefined;
    if (maxMb !== undefined && !(maxMb > 0))
      throw new UserError('ingest: --max-size must be a positive number of MB', 2);
    const { plans, failures } = ingestCorpusDir(positionals[0] ?? 'corpus', {
      ...(maxMb ? { maxMb } : {}),
      keepGoing: Boolean(values['keep-going']),
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
      for (const plan of plans) process.stdout.write(`${formatPlanSummary(plan)}\n`);
      if (values.out) process.stdout.write(`wrote ${resolve(String(values.out), 'corpus.json')}\n`);
    }
    for (const f of failures) process.stderr.write(`doichieu: failed: ${f}\n`);
    return failures.length > 0 ? 1 : 0;
  },
};
