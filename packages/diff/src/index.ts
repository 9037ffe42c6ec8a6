export {
  type AdditionOptions,
  type AdditionPassage,
  additionsByPlan,
  clusterAdditions,
  coverageIndex,
  findAdditions,
  unitAdditions,
} from './additions.ts';
export {
  type BoilerplateOptions,
  boilerplateMarker,
  citationText,
  commonGrams,
  markBoilerplate,
} from './boilerplate.ts';
export { type Candidate, type CandidateOptions, candidatePairs, lshNeighbours } from './candidates.ts';
export { type CompareOptions, comparePrepared, planShingles, unitSimilarities } from './compare.ts';
export {
  type CompareCorpusOptions,
  compareCorpus,
  corpusFindings,
  directiveTexts,
  type FindingsPiece,
  findingsJson,
} from './corpus.ts';
export {
  type DiffPart,
  type DiffUnitsOptions,
  diffTokens,
  diffUnits,
  formatDiff,
  type UnitDiff,
} from './diff-units.ts';
export { type AnalysedPlanLike, diffPlansFromAnalysis } from './from-analysis.ts';
export { forEachTerm, type TermTable, termTable } from './grams.ts';
export { type KeynessOptions, type KeynessTerm, keyness, keynessByDoc, logLikelihood } from './keyness.ts';
export { estimateJaccard, hash32, lshBuckets, minhash } from './minhash.ts';
export {
  findOmissions,
  type GroupElement,
  groupElements,
  type OmissionOptions,
  omissionsByPlan,
} from './omissions.ts';
export { comparePlans, findReuse } from './pairwise.ts';
export { type PlaceNames, placeNames } from './places.ts';
export {
  isEligible,
  type PreparedCorpus,
  type PreparedPlan,
  type PreparedUnit,
  prepareCorpus,
  preparePlan,
} from './prepare.ts';
export { planAdditions, rankedAdditions, topAdditions } from './ranking.ts';
export { findReuseMatches, type ReuseMatch, type ReuseOptions } from './reuse.ts';
export * from './schema.ts';
export { cosine, gramCounts, jaccard, type SparseVector, sharedTerms, vectorOf } from './similarity.ts';
export { passageRef } from './spans.ts';
export { isFunctionWord, type KeyTerm, keyTerms, labelOf } from './terms.ts';
export {
  gramIds,
  gramKey,
  sliceText,
  syllableOffsets,
  type TokenSeq,
  termText,
  tokenize,
  Vocabulary,
} from './tokens.ts';
export { BOILERPLATE_ROLES, type DiffPlan, type DiffUnit, round4, withUnitSources } from './types.ts';
