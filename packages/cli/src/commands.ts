import { additionsCommand } from './commands/additions.ts';
import { analyzeCommand } from './commands/analyze.ts';
import { diffCommand } from './commands/diff.ts';
import { evaluateCommand } from './commands/evaluate.ts';
import { exportCommand } from './commands/export.ts';
import { ingestCommand } from './commands/ingest.ts';
import { omissionsCommand } from './commands/omissions.ts';
import { reportCommand } from './commands/report.ts';
import { synthCommand } from './commands/synth.ts';

export interface Command {
  summary: string;
  run(argv: string[]): Promise<number>;
}

export const commands: Record<string, Command> = {
  ingest: ingestCommand,
  analyze: analyzeCommand,
  evaluate: evaluateCommand,
  diff: diffCommand,
  additions: additionsCommand,
  omissions: omissionsCommand,
  report: reportCommand,
  export: exportCommand,
  synth: synthCommand,
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
