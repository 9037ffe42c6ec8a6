import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI = join(ROOT, 'packages/cli/src/main.ts');

export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `doichieu` command in a child process. */
export function doichieu(args: string[], cwd = ROOT): RunResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', DOICHIEU_DEBUG: '' },
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A scratch copy of the bundled corpus that a test may damage. */
export function scratchCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'doichieu-'));
  cpSync(join(ROOT, 'corpus'), join(dir, 'corpus'), { recursive: true });
  return join(dir, 'corpus');
}
