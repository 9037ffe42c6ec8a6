import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UserError } from './errors.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs with user errors instead of exceptions with stacks. */
export function parseCommandArgs<T extends Options>(argv: string[], options: T, command: string) {
  try {
    return parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new UserError(
      `${command}: ${(e as Error).message.split('\n')[0]} (try: doichieu ${command} --help)`,
      2,
    );
  }
}

/** --max-size MB: a positive number up to the ceiling one analysis can hold; bytes, or undefined when not given. */
export function parseMaxSize(value: unknown, command: string, ceilingBytes: number): number | undefined {
  if (value === undefined) return undefined;
  const mb = Number(value);
  const ceilingMb = ceilingBytes / (1024 * 1024);
  if (!(mb > 0)) throw new UserError(`${command}: --max-size must be a positive number of MB`, 2);
  if (mb > ceilingMb)
    throw new UserError(
      `${command}: --max-size is at most ${ceilingMb} MB (every stage holds a plan's text and units in memory)`,
      2,
    );
  return Math.round(mb * 1024 * 1024);
}
