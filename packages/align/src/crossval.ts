/**
 * Honest figures: anything learned is scored on plans it was not trained on
 * (leave one plan out), never on its own training units.
 */
import type { Directive, Unit } from '@doichieu/core';
import { createBaseline } from './baseline.ts';
import { createAligner, type TrainingExample, trainModel } from './engine.ts';
import { type Evaluation, evaluate, type LabelledPair } from './evaluate.ts';
import type { GoldRow } from './gold.ts';

export interface PlanUnits {
  planId: string;
  units: Unit[];
}

export interface CrossValidation {
  engine: Evaluation;
  lexical: Evaluation;
  baseline: Evaluation;
  perPlan: { planId: string; units: number; engine: Evaluation }[];
  /** Gold units whose unit id no longer exists in the ingested corpus. */
  unmatched: string[];
  predictions: Map<string, string[]>;
}

export function goldExamples(
  plans: readonly PlanUnits[],
  gold: readonly GoldRow[],
): Map<string, TrainingExample[]> {
  const byId = new Map(gold.filter((g) => g.status === 'unit').map((g) => [g.unitId, g]));
  const out = new Map<string, TrainingExample[]>();
  for (const p of plans) {
    const examples: TrainingExample[] = [];
    for (const u of p.units) {
      const g = byId.get(u.id);
      if (g) examples.push({ unit: u, labels: g.labels });
    }
    out.set(p.planId, examples);
  }
  return out;
}

/**
 * Leave-one-plan-out: each plan labelled by a model trained on the other plans' `gold`, scored
 * against `reference` (default: `gold` itself; another annotator's labels to see how the engine
 * fares with a reader it never learned from).
 */
export function crossValidate(
  directive: Directive,
  plans: readonly PlanUnits[],
  gold: readonly GoldRow[],
  reference: readonly GoldRow[] = gold,
): CrossValidation {
  const groups = directive.taskGroups.map((g) => g.id);
  const labelled = reference.filter((g) => g.status === 'unit');
  const known = new Set(plans.flatMap((p) => p.units.map((u) => u.id)));
  const unmatched = labelled.filter((g) => !known.has(g.unitId)).map((g) => g.unitId);
  const byPlan = goldExamples(plans, gold);
  const goldById = new Map(labelled.map((g) => [g.unitId, g.labels]));
  const engine: LabelledPair[] = [];
  const lexical: LabelledPair[] = [];
  const baseline: LabelledPair[] = [];
  const perPlan: CrossValidation['perPlan'] = [];
  const predictions = new Map<string, string[]>();
  const lexicalAligner = createAligner(directive);
  const base = createBaseline(
    directive,
    plans.flatMap((p) => p.units.map((u) => u.text)),
  );
  for (const held of plans) {
    const training = plans.filter((p) => p.planId !== held.planId).flatMap((p) => byPlan.get(p.planId) ?? []);
    const aligner = createAligner(directive, trainModel(directive, training));
    const pairs: LabelledPair[] = [];
    for (const u of held.units) {
      const g = goldById.get(u.id);
      if (!g) continue;
      const predicted = aligner.align(u).labels;
      predictions.set(u.id, predicted);
      pairs.push({ gold: g, predicted });
      lexical.push({ gold: g, predicted: lexicalAligner.align(u).labels });
      baseline.push({ gold: g, predicted: base.label(u) });
    }
    engine.push(...pairs);
    if (pairs.length)
      perPlan.push({ planId: held.planId, units: pairs.length, engine: evaluate(pairs, groups) });
  }
  return {
    engine: evaluate(engine, groups),
    lexical: evaluate(lexical, groups),
    baseline: evaluate(baseline, groups),
    perPlan,
    unmatched,
    predictions,
  };
}
