/** The built CLI (packages/cli/dist, `pnpm build`), run through the bin as users run it. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { doichieu, ROOT } from './cli-helpers.ts';

const DIST = join(ROOT, 'packages/cli/dist');

function bundled(args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'packages/cli/bin/doichieu.mjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', DOICHIEU_DEBUG: '', DOICHIEU_BUNDLE: 'required' },
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The files a module imports statically, transitively (relative imports of the bundle only). */
function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(DIST, file), 'utf8');
    for (const m of text.matchAll(
      /(?:^|[;\n}])\s*(?:import|export)\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+)["']/g,
    ))
      visit(m[1]!);
  };
  visit(entry);
  return seen;
}

beforeAll(() => {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
}, 120_000);

describe('the built CLI', () => {
  it('prints the same help as the sources', () => {
    const built = bundled(['--help']);
    expect(built.status).toBe(0);
    expect(built.stdout).toBe(doichieu(['--help']).stdout);
    expect(built.stdout).toContain('analyze');
  }, 60_000);

  it('loads no command for --help: commands are chunks imported when they run', () => {
    const closure = staticClosure('doichieu.mjs');
    const all = readdirSync(DIST).filter((f) => f.endsWith('.mjs'));
    const commandChunks = all.filter((f) => /^(analyze|ingest|evaluate|report|synth)-/.test(f));
    expect(commandChunks.length).toBeGreaterThanOrEqual(5);
    for (const c of commandChunks) expect(closure.has(c)).toBe(false);
    const size = (files: Iterable<string>) =>
      [...files].reduce((s, f) => s + readFileSync(join(DIST, f)).byteLength, 0);
    expect(size(closure)).toBeLessThan(size(all) / 20);
  });

  it('turns a bad command into one line on stderr', () => {
    const r = bundled(['no-such-command']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('doichieu: unknown command "no-such-command" (try: doichieu --help)\n');
  });

  it('analyses through worker threads started from the bundle, as the sources do', () => {
    const out = mkdtempSync(join(tmpdir(), 'doichieu-bundle-'));
    const args = ['analyze', 'corpus', '--no-evaluate', '--no-csv', '--diff-limit', '0'];
    const built = bundled([...args, '--out', join(out, 'built'), '--workers', '2']);
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    const source = doichieu([...args, '--out', join(out, 'source'), '--workers', '1']);
    expect(source.status).toBe(0);
    expect(existsSync(join(out, 'built/analysis.json'))).toBe(true);
    expect(readFileSync(join(out, 'built/analysis.json'), 'utf8')).toBe(
      readFileSync(join(out, 'source/analysis.json'), 'utf8'),
    );
  }, 240_000);

  it("trains evaluate's held-out models on worker threads started from the bundle", () => {
    expect(existsSync(join(DIST, 'train-worker-entry.mjs'))).toBe(true);
    const built = bundled(['evaluate', 'corpus', '--json', '--workers', '2']);
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    expect(JSON.parse(built.stdout).engine.macroF1).toBeGreaterThanOrEqual(0.867);
  }, 240_000);
});
