#!/usr/bin/env node
/**
 * `doichieu`: the command line. Parses arguments, runs a command, and turns
 * every failure into one line on stderr and a non-zero exit. Commands are
 * loaded when they run, so that `--help` starts at once.
 */
import { commands, usage } from './commands.ts';
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
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!entry) throw new UserError(`unknown command "${name}" (try: doichieu --help)`, 2);
  return (await entry.load()).run(rest);
}

/** Prints a failure as one line on stderr and returns the exit code. */
export function reportError(error: unknown): number {
  if (error instanceof UserError) {
    process.stderr.write(`doichieu: ${error.message}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`doichieu: internal error: ${message.split('\n')[0]}\n`);
  if (process.env.DOICHIEU_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return 70;
}

/** Runs the command line and sets the exit code: the entry of the bin and of the built bundle. */
export async function run(argv: string[]): Promise<void> {
  try {
    process.exitCode = await main(argv);
  } catch (error) {
    process.exitCode = reportError(error);
  }
}

const isEntry = process.argv[1] !== undefined && /cli[\\/]src[\\/]main\.ts$/.test(process.argv[1]);
if (isEntry) void run(process.argv.slice(2));
