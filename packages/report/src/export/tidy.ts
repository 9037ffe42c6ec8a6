/**
 * Tidy tables for statistics: one row per plan (metadata and every profile
 * measure) and one row per unit, each with a data dictionary (column, type,
 * meaning, unit). Meanings come from the zod schemas' descriptions where a
 * column is a schema field, so the dictionary and analysis.json say the same.
 * Pure: the CLI writes them as CSV and Parquet.
 */
import { PlanMeta } from '@doichieu/core';
import {
  ContentShares,
  GroupSpecificity,
  LearningSource,
  measureCorpus,
  type PlanProfile,
  TextualLearning,
} from '@doichieu/measures';
import type { AnalysedPlan } from '../analysis-schema.ts';
import { CoverageCellSchema } from '../analysis-schema.ts';
import { type Cell, round, toCsv } from './csv.ts';
import { type AnalysisInput, findingsOf } from './findings.ts';

export type ColumnType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN';

export interface Column {
  name: string;
  type: ColumnType;
  meaning: string;
  /** Unit of measurement ("days", "share 0-1", "count"), empty for text. */
  unit: string;
}

export interface TidyTable {
  name: string;
  columns: Column[];
  rows: Cell[][];
}

function describe(schema: { description?: string | undefined }, fallback: string): string {
  return schema.description ?? fallback;
}

const meta = PlanMeta.shape;

/** Profiles from analysis.json, or computed now for an analysis written before profiles existed. */
export function profilesOf(analysis: AnalysisInput): PlanProfile[] {
  if (analysis.profiles) return analysis.profiles;
  return measureCorpus(analysis.directive, analysis.plans, analysis.coverage, findingsOf(analysis)).profiles;
}

export function planLevelTable(analysis: AnalysisInput): TidyTable {
  const groups = analysis.directive.taskGroups.map((g) => g.id);
  const profiles = new Map(profilesOf(analysis).map((p) => [p.planId, p]));
  const coverage = new Map(analysis.coverage.map((c) => [c.planId, c.cells]));
  const citationChecks = new Map<string, number>();
  for (const c of analysis.citations?.checks ?? [])
    citationChecks.set(c.planId, (citationChecks.get(c.planId) ?? 0) + 1);
  const cited = new Map<string, number>();
  for (const c of analysis.citations?.citations ?? []) cited.set(c.from, (cited.get(c.from) ?? 0) + 1);
  const relations = LearningSource.options;
  const columns: Column[] = [
    { name: 'plan_id', type: 'VARCHAR', meaning: describe(meta.id, 'plan id'), unit: '' },
    { name: 'province', type: 'VARCHAR', meaning: describe(meta.province, 'province'), unit: '' },
    { name: 'level', type: 'VARCHAR', meaning: 'Administrative level of the issuing committee', unit: '' },
    {
      name: 'plan_kind',
      type: 'VARCHAR',
      meaning: 'Kind of plan (study-and-dissemination, implementation, conference, other)',
      unit: '',
    },
    { name: 'document_number', type: 'VARCHAR', meaning: describe(meta.documentNumber, 'number'), unit: '' },
    { name: 'date', type: 'VARCHAR', meaning: describe(meta.date, 'date'), unit: 'ISO date' },
    { name: 'issuing_body', type: 'VARCHAR', meaning: 'Issuing body as the manifest names it', unit: '' },
    { name: 'signer', type: 'VARCHAR', meaning: describe(meta.signer, 'signer'), unit: '' },
    { name: 'units', type: 'INTEGER', meaning: 'Units of the plan (all roles)', unit: 'count' },
    {
      name: 'content_units',
      type: 'INTEGER',
      meaning: 'Units that are content (not headings, header, recipients, signature)',
      unit: 'count',
    },
    {
      name: 'date_source',
      type: 'VARCHAR',
      meaning: 'manifest: confirmed date; extracted: read from the document, not confirmed; none: unknown',
      unit: '',
    },
    {
      name: 'lag_directive_min',
      type: 'INTEGER',
      meaning: 'Fewest days from the directive’s date to the plan’s date (empty when unknown)',
      unit: 'days',
    },
    {
      name: 'lag_directive_max',
      type: 'INTEGER',
      meaning: 'Most days from the directive’s date to the plan’s date (= min for exact dates)',
      unit: 'days',
    },
    {
      name: 'level_above_plan',
      type: 'VARCHAR',
      meaning: 'The plan of the level above in the same province that this plan follows',
      unit: '',
    },
    {
      name: 'level_above_how',
      type: 'VARCHAR',
      meaning:
        'How the level-above plan was found (cited, closest-before, none, province-unknown, top-level)',
      unit: '',
    },
    {
      name: 'lag_level_above_min',
      type: 'INTEGER',
      meaning: 'Fewest days from the level-above plan to this plan',
      unit: 'days',
    },
    {
      name: 'lag_level_above_max',
      type: 'INTEGER',
      meaning: 'Most days from the level-above plan to this plan',
      unit: 'days',
    },
    {
      name: 'restated',
      type: 'DOUBLE',
      meaning: describe(ContentShares.shape.restated, 'restated share'),
      unit: 'share 0-1',
    },
    {
      name: 'own',
      type: 'DOUBLE',
      meaning: describe(ContentShares.shape.own, 'own share'),
      unit: 'share 0-1',
    },
    ...relations.map(
      (r): Column => ({
        name: `reuse_${r.replace('-', '_')}`,
        type: 'DOUBLE',
        meaning: `Share of the plan’s content reused, source ${r} (${describe(LearningSource, '')})`,
        unit: 'share 0-1',
      }),
    ),
    { name: 'main_source_plan', type: 'VARCHAR', meaning: 'The plan it shares the most text with', unit: '' },
    {
      name: 'main_source_share',
      type: 'DOUBLE',
      meaning: 'Share of its content reused from that plan',
      unit: 'share 0-1',
    },
    {
      name: 'compared_with',
      type: 'INTEGER',
      meaning: describe(TextualLearning.shape.measuredAgainst, 'compared with'),
      unit: 'count of plans',
    },
    { name: 'documents_cited', type: 'INTEGER', meaning: 'Distinct documents the plan cites', unit: 'count' },
    {
      name: 'citation_checks',
      type: 'INTEGER',
      meaning: 'Citation consistency checks the plan fails',
      unit: 'count',
    },
    ...groups.flatMap((g): Column[] => [
      {
        name: `status_${g}`,
        type: 'VARCHAR',
        meaning: `${g}: ${describe(CoverageCellSchema.shape.status, 'operationalised, mentioned or absent')}`,
        unit: '',
      },
      {
        name: `share_${g}`,
        type: 'DOUBLE',
        meaning: `${g}: coverage share of the plan’s content text`,
        unit: 'share 0-1',
      },
      {
        name: `depth_${g}`,
        type: 'INTEGER',
        meaning: `${g}: ${describe(GroupSpecificity.shape.depth, 'depth')}`,
        unit: '0-4',
      },
      {
        name: `agencies_${g}`,
        type: 'INTEGER',
        meaning: `${g}: named agencies charged with its tasks`,
        unit: 'count',
      },
      { name: `deadlines_${g}`, type: 'INTEGER', meaning: `${g}: deadlines and periods`, unit: 'count' },
      { name: `targets_${g}`, type: 'INTEGER', meaning: `${g}: quantified targets`, unit: 'count' },
      {
        name: `documents_${g}`,
        type: 'INTEGER',
        meaning: `${g}: named programmes and documents`,
        unit: 'count',
      },
      {
        name: `restated_${g}`,
        type: 'DOUBLE',
        meaning: `${g}: share of its units’ text restating the directive`,
        unit: 'share 0-1',
      },
      {
        name: `own_${g}`,
        type: 'DOUBLE',
        meaning: `${g}: share of its units’ text that is the plan’s own`,
        unit: 'share 0-1',
      },
    ]),
  ];
  const rows = analysis.plans.map((plan: AnalysedPlan): Cell[] => {
    const p = profiles.get(plan.id);
    const cells = new Map((coverage.get(plan.id) ?? []).map((c) => [c.group, c]));
    const spec = new Map((p?.specificity ?? []).map((s) => [s.group, s]));
    const reit = new Map((p?.reiteration.byGroup ?? []).map((s) => [s.group, s]));
    const main = p?.learning?.bySourcePlan[0];
    return [
      plan.id,
      plan.meta.province,
      plan.meta.level,
      plan.meta.kind,
      plan.meta.documentNumber,
      plan.meta.date,
      plan.meta.issuingBody,
      plan.meta.signer,
      plan.units.length,
      plan.units.filter((u) => u.alignment.content).length,
      p?.lag.directive.dateSource ?? null,
      p?.lag.directive.days?.min ?? null,
      p?.lag.directive.days?.max ?? null,
      p?.lag.levelAbove.planId ?? null,
      p?.lag.levelAbove.how ?? null,
      p?.lag.levelAbove.days?.min ?? null,
      p?.lag.levelAbove.days?.max ?? null,
      p ? p.reiteration.plan.restated : null,
      p ? p.reiteration.plan.own : null,
      ...relations.map((r) => (p?.learning ? round(p.learning.shares[r] ?? 0) : null)),
      main?.planId ?? null,
      main ? main.share : null,
      p?.learning ? p.learning.measuredAgainst.length : null,
      cited.get(plan.id) ?? 0,
      citationChecks.get(plan.id) ?? 0,
      ...groups.flatMap((g): Cell[] => {
        const c = cells.get(g);
        const s = spec.get(g);
        const r = reit.get(g);
        return [
          c?.status ?? null,
          c ? round(c.share) : null,
          s?.depth ?? null,
          s?.agencies.length ?? null,
          s?.deadlines.length ?? null,
          s?.targets.length ?? null,
          s?.documents.length ?? null,
          r ? r.restated : null,
          r ? r.own : null,
        ];
      }),
    ];
  });
  return { name: 'plan-level', columns, rows };
}

export function unitLevelTable(analysis: AnalysisInput): TidyTable {
  const groups = analysis.directive.taskGroups.map((g) => g.id);
  const findings = findingsOf(analysis);
  const inAddition = new Map<string, string>();
  for (const a of findings?.additions ?? [])
    for (const p of a.passages) if (!inAddition.has(p.unitId)) inAddition.set(p.unitId, a.id);
  const reused = new Set<string>();
  const boilerplate = new Set<string>();
  for (const c of findings?.comparisons ?? [])
    for (const r of c.reuse)
      for (const side of [r.a, r.b]) (r.boilerplate ? boilerplate : reused).add(side.unitId);
  const operational = new Set(
    analysis.coverage.flatMap((c) => c.cells.flatMap((cell) => cell.operationalUnits)),
  );
  const columns: Column[] = [
    { name: 'plan_id', type: 'VARCHAR', meaning: 'Plan the unit belongs to', unit: '' },
    {
      name: 'unit_id',
      type: 'VARCHAR',
      meaning: 'Stable unit id: plan id and the path of markers',
      unit: '',
    },
    { name: 'kind', type: 'VARCHAR', meaning: 'heading, item, paragraph, bullet or field', unit: '' },
    {
      name: 'role',
      type: 'VARCHAR',
      meaning: 'What the unit does in the plan, from the section it sits in',
      unit: '',
    },
    { name: 'depth', type: 'INTEGER', meaning: 'Nesting depth in the plan’s tree', unit: 'levels' },
    { name: 'section', type: 'VARCHAR', meaning: 'The innermost heading above the unit', unit: '' },
    {
      name: 'span_start',
      type: 'INTEGER',
      meaning: 'Start of the unit in the source text',
      unit: 'UTF-16 offset',
    },
    {
      name: 'span_end',
      type: 'INTEGER',
      meaning: 'End (exclusive) of the unit in the source text',
      unit: 'UTF-16 offset',
    },
    {
      name: 'content',
      type: 'BOOLEAN',
      meaning: 'false for headings, header, recipients and signature (not labelled)',
      unit: '',
    },
    { name: 'labels', type: 'VARCHAR', meaning: 'Task groups the unit carries, separated by ";"', unit: '' },
    ...groups.map(
      (g): Column => ({ name: `label_${g}`, type: 'BOOLEAN', meaning: `The unit carries ${g}`, unit: '' }),
    ),
    ...groups.map(
      (g): Column => ({
        name: `score_${g}`,
        type: 'DOUBLE',
        meaning: `Engine probability for ${g}`,
        unit: 'probability 0-1',
      }),
    ),
    { name: 'confidence', type: 'DOUBLE', meaning: 'Engine confidence in the unit’s label set', unit: '0-1' },
    {
      name: 'operational',
      type: 'BOOLEAN',
      meaning: 'The unit turns a group into a task (lead agency, deadline or charged actor)',
      unit: '',
    },
    {
      name: 'addition_cluster',
      type: 'VARCHAR',
      meaning: 'Addition cluster the unit belongs to, if any',
      unit: '',
    },
    {
      name: 'reused',
      type: 'BOOLEAN',
      meaning: 'Part of the unit is shared word for word with another plan (not boilerplate)',
      unit: '',
    },
    {
      name: 'boilerplate',
      type: 'BOOLEAN',
      meaning: 'Part of the unit is the corpus’s common restatement',
      unit: '',
    },
    {
      name: 'gold',
      type: 'VARCHAR',
      meaning: 'Hand labels where the unit is annotated, separated by ";"',
      unit: '',
    },
    { name: 'text', type: 'VARCHAR', meaning: 'Normalised unit text', unit: '' },
  ];
  const rows: Cell[][] = [];
  for (const plan of analysis.plans)
    for (const u of plan.units)
      rows.push([
        plan.id,
        u.id,
        u.kind,
        u.role,
        u.depth,
        u.headingPath[u.headingPath.length - 1] ?? null,
        u.span[0],
        u.span[1],
        u.alignment.content,
        u.alignment.labels.join(';'),
        ...groups.map((g) => u.alignment.labels.includes(g)),
        ...groups.map((g) => round(u.alignment.scores[g] ?? 0)),
        round(u.alignment.confidence),
        operational.has(u.id),
        inAddition.get(u.id) ?? null,
        reused.has(u.id),
        boilerplate.has(u.id),
        u.alignment.gold ? u.alignment.gold.join(';') : null,
        u.text,
      ]);
  return { name: 'unit-level', columns, rows };
}

export function tidyCsv(table: TidyTable): string {
  return toCsv(
    table.columns.map((c) => c.name),
    table.rows,
  );
}

/** The data dictionary of some tables, as CSV (table, column, type, meaning, unit). */
export function dataDictionaryCsv(tables: readonly TidyTable[]): string {
  return toCsv(
    ['table', 'column', 'type', 'meaning', 'unit'],
    tables.flatMap((t) => t.columns.map((c) => [t.name, c.name, c.type, c.meaning, c.unit])),
  );
}

/** The data dictionary as Markdown, for a reader. */
export function dataDictionaryMarkdown(tables: readonly TidyTable[]): string {
  const out = ['# Data dictionary', ''];
  for (const t of tables) {
    out.push(
      `## ${t.name} (${t.rows.length} rows)`,
      '',
      '| column | type | meaning | unit |',
      '|---|---|---|---|',
    );
    for (const c of t.columns)
      out.push(`| \`${c.name}\` | ${c.type} | ${c.meaning.replace(/\|/g, '\\|')} | ${c.unit} |`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
