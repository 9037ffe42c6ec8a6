/**
 * The CLI called in-process (child processes are slow on a busy machine):
 * main() with stdout and stderr captured, failures turned into the exit code
 * and the one line the real command prints.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { main, reportError } from '../../packages/cli/src/main.ts';
import { ROOT } from '../cli-helpers.ts';

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

export async function cli(args: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const write = (sink: string[]) =>
    ((chunk: string | Uint8Array) => {
      sink.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    }) as typeof process.stdout.write;
  const stdout = process.stdout.write;
  const stderr = process.stderr.write;
  const noColor = process.env.NO_COLOR;
  process.stdout.write = write(out);
  process.stderr.write = write(err);
  process.env.NO_COLOR = '1';
  let status: number;
  try {
    status = await main(args);
  } catch (e) {
    status = reportError(e);
  } finally {
    process.stdout.write = stdout;
    process.stderr.write = stderr;
    if (noColor === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = noColor;
  }
  return { status, stdout: out.join(''), stderr: err.join('') };
}

/** One line on stderr, the given exit code, no stack trace; returns the line. */
export function expectOneLine(r: CliResult, status = 1): string {
  expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
  expect(r.stderr).toMatch(/^doichieu: /);
  expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
  expect(r.status, r.stderr).toBe(status);
  return r.stderr.trim();
}

/** Every file under `dir`, hidden ones included (temporary files are hidden). */
export function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => !e.isDirectory())
      .map((e) => join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

export function scratchDir(): string {
  return mkdtempSync(join(tmpdir(), 'doichieu-hostile-'));
}

/** A copy of the bundled corpus in a fresh folder; returns the corpus folder. */
export function copyCorpus(): string {
  const dir = scratchDir();
  cpSync(join(ROOT, 'corpus'), join(dir, 'corpus'), { recursive: true });
  return join(dir, 'corpus');
}

export const PLAN_META = {
  province: 'unknown',
  level: 'province',
  issuingBody: 'unknown',
  documentNumber: 'unknown',
  date: 'unknown',
  kind: 'other',
  title: 'test',
  signer: 'unknown',
} as const;

/** A corpus of the given plan files (name → content) with the bundled directive and no annotations. */
export function tinyCorpus(plans: Record<string, string | Uint8Array>): string {
  const dir = join(scratchDir(), 'corpus');
  mkdirSync(join(dir, 'plans'), { recursive: true });
  cpSync(join(ROOT, 'corpus/directive.json'), join(dir, 'directive.json'));
  const entries = Object.entries(plans).map(([name, content], i) => {
    writeFileSync(join(dir, 'plans', name), content);
    return { id: `p${i}`, file: `plans/${name}`, ...PLAN_META };
  });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ directive: 'directive.json', plans: entries }));
  return dir;
}

export function editManifest(
  corpus: string,
  edit: (m: Record<string, unknown> & { plans: Record<string, unknown>[] }) => void,
): void {
  const path = join(corpus, 'manifest.json');
  const m = JSON.parse(readFileSync(path, 'utf8'));
  edit(m);
  writeFileSync(path, JSON.stringify(m));
}
