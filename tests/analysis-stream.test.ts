/**
 * The reading commands read analysis.json piece by piece (packages/cli/src/analysis-stream.ts),
 * keeping what each needs (analysis-views.ts). These pin, on an 80-plan synthetic analysis (the
 * peers' path of the diff stage, findings with every kind of item), that the streamed reading is
 * the whole file's parse and schema, that each view's output is the same as from the whole
 * analysis, and that a damaged file still gives one line naming the first bad path.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestPlan, loadLexicon } from '@doichieu/core';
import { planBytes, readDirective, readManifest } from '@doichieu/core/testing';
import {
  type Analysis,
  Analysis as AnalysisSchema,
  analyse,
  exportCsvFiles,
  planLevelTable,
  renderHtmlReport,
  renderMarkdownReport,
  tidyCsv,
  unitLevelTable,
} from '@doichieu/report';
import { generateCorpus } from '@doichieu/synth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAnalysisStream } from '../packages/cli/src/analysis-stream.ts';
import { plansView, reportView, TIDY_VIEW } from '../packages/cli/src/analysis-views.ts';
import { UserError } from '../packages/cli/src/errors.ts';
import { streamCsvFiles, writeTidyCsv } from '../packages/cli/src/export-stream.ts';
import type { AtomicWriter } from '../packages/cli/src/io.ts';

const directive = readDirective();
let dir: string;
let file: string;
let text: string;
let whole: Analysis;

beforeAll(() => {
  const lexicon = loadLexicon();
  const templates = readManifest().plans.map((m) => ingestPlan(planBytes(m), m, { lexicon }));
  const generated = generateCorpus(templates, { plans: 80, seed: 57 });
  const analysis = analyse(
    directive,
    generated.map((g) => ingestPlan(g.bytes, g.meta, { lexicon })),
    { evaluate: false },
  );
  dir = mkdtempSync(join(tmpdir(), 'doichieu-stream-'));
  file = join(dir, 'analysis.json');
  text = `${JSON.stringify(analysis)}\n`;
  writeFileSync(file, text);
  whole = AnalysisSchema.parse(JSON.parse(text));
}, 600_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function damaged(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function errorOf(path: string): string {
  try {
    readAnalysisStream(path, 'analysis.json');
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error('read without an error');
}

describe('analysis.json read piece by piece', () => {
  it('is the whole file parsed with the schema, key for key', () => {
    const f = whole.findings!;
    expect(whole.plans.length).toBe(80);
    expect(f.comparisons.some((c) => c.reuseOnly) && f.omissions.length > 0).toBe(true);
    expect(JSON.stringify(readAnalysisStream(file, 'analysis.json'))).toBe(JSON.stringify(whole));
  });

  it("keeps the report's and the tables' outputs while it leaves out what they do not read", () => {
    for (const layout of [undefined, 'detail', 'summary'] as const) {
      const forReport = readAnalysisStream(file, 'analysis.json', reportView(layout));
      expect(forReport.plans.every((p) => p.source.text === '')).toBe(true);
      // 80 plans: the summary layout unless detail is asked for.
      expect(forReport.plans.every((p) => p.units.length === 0)).toBe(layout !== 'detail');
      for (const lang of ['vi', 'en'] as const) {
        const options = { generatedAt: '2026-01-01', lang, ...(layout ? { layout } : {}) };
        expect(renderHtmlReport(forReport, options)).toBe(renderHtmlReport(whole, options));
        expect(renderMarkdownReport(forReport, options)).toBe(renderMarkdownReport(whole, options));
      }
    }
    // export: the CSV files written batch by batch while the file streams are the whole analysis's.
    const wholeFiles = exportCsvFiles(whole);
    const written = new Map<string, string>();
    const writers = new Map(
      Object.keys(wholeFiles).map((name): [string, AtomicWriter] => {
        written.set(name, '');
        const write = (chunk: string | Uint8Array) => {
          written.set(name, written.get(name)! + String(chunk));
        };
        return [name, { write, commit() {}, abort() {} }];
      }),
    );
    // Small batches, so that every file is appended to several times.
    const csv = streamCsvFiles(writers, { plans: 7, coverage: 9, findings: 11, matrixCells: 500 });
    csv.finish(readAnalysisStream(file, 'analysis.json', csv.view));
    for (const [name, text] of Object.entries(wholeFiles)) expect(written.get(name), name).toBe(text);
    const forTables = readAnalysisStream(file, 'analysis.json', TIDY_VIEW);
    expect(planLevelTable(forTables)).toEqual(planLevelTable(whole));
    const units = unitLevelTable(forTables);
    expect(units).toEqual(unitLevelTable(whole));
    const tidy: string[] = [];
    writeTidyCsv({ write: (c) => tidy.push(String(c)), commit() {}, abort() {} }, units, 97);
    expect(tidy.length).toBeGreaterThan(1);
    expect(tidy.join('')).toBe(tidyCsv(units));
  });

  it('keeps only the plans asked for and their own findings', () => {
    const c = whole.findings!.comparisons.find((x) => !x.reuseOnly)!;
    const ids: string[] = [];
    const two = readAnalysisStream(file, 'analysis.json', plansView(new Set([c.a, c.b]), ids));
    expect(ids).toEqual(whole.plans.map((p) => p.id));
    expect(two.plans.map((p) => p.id)).toEqual(
      whole.plans.filter((p) => p.id === c.a || p.id === c.b).map((p) => p.id),
    );
    expect(two.findings!.comparisons).toEqual([c]);
    expect(two.findings!.additions).toEqual(
      whole.findings!.additions.filter((a) => a.planId === c.a || a.planId === c.b),
    );
    expect(two.profiles).toEqual([]);
  });

  it('names the first bad path of a damaged file in one line', () => {
    const analysis = JSON.parse(text) as Analysis;
    const f = analysis.findings!;
    (f.comparisons[3] as { similarity: unknown }).similarity = 'high';
    expect(errorOf(damaged('bad-comparison.json', JSON.stringify(analysis)))).toBe(
      'analysis.json: findings.comparisons[3].similarity: Invalid input: expected number, received string',
    );
    delete (analysis.plans[2] as { units?: unknown }).units;
    expect(errorOf(damaged('bad-plan.json', JSON.stringify(analysis)))).toBe(
      'analysis.json: plans[2].units: required',
    );
    expect(errorOf(damaged('truncated.json', text.slice(0, Math.floor(text.length / 2))))).toBe(
      'analysis.json: not valid JSON (the document ends early (truncated file?))',
    );
    expect(errorOf(damaged('no-tool.json', text.replace('"tool":', '"tools":')))).toBe(
      'analysis.json: tool: required',
    );
    expect(errorOf(damaged('other.json', '{"plan":[]}'))).toBe(
      'analysis.json: not an analysis.json (run "doichieu analyze" first)',
    );
    expect(errorOf(join(dir, 'missing.json'))).toMatch(/^analysis file not found: /);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});
