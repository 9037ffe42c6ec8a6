import { crossValidate, parseGold } from '@doichieu/align';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { Findings } from '../../../diff/src/schema.ts';
import type { Analysis } from '../analysis-schema.ts';
import { restoreCell } from './csv.ts';
import type { AnalysisInput, FindingsView } from './findings.ts';
import { annotationsCsv, exportCsvFiles } from './tables.ts';
import { bundledAnalysis, goldGroups, sampleFindings, withPlanNotCiting } from './test-fixture.ts';

const rows = (csv: string) =>
  Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });

let analysis: Analysis;
beforeAll(() => {
  analysis = bundledAnalysis();
});

describe('exportCsvFiles', () => {
  it('writes every file with a BOM and a header, findings files empty without findings', () => {
    const files = exportCsvFiles(analysis);
    expect(Object.keys(files).sort()).toEqual(
      [
        'additions.csv',
        'annotations.csv',
        'coverage-matrix.csv',
        'coverage.csv',
        'keyness.csv',
        'omissions.csv',
        'pairs.csv',
        'reuse.csv',
        'similarity.csv',
        'units.csv',
      ].sort(),
    );
    for (const text of Object.values(files)) expect(text.startsWith('\uFEFF"')).toBe(true);
    for (const f of ['additions.csv', 'omissions.csv', 'reuse.csv', 'pairs.csv', 'keyness.csv']) {
      const parsed = rows(files[f]!);
      expect(parsed.data).toHaveLength(0);
      expect(parsed.meta.fields!.length).toBeGreaterThan(3);
    }
  });

  it('units.csv: one row per unit with labels, scores, spans and the text (Vietnamese intact)', () => {
    const parsed = rows(exportCsvFiles(analysis)['units.csv']!);
    const total = analysis.plans.reduce((s, p) => s + p.units.length, 0);
    expect(parsed.data).toHaveLength(total);
    expect(parsed.meta.fields).toEqual(
      expect.arrayContaining([
        'plan_id',
        'unit_id',
        'labels',
        'score_TG1',
        'score_TG5',
        'start',
        'end',
        'text',
      ]),
    );
    const plan = analysis.plans[0]!;
    const unit = plan.units.find((u) => u.text.startsWith('- '))!;
    const row = parsed.data.find((r) => r.unit_id === unit.id)!;
    expect(row.text).toBe(`'${unit.text}`);
    expect(restoreCell(row.text!)).toBe(unit.text);
    expect(row.labels).toBe(unit.alignment.labels.join(';'));
    expect(Number(row.start)).toBe(unit.span[0]);
    expect(plan.source.text.slice(Number(row.start), Number(row.end)).length).toBe(
      unit.span[1] - unit.span[0],
    );
    expect(Number(row.score_TG4)).toBeCloseTo(unit.alignment.scores.TG4!, 3);
    expect(parsed.data.some((r) => r.text!.includes('Quảng Ninh'))).toBe(true);
  });

  it('coverage matrix: one row per plan, a status and share per group', () => {
    const files = exportCsvFiles(analysis);
    const matrix = rows(files['coverage-matrix.csv']!);
    expect(matrix.data.map((r) => r.plan_id)).toEqual(analysis.plans.map((p) => p.id));
    const lso = matrix.data.find((r) => r.plan_id === 'lso-135-conference')!;
    const cell = analysis.coverage.find((c) => c.planId === 'lso-135-conference')!.cells[0]!;
    expect(lso[`${cell.group}_status`]).toBe(cell.status);
    expect(lso.province).toBe('Lạng Sơn');
    expect(rows(files['coverage.csv']!).data).toHaveLength(
      analysis.plans.length * goldGroups(analysis).length,
    );
  });

  it('says in both coverage files whether each plan cites the directive, and what it cites instead', () => {
    const files = exportCsvFiles(analysis);
    expect(rows(files['coverage-matrix.csv']!).data.map((r) => r.directive_check)).toEqual(
      analysis.plans.map(() => 'cites'),
    );
    const flagged = withPlanNotCiting(analysis, 0);
    const first = analysis.plans[0];
    const out = exportCsvFiles(flagged);
    const matrix = rows(out['coverage-matrix.csv']!).data;
    expect(matrix[0]).toMatchObject({
      directive_check: 'cites-confusable',
      cites_instead: '57-NQ/TW (2024-12-22)',
    });
    expect(matrix[1]).toMatchObject({ directive_check: 'cites', cites_instead: '' });
    const long = rows(out['coverage.csv']!).data.filter((r) => r.plan_id === first!.id);
    expect(long.every((r) => r.directive_check === 'cites-confusable')).toBe(true);
  });

  it('uses findings when present: additions, omissions, reuse, pairs, similarity, keyness', () => {
    const findings = sampleFindings(analysis);
    // The sample has the diff stage's exact shape.
    expect(Findings.safeParse(findings).error?.issues ?? []).toEqual([]);
    // …and a full Findings value is assignable to what the exports read.
    const real: FindingsView = Findings.parse(findings);
    const input: AnalysisInput = { ...analysis, findings: real };
    const files = exportCsvFiles(input);
    const additions = rows(files['additions.csv']!).data;
    expect(additions).toHaveLength(2);
    expect(additions[0]).toMatchObject({ cluster_id: 'add-1', plan_id: 'qnh-implementation', group: 'TG3' });
    expect(additions[0]!.key_terms).toBe('cửa khẩu; biên giới');
    expect(rows(files['omissions.csv']!).data[0]).toMatchObject({
      plan_id: 'lso-135-conference',
      carried_by: 'qng-222-study;qnh-implementation',
      in_directive: 'yes',
    });
    const reuse = rows(files['reuse.csv']!).data;
    expect(reuse[0]!.text).toBe(`'=HYPERLINK("x") nghiên cứu, học tập`);
    expect(rows(files['pairs.csv']!).data[0]!.matched_terms).toBe('quán triệt');
    const sim = rows(files['similarity.csv']!);
    expect(sim.meta.fields).toEqual(['plan_id', ...analysis.plans.map((p) => p.id)]);
    expect(rows(files['keyness.csv']!).data[0]!.term).toBe('cửa khẩu');
  });
});

describe('annotationsCsv', () => {
  it('is read back by parseGold and round-trips a correction made in a spreadsheet', () => {
    const groups = goldGroups(analysis);
    const csv = annotationsCsv(analysis);
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFF"plan_id","unit_id","status","labels","uncertain","note","text"',
    );
    const gold = parseGold(csv, groups);
    const units = analysis.plans.flatMap((p) => p.units);
    expect(gold).toHaveLength(units.length);
    for (const [i, u] of units.entries()) {
      expect(gold[i]!.unitId).toBe(u.id);
      expect(gold[i]!.status).toBe(u.alignment.content ? 'unit' : 'skip');
      expect(gold[i]!.labels).toEqual(u.alignment.content ? [...u.alignment.labels].sort() : []);
    }
    // A researcher corrects one unit in a spreadsheet (which keeps the BOM and quoting).
    const table = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    const target = table.findIndex((r, i) => i > 0 && r[2] === 'unit' && r[3] !== 'TG5');
    table[target]![3] = 'TG5';
    table[target]![4] = 'yes';
    const edited = `\uFEFF${Papa.unparse(table, { quotes: true, newline: '\r\n' })}`;
    const corrected = parseGold(edited, groups);
    expect(corrected[target - 1]).toMatchObject({ labels: ['TG5'], uncertain: true });
    // …and the corrected file is usable as gold for the evaluation.
    const cv = crossValidate(
      analysis.directive,
      analysis.plans.map((p) => ({ planId: p.id, units: p.units })),
      corrected,
    );
    expect(cv.engine.units).toBe(corrected.filter((r) => r.status === 'unit').length);
    expect(cv.unmatched).toEqual([]);
  });

  it('marks low-confidence units uncertain with the confidence in the note', () => {
    const gold = parseGold(annotationsCsv(analysis, { uncertainBelow: 1.01 }), goldGroups(analysis));
    const unitsRows = gold.filter((g) => g.status === 'unit');
    expect(unitsRows.every((g) => g.uncertain)).toBe(true);
    expect(unitsRows[0]!.note).toMatch(/^engine confidence \d\.\d\d$/);
  });
});
