import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../analysis-schema.ts';
import { bundledAnalysis, sampleFindings, withPlanNotCiting } from '../export/test-fixture.ts';
import { coverageMarkdown, escapeMarkdown, markdownTable, renderMarkdownReport } from './report.ts';

let analysis: Analysis;
beforeAll(() => {
  analysis = bundledAnalysis();
});

/** Every table row of a Markdown document has as many unescaped pipes as its header. */
function checkTables(md: string): number {
  let tables = 0;
  const lines = md.split('\n');
  const pipes = (l: string) => l.replace(/\\\|/g, '').split('|').length;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('| ') || !lines[i + 1]?.startsWith('| ---')) continue;
    tables++;
    const n = pipes(lines[i]!);
    for (let j = i + 1; j < lines.length && lines[j]!.startsWith('|'); j++) expect(pipes(lines[j]!)).toBe(n);
  }
  return tables;
}

describe('escapeMarkdown', () => {
  it('escapes markup, pipes and line starts', () => {
    expect(escapeMarkdown('a|b *c* _d_ <e> [f](g)')).toBe('a\\|b \\*c\\* \\_d\\_ \\<e\\> \\[f\\](g)');
    expect(escapeMarkdown('- Tăng cường\nx')).toBe('\\- Tăng cường x');
    expect(escapeMarkdown('1. Mục đích')).toBe('1\\. Mục đích');
  });
});

describe('renderMarkdownReport', () => {
  it('has the same sections as the HTML report and well-formed tables', () => {
    const md = renderMarkdownReport(analysis, { heatmapImage: 'coverage-heatmap.svg', lang: 'en' });
    for (const h of [
      '## Coverage of the task groups',
      '## The plans',
      '## What plans add',
      '## What plans leave out',
      '## Reuse between plans',
      '## Method',
      '## Evaluation',
    ])
      expect(md).toContain(h);
    expect(md).toContain('![Coverage of the task groups](coverage-heatmap.svg)');
    expect(md).toContain('not available');
    expect(checkTables(md)).toBeGreaterThan(analysis.plans.length + 3);
    const vi = renderMarkdownReport(analysis);
    for (const h of [
      '## Mức độ bao phủ các nhóm nhiệm vụ',
      '## Các kế hoạch',
      '## Hồ sơ triển khai',
      '## Phương pháp',
    ])
      expect(vi).toContain(h);
    expect(checkTables(vi)).toBe(checkTables(md));
  });

  it('shows findings when present, with escaped text', () => {
    const md = renderMarkdownReport({ ...analysis, findings: sampleFindings(analysis) }, { lang: 'en' });
    expect(md).not.toContain('has no findings');
    expect(md).toContain('cụm thông tin đối ngoại \\| cửa khẩu \\<biên giới\\>');
    expect(checkTables(md)).toBeGreaterThan(analysis.plans.length + 5);
  });

  it('coverage table: a mark and a share per plan × group, and a totals row', () => {
    const table = coverageMarkdown(analysis, 'en');
    const lines = table.split('\n');
    expect(lines).toHaveLength(analysis.plans.length + 3);
    expect(lines[0]).toBe(`| Plan | ${analysis.directive.taskGroups.map((g) => g.id).join(' | ')} |`);
    expect(coverageMarkdown(analysis).split('\n')[0]).toBe(
      `| Kế hoạch | ${analysis.directive.taskGroups.map((g) => g.id).join(' | ')} |`,
    );
    expect(lines[2]).toMatch(/^\| Quảng Ngãi 222-KH\/TU \| [●○·] \d+% \|/);
  });

  it('markdownTable aligns right where asked', () => {
    expect(markdownTable(['a', 'b'], [['1', '2']], 'lr')).toBe('| a | b |\n| --- | ---: |\n| 1 | 2 |');
  });
});

describe('plans that do not cite the directive', () => {
  it('are marked in the coverage table, explained, and left out of its totals row', () => {
    const plain = coverageMarkdown(analysis, 'en');
    const n = analysis.plans.length;
    expect(plain).toContain(`plans citing 57-KL/TW (${n})`);
    expect(plain).not.toContain('⚠');
    const md = coverageMarkdown(withPlanNotCiting(analysis, 0), 'en');
    expect(md).toContain(`plans citing 57-KL/TW (${n - 1})`);
    expect(md.split('\n').filter((l) => l.startsWith('| ⚠ '))).toHaveLength(1);
    expect(md).toContain('is not counted in corpus totals');
    checkTables(md);
    const report = renderMarkdownReport(withPlanNotCiting(analysis, 0), { lang: 'en' });
    expect(report).toContain('> ⚠ This plan does not cite 57-KL/TW; it cites 57-NQ/TW (2024-12-22)');
  });
});

describe('the Markdown summary of a large corpus', () => {
  it('has the roll-up by province and a section per province, with well-formed tables', () => {
    const md = renderMarkdownReport(analysis, { layout: 'summary' });
    expect(md).toContain('## Mức độ bao phủ theo tỉnh, thành phố');
    for (const name of ['Quảng Ngãi', 'Lạng Sơn', 'Quảng Ninh', 'Không rõ tỉnh'])
      expect(md).toContain(`### ${name}\n`);
    expect(md).not.toContain('Độ tương đồng giữa các kế hoạch');
    checkTables(md);
  });
});
