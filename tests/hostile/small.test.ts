/**
 * The smaller failures of issue 12, each one line on stderr with its exit
 * code and nothing left behind: nothing to score, a failure listed once, a
 * malformed analysis.json, synth's output folder, the viewer's script.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli-helpers.ts';
import {
  cli,
  copyCorpus,
  editManifest,
  expectOneLine,
  filesUnder,
  scratchDir,
  tinyCorpus,
} from './run-cli.ts';

const SLOW = 600_000;

/** A small analysis shared by the tests that need a valid analysis.json. */
let analysis: string;
beforeAll(async () => {
  const plan = readFileSync(join(ROOT, 'corpus/plans/district-study-plan.txt'));
  const corpus = tinyCorpus({ 'a.txt': plan, 'b.txt': plan });
  const out = join(corpus, '..', 'out');
  const r = await cli(['analyze', corpus, '--out', out, '--no-csv']);
  expect(r.status, r.stderr).toBe(0);
  analysis = join(out, 'analysis.json');
}, SLOW);

describe('evaluate', () => {
  it(
    'on zero annotated units says there is nothing to score (no P/R/F1 of 1.000)',
    async () => {
      const corpus = copyCorpus();
      const gold = join(corpus, 'gold/annotations.csv');
      writeFileSync(gold, `${readFileSync(gold, 'utf8').split('\n')[0]}\n`);
      const r = await cli(['evaluate', corpus]);
      expect(expectOneLine(r)).toMatch(/evaluate: nothing to score/);
      expect(r.stdout).not.toMatch(/1\.000/);
    },
    SLOW,
  );
});

describe('analyze --keep-going', () => {
  it(
    'lists a failing annotated plan once, not twice',
    async () => {
      const corpus = copyCorpus();
      writeFileSync(join(corpus, 'plans/district-study-plan.txt'), '');
      const out = join(corpus, '..', 'out');
      const r = await cli(['analyze', corpus, '--out', out, '--keep-going', '--no-evaluate', '--no-csv']);
      expect(r.status).toBe(1);
      const failed = r.stderr.split('\n').filter((l) => l.startsWith('doichieu: failed:'));
      expect(failed).toEqual([
        'doichieu: failed: plan district-study (plans/district-study-plan.txt): file is empty',
      ]);
    },
    SLOW,
  );
});

describe('a malformed analysis.json', () => {
  it.each([
    ['report', []],
    ['omissions', ['x']],
    ['additions', ['x']],
    ['export', []],
  ])('%s names the first bad path in one line and writes nothing', async (command, extra) => {
    const dir = scratchDir();
    const bad = join(dir, 'analysis.json');
    writeFileSync(bad, '{"plans":[{"id":"x"}],"coverage":[]}');
    const out = join(dir, 'out');
    const args = [
      command,
      ...extra,
      '--analysis',
      bad,
      ...(command === 'report' || command === 'export' ? ['--out', out] : []),
    ];
    const line = expectOneLine(await cli(args));
    expect(line).toMatch(/analysis\.json: [a-z]+[.[\w\]]*: required/);
    expect(filesUnder(out)).toEqual([]);
  });

  it.each([
    ['report', []],
    ['export', []],
    ['profile', []],
    ['sql', ['SELECT 1']],
    ['diff', ['x', 'y']],
  ])('%s says a truncated one is truncated, in one line, and writes nothing', async (command, extra) => {
    const dir = scratchDir();
    const cut = join(dir, 'analysis.json');
    writeFileSync(cut, '{"tool":{"name":"doichieu","version":"0"},"plans":[{"id":"x","meta":{"id');
    const out = join(dir, 'out');
    const args = [
      command,
      ...extra,
      '--analysis',
      cut,
      ...(command === 'report' || command === 'export' ? ['--out', out] : []),
    ];
    expect(expectOneLine(await cli(args))).toBe(
      `doichieu: ${cut}: not valid JSON (the document ends early (truncated file?))`,
    );
    expect(filesUnder(out)).toEqual([]);
  });
});

describe('synth', () => {
  it('refuses to write into the source corpus (its manifest would be overwritten)', async () => {
    const corpus = copyCorpus();
    const before = readFileSync(join(corpus, 'manifest.json'));
    const r = await cli(['synth', corpus, '--out', corpus, '--force', '--plans', '3']);
    expect(expectOneLine(r, 2)).toMatch(/is the source corpus/);
    expect(readFileSync(join(corpus, 'manifest.json')).equals(before)).toBe(true);
  });

  it('refuses a folder that is not empty without --force, and a real manifest even with it', async () => {
    const corpus = copyCorpus();
    const other = copyCorpus();
    const r = await cli(['synth', corpus, '--out', other, '--plans', '3']);
    expect(expectOneLine(r, 2)).toMatch(/is not empty \(use --force/);
    const forced = await cli(['synth', corpus, '--out', other, '--plans', '3', '--force']);
    expect(expectOneLine(forced, 2)).toMatch(/manifest\.json is a real corpus's manifest/);
  });

  it('an --out that cannot be written is one line, not an internal error', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'blocker'), 'x');
    const r = await cli(['synth', copyCorpus(), '--out', join(dir, 'blocker', 'out'), '--plans', '3']);
    expect(expectOneLine(r)).toMatch(/cannot create output folder|not a folder/);
  });
});

describe('scripts/view.ts', () => {
  const view = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/view.ts'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 240_000,
    });

  it(
    'gives one line for an analysis.json that is not JSON or not an analysis',
    () => {
      const dir = scratchDir();
      writeFileSync(join(dir, 'oops.json'), '{oops');
      writeFileSync(join(dir, 'bad.json'), '{"plans":[{"id":"x"}],"coverage":[]}');
      for (const [file, message] of [
        ['oops.json', /not valid JSON/],
        ['bad.json', /: required/],
      ] as const) {
        const r = view(['--analysis', join(dir, file)]);
        expect(r.status).toBe(1);
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
        expect(r.stderr).toMatch(/^view: /);
        expect(r.stderr).toMatch(message);
      }
    },
    SLOW,
  );

  it(
    'gives one line for a busy port, before building anything',
    async () => {
      const busy: Server = createServer();
      await new Promise<void>((done) => busy.listen(0, '127.0.0.1', done));
      const port = (busy.address() as { port: number }).port;
      try {
        const r = view(['--analysis', analysis, '--port', String(port)]);
        expect(r.stderr.trim()).toBe(`view: port ${port} is already in use (another viewer?); pass --port N`);
        expect(r.status).toBe(1);
      } finally {
        busy.close();
      }
    },
    SLOW,
  );
});

describe('the output folder is checked before the work', () => {
  it('an unwritable --out is refused before any plan is read', async () => {
    const corpus = copyCorpus();
    // A plan that would fail if it were read: the output folder's refusal must come first.
    editManifest(corpus, (m) => {
      m.plans[0]!.file = 'plans/missing.txt';
    });
    const dir = scratchDir();
    writeFileSync(join(dir, 'blocker'), 'x');
    const r = await cli(['analyze', corpus, '--out', join(dir, 'blocker', 'out')]);
    expect(expectOneLine(r)).toMatch(/cannot create output folder/);
  });
});
