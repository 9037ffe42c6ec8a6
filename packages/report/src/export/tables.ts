/**
 * analysis.json → CSV files for a spreadsheet: `{ filename: csvText }`.
 * Pure: no file system; `doichieu export` and `doichieu analyze` write them.
 *
 * | file | one row per |
 * |---|---|
 * | units.csv | unit of every plan: ids, kind, role, heading path, span, engine labels, scores, gold, task and why, text |
 * | coverage.csv | plan × task group: directive check, status, share of content text, unit counts and ids |
 * | coverage-matrix.csv | plan: directive check, then one status and one share column per group |
 * | additions.csv | passage of an addition cluster (cluster columns repeated) |
 * | omissions.csv | omission: plan, group, element, key terms, carried by, examples |
 * | reuse.csv | passage two plans share word for word |
 * | pairs.csv | pair of units of two plans that say the same thing (similarity, matched terms) |
 * | similarity.csv | plan: the plan × plan similarity matrix |
 * | keyness.csv | plan × key term (G², counts) |
 * | annotations.csv | unit: an annotations file filled from the engine's labels (see `annotationsCsv`) |
 *
 * Without `findings` the findings files hold their header row only.
 */

import { rankedAdditions } from '@doichieu/diff';
import type { AnalysedPlan } from '../analysis-schema.ts';
import { citedInsteadText } from '../directive-status.ts';
import { type Cell, round, toCsv } from './csv.ts';
import { type AnalysisInput, findingsOf } from './findings.ts';

export type CsvFiles = Record<string, string>;

function groupIds(analysis: AnalysisInput): string[] {
  return analysis.directive.taskGroups.map((g) => g.id);
}

function planInfo(plan: AnalysedPlan): Cell[] {
  return [plan.meta.province, plan.meta.level, plan.meta.kind, plan.meta.documentNumber, plan.meta.date];
}
const PLAN_INFO = ['province', 'level', 'plan_kind', 'document_number', 'date'];

/** Whether the plan cites the directive; rows other than `cites` are not counted in corpus totals. */
function directiveInfo(plan: AnalysedPlan | undefined, row: { directive?: string }): Cell[] {
  return [row.directive ?? plan?.directiveCheck?.status ?? '', plan ? citedInsteadText(plan) : ''];
}
const DIRECTIVE_INFO = ['directive_check', 'cites_instead'];

const join = (xs: readonly string[]) => xs.join(';');

export function unitsCsv(analysis: AnalysisInput): string {
  const groups = groupIds(analysis);
  const header = [
    'plan_id',
    'unit_id',
    'kind',
    'role',
    'marker',
    'depth',
    'parent_id',
    'heading_path',
    'start',
    'end',
    'content',
    'labels',
    'confidence',
    'model',
    'gold',
    ...groups.map((g) => `score_${g}`),
    'task',
    'task_reason',
    'task_evidence_unit',
    'task_evidence',
    'text',
  ];
  const rows = analysis.plans.flatMap((plan) =>
    plan.units.map((u) => [
      plan.id,
      u.id,
      u.kind,
      u.role,
      u.marker?.label ?? '',
      u.depth,
      u.parentId ?? '',
      u.headingPath.join(' › '),
      u.span[0],
      u.span[1],
      u.alignment.content,
      join(u.alignment.labels),
      round(u.alignment.confidence),
      u.alignment.model,
      u.alignment.gold ? join(u.alignment.gold) : '',
      ...groups.map((g) => round(u.alignment.scores[g] ?? 0)),
      // Why the unit is a task or not (content units): the reason behind the coverage status.
      u.charge ? u.charge.task : '',
      u.charge?.reason ?? '',
      u.charge?.evidence?.unitId ?? '',
      u.charge?.evidence?.text ?? '',
      u.text,
    ]),
  );
  return toCsv(header, rows);
}

export function coverageCsv(analysis: AnalysisInput): string {
  const labels = new Map(analysis.directive.taskGroups.map((g) => [g.id, g.short.en]));
  const plans = new Map(analysis.plans.map((p) => [p.id, p]));
  const header = [
    'plan_id',
    ...PLAN_INFO,
    ...DIRECTIVE_INFO,
    'group',
    'group_label',
    'status',
    'share',
    'units',
    'operational_units',
    'unit_ids',
  ];
  const rows = analysis.coverage.flatMap((row) => {
    const plan = plans.get(row.planId);
    return row.cells.map((c) => [
      row.planId,
      ...(plan ? planInfo(plan) : PLAN_INFO.map(() => '')),
      ...directiveInfo(plan, row),
      c.group,
      labels.get(c.group) ?? '',
      c.status,
      round(c.share),
      c.units.length,
      c.operationalUnits.length,
      join(c.units),
    ]);
  });
  return toCsv(header, rows);
}

export function coverageMatrixCsv(analysis: AnalysisInput): string {
  const groups = groupIds(analysis);
  const plans = new Map(analysis.plans.map((p) => [p.id, p]));
  const header = [
    'plan_id',
    ...PLAN_INFO,
    ...DIRECTIVE_INFO,
    ...groups.map((g) => `${g}_status`),
    ...groups.map((g) => `${g}_share`),
  ];
  const rows = analysis.coverage.map((row) => {
    const cell = new Map(row.cells.map((c) => [c.group, c]));
    const plan = plans.get(row.planId);
    return [
      row.planId,
      ...(plan ? planInfo(plan) : PLAN_INFO.map(() => '')),
      ...directiveInfo(plan, row),
      ...groups.map((g) => cell.get(g)?.status ?? ''),
      ...groups.map((g) => (cell.has(g) ? round(cell.get(g)!.share) : '')),
    ];
  });
  return toCsv(header, rows);
}

const terms = (xs: readonly { term: string }[]) => xs.map((t) => t.term).join('; ');

export function additionsCsv(analysis: AnalysisInput): string {
  const header = [
    'cluster_id',
    'plan_id',
    'group',
    'label',
    'rank',
    'specificity',
    'novelty',
    'key_terms',
    'passages',
    'unit_id',
    'start',
    'end',
    'text',
  ];
  const rows = rankedAdditions(findingsOf(analysis)?.additions ?? []).flatMap(({ cluster: c, rank }) =>
    c.passages.map((p) => [
      c.id,
      c.planId,
      c.group ?? '',
      c.label,
      rank,
      c.specificity === undefined ? '' : round(c.specificity),
      round(c.novelty),
      terms(c.keyTerms),
      c.passages.length,
      p.unitId,
      p.span[0],
      p.span[1],
      p.text,
    ]),
  );
  return toCsv(header, rows);
}

export function omissionsCsv(analysis: AnalysisInput): string {
  const header = [
    'plan_id',
    'group',
    'label',
    'key_terms',
    'carried_by',
    'carried_by_count',
    'in_directive',
    'example_units',
    'example_text',
  ];
  const rows = (findingsOf(analysis)?.omissions ?? []).map((o) => [
    o.planId,
    o.group,
    o.label,
    terms(o.keyTerms),
    join(o.carriedBy),
    o.carriedByCount ?? o.carriedBy.length,
    o.inDirective,
    join(o.examples.map((e) => e.unitId)),
    o.examples[0]?.text ?? '',
  ]);
  return toCsv(header, rows);
}

export function reuseCsv(analysis: AnalysisInput): string {
  const header = [
    'plan_a',
    'plan_b',
    'plan_similarity',
    'unit_a',
    'start_a',
    'end_a',
    'unit_b',
    'start_b',
    'end_b',
    'tokens',
    'text',
  ];
  const rows = (findingsOf(analysis)?.comparisons ?? []).flatMap((c) =>
    c.reuse.map((r) => [
      c.a,
      c.b,
      round(c.similarity),
      r.a.unitId,
      r.a.span[0],
      r.a.span[1],
      r.b.unitId,
      r.b.span[0],
      r.b.span[1],
      r.tokens,
      r.text,
    ]),
  );
  return toCsv(header, rows);
}

export function pairsCsv(analysis: AnalysisInput): string {
  const header = [
    'plan_a',
    'plan_b',
    'group',
    'unit_a',
    'unit_b',
    'similarity',
    'matched_terms',
    'text_a',
    'text_b',
  ];
  const rows = (findingsOf(analysis)?.comparisons ?? []).flatMap((c) =>
    c.pairs.map((p) => [
      c.a,
      c.b,
      p.group,
      p.a.unitId,
      p.b.unitId,
      round(p.similarity),
      p.matchedTerms.join('; '),
      p.a.text,
      p.b.text,
    ]),
  );
  return toCsv(header, rows);
}

/** The plan × plan matrix; `from`–`to`: only those rows (a national matrix is written a few rows at a time). */
export function similarityCsv(analysis: AnalysisInput, from = 0, to = Number.POSITIVE_INFINITY): string {
  const f = findingsOf(analysis);
  const ids = f?.plans ?? [];
  const rows = ids
    .slice(from, to)
    .map((id, r) => [id, ...ids.map((_, j) => round(f?.similarity[from + r]?.[j] ?? Number.NaN))]);
  return toCsv(['plan_id', ...ids], rows);
}

export function keynessCsv(analysis: AnalysisInput): string {
  const rows = (findingsOf(analysis)?.keyness ?? []).flatMap((k) =>
    k.terms.map((t, i) => [k.planId, i + 1, t.term, round(t.g2, 3), t.countInPlan, t.countInRest]),
  );
  return toCsv(['plan_id', 'rank', 'term', 'g2', 'count_in_plan', 'count_in_rest'], rows);
}

export interface AnnotationsOptions {
  /** Units whose engine confidence is below this are marked uncertain (default 0.5). */
  uncertainBelow?: number;
}

/**
 * An annotations file in the format `parseGold` reads (plan_id, unit_id,
 * status, labels, uncertain, note, text), filled in from the engine: every
 * content unit is a `unit` row with the engine's labels, every other unit a
 * `skip` row; low-confidence units are marked uncertain with the confidence
 * in the note. A researcher corrects it in a spreadsheet and feeds it back
 * with `doichieu evaluate --gold FILE` (or `analyze --gold FILE`).
 */
export function annotationsCsv(analysis: AnalysisInput, options: AnnotationsOptions = {}): string {
  const threshold = options.uncertainBelow ?? 0.5;
  const rows = analysis.plans.flatMap((plan) =>
    plan.units.map((u) => {
      const a = u.alignment;
      const low = a.content && a.confidence < threshold;
      return [
        plan.id,
        u.id,
        a.content ? 'unit' : 'skip',
        a.content ? join(a.labels) : '',
        low ? 'yes' : '',
        low ? `engine confidence ${a.confidence.toFixed(2)}` : '',
        u.text,
      ];
    }),
  );
  return toCsv(['plan_id', 'unit_id', 'status', 'labels', 'uncertain', 'note', 'text'], rows);
}

export interface ExportOptions extends AnnotationsOptions {}

/** Every CSV file of an analysis, by file name. */
export function exportCsvFiles(analysis: AnalysisInput, options: ExportOptions = {}): CsvFiles {
  return {
    'units.csv': unitsCsv(analysis),
    'coverage.csv': coverageCsv(analysis),
    'coverage-matrix.csv': coverageMatrixCsv(analysis),
    'additions.csv': additionsCsv(analysis),
    'omissions.csv': omissionsCsv(analysis),
    'reuse.csv': reuseCsv(analysis),
    'pairs.csv': pairsCsv(analysis),
    'similarity.csv': similarityCsv(analysis),
    'keyness.csv': keynessCsv(analysis),
    'annotations.csv': annotationsCsv(analysis, options),
  };
}
