#!/usr/bin/env node
// Runs the built bundle (packages/cli/dist, made by `pnpm build`) when it is current; otherwise the
// TypeScript sources through tsx, so that a clone runs without a build and an edit is never hidden
// by a stale bundle.
import { readFileSync, statSync } from 'node:fs';

const dist = new URL('../dist/', import.meta.url);

function bundleIsCurrent() {
  try {
    const { builtAt, inputs } = JSON.parse(readFileSync(new URL('inputs.json', dist), 'utf8'));
    const root = new URL('../../../', import.meta.url);
    return inputs.every((file) => statSync(new URL(file, root)).mtimeMs <= builtAt);
  } catch {
    return false;
  }
}

if (bundleIsCurrent()) {
  const { run } = await import(new URL('doichieu.mjs', dist).href);
  await run(process.argv.slice(2));
} else if (process.env.DOICHIEU_BUNDLE === 'required') {
  // Tests and benchmarks of the built CLI: never measure the sources by mistake.
  process.stderr.write('doichieu: the built CLI is missing or older than its sources (run: pnpm build)\n');
  process.exitCode = 70;
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { run } = await import('../src/main.ts');
  await run(process.argv.slice(2));
}
