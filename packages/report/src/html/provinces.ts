/**
 * The large-corpus report's model: plans grouped by province (the province's
 * own plans, then its districts'), a roll-up of each province's coverage,
 * and each province's top findings. Pure; the same order on every machine.
 */
import type { AnalysedPlan } from '../analysis-schema.ts';
import { countsInTotals } from '../directive-status.ts';
import {
  type AnalysisInput,
  type ComparisonView,
  findingsOf,
  type OmissionView,
} from '../export/findings.ts';
import { type ReportLang, rt } from './i18n.ts';
import { cmp, planName, planNameInProvince, type RankedCluster, reportAdditions } from './model.ts';

/** Above this many plans the report is a summary with a section per province (see `reportLayout`). */
export const DETAIL_LIMIT = 40;

export type ReportLayout = 'detail' | 'summary';

export function reportLayout(analysis: Pick<AnalysisInput, 'plans'>, layout?: ReportLayout): ReportLayout {
  return layout ?? (analysis.plans.length > DETAIL_LIMIT ? 'summary' : 'detail');
}

export interface GroupTotal {
  group: string;
  /** Counted plans (citing the directive) that operationalise the group. */
  operationalised: number;
  /** Counted plans that carry it at all. */
  carried: number;
}

export interface ProvinceSummary {
  /** Anchor id, by position: "province-1", … */
  anchor: string;
  name: string;
  plans: AnalysedPlan[];
  /** Plans counted in totals (they cite the directive). */
  counted: number;
  totals: GroupTotal[];
  topAdditions: (RankedCluster & { planName: string })[];
  topOmissions: { group: string; label: string; plans: number; inDirective: boolean }[];
  topPairs: (ComparisonView & { nameA: string; nameB: string })[];
}

const LEVEL_ORDER: Record<string, number> = { central: 0, province: 1, district: 2, commune: 3 };
const known = (s: string | undefined) => (s && s !== 'unknown' ? s : undefined);

/** Provinces in Vietnamese alphabetical order (a fixed collation, so the order is the same everywhere). */
const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** One province's plans and coverage totals, without its findings (cheap at any size). */
export interface ProvinceCoverage {
  /** The manifest's province, '' when unknown. */
  province: string;
  /** Anchor id, by position: "province-1", … */
  anchor: string;
  name: string;
  plans: AnalysedPlan[];
  /** Coverage rows of the plans counted in totals (they cite the directive). */
  countedRows: AnalysisInput['coverage'];
  counted: number;
  totals: GroupTotal[];
}

/**
 * Plans grouped by province in Vietnamese alphabetical order (unknown last),
 * each province's own plans before its districts', with coverage totals
 * over the plans that cite the directive.
 */
export function provinceCoverage(
  analysis: Pick<AnalysisInput, 'plans' | 'coverage' | 'directive'>,
  lang: ReportLang,
): ProvinceCoverage[] {
  const groups = analysis.directive.taskGroups.map((g) => g.id);
  const coverage = new Map(analysis.coverage.map((c) => [c.planId, c]));
  const byProvince = new Map<string, AnalysedPlan[]>();
  for (const plan of analysis.plans) {
    const key = known(plan.meta.province) ?? '';
    const list = byProvince.get(key) ?? [];
    list.push(plan);
    byProvince.set(key, list);
  }
  const shortNames = new Map(analysis.plans.map((p) => [p.id, planNameInProvince(p, lang)]));
  const provinces = [...byProvince.keys()].sort((a, b) =>
    a === '' ? 1 : b === '' ? -1 : collator.compare(a, b) || cmp(a, b),
  );
  return provinces.map((province, i) => {
    const plans = [...byProvince.get(province)!].sort(
      (a, b) =>
        (LEVEL_ORDER[a.meta.level] ?? 9) - (LEVEL_ORDER[b.meta.level] ?? 9) ||
        collator.compare(shortNames.get(a.id)!, shortNames.get(b.id)!) ||
        cmp(a.id, b.id),
    );
    const rows = plans.map((p) => coverage.get(p.id)).filter((r) => r !== undefined);
    const counted = rows.filter(countsInTotals);
    const totals = groups.map((g) => ({
      group: g,
      operationalised: counted.filter((r) =>
        r.cells.some((c) => c.group === g && c.status === 'operationalised'),
      ).length,
      carried: counted.filter((r) => r.cells.some((c) => c.group === g && c.status !== 'absent')).length,
    }));
    return {
      province,
      anchor: `province-${i + 1}`,
      name: province || rt(lang, 'noProvince'),
      plans,
      countedRows: counted,
      counted: counted.length,
      totals,
    };
  });
}

export function provinceSummaries(
  analysis: AnalysisInput,
  lang: ReportLang,
  top = { additions: 5, omissions: 5, pairs: 3 },
): ProvinceSummary[] {
  const findings = findingsOf(analysis);
  const additionsByPlan = new Map(
    reportAdditions(analysis, top.additions).map((a) => [a.planId, a.clusters]),
  );
  const omissionsByPlan = new Map<string, OmissionView[]>();
  for (const o of findings?.omissions ?? []) {
    const list = omissionsByPlan.get(o.planId) ?? [];
    list.push(o);
    omissionsByPlan.set(o.planId, list);
  }
  const comparisonsByPlan = new Map<string, ComparisonView[]>();
  for (const c of findings?.comparisons ?? [])
    for (const id of c.a === c.b ? [c.a] : [c.a, c.b]) {
      const list = comparisonsByPlan.get(id) ?? [];
      list.push(c);
      comparisonsByPlan.set(id, list);
    }
  const names = new Map(analysis.plans.map((p) => [p.id, planName(p, lang)]));
  return provinceCoverage(analysis, lang).map(({ anchor, name, plans, countedRows: counted, totals }) => {
    const topAdditions = plans
      .flatMap((p) => (additionsByPlan.get(p.id) ?? []).map((r) => ({ ...r, planName: names.get(p.id)! })))
      .sort(
        (a, b) =>
          (b.cluster.specificity ?? 0) - (a.cluster.specificity ?? 0) ||
          a.rank - b.rank ||
          cmp(a.cluster.id, b.cluster.id),
      )
      .slice(0, top.additions);
    const elements = new Map<string, { group: string; label: string; plans: number; inDirective: boolean }>();
    // What a plan that does not implement the directive leaves out of it is no omission: counted plans only.
    for (const row of counted)
      for (const o of omissionsByPlan.get(row.planId) ?? []) {
        const key = `${o.group}\u0000${o.label}`;
        const e = elements.get(key) ?? {
          group: o.group,
          label: o.label,
          plans: 0,
          inDirective: o.inDirective,
        };
        e.plans++;
        elements.set(key, e);
      }
    const topOmissions = [...elements.values()]
      .sort((a, b) => b.plans - a.plans || cmp(a.group, b.group) || cmp(a.label, b.label))
      .slice(0, top.omissions);
    const seen = new Set<ComparisonView>();
    const pairs: ComparisonView[] = [];
    for (const p of plans)
      for (const c of comparisonsByPlan.get(p.id) ?? [])
        if (!seen.has(c)) {
          seen.add(c);
          pairs.push(c);
        }
    const topPairs = pairs
      .sort((a, b) => b.similarity - a.similarity || cmp(a.a, b.a) || cmp(a.b, b.b))
      .slice(0, top.pairs)
      .map((c) => ({ ...c, nameA: names.get(c.a) ?? c.a, nameB: names.get(c.b) ?? c.b }));
    return {
      anchor,
      name,
      plans,
      counted: counted.length,
      totals,
      topAdditions,
      topOmissions,
      topPairs,
    };
  });
}
