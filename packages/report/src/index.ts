export {
  type AnalyseOptions,
  analyse,
  analysePlan,
  analysisHead,
  type CoverageRow,
  computeFindings,
  diffPlanOf,
  evaluationOf,
  type PreparedModels,
  prepareModels,
} from './analyse.ts';
export * from './analysis-schema.ts';
export { citedInsteadText, countsInTotals, plansNotCiting } from './directive-status.ts';
export * from './outputs.ts';
