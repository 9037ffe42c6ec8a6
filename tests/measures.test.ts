/**
 * Research measures on the bundled corpus (the real plan files): profiles,
 * citation checks, the tidy tables in Parquet read back by DuckDB, and a
 * passim round trip.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseGold } from '@doichieu/align';
import { foldSameLength, ingestPlan, loadLexicon } from '@doichieu/core';
import { CORPUS_DIR, planBytes, readDirective, readManifest } from '@doichieu/core/testing';
import {
  PassimInputRecord,
  type PassimRecord,
  type PlanProfile,
  passimExport,
  passimImport,
} from '@doichieu/measures';
import {
  type Analysis,
  analyse,
  dataDictionaryCsv,
  planLevelTable,
  renderHtmlReport,
  renderMarkdownReport,
  tidyCsv,
  unitLevelTable,
} from '@doichieu/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, writeParquet } from '../packages/cli/src/duckdb.ts';

let analysis: Analysis;
let profile: (id: string) => PlanProfile;
const scratch = mkdtempSync(join(tmpdir(), 'doichieu-measures-'));

beforeAll(() => {
  const manifest = readManifest();
  const directive = readDirective();
  const lexicon = loadLexicon();
  const plans = manifest.plans.map((m) => ingestPlan(planBytes(m), m, { lexicon }));
  const gold = parseGold(
    readFileSync(`${CORPUS_DIR}gold/annotations.csv`, 'utf8'),
    directive.taskGroups.map((g) => g.id),
  );
  analysis = analyse(directive, plans, { gold, evaluate: false });
  profile = (id) => analysis.profiles!.find((p) => p.planId === id)!;
}, 300_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('implementation profile', () => {
  it('gives plan 222-KH/TU a lag of 91 days after the directive, from the confirmed date', () => {
    const lag = profile('qng-222-study').lag.directive;
    expect(lag).toMatchObject({
      since: '2023-06-15',
      planDate: '2023-09-14',
      dateSource: 'manifest',
      days: { min: 91, max: 91 },
    });
  });

  it('gives a month-only date an interval and an unknown date none', () => {
    expect(profile('qnh-implementation').lag.directive.days).toEqual({ min: 169, max: 199 });
    expect(profile('qng-implementation').lag.directive.days).toBeNull();
  });

  it('finds that the district plan reuses the provincial study plan most, with passages, and does not guess that this is vertical', () => {
    const learning = profile('district-study').learning!;
    expect(learning.bySourcePlan[0]!.planId).toBe('qng-222-study');
    expect(learning.bySourcePlan[0]!.relation).toBe('undetermined');
    expect(learning.shares.vertical).toBe(0);
    expect(learning.shares.undetermined).toBeGreaterThan(0);
    expect(learning.note).toMatch(/province/);
    const passages = learning.passages.filter((p) => p.from === 'qng-222-study');
    expect(passages.length).toBeGreaterThan(3);
    expect(profile('district-study').lag.levelAbove.how).toBe('province-unknown');
  });

  it('classifies reuse between two provinces as horizontal', () => {
    const learning = profile('qnh-implementation').learning!;
    expect(learning.bySourcePlan.find((s) => s.planId === 'qng-implementation')?.relation).toBe('horizontal');
    expect(learning.shares.horizontal).toBeGreaterThan(0.1);
  });

  it('lists the agencies of Quảng Ninh’s task sections where they are named, and none where they are not', () => {
    const spec = profile('qnh-implementation').specificity;
    const qnh = analysis.plans.find((p) => p.id === 'qnh-implementation')!;
    const named = spec.flatMap((s) => s.agencies.map((a) => a.name));
    expect(named).toContain('Ban Tuyên giáo Tỉnh ủy');
    for (const s of spec) {
      // Every agency is a named body that the evidence span really shows.
      for (const a of s.agencies) {
        expect(a.name).toMatch(
          /^(Ban|Sở|Ủy ban|Văn phòng|Mặt trận|Công an|Đảng|Tỉnh|Huyện|Báo|Đài|Trung tâm|Hội|Liên|Bộ)/u,
        );
        expect(foldSameLength(qnh.source.text.slice(...a.evidence.span)).replace(/\s+/g, ' ')).toContain(
          foldSameLength(a.name).split(' ')[0]!,
        );
      }
      // A group whose units name no body gets no agency, and its depth says so.
      if (s.unitChecks.every((c) => !c.agency)) {
        expect(s.agencies).toEqual([]);
        expect(s.depth).toBeLessThanOrEqual(2);
      }
    }
    expect(spec.some((s) => s.agencies.length === 0)).toBe(true);
  });

  it('traces every figure to units of its plan and spans inside them', () => {
    for (const p of analysis.profiles!) {
      const plan = analysis.plans.find((x) => x.id === p.planId)!;
      const units = new Map(plan.units.map((u) => [u.id, u]));
      const inUnit = (e: { unitId: string; span: [number, number] }) => {
        const u = units.get(e.unitId);
        expect(u, `${p.planId}: unknown unit ${e.unitId}`).toBeDefined();
        expect(e.span[0]).toBeGreaterThanOrEqual(u!.span[0]);
        expect(e.span[1]).toBeLessThanOrEqual(u!.span[1]);
      };
      for (const s of [p.reiteration.plan, ...p.reiteration.byGroup]) {
        expect(s.restated + s.own).toBeLessThanOrEqual(2);
        for (const e of [...s.restatedEvidence, ...s.ownEvidence]) inUnit(e);
      }
      for (const s of p.specificity) {
        for (const c of s.unitChecks) expect(units.has(c.unitId)).toBe(true);
        for (const d of s.deadlines) expect(units.has(d.evidence.unitId)).toBe(true);
      }
      for (const x of p.learning?.passages ?? []) inUnit(x);
    }
  });
});

describe('citation checks', () => {
  it('flags the Lạng Sơn plan citing the 2012 conclusion as 16-KL/TW and as 126-KL/TW, with both positions', () => {
    const check = analysis.citations!.checks.find(
      (c) => c.planId === 'lso-135-conference' && c.check === 'number-differs',
    )!;
    expect(check.documents).toEqual(['126-KL/TW', '16-KL/TW']);
    const lso = analysis.plans.find((p) => p.id === 'lso-135-conference')!;
    const texts = check.evidence.map((e) => lso.source.text.slice(...e.span).replace(/\s+/g, ''));
    expect(texts.some((t) => t.includes('126-KL/TW'))).toBe(true);
    expect(texts.some((t) => t.includes('16-KL/TW') && !t.includes('126'))).toBe(true);
  });

  it('flags the conclusion cited with the wrong date (16/5/2023) against the directive file', () => {
    const checks = analysis
      .citations!.checks.filter((c) => c.planId === 'lso-135-conference')
      .map((c) => c.check);
    expect(checks).toContain('date-mismatch');
    expect(checks).toContain('date-differs');
  });

  it('does not flag the plans whose citations agree', () => {
    const flagged = new Set(analysis.citations!.checks.map((c) => c.planId));
    expect(flagged.has('qng-222-study')).toBe(false);
  });
});

describe('tidy tables', () => {
  it('write Parquet files that DuckDB reads with the row counts and column types of the data dictionary', async () => {
    const tables = [planLevelTable(analysis), unitLevelTable(analysis)];
    await writeParquet(tables, scratch);
    for (const t of tables) {
      const file = join(scratch, `${t.name}.parquet`).replace(/'/g, "''");
      const count = await query([], `SELECT count(*) FROM read_parquet('${file}')`);
      expect(Number(count.rows[0]![0])).toBe(t.rows.length);
      const described = await query([], `DESCRIBE SELECT * FROM read_parquet('${file}')`);
      expect(described.rows.map((r) => [r[0], r[1]])).toEqual(t.columns.map((c) => [c.name, c.type]));
    }
    const lag = await query(
      [],
      `SELECT lag_directive_min FROM read_parquet('${join(scratch, 'plan-level.parquet')}') WHERE plan_id = 'qng-222-study'`,
    );
    expect(lag.rows).toEqual([['91']]);
  }, 120_000);

  it('write a plan-level CSV a spreadsheet opens with Vietnamese intact, and a dictionary for every column', () => {
    const table = planLevelTable(analysis);
    const csv = tidyCsv(table);
    expect(csv.startsWith('\uFEFF"plan_id"')).toBe(true);
    expect(csv).toContain('"Quảng Ngãi"');
    expect(table.rows).toHaveLength(analysis.plans.length);
    const dictionary = dataDictionaryCsv([table]);
    for (const c of table.columns) expect(dictionary).toContain(`"${c.name}"`);
    expect(table.columns.every((c) => c.meaning.length > 10)).toBe(true);
  });
});

describe('report', () => {
  it('has a profiles section with every plan’s lag and the citation checks, in HTML and Markdown', () => {
    const md = renderMarkdownReport(analysis, { lang: 'en' });
    const html = renderHtmlReport(analysis, { lang: 'en' });
    for (const text of [md, html]) {
      expect(text).toContain('Implementation profiles');
      expect(text).toMatch(/qng-222-study[^\n]*91/);
      expect(text).toContain('126-KL/TW, 16-KL/TW');
    }
  });
});

describe('passim', () => {
  it('exports one record per plan in passim’s input format, offsets equal to the source’s', () => {
    const lines = passimExport(analysis.plans).trimEnd().split('\n');
    expect(lines).toHaveLength(analysis.plans.length);
    for (const [i, line] of lines.entries()) {
      const record = PassimInputRecord.parse(JSON.parse(line));
      const plan = analysis.plans[i]!;
      expect(record.id).toBe(plan.id);
      expect(record.series).toBe(plan.meta.province === 'unknown' ? plan.id : plan.meta.province);
      expect(record.text).toHaveLength(plan.source.text.length);
      expect(record.text).not.toMatch(/[<>&]/);
    }
  });

  it('imports a hand-made passim output onto the right units and spans', () => {
    const district = analysis.plans.find((p) => p.id === 'district-study')!;
    const qng = analysis.plans.find((p) => p.id === 'qng-222-study')!;
    const du = district.units.filter((u) => u.alignment.content)[3]!;
    const qu = qng.units.filter((u) => u.alignment.content)[5]!;
    const records: PassimRecord[] = [
      { id: 'district-study', cluster: 7, size: 2, begin: du.span[0] + 2, end: du.span[1] - 1, uid: 1 },
      { id: 'qng-222-study', cluster: 7, size: 2, begin: qu.span[0], end: qu.span[1] + 40, uid: 2 },
      { id: 'no-such-plan', cluster: 8, size: 1, begin: 0, end: 5, uid: 3 },
    ];
    const { reuse, skipped } = passimImport(analysis.plans, records, [
      {
        id1: 'qng-222-study',
        id2: 'district-study',
        b1: qu.span[0],
        e1: qu.span[0] + 30,
        b2: du.span[0],
        e2: du.span[0] + 30,
      },
    ]);
    expect(skipped).toEqual([{ record: 2, reason: 'no plan "no-such-plan" in the analysis' }]);
    expect(reuse).toHaveLength(2);
    const [fromCluster, fromAlignment] = reuse;
    expect(fromCluster!.a).toMatchObject({
      planId: 'district-study',
      unitId: du.id,
      span: [du.span[0] + 2, du.span[1] - 1],
    });
    expect(fromCluster!.b).toMatchObject({ planId: 'qng-222-study', unitId: qu.id, span: qu.span });
    expect(fromAlignment!.a.unitId).toBe(du.id);
    expect(fromAlignment!.b.unitId).toBe(qu.id);
  });
});
