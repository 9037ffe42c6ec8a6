import { resolve } from 'node:path';
import {
  dataDictionaryCsv,
  dataDictionaryMarkdown,
  planLevelTable,
  type TidyTable,
  unitLevelTable,
} from '@doichieu/report';
import { analysisReader } from '../analysis-file.ts';
import { TIDY_VIEW } from '../analysis-views.ts';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../commands.ts';
import { writeParquet } from '../duckdb.ts';
import { UserError } from '../errors.ts';
import { csvFileNames, streamCsvFiles, writeTidyCsv } from '../export-stream.ts';
import { type AtomicWriter, openAtomicWriter } from '../io.ts';

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

and, for statistics, two tidy tables as CSV and as Parquet with their data
dictionary (column, type, meaning, unit):

  plan-level.csv / .parquet   one row per plan: metadata and every profile measure
  unit-level.csv / .parquet   one row per unit: role, labels, scores, reuse, text
  data-dictionary.csv / .md   what every column of the two tables means

Options:
  --analysis FILE  analysis.json to read (default: out/analysis.json; when it
                   does not exist the corpus is analysed)
  --corpus DIR     analyse this corpus instead of reading analysis.json
  --out DIR        output folder (default: out/csv)
  --no-parquet     write the tidy tables as CSV only
  -h, --help       show this help
`;

export const exportCommand: Command = {
  summary: 'write the analysis as CSV files for a spreadsheet (and an annotations file to correct)',
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        analysis: { type: 'string' },
        corpus: { type: 'string' },
        out: { type: 'string' },
        'no-parquet': { type: 'boolean' },
      },
      'export',
    );
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    if (positionals.length > 0) throw new UserError(`export: unexpected argument "${positionals[0]}"`, 2);
    const read = analysisReader(values, 'export');
    const dir = resolve(String(values.out ?? 'out/csv'));
    // Every file goes to a temporary file, renamed into place once the whole analysis has been read.
    const pending: AtomicWriter[] = [];
    const stage = (name: string): AtomicWriter => {
      const writer = openAtomicWriter(resolve(dir, name));
      pending.push(writer);
      return writer;
    };
    let tables: TidyTable[];
    try {
      // The CSV files while the file streams past (export-stream.ts), then the tidy tables.
      const names = csvFileNames();
      const writers = new Map(names.map((name) => [name, stage(name)]));
      const csv = streamCsvFiles(writers);
      csv.finish(read(csv.view));
      const analysis = read(TIDY_VIEW);
      tables = [planLevelTable(analysis), unitLevelTable(analysis)];
      for (const t of tables) writeTidyCsv(stage(`${t.name}.csv`), t);
      stage('data-dictionary.csv').write(dataDictionaryCsv(tables));
      stage('data-dictionary.md').write(dataDictionaryMarkdown(tables));
    } catch (e) {
      for (const w of pending) w.abort();
      throw e;
    }
    for (const w of pending) w.commit();
    process.stdout.write(`wrote ${pending.length - 1} CSV files to ${dir}\n`);
    if (!values['no-parquet']) {
      const parquet = await writeParquet(tables, dir);
      process.stdout.write(`wrote ${parquet.length} Parquet files to ${dir}\n`);
    }
    return 0;
  },
};
