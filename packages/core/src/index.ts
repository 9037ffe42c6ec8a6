export { DecodeError, decode, encodeLegacy } from './decode/index.ts';
export * from './extract/index.ts';
export { type IngestOptions, ingestPlan, ingestText } from './ingest.ts';
export {
  Box,
  DocumentLayout,
  LayoutLine,
  LayoutPage,
  StructureHint,
} from './layout-schema.ts';
export {
  canonicalToneEdits,
  isValidSyllable,
  type Lexicon,
  loadLexicon,
  OCR_DAMAGE_RULE,
  type OcrDamage,
  ocrRepair,
  ocrRepairEdits,
  ocrRepairReport,
} from './lexicon/index.ts';
export { locateUnits } from './locate.ts';
export {
  Directive,
  formatZodError,
  Manifest,
  PlanKind,
  PlanMeta,
  ProposedField,
  TaskGroup,
  ValueProvenance,
} from './manifest.ts';
export * from './model.ts';
export {
  type NormalisedText,
  type NormaliseOptions,
  normalise,
  type OcrDamageReport,
  unicodeEdits,
} from './normalise.ts';
export { ExtractedMeta, ExtractedValue, IngestedCorpus, IngestedPlan, PlanStats } from './plan-schema.ts';
export { headingPhrase, isConferencePlan, roleFromHeadings, roleOfHeading } from './roles.ts';
export { segment, skippedSpans, splitBlocks, tableCells } from './segment.ts';
export { fold, foldSameLength } from './text/fold.ts';
export { layoutEdits } from './text/layout.ts';
export { applyEdits, type MappedText, mappedFromSource, sourceSpan } from './text/mapped.ts';
export { parseMarker, startsWithFieldLabel } from './text/markers.ts';
export { forEachRun, hasTwoCapitals, type Run, runsOf, runTexts } from './text/runs.ts';
export { VERSION } from './version.ts';
