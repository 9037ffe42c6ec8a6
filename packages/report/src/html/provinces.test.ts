import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../analysis-schema.ts';
import { bundledAnalysis, sampleFindings, withPlanNotCiting } from '../export/test-fixture.ts';
import { provinceHeatmapSvg } from './heatmap.ts';
import { provinceCoverage, provinceSummaries } from './provinces.ts';

let analysis: Analysis;
beforeAll(() => {
  analysis = { ...bundledAnalysis() };
  analysis.findings = sampleFindings(analysis) as never;
});

describe('province summaries of the large-corpus report', () => {
  it('count neither the coverage nor the omissions of a plan that does not cite the directive', () => {
    const index = analysis.plans.findIndex((p) =>
      (analysis.findings as { omissions: { planId: string }[] }).omissions.some((o) => o.planId === p.id),
    );
    expect(index).toBeGreaterThanOrEqual(0);
    const id = analysis.plans[index]!.id;
    const province = analysis.plans[index]!.meta.province;
    const before = provinceSummaries(analysis, 'en').find((s) => s.plans.some((p) => p.id === id))!;
    const after = provinceSummaries(withPlanNotCiting(analysis, index), 'en').find((s) =>
      s.plans.some((p) => p.id === id),
    )!;
    expect(after.name).toBe(before.name);
    expect(after.plans.length).toBe(before.plans.length);
    expect(after.counted).toBe(before.counted - 1);
    const omitted = (a: typeof before) => a.topOmissions.reduce((n, o) => n + o.plans, 0);
    const ofPlan = (analysis.findings as { omissions: { planId: string }[] }).omissions.filter(
      (o) => o.planId === id,
    ).length;
    expect(ofPlan, `omissions of ${id} (${province})`).toBeGreaterThan(0);
    expect(omitted(after)).toBeLessThan(omitted(before));
    for (const t of after.totals) expect(t.carried).toBeLessThanOrEqual(after.counted);
  });
});

describe('the province heatmap', () => {
  it('has one row a province and a cell per group, with the counts of the summary table', () => {
    const plans = analysis.plans.map((p, i) => ({
      ...p,
      meta: { ...p.meta, province: i % 2 === 0 ? 'Tỉnh <A>' : 'Tỉnh B' },
    }));
    const wide = { ...analysis, plans };
    const provinces = provinceCoverage(wide, 'vi');
    expect(provinces.map((p) => p.name)).toEqual(['Tỉnh <A>', 'Tỉnh B']);
    const svg = provinceHeatmapSvg(wide, provinces, { lang: 'vi' });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).not.toContain('<A>');
    const groups = analysis.directive.taskGroups.length;
    expect(svg.match(/<g class="cell"/g)).toHaveLength(2 * groups);
    const first = provinces[0]!.totals[0]!;
    expect(svg).toContain(`data-province="Tỉnh &lt;A&gt;" data-group="${first.group}">\n<title>`);
    expect(svg).toContain(`>${first.operationalised} / ${first.carried}</text>`);
  });
});
