export { type Agreement, agreement, cohensKappa } from './agreement.ts';
export { type BaselineScorer, createBaseline } from './baseline.ts';
export {
  type ChargeEvidence,
  type ChargeReason,
  type CoverageCell,
  type CoverageStatus,
  coverageOfPlan,
  coverageWithCharges,
  operationalUnitIds,
  type UnitCharge,
  unitCharges,
} from './coverage.ts';
export {
  type CrossValidation,
  crossValidate,
  goldExamples,
  type HeldOutSet,
  heldOutSets,
  type PlanUnits,
} from './crossval.ts';
export { buildDirectiveLexicon, type DirectiveLexicon, scoreWithDirective } from './directive-scorer.ts';
export {
  type Aligner,
  type AlignModel,
  createAligner,
  type Evidence,
  isContentUnit,
  LABEL_THRESHOLD,
  type TrainingExample,
  trainModel,
  type UnitAlignment,
} from './engine.ts';
export { type Evaluation, evaluate, type GroupMetrics, type LabelledPair } from './evaluate.ts';
export { contentText, FEATURE_SETTINGS, unitFeatures } from './features.ts';
export { GoldFormatError, type GoldRow, parseGold } from './gold.ts';
export {
  directiveFingerprint,
  fitsDirective,
  fromArtefact,
  MODEL_FORMAT,
  MODEL_VERSION,
  ModelArtefact,
  ModelEvaluation,
  ModelFormatError,
  type ModelProvenance,
  type ShippedModel,
  serialiseArtefact,
  sha256Hex,
  stableStringify,
  toArtefact,
} from './model-artefact.ts';
export { loadShippedModel, SHIPPED_MODEL_PATH } from './shipped-model.ts';
export { countSequence, ngrams, syllables } from './tokens.ts';
