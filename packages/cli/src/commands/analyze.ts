import { resolve } from 'node:path';
import { analyse } from '@doichieu/report';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../commands.ts';
import { UserError } from '../errors.ts';
import { loadGold, writeFileAtomic } from '../io.ts';
import { formatCoverageTable } from '../summary.ts';
import { ingestCorpusDir } from './ingest.ts';

const HELP = `Usage: doichieu analyze [corpus-dir] [--out DIR] [--gold FILE]

Ingests the corpus, maps every unit of every plan to the directive's task
groups and writes DIR/analysis.json (schema: schemas/analysis.schema.json).
Prints the plan × task-group coverage table.

Options:
  --out DIR        output folder (default: out)
  --gold FILE      annotations CSV (default: the manifest's "gold")
  --no-evaluate    skip the leave-one-plan-out evaluation
  --keep-going     analyse the other plans when one fails, and list the failures
  --max-size MB    refuse plan files larger than this (default 64)
  -h, --help       show this help
`;

export const analyzeCommand: Command = {
  summary: 'ingest and align the corpus; write analysis.json, print coverage',
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        out: { type: 'string' },
        gold: { type: 'string' },
        'no-evaluate': { type: 'boolean' },
        'keep-going': { type: 'boolean' },
        'max-size': { type: 'string' },
      },
      'analyze',
    );
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    if (positionals.length > 1) throw new UserError('analyze: expected at most one corpus folder', 2);
    const maxMb = values['max-size'] ? Number(values['max-size']) : undefined;
    if (maxMb !== undefined && !(maxMb > 0))
      throw new UserError('analyze: --max-size must be a positive number of MB', 2);
    const { corpus, plans, failures } = ingestCorpusDir(positionals[0] ?? 'corpus', {
      ...(maxMb ? { maxMb } : {}),
      keepGoing: Boolean(values['keep-going']),
    });
    const gold = loadGold(corpus, values.gold ? String(values.gold) : undefined);
    const analysis = analyse(corpus.directive, plans, {
      ...(gold ? { gold: gold.rows } : {}),
      evaluate: !values['no-evaluate'],
    });
    const out = resolve(String(values.out ?? 'out'), 'analysis.json');
    writeFileAtomic(out, `${JSON.stringify(analysis)}\n`);
    process.stdout.write(formatCoverageTable(analysis));
    if (analysis.evaluation) {
      const e = analysis.evaluation;
      process.stdout.write(
        `\nleave-one-plan-out on ${e.engine.units} annotated units: engine macro-F1 ${e.engine.macroF1.toFixed(3)}, baseline ${e.baseline.macroF1.toFixed(3)}\n`,
      );
    }
    process.stdout.write(`wrote ${out}\n`);
    for (const f of failures) process.stderr.write(`doichieu: failed: ${f}\n`);
    return failures.length > 0 ? 1 : 0;
  },
};
