/**
 * Plans that do not cite the directive analysed: their coverage is shown,
 * marked, and never counted in corpus totals.
 */
import type { AnalysedPlan, Analysis } from './analysis-schema.ts';

type CoverageRow = Analysis['coverage'][number];

/** A row counts in corpus totals when its plan cites the directive (or predates the check). */
export function countsInTotals(row: Pick<CoverageRow, 'directive'>): boolean {
  return row.directive === undefined || row.directive === 'cites';
}

/** Plans whose directive check is not `cites`, in corpus order. */
export function plansNotCiting(analysis: Pick<Analysis, 'plans'>): AnalysedPlan[] {
  return analysis.plans.filter((p) => p.directiveCheck !== undefined && p.directiveCheck.status !== 'cites');
}

/** "57-NQ/TW (2024-12-22), 14-CT/TW": what a plan cites instead, for reports and tables. */
export function citedInsteadText(plan: Pick<AnalysedPlan, 'directiveCheck'>, max = 3): string {
  return (plan.directiveCheck?.citesInstead ?? [])
    .slice(0, max)
    .map((c) => (c.date ? `${c.number} (${c.date})` : c.number))
    .join(', ');
}
