/**
 * The heatmap's share of an analysis: directive, method, plan metadata and
 * coverage, with plan texts and units left out. Written next to
 * analysis.json as analysis.summary.json by scripts/view.ts, it lets the
 * viewer draw the heatmap before the full analysis (megabytes for hundreds
 * of plans) has arrived. The full analysis always replaces it.
 */
import type { Analysis } from './types.ts';

export const SUMMARY_FILE = 'analysis.summary.json';

/** The analysis without texts, units, fields, references, messages and findings (an `Analysis` still). */
export function summarise(analysis: Analysis): Analysis {
  const { findings: _findings, evaluation: _evaluation, ...rest } = analysis;
  return {
    ...rest,
    plans: analysis.plans.map((p) => ({
      ...p,
      source: { ...p.source, text: '' },
      units: [],
      skipped: [],
      fields: [],
      references: [],
      messages: [],
    })),
  };
}

/** Whether an analysis is a summary (its plans carry no units). */
export function isSummary(analysis: Analysis): boolean {
  return (
    analysis.plans.length > 0 && analysis.plans.every((p) => p.units.length === 0 && p.source.text === '')
  );
}
