/**
 * Assembles analysis.json from ingested plans: alignment (every plan's units
 * labelled by a model that never saw that plan's annotations), coverage and,
 * when annotations exist, the leave-one-plan-out evaluation.
 */
import {
  type AlignModel,
  coverageOfPlan,
  createAligner,
  crossValidate,
  type GoldRow,
  goldExamples,
  trainModel,
  type UnitAlignment,
} from '@doichieu/align';
import { type Directive, type IngestedPlan, VERSION } from '@doichieu/core';
import type { AnalysedPlan, Analysis } from './analysis-schema.ts';

export interface AnalyseOptions {
  gold?: readonly GoldRow[];
  /** Skip the cross-validated evaluation (large corpora). */
  evaluate?: boolean;
}

export function analyse(
  directive: Directive,
  plans: readonly IngestedPlan[],
  options: AnalyseOptions = {},
): Analysis {
  const groups = directive.taskGroups.map((g) => g.id);
  const gold = options.gold ?? [];
  const planUnits = plans.map((p) => ({ planId: p.id, units: p.units }));
  const examples = goldExamples(planUnits, gold);
  const annotated = [...examples.values()].reduce((s, e) => s + e.length, 0);
  const supervised = annotated > 0;
  const fullModel: AlignModel | undefined = supervised
    ? trainModel(directive, [...examples.values()].flat())
    : undefined;
  const fullAligner = createAligner(directive, fullModel);
  const goldById = new Map(gold.filter((g) => g.status === 'unit').map((g) => [g.unitId, g.labels]));

  const analysed: AnalysedPlan[] = [];
  const coverage: Analysis['coverage'] = [];
  for (const plan of plans) {
    const own = examples.get(plan.id) ?? [];
    // A plan with annotations is labelled by a model trained on the other plans only.
    const heldOut = supervised && own.length > 0;
    const aligner = heldOut
      ? createAligner(
          directive,
          trainModel(
            directive,
            [...examples.entries()].filter(([id]) => id !== plan.id).flatMap(([, e]) => e),
          ),
        )
      : fullAligner;
    const model = heldOut ? 'held-out' : supervised ? 'full' : 'lexical';
    const alignments = new Map<string, UnitAlignment>();
    const units = plan.units.map((u) => {
      const a = aligner.align(u);
      alignments.set(u.id, a);
      const g = goldById.get(u.id);
      const { unitId: _unitId, ...rest } = a;
      return {
        ...u,
        alignment: { ...rest, model, ...(g ? { gold: g } : {}) },
      } as AnalysedPlan['units'][number];
    });
    coverage.push({ planId: plan.id, cells: coverageOfPlan(plan.units, plan.fields, alignments, groups) });
    analysed.push({
      id: plan.id,
      meta: plan.meta,
      source: plan.source,
      extracted: plan.extracted,
      stats: plan.stats,
      units,
      skipped: plan.skipped,
      fields: plan.fields,
      references: plan.references,
      messages: plan.messages,
    });
  }

  const evaluation =
    supervised && options.evaluate !== false
      ? (() => {
          const cv = crossValidate(directive, planUnits, gold);
          return {
            protocol: 'leave-one-plan-out' as const,
            engine: cv.engine,
            lexical: cv.lexical,
            baseline: cv.baseline,
          };
        })()
      : undefined;

  return {
    $schema: 'https://doichieu.invalid/schemas/analysis.schema.json',
    tool: { name: 'doichieu', version: VERSION },
    offsets: 'utf16',
    directive,
    method: {
      aligner: supervised ? 'supervised' : 'lexical',
      annotatedUnits: annotated,
      description: supervised
        ? 'One-vs-rest logistic regression over syllable 1-3-grams, directive-phrase scores of the unit and its heading, role and kind; trained on the annotated units of the other plans (leave-one-plan-out) for annotated plans, on all annotated units for the rest.'
        : "Directive phrases only: each group's characteristic phrases weighted by inverse group frequency and length.",
    },
    ...(evaluation ? { evaluation } : {}),
    plans: analysed,
    coverage,
  };
}
