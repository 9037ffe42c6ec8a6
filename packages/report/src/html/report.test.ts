import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../analysis-schema.ts';
import { bundledAnalysis, sampleFindings, withPlanNotCiting } from '../export/test-fixture.ts';
import { escapeXml } from './escape.ts';
import { coverageHeatmapSvg } from './heatmap.ts';
import { moreThanListed, renderHtmlReport } from './report.ts';

let analysis: Analysis;
beforeAll(() => {
  analysis = bundledAnalysis();
});

/** An analysis whose document strings try to break out of the markup. */
function hostile(a: Analysis): Analysis {
  const copy = structuredClone(a);
  copy.plans[0]!.meta.province = '<script>alert(1)</script>';
  copy.plans[0]!.units[10]!.text = '"><img src=x onerror=alert(1)> & <b>';
  copy.directive.taskGroups[0]!.short.en = '<i>Leadership</i>';
  return copy;
}

describe('coverageHeatmapSvg', () => {
  it('draws one cell per plan × group with its status and share', () => {
    const svg = coverageHeatmapSvg(analysis);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const cells = [
      ...svg.matchAll(/<g class="cell" data-plan="([^"]+)" data-group="([^"]+)" data-status="(\w+)">/g),
    ];
    expect(cells).toHaveLength(analysis.plans.length * analysis.directive.taskGroups.length);
    for (const [, plan, group, status] of cells) {
      const cell = analysis.coverage.find((c) => c.planId === plan)!.cells.find((c) => c.group === group)!;
      expect(status).toBe(cell.status);
    }
    expect(svg).toContain('Lạng Sơn 135-KH/TU');
    // Balanced: every opened group is closed.
    expect(svg.match(/<g\b/g)!.length).toBe(svg.match(/<\/g>/g)!.length);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });

  it('can show a subset of plans, in the order given', () => {
    const svg = coverageHeatmapSvg(analysis, { planIds: ['qnh-implementation', 'lso-135-conference'] });
    const plans = [...svg.matchAll(/data-plan="([^"]+)" data-group="TG1"/g)].map((m) => m[1]);
    expect(plans).toEqual(['qnh-implementation', 'lso-135-conference']);
  });

  it('escapes document strings', () => {
    const svg = coverageHeatmapSvg(hostile(analysis));
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<i>');
    expect(svg).toContain('&lt;script&gt;');
  });
});

describe('renderHtmlReport', () => {
  it('is one self-contained document: inline CSS and SVG, no scripts or external assets', () => {
    const html = renderHtmlReport(analysis, { generatedAt: '2024-01-01' });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<style>');
    expect(html).toContain('@media print');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(http/i);
    expect(html).not.toMatch(/\b(?:src|href)="(?:https?:)?\/\//i);
    // Internal anchors only.
    for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href!.startsWith('#')).toBe(true);
  });

  it('has the sections: coverage, plans, additions, omissions, reuse, method, evaluation', () => {
    const html = renderHtmlReport(analysis);
    for (const id of ['coverage', 'plans', 'additions', 'omissions', 'reuse', 'method', 'evaluation'])
      expect(html).toContain(`<section id="${id}">`);
    for (const p of analysis.plans) expect(html).toContain(`id="plan-${p.id}"`);
    expect(html).toContain(analysis.evaluation!.engine.macroF1.toFixed(3));
    expect(html).toContain(escapeXml(analysis.method.description));
    // Without findings, the findings sections say so.
    expect(html.match(/not available: this analysis has no findings/g)).toHaveLength(3);
  });

  it('shows findings when present', () => {
    const html = renderHtmlReport({ ...analysis, findings: sampleFindings(analysis) });
    expect(html).not.toContain('has no findings');
    expect(html).toContain('cụm thông tin đối ngoại | cửa khẩu &lt;biên giới&gt;');
    expect(html).toContain('đào tạo, bồi dưỡng cán bộ');
    expect(html).toContain('=HYPERLINK(&quot;x&quot;) nghiên cứu, học tập');
    expect(html).toContain('log-likelihood G² &lt;against&gt; the rest');
    expect(html).toContain('0.71');
  });

  it('escapes every document string', () => {
    const html = renderHtmlReport(hostile(analysis));
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('is deterministic without generatedAt', () => {
    expect(renderHtmlReport(analysis)).toBe(renderHtmlReport(analysis));
  });

  it('says when there is no evaluation', () => {
    const { evaluation: _e, ...rest } = analysis;
    expect(renderHtmlReport(rest as Analysis)).toContain('Evaluation not available');
  });
});

describe('moreThanListed', () => {
  it('says how many more plans carry an omission when a large corpus lists only the first', () => {
    expect(moreThanListed({ carriedBy: ['a', 'b'], carriedByCount: 7 })).toBe(' (+5 more)');
    expect(moreThanListed({ carriedBy: ['a', 'b'] })).toBe('');
  });
});

describe('plans that do not cite the directive', () => {
  it('are marked on their heatmap row, in their section and in the lead, and left out of the totals', () => {
    const plain = renderHtmlReport(analysis);
    expect(plain).not.toContain('⚠');
    expect(plain).toContain(`How ${analysis.plans.length} local plans implement`);
    const flagged = withPlanNotCiting(analysis, 0);
    const html = renderHtmlReport(flagged);
    const n = analysis.plans.length;
    expect(html).toContain(`How ${n - 1} local plans implement`);
    expect(html).toContain(`⚠ 1 of the ${n} plans does not cite 57-KL/TW`);
    expect(html).toContain(`Of the ${n - 1} plans citing 57-KL/TW`);
    expect(html).toContain('is not counted');
    const section = html.slice(html.indexOf(`id="plan-${flagged.plans[0]!.id}"`));
    expect(section.slice(0, section.indexOf('</section>'))).toContain(
      'This plan does not cite 57-KL/TW; it cites 57-NQ/TW (2024-12-22), the same number for another document',
    );
    const svg = coverageHeatmapSvg(flagged);
    expect(svg.match(/⚠ not 57-KL\/TW · cites 57-NQ\/TW/g)).toHaveLength(1);
  });
});
