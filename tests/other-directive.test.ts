/**
 * Another directive file, no code change: a small fixture corpus for Directive
 * 05-CT/TW (another topic, its own two task groups) runs through ingest,
 * analyze and report, and the viewer's title, subtitle, search example and
 * warnings come from its directive file.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appSubtitle, appTitle, directiveParams, notCitingText, t } from '../web/src/i18n.ts';
import type { Analysis } from '../web/src/types.ts';
import { doichieu, ROOT, type RunResult } from './cli-helpers.ts';

const CORPUS = join(ROOT, 'tests/fixtures/other-directive');

describe('a corpus for another directive', () => {
  let out: string;
  let analyze: RunResult;
  let analysis: Analysis;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'doichieu-other-'));
    analyze = doichieu(['analyze', CORPUS, '--out', out]);
    analysis = JSON.parse(readFileSync(join(out, 'analysis.json'), 'utf8')) as Analysis;
  });

  it('ingests', () => {
    const r = doichieu(['ingest', CORPUS]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('xa-a');
    expect(r.stdout).toMatch(/^ {2}directive: cites 05-CT\/TW \(by number \d+×/m);
    expect(r.stdout).toMatch(/^ {2}directive: ⚠ does not cite 05-CT\/TW; it cites 05-CT\/TU \(2019-03-10\)/m);
  });

  it('analyses against its own task groups and checks its own number', () => {
    expect(analyze.status).toBe(0);
    expect(analysis.directive.id).toBe('05-CT/TW');
    expect(analysis.coverage.map((r) => r.cells.map((c) => c.group))).toEqual([
      ['HT', 'NG'],
      ['HT', 'NG'],
    ]);
    expect(analyze.stdout).toMatch(/^plan\s+HT\s+NG$/m);
    const [a, b] = analysis.plans;
    expect(a!.directiveCheck).toMatchObject({ status: 'cites' });
    expect(b!.directiveCheck).toMatchObject({ status: 'cites-confusable' });
    expect(b!.directiveCheck!.citesInstead[0]).toMatchObject({ number: '05-CT/TU', date: '2019-03-10' });
    // One positioned warning line, for the plan that cites another 05.
    const warnings = analyze.stderr.split('\n').filter((l) => l.includes('warning: plan'));
    expect(warnings).toEqual([
      expect.stringMatching(/^doichieu: plans\/xa-b\.txt:4:\d+: warning: plan xa-b does not cite 05-CT\/TW/),
    ]);
    expect(analyze.stdout).toMatch(/^xa-b .*⚠/m);
    // The plan citing the directive operationalises both of its groups.
    expect(analysis.coverage[0]!.cells.map((c) => c.status)).toEqual(['operationalised', 'operationalised']);
  });

  it('reports on it', () => {
    const r = doichieu(['report', '--analysis', join(out, 'analysis.json'), '--out', out, '--lang', 'en']);
    expect(r.status).toBe(0);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).toContain('# Directive 05-CT/TW: how the local plans implement it');
    expect(md).toContain('| Plan | HT | NG |');
    expect(md).toContain('⚠ 1 of the 2 plans does not cite 05-CT/TW');
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('Setting an example');
    for (const text of [md, html]) expect(text).not.toMatch(/57-KL|đối ngoại/);
  });

  it('gives the viewer its title, subtitle, search example and warnings', () => {
    const d = analysis.directive;
    expect(appTitle('vi', d)).toBe('Đối chiếu Chỉ thị 05-CT/TW');
    expect(appTitle('en', d)).toBe('Comparing Directive 05-CT/TW');
    expect(appSubtitle('vi', d)).toBe(
      'Các tỉnh triển khai Chỉ thị 05-CT/TW về học tập và làm theo Bác như thế nào',
    );
    expect(appSubtitle('en', d)).toBe(
      'How the provinces implement Directive 05-CT/TW on studying and following Ho Chi Minh',
    );
    expect(t('vi', 'searchHint', directiveParams(d, 'vi'))).toContain('“lam theo” tìm thấy “làm theo”');
    expect(notCitingText(analysis.plans[0]!, d, 'en')).toBeUndefined();
    expect(notCitingText(analysis.plans[1]!, d, 'vi')).toContain(
      '05-CT/TU (2019-03-10) (cùng số hiệu, văn bản khác)',
    );
    expect(notCitingText(analysis.plans[1]!, d, 'en')).toMatch(
      /^This plan does not cite Directive 05-CT\/TW; it cites 05-CT\/TU/,
    );
  });

  it('falls back to the id and generic words when the directive file names no topic', () => {
    const { shortTitle: _s, topic: _t, ...bare } = analysis.directive;
    expect(appTitle('en', bare)).toBe('Comparing 05-CT/TW');
    expect(appSubtitle('en', bare)).toBe('How the provinces implement 05-CT/TW');
    expect(directiveParams(bare, 'vi').example).toBe('hoc tap');
    expect(appTitle('vi', undefined)).toBe('Đối chiếu');
  });
});
