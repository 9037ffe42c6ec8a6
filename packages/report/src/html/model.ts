/**
 * What both report renderers (HTML and Markdown) show, computed once from
 * analysis.json: readable plan names, per-plan summaries, the findings
 * sections. Pure.
 */

import { describeCited, notCitingReason } from '@doichieu/core';
import { rankedAdditions } from '@doichieu/diff';
import type { AnalysedPlan } from '../analysis-schema.ts';
import { notCitingNotice } from '../directive-status.ts';
import {
  type AdditionView,
  type AnalysisInput,
  type FindingsView,
  findingsOf,
  type OmissionView,
  type ReuseView,
} from '../export/findings.ts';
import { DEFAULT_REPORT_LANG, kindName, levelName, type ReportLang, rt, rtn } from './i18n.ts';

export const STATUS_MARK = { operationalised: '●', mentioned: '○', absent: '·' } as const;
export type Status = keyof typeof STATUS_MARK;
export const STATUSES: readonly Status[] = ['operationalised', 'mentioned', 'absent'];

/** "đã cụ thể hóa thành nhiệm vụ: có nhiệm vụ với …": a status and what it means. */
export const statusText = (lang: ReportLang, status: Status) => rt(lang, `statusLong.${status}`);

const known = (s: string | undefined) => (s && s !== 'unknown' ? s : undefined);

/** Where a plan is from: "district, province" for a district (district names repeat across provinces). */
export function planPlace(plan: AnalysedPlan, lang: ReportLang = DEFAULT_REPORT_LANG): string {
  const m = plan.meta;
  const province = known(m.province);
  const district = m.level === 'district' || m.level === 'commune' ? known(m.district) : undefined;
  if (district) return province ? `${district}, ${province}` : district;
  if (province) return province;
  return m.level === 'district' ? rt(lang, 'unnamedDistrict') : rt(lang, 'unknownPlace');
}

/** "Quảng Ngãi 222-KH/TU", "Huyện (không rõ tên), kế hoạch học tập, quán triệt", … */
export function planName(plan: AnalysedPlan, lang: ReportLang = DEFAULT_REPORT_LANG): string {
  const where = planPlace(plan, lang);
  const number = known(plan.meta.documentNumber);
  return number ? `${where} ${number}` : `${where}, ${kindName(lang, plan.meta.kind)}`;
}

/** A plan's name under its province's heading: the district (or the kind) and the number, without the province. */
export function planNameInProvince(plan: AnalysedPlan, lang: ReportLang = DEFAULT_REPORT_LANG): string {
  const m = plan.meta;
  const district = m.level === 'district' || m.level === 'commune' ? known(m.district) : undefined;
  const number = known(m.documentNumber);
  const kind = kindName(lang, m.kind);
  if (district) return number ? `${district} ${number}` : `${district}, ${kind}`;
  if (!known(m.province)) return planName(plan, lang);
  return number ? `${kind} ${number}` : kind;
}

/** "kế hoạch thực hiện, 2023-12, cấp tỉnh" */
export function planDescription(plan: AnalysedPlan, lang: ReportLang = DEFAULT_REPORT_LANG): string {
  const m = plan.meta;
  return [kindName(lang, m.kind), known(m.date), levelName(lang, m.level)].filter(Boolean).join(', ');
}

/** Why a plan is marked ⚠: "không trích dẫn 57-KL/TW; kế hoạch trích dẫn …"; '' when it cites the directive. */
export function planNotCitingReason(
  plan: Pick<AnalysedPlan, 'directiveCheck'>,
  lang: ReportLang = DEFAULT_REPORT_LANG,
): string {
  const check = plan.directiveCheck;
  if (!check || check.status === 'cites') return '';
  if (lang === 'en') return notCitingReason(check);
  const confusable = check.citesInstead.filter((c) => c.confusable).map(describeCited);
  const others = check.citesInstead
    .filter((c) => !c.confusable)
    .slice(0, 3)
    .map(describeCited);
  const parts = [
    confusable.length > 0 ? rt(lang, 'citesConfusable', { docs: confusable.join(', ') }) : '',
    others.length > 0
      ? rt(lang, confusable.length > 0 ? 'citesAlso' : 'citesOther', { docs: others.join(', ') })
      : '',
  ].filter(Boolean);
  return rt(lang, 'notCitingReason', {
    directive: check.directive,
    parts: parts.length > 0 ? parts.join('; ') : rt(lang, 'citesNoDirective'),
  });
}

export interface GroupSummary {
  group: string;
  label: string;
  status: 'operationalised' | 'mentioned' | 'absent';
  share: number;
  units: number;
  operationalUnits: number;
  /** The unit that carries the group most strongly (an operational one first). */
  example?: { unitId: string; text: string; score: number };
}

export interface PlanSummary {
  id: string;
  name: string;
  description: string;
  issuingBody: string;
  signer?: string;
  encoding: string;
  units: number;
  contentUnits: number;
  labelledUnits: number;
  repairs: { ocr: number; toneStyle: number; unicode: number };
  warnings: number;
  references: string[];
  agencies: string[];
  groups: GroupSummary[];
  /** Set when the plan does not cite the directive analysed: its coverage is not counted in corpus totals. */
  notCiting?: string;
}

export function planSummaries(
  analysis: AnalysisInput,
  lang: ReportLang = DEFAULT_REPORT_LANG,
  planIds?: ReadonlySet<string>,
): PlanSummary[] {
  const labels = new Map(analysis.directive.taskGroups.map((g) => [g.id, g.short[lang]]));
  const coverage = new Map(analysis.coverage.map((c) => [c.planId, c.cells]));
  const plans = planIds ? analysis.plans.filter((p) => planIds.has(p.id)) : analysis.plans;
  return plans.map((plan) => {
    const cells = coverage.get(plan.id) ?? [];
    const byId = new Map(plan.units.map((u) => [u.id, u]));
    const groups = cells.map((c): GroupSummary => {
      const operational = new Set(c.operationalUnits);
      const candidates = c.units
        .map((id) => byId.get(id))
        .filter((u) => u !== undefined)
        .map((u) => ({
          unitId: u.id,
          text: u.text,
          score: u.alignment.scores[c.group] ?? 0,
          op: operational.has(u.id) ? 1 : 0,
        }))
        .sort((a, b) => b.op - a.op || b.score - a.score);
      const best = candidates[0];
      return {
        group: c.group,
        label: labels.get(c.group) ?? c.group,
        status: c.status,
        share: c.share,
        units: c.units.length,
        operationalUnits: c.operationalUnits.length,
        ...(best ? { example: { unitId: best.unitId, text: best.text, score: best.score } } : {}),
      };
    });
    const agencies = new Map<string, number>();
    for (const f of plan.fields)
      if (f.field !== 'timing') for (const a of f.agencies ?? []) agencies.set(a, (agencies.get(a) ?? 0) + 1);
    const refs = [...new Set(plan.references.map((r) => r.number))];
    const signer = known(plan.meta.signer);
    const reason = planNotCitingReason(plan, lang);
    return {
      id: plan.id,
      name: planName(plan, lang),
      description: planDescription(plan, lang),
      issuingBody: plan.meta.issuingBody,
      ...(signer ? { signer } : {}),
      encoding: plan.source.encoding,
      units: plan.units.length,
      contentUnits: plan.units.filter((u) => u.alignment.content).length,
      labelledUnits: plan.units.filter((u) => u.alignment.labels.length > 0).length,
      repairs: plan.stats.repairs,
      warnings: plan.messages.filter((m) => m.severity === 'warning').length,
      references: refs,
      agencies: [...agencies.entries()]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, 6)
        .map(([a]) => a),
      groups,
      ...(reason ? { notCiting: reason } : {}),
    };
  });
}

/** Findings sections, or undefined when the analysis has none. */
export function findingsSummary(analysis: AnalysisInput):
  | {
      findings: FindingsView;
      topReuse: (ReuseView & { planA: string; planB: string })[];
    }
  | undefined {
  const findings = findingsOf(analysis);
  if (!findings) return undefined;
  const topReuse = findings.comparisons
    .flatMap((c) => c.reuse.map((r) => ({ ...r, planA: c.a, planB: c.b })))
    .sort((x, y) => y.tokens - x.tokens);
  return { findings, topReuse };
}

export function planNames(
  analysis: AnalysisInput,
  lang: ReportLang = DEFAULT_REPORT_LANG,
): Map<string, string> {
  return new Map(analysis.plans.map((p) => [p.id, planName(p, lang)]));
}

export const pct = (x: number) => `${Math.round(x * 100)}%`;
/** A number with `d` decimals, with the decimal comma in Vietnamese. */
export const fixed = (x: number, d = 3, lang: ReportLang = 'en') =>
  Number.isFinite(x) ? (lang === 'vi' ? x.toFixed(d).replace('.', ',') : x.toFixed(d)) : '–';

/** Addition clusters shown per plan in the report's main text; the rest are in csv/additions.csv. */
export const TOP_ADDITIONS = 5;
/** Omitted elements shown per plan in the report's main text; the rest are in csv/omissions.csv. */
export const TOP_OMISSIONS = 5;

export interface RankedCluster {
  cluster: AdditionView;
  rank: number;
}

/**
 * A plan's addition clusters for the report, in the diff stage's rank
 * (most specific first, as the CLI and the viewer list them), the first
 * `perPlan` of each plan, in plan order; `more` counts those left to the CSV.
 */
export function reportAdditions(
  analysis: AnalysisInput,
  perPlan = TOP_ADDITIONS,
): { planId: string; clusters: RankedCluster[]; more: number }[] {
  const findings = findingsOf(analysis);
  if (!findings) return [];
  const byPlan = new Map<string, RankedCluster[]>();
  for (const r of rankedAdditions(findings.additions)) {
    const list = byPlan.get(r.cluster.planId) ?? [];
    list.push(r);
    byPlan.set(r.cluster.planId, list);
  }
  return analysis.plans
    .filter((p) => byPlan.has(p.id))
    .map((p) => {
      const all = byPlan.get(p.id)!;
      return { planId: p.id, clusters: all.slice(0, perPlan), more: Math.max(0, all.length - perPlan) };
    });
}

/** How many plans carry an omitted element (a large corpus lists only the first of them). */
export const carriedCount = (o: Pick<OmissionView, 'carriedBy' | 'carriedByCount'>) =>
  o.carriedByCount ?? o.carriedBy.length;

/**
 * A plan's omitted elements for the report: the `perPlan` carried by the
 * most plans (the directive's own first on a tie), then shown by task group;
 * `more` counts those left to the CSV. Plans in corpus order.
 */
export function reportOmissions(
  analysis: AnalysisInput,
  perPlan = TOP_OMISSIONS,
): { planId: string; omissions: OmissionView[]; more: number }[] {
  const findings = findingsOf(analysis);
  if (!findings) return [];
  const byPlan = new Map<string, OmissionView[]>();
  for (const o of findings.omissions) {
    const list = byPlan.get(o.planId) ?? [];
    list.push(o);
    byPlan.set(o.planId, list);
  }
  const weight = (o: OmissionView) => carriedCount(o) + (o.inDirective ? 0.5 : 0);
  return analysis.plans
    .filter((p) => byPlan.has(p.id))
    .map((p) => {
      const all = byPlan.get(p.id)!;
      const top = [...all]
        .sort((a, b) => weight(b) - weight(a) || cmp(a.group, b.group) || cmp(a.label, b.label))
        .slice(0, perPlan)
        .sort((a, b) => cmp(a.group, b.group) || weight(b) - weight(a) || cmp(a.label, b.label));
      return { planId: p.id, omissions: top, more: Math.max(0, all.length - perPlan) };
    });
}

/** Code-unit order: the same at any locale, so output is byte-identical everywhere. */
export const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The corpus-level sentence about plans that do not cite the directive, or
 * '' when every plan cites it: "⚠ 2 trong 7 kế hoạch không trích dẫn 57-KL/TW: …".
 * At most `listed` plans are named.
 */
export function notCitingSummary(
  analysis: AnalysisInput,
  lang: ReportLang = DEFAULT_REPORT_LANG,
  listed = 12,
): string {
  const notice = notCitingNotice(analysis);
  if (notice.flagged.length === 0) return '';
  const names = planNames(analysis, lang);
  const items = notice.flagged.slice(0, listed).map((f) =>
    rt(lang, 'notCitingItem', {
      plan: names.get(f.id) ?? f.id,
      instead: f.citesInstead
        ? rt(lang, 'citesDocs', { docs: f.citesInstead })
        : rt(lang, 'listCitesNothing'),
    }),
  );
  const rest = notice.flagged.length - items.length;
  const list = items.join('; ') + (rest > 0 ? rtn(lang, 'morePlans', rest) : '');
  return rtn(lang, 'notCitingCorpus', notice.flagged.length, {
    total: analysis.plans.length,
    directive: analysis.directive.id,
    list,
  });
}
