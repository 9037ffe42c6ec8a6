/**
 * Builds the supervised layer's artefact from the gold annotations: the bundled
 * corpus's, plus those of any corpus the user adds. The full model learns from
 * every annotated unit; the leave-one-plan-out figures recorded with it come
 * from held-out models trained in parallel (`trainModels`).
 */
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import {
  crossValidate,
  directiveFingerprint,
  type GoldRow,
  goldExamples,
  heldOutSets,
  type ModelArtefact,
  type ModelEvaluation,
  type PlanUnits,
  serialiseArtefact,
  sha256Hex,
  toArtefact,
} from '@doichieu/align';
import { type Directive, type IngestedPlan, ingestPlan, loadLexicon } from '@doichieu/core';
import { UserError } from './errors.ts';
import { loadCorpus, loadGold, readPlanBytes } from './io.ts';
import { trainModels } from './train-pool.ts';

export interface BuildModelOptions {
  /** The corpus whose directive and gold the model is built for (the bundled one). */
  corpusDir: string;
  /** Further corpus folders whose manifests name a gold file: their annotations are added. */
  extraCorpora?: readonly string[];
  /** Paths in the artefact are written relative to this folder (the repository). */
  root: string;
  threads?: number;
}

export interface BuiltModel {
  artefact: ModelArtefact;
  text: string;
  directive: Directive;
}

interface AnnotatedCorpus {
  plans: { plan: IngestedPlan; sha256: string }[];
  gold: GoldRow[];
  goldEntry: ModelArtefact['gold'][number];
}

const posix = (path: string): string => path.split(sep).join('/');

function annotatedCorpus(
  dir: string,
  root: string,
  directive?: Directive,
): AnnotatedCorpus & { directive: Directive } {
  const corpus = loadCorpus(dir);
  if (directive && directiveFingerprint(corpus.directive) !== directiveFingerprint(directive))
    throw new UserError(
      `${corpus.manifestPath}: its directive's task groups differ from ${directive.id}'s; a model learns one directive`,
    );
  const gold = loadGold(corpus);
  if (!gold) throw new UserError(`${corpus.manifestPath}: no "gold" annotations file named in the manifest`);
  const annotated = new Set(gold.rows.map((g) => g.planId));
  const lexicon = loadLexicon();
  const plans = corpus.manifest.plans
    .filter((m) => annotated.has(m.id))
    .map((meta) => {
      const bytes = readPlanBytes(corpus, meta);
      return { plan: ingestPlan(bytes, meta, { lexicon }), sha256: sha256Hex(bytes) };
    });
  const rel = posix(relative(root, gold.path));
  return {
    directive: corpus.directive,
    plans,
    gold: gold.rows,
    goldEntry: {
      path: rel.startsWith('..') ? posix(gold.path).split('/').slice(-2).join('/') : rel,
      sha256: sha256Hex(readFileSync(gold.path)),
      labelledUnits: gold.rows.filter((g) => g.status === 'unit').length,
    },
  };
}

function modelId(directive: Directive): string {
  return `doichieu-align-${directive.id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}

export async function buildModel(options: BuildModelOptions): Promise<BuiltModel> {
  const base = annotatedCorpus(resolve(options.corpusDir), options.root);
  const { directive } = base;
  const corpora: AnnotatedCorpus[] = [
    base,
    ...(options.extraCorpora ?? []).map((d) => annotatedCorpus(resolve(d), options.root, directive)),
  ];
  const seen = new Set<string>();
  for (const c of corpora)
    for (const { plan } of c.plans) {
      if (seen.has(plan.id)) throw new UserError(`plan id ${plan.id} is in two of the annotated corpora`);
      seen.add(plan.id);
    }
  const plans: PlanUnits[] = corpora.flatMap((c) =>
    c.plans.map(({ plan }) => ({ planId: plan.id, units: plan.units })),
  );
  const gold = corpora.flatMap((c) => c.gold);
  const examples = goldExamples(plans, gold);
  const all = [...examples.values()].flat();
  if (all.length === 0)
    throw new UserError('no annotated unit matches a unit of the corpus: nothing to learn from');

  // The full model and the held-out ones are independent: train them all at once.
  const sets = heldOutSets(plans, gold);
  const models = await trainModels(
    directive,
    [{ key: '', examples: all }, ...sets.map((s) => ({ key: s.planId, examples: s.examples }))],
    options.threads,
  );
  const full = models.get('')!;
  models.delete('');
  const cv = crossValidate(directive, plans, gold, gold, models);
  const evaluation: ModelEvaluation = {
    protocol: 'leave-one-plan-out',
    engine: cv.engine,
    lexical: cv.lexical,
    baseline: cv.baseline,
    perPlan: cv.perPlan.map((p) => ({
      planId: p.planId,
      units: p.units,
      macroF1: p.engine.macroF1,
      microF1: p.engine.microF1,
      exactMatch: p.engine.exactMatch,
    })),
  };
  const artefact = toArtefact(full, {
    id: modelId(directive),
    directive,
    gold: corpora.map((c) => c.goldEntry),
    plans: corpora.flatMap((c) =>
      c.plans
        .map(({ plan, sha256 }) => ({ id: plan.id, sha256, units: examples.get(plan.id)?.length ?? 0 }))
        .filter((p) => p.units > 0),
    ),
    evaluation,
  });
  return { artefact, text: serialiseArtefact(artefact), directive };
}
