/**
 * Assembles analysis.json from ingested plans: alignment (every annotated
 * plan's units labelled by a model that never saw that plan's annotations),
 * coverage and, when annotations exist, the leave-one-plan-out evaluation.
 *
 * The pieces are separate so that the command line can stream a large corpus
 * plan by plan through worker threads: `prepareModels` once, `analysePlan`
 * per plan (anywhere), `analysisHead` and `analysisTail` around them.
 */
import {
  type AlignModel,
  coverageOfPlan,
  createAligner,
  crossValidate,
  type GoldRow,
  goldExamples,
  type TrainingExample,
  trainModel,
  type UnitAlignment,
} from '@doichieu/align';
import {
  checkDirectiveCitation,
  type Directive,
  directiveCheckMessage,
  type IngestedPlan,
  VERSION,
} from '@doichieu/core';
import { compareCorpus, type DiffPlan, diffPlansFromAnalysis } from '@doichieu/diff';
import type { AnalysedPlan, Analysis } from './analysis-schema.ts';

export interface AnalyseOptions {
  gold?: readonly GoldRow[];
  /** Skip the cross-validated evaluation (large corpora). */
  evaluate?: boolean;
  /** Skip the diff stage (additions, omissions, reuse, similarity). */
  diff?: boolean;
}

/** The diff stage's view of an analysed plan: its units with their labels, and the source for exact spans. */
export function diffPlanOf(plan: AnalysedPlan): DiffPlan {
  return diffPlansFromAnalysis([plan])[0]!;
}

/** Above this many plans analysis.json keeps fewer comparisons and shorter omission lists. */
const LARGE_CORPUS = 50;
/** Plans listed per omission in a large corpus (the count is kept). */
const CARRIED_BY_LISTED = 10;

/**
 * Findings of the diff stage over the whole corpus. In a large corpus each
 * plan is compared with its nearest neighbour only (the others on demand,
 * `doichieu diff A B`), and an omission lists the first plans that carry it
 * with their count: otherwise the file grows with the square of the corpus.
 */
export function computeFindings(directive: Directive, plans: readonly DiffPlan[]): Analysis['findings'] {
  const large = plans.length > LARGE_CORPUS;
  const findings = compareCorpus(directive, [...plans], large ? { candidates: { neighbours: 1 } } : {});
  if (!large) return findings;
  return {
    ...findings,
    omissions: findings.omissions.map((o) =>
      o.carriedBy.length > CARRIED_BY_LISTED
        ? { ...o, carriedBy: o.carriedBy.slice(0, CARRIED_BY_LISTED), carriedByCount: o.carriedBy.length }
        : o,
    ),
  };
}

export type CoverageRow = Analysis['coverage'][number];

/** The trained models: one on all annotations, and one per annotated plan trained without it. */
export interface PreparedModels {
  full?: AlignModel;
  heldOut: Record<string, AlignModel>;
  annotatedUnits: number;
  gold: Record<string, string[]>;
}

export function prepareModels(
  directive: Directive,
  annotatedPlans: readonly IngestedPlan[],
  gold: readonly GoldRow[],
): PreparedModels {
  const examples = goldExamples(
    annotatedPlans.map((p) => ({ planId: p.id, units: p.units })),
    gold,
  );
  const annotatedUnits = [...examples.values()].reduce((s, e) => s + e.length, 0);
  const goldById = Object.fromEntries(
    gold.filter((g) => g.status === 'unit').map((g) => [g.unitId, g.labels]),
  );
  if (annotatedUnits === 0) return { heldOut: {}, annotatedUnits, gold: goldById };
  const all: TrainingExample[] = [...examples.values()].flat();
  const heldOut: Record<string, AlignModel> = {};
  for (const [planId, own] of examples) {
    if (own.length === 0) continue;
    const others = [...examples.entries()].filter(([id]) => id !== planId).flatMap(([, e]) => e);
    heldOut[planId] = trainModel(directive, others);
  }
  return { full: trainModel(directive, all), heldOut, annotatedUnits, gold: goldById };
}

/** Aligns one plan and computes its coverage row. Pure; runs in a worker as well as inline. */
export function analysePlan(
  directive: Directive,
  plan: IngestedPlan,
  models: PreparedModels,
  aligners: Map<string, ReturnType<typeof createAligner>> = new Map(),
): { plan: AnalysedPlan; coverage: CoverageRow } {
  const groups = directive.taskGroups.map((g) => g.id);
  const heldOut = models.heldOut[plan.id];
  const modelKind = heldOut ? 'held-out' : models.full ? 'full' : 'lexical';
  const key = heldOut ? `held-out:${plan.id}` : modelKind;
  let aligner = aligners.get(key);
  if (!aligner) {
    aligner = createAligner(directive, heldOut ?? models.full);
    aligners.set(key, aligner);
  }
  const alignments = new Map<string, UnitAlignment>();
  const units = plan.units.map((u) => {
    const { unitId: _unitId, ...rest } = aligner.align(u);
    alignments.set(u.id, { unitId: u.id, ...rest });
    const g = models.gold[u.id];
    return {
      ...u,
      alignment: { ...rest, model: modelKind, ...(g ? { gold: g } : {}) },
    } as AnalysedPlan['units'][number];
  });
  const directiveCheck = checkDirectiveCitation(directive, plan.references, plan.source.text);
  const warning = directiveCheckMessage(directiveCheck);
  return {
    plan: {
      id: plan.id,
      meta: plan.meta,
      source: plan.source,
      extracted: plan.extracted,
      stats: plan.stats,
      units,
      skipped: plan.skipped,
      fields: plan.fields,
      references: plan.references,
      directiveCheck,
      messages: warning ? [...plan.messages, warning] : plan.messages,
    },
    coverage: {
      planId: plan.id,
      directive: directiveCheck.status,
      cells: coverageOfPlan(plan.units, plan.fields, alignments, groups),
    },
  };
}

/** Everything of analysis.json that comes before the plans. */
export function analysisHead(
  directive: Directive,
  models: PreparedModels,
  evaluation?: Analysis['evaluation'],
): Omit<Analysis, 'plans' | 'coverage'> {
  const supervised = models.full !== undefined;
  return {
    $schema: 'https://doichieu.invalid/schemas/analysis.schema.json',
    tool: { name: 'doichieu', version: VERSION },
    offsets: 'utf16',
    directive,
    method: {
      aligner: supervised ? 'supervised' : 'lexical',
      annotatedUnits: models.annotatedUnits,
      description: supervised
        ? 'One-vs-rest logistic regression over syllable 1-3-grams, directive-phrase scores of the unit and its heading, role and kind; trained on the annotated units of the other plans (leave-one-plan-out) for annotated plans, on all annotated units for the rest.'
        : "Directive phrases only: each group's characteristic phrases weighted by inverse group frequency and length.",
    },
    ...(evaluation ? { evaluation } : {}),
  };
}

/** The leave-one-plan-out evaluation of the annotated plans. */
export function evaluationOf(
  directive: Directive,
  annotatedPlans: readonly IngestedPlan[],
  gold: readonly GoldRow[],
): Analysis['evaluation'] {
  const cv = crossValidate(
    directive,
    annotatedPlans.map((p) => ({ planId: p.id, units: p.units })),
    gold,
  );
  return { protocol: 'leave-one-plan-out', engine: cv.engine, lexical: cv.lexical, baseline: cv.baseline };
}

/** In memory, for notebooks and tests; the CLI streams the same pieces. */
export function analyse(
  directive: Directive,
  plans: readonly IngestedPlan[],
  options: AnalyseOptions = {},
): Analysis {
  const gold = options.gold ?? [];
  const annotatedIds = new Set(gold.map((g) => g.planId));
  const annotated = plans.filter((p) => annotatedIds.has(p.id));
  const models = prepareModels(directive, annotated, gold);
  const aligners = new Map();
  const analysed = plans.map((p) => analysePlan(directive, p, models, aligners));
  const evaluation =
    models.full && options.evaluate !== false ? evaluationOf(directive, annotated, gold) : undefined;
  const findings =
    options.diff === false
      ? undefined
      : computeFindings(
          directive,
          analysed.map((a) => diffPlanOf(a.plan)),
        );
  return {
    ...analysisHead(directive, models, evaluation),
    plans: analysed.map((a) => a.plan),
    coverage: analysed.map((a) => a.coverage),
    ...(findings ? { findings } : {}),
  };
}
