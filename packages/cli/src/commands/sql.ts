import { planLevelTable, unitLevelTable } from '@doichieu/report';
import { loadOrAnalyse } from '../analysis-file.ts';
import { TIDY_VIEW } from '../analysis-views.ts';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../commands.ts';
import { query } from '../duckdb.ts';
import { UserError } from '../errors.ts';

const HELP = `Usage: doichieu sql "QUERY" [--analysis FILE | --corpus DIR] [--csv]

Runs one SQL query (DuckDB) over the corpus's tidy tables:
  plan_level   one row per plan: metadata and every profile measure
  unit_level   one row per unit: role, labels, scores, reuse, text
Columns are listed in data-dictionary.md (doichieu export writes it).

Example:
  doichieu sql "SELECT plan_id, lag_directive_min, depth_TG1 FROM plan_level ORDER BY 2"

Options:
  --analysis FILE  analysis.json to read (default: out/analysis.json; else the corpus is analysed)
  --corpus DIR     analyse this corpus instead
  --csv            print the result as CSV
  -h, --help       show this help
`;

export const sqlCommand: Command = {
  summary: 'query the corpus with SQL (DuckDB) over the plan-level and unit-level tables',
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { analysis: { type: 'string' }, corpus: { type: 'string' }, csv: { type: 'boolean' } },
      'sql',
    );
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    if (positionals.length !== 1)
      throw new UserError('sql: expected one query in quotes (try: doichieu sql --help)', 2);
    const analysis = loadOrAnalyse(values, 'sql', TIDY_VIEW);
    const { columns, rows } = await query(
      [planLevelTable(analysis), unitLevelTable(analysis)],
      positionals[0]!,
    );
    if (values.csv) {
      const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
      process.stdout.write(`${[columns, ...rows].map((r) => r.map(quote).join(',')).join('\n')}\n`);
      return 0;
    }
    const widths = columns.map((c, i) => Math.min(60, Math.max(c.length, ...rows.map((r) => r[i]!.length))));
    const cut = (s: string, w: number) => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
    const line = (r: readonly string[]) =>
      r
        .map((c, i) => cut(c, widths[i]!))
        .join('  ')
        .trimEnd();
    process.stdout.write(
      `${[line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')}\n(${rows.length} rows)\n`,
    );
    return 0;
  },
};
