export { type AnalyseOptions, analyse } from './analyse.ts';
export * from './analysis-schema.ts';
