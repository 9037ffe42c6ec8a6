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

export interface NotCitingNotice {
  /** Plans counted in corpus totals (they cite the directive, or predate the check). */
  counted: number;
  flagged: { id: string; status: 'cites-confusable' | 'no-citation'; citesInstead: string }[];
}

export function notCitingNotice(analysis: Pick<Analysis, 'plans' | 'coverage'>): NotCitingNotice {
  const flagged = plansNotCiting(analysis).map((p) => ({
    id: p.id,
    status: p.directiveCheck!.status as 'cites-confusable' | 'no-citation',
    citesInstead: citedInsteadText(p),
  }));
  return { counted: analysis.plans.length - flagged.length, flagged };
}

/** Per-group totals over the counted rows: plans that operationalise the group, and plans that carry it at all. */
export function coverageTotals(
  analysis: Pick<Analysis, 'coverage' | 'directive'>,
): { group: string; operationalised: number; carried: number }[] {
  const counted = analysis.coverage.filter(countsInTotals);
  return analysis.directive.taskGroups.map((g) => ({
    group: g.id,
    operationalised: counted.filter((r) =>
      r.cells.some((c) => c.group === g.id && c.status === 'operationalised'),
    ).length,
    carried: counted.filter((r) => r.cells.some((c) => c.group === g.id && c.status !== 'absent')).length,
  }));
}
