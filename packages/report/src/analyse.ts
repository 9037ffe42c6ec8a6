/**
 * Assembles analysis.json from ingested plans: alignment by the shipped model
 * (loaded, never trained here), coverage, the model's recorded
 * leave-one-plan-out figures, and the findings relative to the corpus.
 *
 * The pieces are separate so that the command line can stream a large corpus
 * plan by plan through worker threads: `prepareModels` once, `analysePlan`
 * per plan (anywhere), `analysisHead` and `analysisTail` around them.
 */
import {
  type AlignModel,
  coverageWithCharges,
  createAligner,
  fitsDirective,
  type GoldRow,
  loadShippedModel,
  type ShippedModel,
  type UnitAlignment,
  unitCharges,
} from '@doichieu/align';
import {
  checkDirectiveCitation,
  type Directive,
  directiveCheckMessage,
  type IngestedPlan,
  VERSION,
} from '@doichieu/core';
import {
  type CompareCorpusOptions,
  compareCorpus,
  corpusFindings,
  type DiffPlan,
  diffPlansFromAnalysis,
  type FindingsPiece,
  findingsJson,
} from '@doichieu/diff';
import { finishMeasures, profileBase } from '@doichieu/measures';
import type { AnalysedPlan, Analysis } from './analysis-schema.ts';

export interface AnalyseOptions {
  /** Hand labels to show beside the engine's; the engine does not learn from them. */
  gold?: readonly GoldRow[];
  /** Leave out the model's recorded evaluation figures. */
  evaluate?: boolean;
  /** The model that labels the units (default: the shipped one). */
  model?: ShippedModel;
  /** Skip the diff stage (additions, omissions, reuse, similarity). */
  diff?: boolean;
}

/** The diff stage's view of an analysed plan: its units with their labels, and the source for exact spans. */
export function diffPlanOf(plan: AnalysedPlan): DiffPlan {
  return diffPlansFromAnalysis([plan])[0]!;
}

/** Above this many plans analysis.json keeps reuse-only comparisons and shorter omission lists. */
const LARGE_CORPUS = 50;
/** Plans listed per omission in a large corpus (the count is kept). */
const CARRIED_BY_LISTED = 10;
/** Closest plans of the same level each plan is compared with in a large corpus. */
export const DEFAULT_PEERS = 3;

export interface FindingsSettings {
  /** Closest plans of the same level compared with each plan (large corpora; default 3). */
  peers?: number;
}

/**
 * The diff stage's settings for a corpus of `n` plans. In a large corpus each
 * plan is compared with the plans of the level above in its province and its
 * `peers` closest peers, for their shared passages (the closest peer in full:
 * paired units and word diffs; the others on demand, `doichieu diff A B`), and
 * an omission lists the first plans that carry it with their count: otherwise
 * the file grows with the square of the corpus.
 */
export function findingsOptions(n: number, settings: FindingsSettings = {}): CompareCorpusOptions {
  if (n <= LARGE_CORPUS) return settings.peers !== undefined ? { peers: settings.peers } : {};
  return {
    peers: settings.peers ?? DEFAULT_PEERS,
    fullPeers: 1,
    fullVertical: false,
    omissions: { carriedByListed: CARRIED_BY_LISTED },
  };
}

/** Findings of the diff stage over the whole corpus, in one object (see `findingsOptions`). */
export function computeFindings(
  directive: Directive,
  plans: readonly DiffPlan[],
  settings: FindingsSettings = {},
): Analysis['findings'] {
  return compareCorpus(directive, plans, findingsOptions(plans.length, settings));
}

/** The same findings as JSON text, chunk by chunk: a national corpus is written without being held. */
export function findingsJsonChunks(
  directive: Directive,
  plans: readonly DiffPlan[],
  settings: FindingsSettings = {},
  observe?: (piece: FindingsPiece) => void,
): Generator<string> {
  const pieces = corpusFindings(directive, plans, findingsOptions(plans.length, settings));
  return findingsJson(observe ? observed(pieces, observe) : pieces);
}

function* observed(
  pieces: Iterable<FindingsPiece>,
  observe: (piece: FindingsPiece) => void,
): Generator<FindingsPiece> {
  for (const piece of pieces) {
    observe(piece);
    yield piece;
  }
}

export type CoverageRow = Analysis['coverage'][number];

/**
 * The model every plan is labelled with: the shipped artefact (or one given with --model), the same
 * whatever the corpus; the lexical layer when the model was trained for another directive. Never trained here.
 */
export interface PreparedModels {
  model?: AlignModel;
  /** What produced the labels: the model's ref ("id@version#sha"), or "lexical". */
  ref: string;
  artefact?: ShippedModel['artefact'];
  /** Why the lexical layer labels units, when it does. */
  note?: string;
  /** Hand labels by unit id, shown beside the engine's (never learned from here). */
  gold: Record<string, string[]>;
}

export function prepareModels(
  directive: Directive,
  gold: readonly GoldRow[] = [],
  shipped: ShippedModel = loadShippedModel(),
): PreparedModels {
  const goldById = Object.fromEntries(
    gold.filter((g) => g.status === 'unit').map((g) => [g.unitId, g.labels]),
  );
  if (!fitsDirective(shipped, directive))
    return {
      ref: 'lexical',
      note: `the model ${shipped.ref} was trained for the task groups of ${shipped.artefact.directive.id}; this directive's differ, so the lexical layer (directive phrases only) labels the units`,
      gold: goldById,
    };
  return { model: shipped.model, ref: shipped.ref, artefact: shipped.artefact, gold: goldById };
}

/** Aligns one plan and computes its coverage row. Pure; depends on nothing but the plan and the model. */
export function analysePlan(
  directive: Directive,
  plan: IngestedPlan,
  models: PreparedModels,
  aligners: Map<string, ReturnType<typeof createAligner>> = new Map(),
): { plan: AnalysedPlan; coverage: CoverageRow } {
  const groups = directive.taskGroups.map((g) => g.id);
  let aligner = aligners.get(models.ref);
  if (!aligner) {
    aligner = createAligner(directive, models.model);
    aligners.set(models.ref, aligner);
  }
  const alignments = new Map<string, UnitAlignment>();
  const charges = unitCharges(plan.units, plan.fields);
  const units = plan.units.map((u) => {
    const { unitId: _unitId, ...rest } = aligner.align(u);
    alignments.set(u.id, { unitId: u.id, ...rest });
    const g = models.gold[u.id];
    const charge = rest.content ? charges.get(u.id) : undefined;
    return {
      ...u,
      alignment: { ...rest, model: models.ref, ...(g ? { gold: g } : {}) },
      ...(charge ? { charge } : {}),
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
      cells: coverageWithCharges(plan.units, alignments, groups, charges),
    },
  };
}

const RELATIVE_MEASURES =
  'Labels and coverage depend only on each plan and the model. Similarity, additions, omissions, reuse and keyness are relative: measured against the other plans of this analysis, listed in findings.plans.';

/** Everything of analysis.json that comes before the plans. */
export function analysisHead(
  directive: Directive,
  models: PreparedModels,
  evaluation?: Analysis['evaluation'],
): Omit<Analysis, 'plans' | 'coverage'> {
  const artefact = models.artefact;
  return {
    $schema: 'https://doichieu.invalid/schemas/analysis.schema.json',
    tool: { name: 'doichieu', version: VERSION },
    offsets: 'utf16',
    directive,
    method: {
      aligner: models.model ? 'supervised' : 'lexical',
      annotatedUnits: artefact?.trainedOn ?? 0,
      description: models.model
        ? 'One-vs-rest logistic regression over syllable 1-3-grams, directive-phrase scores of the unit and its heading, role and kind; one model, trained once on the annotated units of the bundled corpus and shipped with doichieu, labels every plan of every corpus.'
        : "Directive phrases only: each group's characteristic phrases weighted by inverse group frequency and length.",
      ...(artefact
        ? {
            model: {
              ref: models.ref,
              id: artefact.id,
              version: artefact.version,
              sha256: artefact.sha256,
              trainedOn: artefact.trainedOn,
              gold: artefact.gold,
              plans: artefact.plans.map((p) => p.id),
            },
          }
        : {}),
      ...(models.note ? { note: models.note } : {}),
      relativeMeasures: RELATIVE_MEASURES,
    },
    ...(evaluation ? { evaluation } : {}),
  };
}

/** The model's leave-one-plan-out figures, recorded when it was built (not recomputed on this corpus). */
export function evaluationOf(models: PreparedModels): Analysis['evaluation'] {
  const e = models.artefact?.evaluation;
  if (!models.model || !e) return undefined;
  return {
    protocol: e.protocol,
    model: models.ref,
    recorded: 'when the model was built, on its gold annotations; doichieu evaluate recomputes it',
    engine: e.engine,
    lexical: e.lexical,
    baseline: e.baseline,
  };
}

/** In memory, for notebooks and tests; the CLI streams the same pieces. */
export function analyse(
  directive: Directive,
  plans: readonly IngestedPlan[],
  options: AnalyseOptions = {},
): Analysis {
  const models = prepareModels(directive, options.gold ?? [], options.model);
  const aligners = new Map();
  const analysed = plans.map((p) => analysePlan(directive, p, models, aligners));
  const evaluation = options.evaluate !== false ? evaluationOf(models) : undefined;
  const findings =
    options.diff === false
      ? undefined
      : computeFindings(
          directive,
          analysed.map((a) => diffPlanOf(a.plan)),
        );
  const measures = finishMeasures(
    directive,
    analysed.map((a) => profileBase(a.plan, a.coverage.cells, directive)),
    findings,
  );
  return {
    ...analysisHead(directive, models, evaluation),
    plans: analysed.map((a) => a.plan),
    coverage: analysed.map((a) => a.coverage),
    ...(findings ? { findings } : {}),
    ...measures,
  };
}
