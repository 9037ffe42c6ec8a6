/**
 * Honest figures: anything learned is scored on plans it was not trained on
 * (leave one plan out), never on its own training units.
 */
import type { Directive, Unit } from '@doichieu/core';
import { createBaseline } from './baseline.ts';
import { type AlignModel, createAligner, type TrainingExample, trainModel } from './engine.ts';
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
  /** The held-out model of each plan. */
  models: Map<string, AlignModel>;
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

/** One held-out model to train: every plan's gold examples except those of `planId`. */
export interface HeldOutSet {
  planId: string;
  examples: TrainingExample[];
}

/** The training sets of leave-one-plan-out, one per plan that has units in `reference`. */
export function heldOutSets(
  plans: readonly PlanUnits[],
  gold: readonly GoldRow[],
  reference: readonly GoldRow[] = gold,
): HeldOutSet[] {
  const byPlan = goldExamples(plans, gold);
  const scored = new Set(reference.filter((g) => g.status === 'unit').map((g) => g.unitId));
  return plans
    .filter((held) => held.units.some((u) => scored.has(u.id)))
    .map((held) => ({
      planId: held.planId,
      examples: plans.filter((p) => p.planId !== held.planId).flatMap((p) => byPlan.get(p.planId) ?? []),
    }));
}

/**
 * Leave-one-plan-out: each plan labelled by a model trained on the other plans' `gold`, scored
 * against `reference` (default: `gold` itself; another annotator's labels to see how the engine
 * fares with a reader it never learned from). `heldOut` gives the models already trained (in
 * parallel, by the caller) for the sets of `heldOutSets`; the missing ones are trained here.
 */
export function crossValidate(
  directive: Directive,
  plans: readonly PlanUnits[],
  gold: readonly GoldRow[],
  reference: readonly GoldRow[] = gold,
  heldOut: ReadonlyMap<string, AlignModel> = new Map(),
): CrossValidation {
  const groups = directive.taskGroups.map((g) => g.id);
  const labelled = reference.filter((g) => g.status === 'unit');
  const known = new Set(plans.flatMap((p) => p.units.map((u) => u.id)));
  const unmatched = labelled.filter((g) => !known.has(g.unitId)).map((g) => g.unitId);
  const sets = new Map(heldOutSets(plans, gold, reference).map((s) => [s.planId, s.examples]));
  const goldById = new Map(labelled.map((g) => [g.unitId, g.labels]));
  const engine: LabelledPair[] = [];
  const lexical: LabelledPair[] = [];
  const baseline: LabelledPair[] = [];
  const perPlan: CrossValidation['perPlan'] = [];
  const predictions = new Map<string, string[]>();
  const models = new Map<string, AlignModel>();
  const lexicalAligner = createAligner(directive);
  const base = createBaseline(
    directive,
    plans.flatMap((p) => p.units.map((u) => u.text)),
  );
  for (const held of plans) {
    const training = sets.get(held.planId);
    if (!training) continue;
    const model = heldOut.get(held.planId) ?? trainModel(directive, training);
    models.set(held.planId, model);
    const aligner = createAligner(directive, model);
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
    models,
  };
}
