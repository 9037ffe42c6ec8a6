/**
 * Fuzzing (fast-check) of the manifest and of the command-line arguments:
 * whatever the input, the CLI either succeeds or prints one line on stderr
 * with exit 1 or 2 (never an internal error, exit 70), and leaves no
 * temporary file, and no output when it fails.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli-helpers.ts';
import { cli, filesUnder, PLAN_META, scratchDir, tinyCorpus } from './run-cli.ts';

const SLOW = 600_000;

function expectCleanOutcome(r: { status: number; stderr: string }, where: string): void {
  if (r.status === 0) return;
  const lines = r.stderr.trim().split('\n');
  expect([1, 2], `${where}: ${r.stderr}`).toContain(r.status);
  expect(
    lines.filter((l) => !l.startsWith('doichieu: failed:') && !/: warning: /.test(l)),
    where,
  ).toHaveLength(1);
  expect(r.stderr, where).toMatch(/^doichieu: /);
  expect(r.stderr, where).not.toMatch(/internal error|\n\s+at /);
}

describe('fuzzing the manifest', () => {
  const plan = readFileSync(join(ROOT, 'corpus/plans/district-study-plan.txt'));
  const corpus = tinyCorpus({ 'a.txt': plan.subarray(0, 4000) });
  const good = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8'));
  const path = fc.constantFrom(
    'plans/a.txt',
    '../../../../../../../etc/passwd',
    '/etc/passwd',
    '/dev/zero',
    '/dev/null',
    'plans',
    '',
    'plans/none.txt',
    'plans/a.txt\u0000.txt',
    'directive.json',
    'manifest.json',
  );
  const value = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.constant(null), fc.boolean(), path);
  const planEntry = fc.record(
    {
      id: fc.oneof(fc.constantFrom('p0', 'p1', 'P!', ''), fc.string({ maxLength: 6 })),
      file: fc.oneof(path, value),
      province: value,
      level: fc.oneof(fc.constantFrom('province', 'district', 'x'), value),
      date: fc.oneof(fc.constantFrom('2023-09-14', 'unknown', '14/9/2023'), value),
    },
    { requiredKeys: [] },
  );
  const manifest = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record(
        {
          directive: fc.oneof(fc.constant('directive.json'), path, value),
          gold: fc.option(fc.oneof(path, value), { nil: undefined }),
          plans: fc.array(
            planEntry.map((p) => ({ ...good.plans[0], ...PLAN_META, ...p })),
            { maxLength: 3 },
          ),
        },
        { requiredKeys: ['plans'] },
      ),
    },
    { weight: 1, arbitrary: fc.anything() },
  );
  const text = fc.oneof(
    { weight: 8, arbitrary: manifest.map((m) => JSON.stringify(m) ?? 'null') },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  );

  it(
    'either ingests or refuses in one line, writing nothing on refusal',
    async () => {
      await fc.assert(
        fc.asyncProperty(text, async (manifestText) => {
          writeFileSync(join(corpus, 'manifest.json'), manifestText);
          const out = join(scratchDir(), 'out');
          const r = await cli(['ingest', corpus, '--out', out]);
          expectCleanOutcome(r, manifestText);
          expect(r.stderr).not.toMatch(/root:x:0/);
          const files = filesUnder(out);
          expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
          if (r.status !== 0) expect(files).toEqual([]);
        }),
        { numRuns: 80 },
      );
    },
    SLOW,
  );
});

describe('fuzzing the command-line arguments', () => {
  // In an empty folder: the defaults (./corpus, out/analysis.json) are absent, so no command
  // does heavy work, and whatever an --out names lands here, not in the repository.
  const here = scratchDir();
  const cwd = process.cwd();
  beforeAll(() => {
    mkdirSync(join(here, 'work'));
    process.chdir(join(here, 'work'));
  });
  afterAll(() => process.chdir(cwd));

  const command = fc.constantFrom(
    'ingest',
    'analyze',
    'evaluate',
    'diff',
    'additions',
    'omissions',
    'report',
    'export',
    'synth',
    'frob',
    '--version',
  );
  const token = fc.oneof(
    fc.constantFrom(
      '--max-size',
      '--workers',
      '--diff-limit',
      '--out',
      '--analysis',
      '--group',
      '--plans',
      '--seed',
      '--force',
      '--json',
      '--keep-going',
      '--allow-outside',
      '--peers',
      '--corpus',
      '--gold',
      '--against',
      '--model',
      '-x',
      '--',
    ),
    fc.constantFrom('0', '-1', '1e309', 'NaN', '300', 'abc', 'TG9', '/dev/zero', 'out', '.'),
    fc.string({ maxLength: 8 }),
  );

  it(
    'never give an internal error, a stack trace or more than one line',
    async () => {
      await fc.assert(
        fc.asyncProperty(command, fc.array(token, { maxLength: 6 }), async (name, args) => {
          const r = await cli([name, ...args]);
          expectCleanOutcome(r, [name, ...args].join(' '));
          expect(filesUnder(here).filter((f) => f.endsWith('.tmp'))).toEqual([]);
        }),
        { numRuns: 150 },
      );
    },
    SLOW,
  );
});
