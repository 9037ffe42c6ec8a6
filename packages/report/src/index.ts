export {
  type AnalyseOptions,
  analyse,
  analysePlan,
  analysisHead,
  type CoverageRow,
  computeFindings,
  DEFAULT_PEERS,
  diffPlanOf,
  evaluationOf,
  type FindingsSettings,
  findingsJsonChunks,
  findingsOptions,
  type PreparedModels,
  prepareModels,
} from './analyse.ts';
export * from './analysis-schema.ts';
export {
  citedInsteadText,
  countsInTotals,
  coverageTotals,
  type NotCitingNotice,
  notCitingNotice,
  plansNotCiting,
} from './directive-status.ts';
export * from './export/tidy.ts';
export * from './outputs.ts';
