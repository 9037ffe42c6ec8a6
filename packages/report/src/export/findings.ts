/**
 * The part of the diff stage's `findings` (packages/diff/src/schema.ts,
 * zod `Findings`) that the exports and the report read. Written as plain
 * structural types so this package does not depend on the diff package: a
 * full `Findings` value is assignable to `FindingsView` (a test checks it
 * against the real schema). `findings` is optional in analysis.json; where it
 * is absent the outputs say "not available" and the CSVs have headers only.
 */
import type { Analysis } from '../analysis-schema.ts';

export interface WeightedTermView {
  term: string;
  weight: number;
}

export interface PassageView {
  planId: string;
  unitId: string;
  span: readonly [number, number] | number[];
  text: string;
}

export interface AdditionView {
  id: string;
  planId: string;
  group: string | null;
  label: string;
  keyTerms: WeightedTermView[];
  passages: PassageView[];
  novelty: number;
}

export interface OmissionView {
  planId: string;
  group: string;
  label: string;
  keyTerms: WeightedTermView[];
  carriedBy: string[];
  inDirective: boolean;
  examples: PassageView[];
}

export interface UnitPairView {
  group: string;
  a: PassageView;
  b: PassageView;
  similarity: number;
  matchedTerms: string[];
  diff?: { op: 'equal' | 'removed' | 'added'; text: string }[];
}

export interface ReuseView {
  a: PassageView;
  b: PassageView;
  tokens: number;
  text: string;
}

export interface ComparisonView {
  a: string;
  b: string;
  similarity: number;
  pairs: UnitPairView[];
  reuse: ReuseView[];
  onlyInA: PassageView[];
  onlyInB: PassageView[];
}

export interface KeynessView {
  planId: string;
  terms: { term: string; g2: number; countInPlan: number; countInRest: number }[];
}

export interface FindingsView {
  plans: string[];
  similarity: number[][];
  keyness: KeynessView[];
  additions: AdditionView[];
  omissions: OmissionView[];
  comparisons: ComparisonView[];
  /** How each finding was computed, in words. */
  method?: {
    similarity: string;
    candidates: string;
    additions: string;
    omissions: string;
    reuse: string;
    keyness: string;
  };
}

/** analysis.json as the outputs read it: `findings` is optional. */
export type AnalysisInput = Analysis & { findings?: FindingsView | undefined };

/** The findings of an analysis, or undefined when the diff stage did not run. */
export function findingsOf(analysis: AnalysisInput): FindingsView | undefined {
  const f = (analysis as { findings?: unknown }).findings;
  return f && typeof f === 'object' ? (f as FindingsView) : undefined;
}
