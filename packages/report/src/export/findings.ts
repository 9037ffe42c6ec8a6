/**
 * The diff stage's `findings` as the exports and the report read them (the
 * types are the diff package's). `findings` is optional in analysis.json;
 * where it is absent the outputs say "not available" and the CSVs have
 * headers only.
 */
import type {
  AdditionCluster,
  Findings,
  Omission,
  PassageRef,
  PlanComparison,
  ReusePassage,
  UnitPair,
  WeightedTerm,
} from '@doichieu/diff';
import type { Analysis } from '../analysis-schema.ts';

export type WeightedTermView = WeightedTerm;
export type PassageView = PassageRef;
export type AdditionView = AdditionCluster;
export type OmissionView = Omission;
export type UnitPairView = UnitPair;
export type ReuseView = ReusePassage;
export type ComparisonView = PlanComparison;
export type KeynessView = Findings['keyness'][number];
export type FindingsView = Findings;

/** analysis.json as the outputs read it: `findings` is optional. */
export type AnalysisInput = Analysis & { findings?: FindingsView | undefined };

/** The findings of an analysis, or undefined when the diff stage did not run. */
export function findingsOf(analysis: AnalysisInput): FindingsView | undefined {
  const f = (analysis as { findings?: unknown }).findings;
  return f && typeof f === 'object' ? (f as FindingsView) : undefined;
}
