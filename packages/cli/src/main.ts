#!/usr/bin/env node
import { commands, usage } from './commands.ts';
/**
 * `doichieu`: the command line. Parses arguments, runs a command, and turns
 * every failure into one line on stderr and a non-zero exit.
 */
import { UserError } from './errors.ts';

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    const { VERSION } = await import('@doichieu/core');
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = commands[name];
  if (!command) throw new UserError(`unknown command "${name}" (try: doichieu --help)`, 2);
  return command.run(rest);
}

function report(error: unknown): number {
  if (error instanceof UserError) {
    process.stderr.write(`doichieu: ${error.message}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`doichieu: internal error: ${message.split('\n')[0]}\n`);
  if (process.env.DOICHIEU_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return 70;
}

const isEntry = process.argv[1] !== undefined && /cli[\\/]src[\\/]main\.ts$/.test(process.argv[1]);
if (isEntry) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.exitCode = report(error);
    },
  );
}
