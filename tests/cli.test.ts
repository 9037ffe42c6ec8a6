import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IngestedCorpus } from '@doichieu/core';
import { Analysis } from '@doichieu/report';
import { beforeAll, describe, expect, it } from 'vitest';
import { doichieu, scratchCorpus } from './cli-helpers.ts';
import { cli } from './hostile/run-cli.ts';

// Child processes start slowly on a busy machine: every test has its own generous timeout,
// the expensive analyses are shared in beforeAll, and most commands run in-process (cli()).
const CHILD = 180_000;
const IN_PROCESS = 300_000;

const oneLineError = (r: { status: number; stderr: string }) => {
  expect(r.status).not.toBe(0);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/^doichieu: /);
  expect(r.stderr).not.toMatch(/\n\s+at /);
};

describe('doichieu ingest', () => {
  it(
    'prints a summary per plan and writes a corpus.json that matches its schema',
    () => {
      const corpus = scratchCorpus();
      const out = join(corpus, '..', 'out');
      const r = doichieu(['ingest', corpus, '--out', out]);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/qnh-implementation {2}Quảng Ninh · implementation/);
      expect(r.stdout).toMatch(/repairs: \d+ OCR/);
      const parsed = IngestedCorpus.parse(JSON.parse(readFileSync(join(out, 'corpus.json'), 'utf8')));
      expect(parsed.plans).toHaveLength(5);
    },
    CHILD,
  );

  it(
    'has --help for every command',
    async () => {
      for (const c of ['ingest', 'analyze', 'evaluate', 'synth', 'report', 'export', 'diff', 'omissions']) {
        const r = await cli([c, '--help']);
        expect(r.status).toBe(0);
        expect(r.stdout).toMatch(new RegExp(`Usage: doichieu ${c}`));
      }
      expect((await cli(['--help'])).stdout).toMatch(/Commands:/);
    },
    IN_PROCESS,
  );
});

describe('bad input gives one clear line and a non-zero exit', () => {
  it(
    'an unknown command or option',
    async () => {
      oneLineError(doichieu(['frobnicate']));
      oneLineError(await cli(['ingest', '--frob']));
    },
    CHILD,
  );

  it(
    'a missing corpus folder',
    async () => {
      const r = await cli(['ingest', '/nonexistent/corpus']);
      oneLineError(r);
      expect(r.stderr).toMatch(/not found/);
    },
    IN_PROCESS,
  );

  it(
    'a malformed manifest: not JSON, a bad date, a duplicate id',
    async () => {
      const corpus = scratchCorpus();
      const path = join(corpus, 'manifest.json');
      const good = readFileSync(path, 'utf8');
      writeFileSync(path, '{ "plans": [');
      oneLineError(await cli(['ingest', corpus]));
      writeFileSync(path, good.replace('"2023-09-14"', '"14/9/2023"'));
      const bad = await cli(['ingest', corpus]);
      oneLineError(bad);
      expect(bad.stderr).toMatch(/plans\[0\]\.date: expected an ISO date/);
      const manifest = JSON.parse(good);
      manifest.plans[1].id = manifest.plans[0].id;
      writeFileSync(path, JSON.stringify(manifest));
      const dup = await cli(['ingest', corpus]);
      oneLineError(dup);
      expect(dup.stderr).toMatch(/duplicate plan id "qng-222-study"/);
    },
    IN_PROCESS,
  );

  it(
    'a missing plan file, an empty file, a binary file; --keep-going analyses the rest',
    async () => {
      const corpus = scratchCorpus();
      writeFileSync(join(corpus, 'plans/district-study-plan.txt'), '');
      const empty = await cli(['ingest', corpus]);
      oneLineError(empty);
      expect(empty.stderr).toMatch(/district-study.*empty/);
      writeFileSync(
        join(corpus, 'plans/district-study-plan.txt'),
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0]),
      );
      expect((await cli(['ingest', corpus])).stderr).toMatch(/binary/);
      const keep = await cli(['ingest', corpus, '--keep-going']);
      expect(keep.status).toBe(1);
      expect(keep.stdout).toMatch(/qnh-implementation/);
      expect(keep.stderr).toMatch(/failed: plan district-study/);
    },
    IN_PROCESS,
  );

  it(
    'an output folder that cannot be written leaves no half-written file',
    async () => {
      if (process.getuid?.() === 0) {
        // root writes anywhere: use a path whose parent is a file instead.
        const corpus = scratchCorpus();
        const blocker = join(corpus, '..', 'blocker');
        writeFileSync(blocker, 'x');
        const r = await cli(['analyze', corpus, '--out', join(blocker, 'out')]);
        oneLineError(r);
        expect(r.stderr).toMatch(/cannot (create|write)/);
        return;
      }
      const corpus = scratchCorpus();
      const out = join(corpus, '..', 'readonly');
      mkdirSync(out);
      chmodSync(out, 0o500);
      oneLineError(await cli(['analyze', corpus, '--out', out]));
      expect(readdirSync(out)).toEqual([]);
    },
    IN_PROCESS,
  );

  it(
    'annotations with an unknown label',
    async () => {
      const corpus = scratchCorpus();
      const path = join(corpus, 'gold/annotations.csv');
      writeFileSync(path, readFileSync(path, 'utf8').replace('"TG1"', '"TG9"'));
      const r = await cli(['evaluate', corpus]);
      oneLineError(r);
      expect(r.stderr).toMatch(/unknown label "TG9"/);
    },
    IN_PROCESS,
  );
});

describe('doichieu analyze', () => {
  // One analysis by the real command (a child process), one in-process: shared by the tests below.
  const corpus = scratchCorpus();
  const a = join(corpus, '..', 'a');
  const b = join(corpus, '..', 'b');
  let first: ReturnType<typeof doichieu>;
  beforeAll(async () => {
    first = doichieu(['analyze', corpus, '--out', a]);
    await cli(['analyze', corpus, '--out', b]);
  }, 2 * IN_PROCESS);

  it('writes analysis.json valid against its schema', () => {
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/qnh-implementation/);
    expect(first.stdout).toMatch(/engine macro-F1 0\.\d+/);
    expect(first.stdout).toMatch(/labels: doichieu-align-[\w-]+@\d+#[0-9a-f]{12}/);
    const analysis = Analysis.parse(JSON.parse(readFileSync(join(a, 'analysis.json'), 'utf8')));
    expect(analysis.plans.map((p) => p.id)).toContain('lso-135-conference');
    for (const p of analysis.plans)
      for (const u of p.units)
        expect(p.source.text.slice(u.span[0], u.span[1]).length).toBe(u.span[1] - u.span[0]);
  });

  it('writes it byte-identical on a second run', () => {
    const bytes = readFileSync(join(a, 'analysis.json'));
    expect(bytes.equals(readFileSync(join(b, 'analysis.json')))).toBe(true);
    expect(existsSync(join(a, 'csv', 'units.csv'))).toBe(true);
  });

  it(
    'scores the engine against a second annotator and reports their agreement',
    async () => {
      const gold = join(corpus, 'gold/annotations.csv');
      const second = join(corpus, '..', 'second.csv');
      // The second annotator drops TG2 from every unit: agreement on TG2 falls to 0, the others stay 1.
      writeFileSync(
        second,
        readFileSync(gold, 'utf8').replace(/;?TG2;?/g, (m) =>
          m.startsWith(';') && m.endsWith(';') ? ';' : '',
        ),
      );
      const r = await cli(['evaluate', corpus, '--against', second]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(
        /agreement: the second annotator scored against the first \(309 shared units\)/,
      );
      expect(r.stdout).toMatch(/TG2 +15 +0 /);
      expect(r.stdout).toMatch(/Cohen's kappa: TG1 1\.00 {2}TG2 0\.00/);
      // The engine's figures, per group, with the baseline.
      expect(r.stdout).toMatch(/engine \(supervised, leave-one-plan-out\)/);
      expect(r.stdout).toMatch(/TG5 +\d+/);
      expect(r.stdout).toMatch(/baseline \(TF-IDF cosine/);
      expect(r.stdout).toMatch(/gold\\pred/);
    },
    IN_PROCESS,
  );
});
