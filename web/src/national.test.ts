import { describe, expect, it } from 'vitest';
import { toCsv } from '../../packages/report/src/export/csv.ts';
import { csvText, heatmapSvg } from './export.ts';
import { drawRows, filterOptions, filterRows, rollup, visibleRange } from './national.ts';
import { buildCorpus, heatmapRows } from './prepare.ts';
import { fixture } from './test-fixture.ts';

function national() {
  const base = fixture();
  const plans = [
    {
      ...base.plans[0]!,
      id: 'p1',
      meta: { ...base.plans[0]!.meta, id: 'p1', province: 'A', level: 'province' as const },
    },
    {
      ...base.plans[0]!,
      id: 'd1',
      meta: { ...base.plans[0]!.meta, id: 'd1', province: 'A', level: 'district' as const, district: 'X' },
    },
    {
      ...base.plans[1]!,
      id: 'd2',
      meta: { ...base.plans[1]!.meta, id: 'd2', province: 'B', level: 'district' as const, district: 'X' },
    },
  ];
  const coverage = plans.map((p, i) => ({
    ...base.coverage[i % 2]!,
    planId: p.id,
    cells: base.coverage[i % 2]!.cells.map((c) => ({ ...c })),
  }));
  return buildCorpus({ ...base, plans, coverage });
}

describe('national heatmap data', () => {
  it('filterRows keeps plans matching every filter; filterOptions lists the values', () => {
    const c = national();
    const rows = heatmapRows(c);
    expect(filterOptions(c.plans).provinces).toEqual(['A', 'B']);
    expect(filterRows(rows, c.planById, { province: 'A' }).map((r) => r.planId)).toEqual(['p1', 'd1']);
    expect(filterRows(rows, c.planById, { level: 'district' }).map((r) => r.planId)).toEqual(['d1', 'd2']);
    const status = rows[0]!.cells[0]!.status;
    const g = rows[0]!.cells[0]!.group;
    expect(
      filterRows(rows, c.planById, { group: g, status }).every((r) => r.cells[0]!.status === status),
    ).toBe(true);
  });
  it('drawRows puts districts under their province after a roll-up row, open provinces only', () => {
    const c = national();
    const rows = heatmapRows(c);
    const groups = c.groups.map((g) => g.id);
    const closed = drawRows(rows, c.planById, groups, { grouped: true, open: new Set() });
    expect(closed.map((d) => (d.kind === 'province' ? `P:${d.province}:${d.plans}` : d.row.planId))).toEqual([
      'P:A:2',
      'P:B:1',
    ]);
    const opened = drawRows([...rows].reverse(), c.planById, groups, { grouped: true, open: new Set(['A']) });
    expect(
      opened.map((d) => (d.kind === 'province' ? `P:${d.province}` : `${d.row.planId}/${d.depth}`)),
    ).toEqual(['P:B', 'P:A', 'p1/0', 'd1/1']);
    expect(drawRows(rows, c.planById, groups, { grouped: false, open: new Set() })).toHaveLength(3);
  });
  it('rollup counts statuses per group', () => {
    const c = national();
    const rows = heatmapRows(c);
    const r = rollup(
      rows,
      c.groups.map((g) => g.id),
    );
    for (const cell of r) expect(cell.operationalised + cell.mentioned + cell.absent).toBe(rows.length);
  });
  it('a province roll-up counts only the plans that cite the directive, as the report does', () => {
    const c = national();
    const notCiting = c.plans.find((p) => p.id === 'd1')!;
    const flagged = new Map(c.planById);
    flagged.set('d1', { ...notCiting, directiveCheck: { status: 'no-citation', citesInstead: [] } } as never);
    const rows = heatmapRows(c);
    const groups = c.groups.map((g) => g.id);
    const [a] = drawRows(rows, flagged, groups, { grouped: true, open: new Set() });
    expect(a).toMatchObject({ kind: 'province', province: 'A', plans: 2, counted: 1 });
    const cells = a!.kind === 'province' ? a!.cells : [];
    for (const cell of cells) expect(cell.operationalised + cell.mentioned + cell.absent).toBe(1);
    const p1 = rows.find((r) => r.planId === 'p1')!;
    expect(cells.map((x) => x.operationalised)).toEqual(
      p1.cells.map((x) => (x.status === 'operationalised' ? 1 : 0)),
    );
  });
  it('visibleRange covers the viewport with overscan, clipped to the rows', () => {
    expect(visibleRange(0, 300, 30, 1000, 2)).toEqual([0, 12]);
    expect(visibleRange(3000, 300, 30, 1000, 2)).toEqual([98, 112]);
    expect(visibleRange(0, 300, 30, 5, 2)).toEqual([0, 5]);
  });
});

describe('exports', () => {
  it('csvText writes the same neutralised CSV as the CLI (toCsv)', () => {
    const header = ['id', 'text', 'n'];
    const rows = [
      ['a', '- Tăng cường "x"', 3],
      ['b', '=SUM(A1)', 0.25],
      ['c', null, Number.NaN],
    ];
    expect(csvText(header, rows)).toBe(toCsv(header, rows));
  });
  it('heatmapSvg escapes labels and draws one rect per cell', () => {
    const svg = heatmapSvg(
      'T',
      ['TG1'],
      [{ label: '<b>&', cells: [{ status: 'mentioned', share: 0.1, tone: 0.3, text: '○ 10%' }] }],
    );
    expect(svg).toContain('&lt;b&gt;&amp;');
    expect(svg.match(/<rect/g)).toHaveLength(2);
  });
});
