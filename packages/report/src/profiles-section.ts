/**
 * The report's "Implementation profiles" section, shared by the HTML and
 * Markdown reports: one row per plan (lag, restated and own shares, textual
 * learning, depth per task group) and the citation checks. At most
 * `PROFILE_ROWS` plans in the text; all of them are in plan-level.csv.
 */
import type { AnalysisInput } from './export/findings.ts';
import { profilesOf } from './export/tidy.ts';

export const PROFILE_ROWS = 60;

const pct = (x: number | undefined): string => (x === undefined ? '—' : `${Math.round(x * 100)}%`);

export interface ProfileRows {
  header: string[];
  rows: string[][];
  /** Plans left out of the table (the CSV has them). */
  more: number;
  checks: { planId: string; message: string; where: string }[];
}

export function profileRows(analysis: AnalysisInput): ProfileRows {
  const groups = analysis.directive.taskGroups.map((g) => g.id);
  const profiles = profilesOf(analysis);
  const header = [
    'plan',
    'lag (days)',
    'restated',
    'own',
    'vertical',
    'horizontal',
    'boilerplate',
    ...groups.map((g) => `${g} depth`),
  ];
  const rows = profiles.slice(0, PROFILE_ROWS).map((p) => {
    const d = p.lag.directive.days;
    return [
      p.planId,
      d ? (d.min === d.max ? String(d.min) : `${d.min}–${d.max}`) : 'unknown',
      pct(p.reiteration.plan.restated),
      pct(p.reiteration.plan.own),
      pct(p.learning?.shares.vertical),
      pct(p.learning?.shares.horizontal),
      pct(p.learning?.shares.boilerplate),
      ...groups.map((g) => String(p.specificity.find((s) => s.group === g)?.depth ?? '—')),
    ];
  });
  const checks = (analysis.citations?.checks ?? []).slice(0, 40).map((c) => ({
    planId: c.planId,
    message: c.message,
    where: c.evidence.map((e) => `${e.unitId} [${e.span[0]}–${e.span[1]}]`).join(', '),
  }));
  return { header, rows, more: Math.max(0, profiles.length - PROFILE_ROWS), checks };
}

export const PROFILE_NOTE =
  'Lag: days from the directive to the plan (an interval where only the month is known). Restated / own: share of the content restating the directive / the plan’s own. Vertical / horizontal / boilerplate: share reused from the level above in its province, from other provinces, from the common restatement. Depth per group: 0 absent, 1 mentioned, 2 tasks, 3 with a named agency, 4 with an agency and a deadline. Definitions: docs/measures.md; every figure with its units: doichieu profile PLAN.';
