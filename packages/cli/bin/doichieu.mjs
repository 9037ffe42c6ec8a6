#!/usr/bin/env node
// Runs the TypeScript sources through tsx: no build step between a clone and a run.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  const { UserError } = await import('../src/errors.ts');
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  process.stderr.write(
    error instanceof UserError ? `doichieu: ${message}\n` : `doichieu: internal error: ${message}\n`,
  );
  process.exitCode = error instanceof UserError ? error.exitCode : 70;
}
