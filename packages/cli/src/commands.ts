/**
 * The command registry. A command's module is loaded only when the command
 * runs (`load`): `doichieu --help` prints the summaries without importing
 * any pipeline code.
 */
export interface Command {
  summary: string;
  run(argv: string[]): Promise<number>;
}

export interface CommandEntry {
  summary: string;
  load(): Promise<Command>;
}

export const commands: Record<string, CommandEntry> = {
  ingest: {
    summary: 'decode, normalise and segment the plans; print a summary, write corpus.json',
    load: async () => (await import('./commands/ingest.ts')).ingestCommand,
  },
  analyze: {
    summary: 'ingest and align the corpus; write analysis.json, print coverage',
    load: async () => (await import('./commands/analyze.ts')).analyzeCommand,
  },
  evaluate: {
    summary: 'score the engine and the baseline on the annotations (leave-one-plan-out)',
    load: async () => (await import('./commands/evaluate.ts')).evaluateCommand,
  },
  diff: {
    summary: 'compare two plans: paired units with word diffs, shared passages, one-sided units',
    load: async () => (await import('./commands/diff.ts')).diffCommand,
  },
  additions: {
    summary: 'list what a plan adds (content no other plan or the directive has), with spans',
    load: async () => (await import('./commands/additions.ts')).additionsCommand,
  },
  omissions: {
    summary: 'list what a plan leaves out of each task group, with the plans that carry it',
    load: async () => (await import('./commands/omissions.ts')).omissionsCommand,
  },
  report: {
    summary: 'write the report: one self-contained HTML file, a Markdown version and the heatmap SVG',
    load: async () => (await import('./commands/report.ts')).reportCommand,
  },
  export: {
    summary: 'write the analysis as CSV files for a spreadsheet (and an annotations file to correct)',
    load: async () => (await import('./commands/export.ts')).exportCommand,
  },
  profile: {
    summary: 'the implementation profile of each plan: lag, reiteration, specificity, textual learning',
    load: async () => (await import('./commands/profile.ts')).profileCommand,
  },
  sql: {
    summary: 'query the corpus with SQL (DuckDB) over the plan-level and unit-level tables',
    load: async () => (await import('./commands/sql.ts')).sqlCommand,
  },
  passim: {
    summary: 'export the corpus for passim (cluster-scale reuse) and import its results',
    load: async () => (await import('./commands/passim.ts')).passimCommand,
  },
  synth: {
    summary: 'generate a synthetic national corpus from the real plans (for scale tests)',
    load: async () => (await import('./commands/synth.ts')).synthCommand,
  },
  init: {
    summary: 'start an empty corpus (manifest and directive file) in a folder',
    load: async () => (await import('./commands/add.ts')).initCommand,
  },
  add: {
    summary: 'add PDF, DOCX, scanned or text plans to a corpus, proposing their manifest entries',
    load: async () => (await import('./commands/add.ts')).addCommand,
  },
};

export function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`);
  return `doichieu: compare how Vietnamese provinces implement a central directive

Usage: doichieu <command> [options]

Commands:
${lines.join('\n')}

Run "doichieu <command> --help" for a command's options.
`;
}
