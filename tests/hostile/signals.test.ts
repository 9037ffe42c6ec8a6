/**
 * SIGINT/SIGTERM during analyze: workers stop, the hidden temporary file is
 * removed, the previous analysis.json stays, one line says what was
 * interrupted, and the exit code is 130 or 143. Real signals need a child process.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../cli-helpers.ts';
import { copyCorpus, editManifest, filesUnder } from './run-cli.ts';

/** The bundled plans listed four times over, so that the analysis lasts long enough to be interrupted. */
function longCorpus(): string {
  const corpus = copyCorpus();
  editManifest(corpus, (m) => {
    delete m.gold;
    m.plans = [0, 1, 2, 3].flatMap((copy) =>
      m.plans.map((p) => ({ ...p, id: copy === 0 ? p.id : `${String(p.id)}-copy${copy}` })),
    );
  });
  return corpus;
}

async function interruptAnalyze(signal: NodeJS.Signals, extra: string[]) {
  const corpus = longCorpus();
  const out = join(corpus, '..', 'out');
  const previous = '{"previous": true}\n';
  // A previous output that must survive.
  mkdirSync(out);
  writeFileSync(join(out, 'analysis.json'), previous);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CLI, 'analyze', corpus, '--out', out, '--no-evaluate', '--no-csv', ...extra],
    { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', DOICHIEU_DEBUG: '' } },
  );
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += String(d);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // Wait for the analysis to be writing (a non-empty hidden temporary file), then signal it.
  let sent = false;
  const poll = setInterval(() => {
    const tmp = filesUnder(out).filter((f) => f.endsWith('.tmp'));
    if (sent || tmp.length === 0) return;
    try {
      if (readFileSync(tmp[0]!).length === 0) return;
    } catch {
      return;
    }
    sent = true;
    child.kill(signal);
  }, 20);
  const code = await exited;
  clearInterval(poll);
  return { code, stderr, sent, out, previous };
}

describe('an interrupted analyze', () => {
  it.each([
    ['SIGINT', 130, ['--workers', '1']],
    ['SIGTERM', 143, ['--workers', '2']],
  ] as const)(
    'on %s exits %i, removes its temporary file and keeps the previous output',
    async (signal, status, extra) => {
      const r = await interruptAnalyze(signal, [...extra]);
      expect(r.sent).toBe(true);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(
        new RegExp(`^doichieu: interrupted by ${signal}: analyze stopped; .*analysis\\.json not written`),
      );
      expect(r.code).toBe(status);
      expect(filesUnder(r.out).map((f) => f.slice(r.out.length + 1))).toEqual(['analysis.json']);
      expect(readFileSync(join(r.out, 'analysis.json'), 'utf8')).toBe(r.previous);
    },
    300_000,
  );
});
