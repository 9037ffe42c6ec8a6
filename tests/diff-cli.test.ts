/** The diff, additions and omissions commands, run as the real CLI on an analysis.json written by analyze. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { doichieu, scratchCorpus } from './cli-helpers.ts';
import { cli } from './hostile/run-cli.ts';

let analysis: string;
// The shared analysis is made in-process (a child process is slow to start on a busy machine).
beforeAll(async () => {
  const corpus = scratchCorpus();
  const out = join(corpus, '..', 'out');
  const r = await cli(['analyze', corpus, '--out', out, '--no-csv']);
  expect(r.status, r.stderr).toBe(0);
  analysis = join(out, 'analysis.json');
  expect(JSON.parse(readFileSync(analysis, 'utf8')).findings).toBeDefined();
}, 600_000);

/** Each test runs the real command in child processes: generous timeouts for a busy machine. */
const CHILD = 240_000;

const run = (args: string[]) => doichieu([...args, '--analysis', analysis]);

const oneLineError = (r: { status: number; stderr: string }) => {
  expect(r.status).not.toBe(0);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/^doichieu: /);
};

describe('doichieu diff', () => {
  it(
    'compares two plans in plain text when not on a terminal: similarity, word diffs, shared passages',
    () => {
      const r = run(['diff', 'qng-implementation', 'qnh-implementation']);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^qng-implementation ↔ qnh-implementation {3}similarity 0\.\d{3}/);
      // Plain markers, no ANSI colour codes.
      expect(r.stdout).toMatch(/\[-[^\]]+-\]/);
      expect(r.stdout).toMatch(/\{\+[^}]+\+\}/);
      expect(r.stdout).not.toMatch(/\u001b\[/);
      expect(r.stdout).toMatch(
        /TG5 {2}qng-implementation:III\/5\/b2 \[\d+–\d+\] ↔ qnh-implementation:II\/5\/b2/,
      );
      expect(r.stdout).toContain('Shared word for word (any order):');
      expect(r.stdout).toContain('Xây dựng đội ngũ cán bộ chuyên trách làm công tác thông tin đối ngoại');
      // The preamble both plans copy from the directive is listed apart, as boilerplate.
      const [headline, boilerplate] = r.stdout.split('Shared boilerplate');
      expect(boilerplate).toBeDefined();
      expect(headline!.split('Shared word for word')[1]).not.toMatch(
        /Thực hiện Kết luận số 57-KL\/TW ngày 15\/6\/2023/,
      );
    },
    CHILD,
  );

  it(
    'prints the comparison as JSON with --json, in the order asked for',
    () => {
      const r = run(['diff', 'qnh-implementation', 'qng-implementation', '--json']);
      expect(r.status, r.stderr).toBe(0);
      const cmp = JSON.parse(r.stdout);
      expect(cmp.a).toBe('qnh-implementation');
      expect(cmp.b).toBe('qng-implementation');
      expect(cmp.pairs.length).toBeGreaterThan(5);
      expect(cmp.reuse.every((x: { a: { planId: string } }) => x.a.planId === 'qnh-implementation')).toBe(
        true,
      );
    },
    CHILD,
  );

  it(
    'an unknown plan id is one line on stderr and a non-zero exit',
    () => {
      const r = run(['diff', 'qng-implementation', 'no-such-plan']);
      oneLineError(r);
      expect(r.stderr).toContain('no plan "no-such-plan"');
      oneLineError(run(['additions', 'no-such-plan']));
      oneLineError(run(['omissions', 'no-such-plan']));
      oneLineError(run(['diff', 'qng-implementation']));
    },
    CHILD,
  );
});

describe('doichieu additions', () => {
  it(
    'lists the border-gate information clusters of Quảng Ninh, with source spans',
    () => {
      const r = run(['additions', 'qnh-implementation']);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^qnh-implementation: \d+ addition clusters/);
      const block = r.stdout.split('\n\n').find((b) => b.split('\n')[0]!.includes('cửa khẩu'));
      expect(block, 'a cluster labelled with "cửa khẩu"').toBeDefined();
      expect(block).toMatch(/qnh-implementation:II\/3\/b1 \[\d+–\d+\]/);
      expect(block).toMatch(/qnh-implementation:III\/2 \[\d+–\d+\]/);
      expect(block).toContain('cụm thông tin');
    },
    CHILD,
  );

  it(
    '--json gives the clusters, whose spans point into the plan',
    () => {
      const r = run(['additions', 'qnh-implementation', '--json']);
      expect(r.status, r.stderr).toBe(0);
      const clusters = JSON.parse(r.stdout) as { planId: string; passages: { span: [number, number] }[] }[];
      expect(clusters.length).toBeGreaterThan(0);
      for (const c of clusters) {
        expect(c.planId).toBe('qnh-implementation');
        for (const p of c.passages) expect(p.span[1]).toBeGreaterThan(p.span[0]);
      }
    },
    CHILD,
  );
});

describe('doichieu omissions', () => {
  it(
    'lists what the Lạng Sơn conference plan leaves out of TG2–TG5',
    () => {
      const r = run(['omissions', 'lso-135-conference']);
      expect(r.status, r.stderr).toBe(0);
      const n = Number(/^lso-135-conference: (\d+) omitted elements/.exec(r.stdout)?.[1]);
      expect(n).toBeGreaterThan(10);
      for (const g of ['TG2', 'TG3', 'TG4', 'TG5']) expect(r.stdout).toMatch(new RegExp(`^${g}$`, 'm'));
      expect(r.stdout).toMatch(/carried by [a-z0-9-]+/);
      expect(r.stdout).toMatch(/e\.g\. [a-z0-9-]+:\S+ \[\d+–\d+\]/);
    },
    CHILD,
  );

  it(
    '--group and --json narrow and structure the list',
    () => {
      const r = run(['omissions', 'lso-135-conference', '--group', 'TG4', '--json']);
      expect(r.status, r.stderr).toBe(0);
      const list = JSON.parse(r.stdout) as { group: string; planId: string; carriedBy: string[] }[];
      expect(list.length).toBeGreaterThan(0);
      for (const o of list) {
        expect(o.group).toBe('TG4');
        expect(o.planId).toBe('lso-135-conference');
        expect(o.carriedBy).not.toContain('lso-135-conference');
      }
    },
    CHILD,
  );
});

describe('--group', () => {
  it(
    "an unknown task group is refused with the directive's groups listed",
    () => {
      for (const args of [
        ['omissions', 'lso-135-conference'],
        ['diff', 'qng-implementation', 'qnh-implementation'],
      ]) {
        const r = run([...args, '--group', 'TG9']);
        oneLineError(r);
        expect(r.status).toBe(2);
        expect(r.stderr).toMatch(
          /unknown task group "TG9" \(the directive's groups: TG1, TG2, TG3, TG4, TG5\)/,
        );
      }
    },
    CHILD,
  );
});
