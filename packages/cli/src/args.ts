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
