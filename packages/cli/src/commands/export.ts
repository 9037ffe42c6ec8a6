import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Analysis, analyse, exportCsvFiles } from '@doichieu/report';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../commands.ts';
import { UserError } from '../errors.ts';
import { loadGold, writeFileAtomic } from '../io.ts';
import { ingestCorpusDir } from './ingest.ts';

const HELP = `Usage: doichieu export [--analysis FILE | --corpus DIR] [--out DIR]

Writes the analysis as CSV files for a spreadsheet (UTF-8 with a BOM, every
field quoted; a cell that starts with = + - @ gets a leading ' so that no
spreadsheet runs it as a formula, which includes "- " bullets in plan text):

  units.csv            every unit: ids, kind, role, span, labels, scores, gold, text
  coverage.csv         plan × task group: status, share, unit ids
  coverage-matrix.csv  the coverage matrix, one row per plan
  additions.csv        passages of the addition clusters       (needs findings)
  omissions.csv        what a plan leaves out that others carry (needs findings)
  reuse.csv            passages shared word for word            (needs findings)
  pairs.csv            paired units of two plans                (needs findings)
  similarity.csv       plan × plan similarity                   (needs findings)
  keyness.csv          key terms of each plan                   (needs findings)
  annotations.csv      annotations filled in from the engine's labels: correct
                       it and run "doichieu evaluate --gold annotations.csv"

Options:
  --analysis FILE  analysis.json to read (default: out/analysis.json; when it
                   does not exist the corpus is analysed)
  --corpus DIR     analyse this corpus instead of reading analysis.json
  --out DIR        output folder (default: out/csv)
  -h, --help       show this help
`;

/** Reads --analysis FILE (or out/analysis.json), or analyses the corpus. */
export function loadOrAnalyse(values: { analysis?: unknown; corpus?: unknown }, command: string): Analysis {
  const corpusDir = values.corpus ? String(values.corpus) : undefined;
  if (corpusDir && values.analysis)
    throw new UserError(`${command}: give either --analysis or --corpus, not both`, 2);
  const path = resolve(values.analysis ? String(values.analysis) : 'out/analysis.json');
  if (!corpusDir) {
    let text: string | undefined;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (values.analysis || code !== 'ENOENT')
        throw new UserError(
          code === 'ENOENT'
            ? `analysis file not found: ${path}`
            : `cannot read ${path}: ${code ?? String(e)}`,
        );
    }
    if (text !== undefined) {
      let json: unknown;
      try {
        json = JSON.parse(text.replace(/^\uFEFF/, ''));
      } catch (e) {
        throw new UserError(`${path}: not valid JSON (${(e as Error).message.split('\n')[0]})`);
      }
      if (!json || typeof json !== 'object' || !('plans' in json) || !('coverage' in json))
        throw new UserError(`${path}: not an analysis.json (run "doichieu analyze" first)`);
      return json as Analysis;
    }
  }
  const { corpus, plans } = ingestCorpusDir(corpusDir ?? 'corpus');
  const gold = loadGold(corpus);
  return analyse(corpus.directive, plans, gold ? { gold: gold.rows } : {});
}

export const exportCommand: Command = {
  summary: 'write the analysis as CSV files for a spreadsheet (and an annotations file to correct)',
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { analysis: { type: 'string' }, corpus: { type: 'string' }, out: { type: 'string' } },
      'export',
    );
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    if (positionals.length > 0) throw new UserError(`export: unexpected argument "${positionals[0]}"`, 2);
    const analysis = loadOrAnalyse(values, 'export');
    const dir = resolve(String(values.out ?? 'out/csv'));
    const files = exportCsvFiles(analysis);
    for (const [name, text] of Object.entries(files)) writeFileAtomic(resolve(dir, name), text);
    process.stdout.write(`wrote ${Object.keys(files).length} CSV files to ${dir}\n`);
    return 0;
  },
};
