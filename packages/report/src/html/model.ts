/**
 * What both report renderers (HTML and Markdown) show, computed once from
 * analysis.json: readable plan names, per-plan summaries, the findings
 * sections. Pure.
 */

import { notCitingReason } from '@doichieu/core';
import { rankedAdditions } from '@doichieu/diff';
import type { AnalysedPlan } from '../analysis-schema.ts';
import { notCitingNotice } from '../directive-status.ts';
import {
  type AdditionView,
  type AnalysisInput,
  type FindingsView,
  findingsOf,
  type ReuseView,
} from '../export/findings.ts';

export const KIND_NAMES: Record<string, string> = {
  'study-and-dissemination': 'study and dissemination plan',
  implementation: 'implementation plan',
  conference: 'conference plan',
};

const SHORT_KIND: Record<string, string> = {
  'study-and-dissemination': 'study plan',
  implementation: 'implementation plan',
  conference: 'conference plan',
};

export const STATUS_MARK = { operationalised: '●', mentioned: '○', absent: '·' } as const;
export const STATUS_TEXT = {
  operationalised: 'operationalised: a task with a lead agency, an actor or a timing',
  mentioned: 'mentioned only: carried by content that charges nobody',
  absent: 'absent: no unit carries the group',
} as const;

const known = (s: string | undefined) => (s && s !== 'unknown' ? s : undefined);

/** "Quảng Ngãi 222-KH/TU", "District plan (unnamed)", … */
export function planName(plan: AnalysedPlan): string {
  const m = plan.meta;
  const where = known(m.province) ?? (m.level === 'district' ? 'District (not named)' : plan.id);
  const number = known(m.documentNumber);
  return number ? `${where} ${number}` : `${where}, ${SHORT_KIND[m.kind] ?? m.kind}`;
}

/** "implementation plan, 2023-12, province level" */
export function planDescription(plan: AnalysedPlan): string {
  const m = plan.meta;
  const parts = [KIND_NAMES[m.kind] ?? m.kind, known(m.date), `${m.level} level`].filter(Boolean);
  return parts.join(', ');
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

export function planSummaries(analysis: AnalysisInput): PlanSummary[] {
  const labels = new Map(analysis.directive.taskGroups.map((g) => [g.id, g.short.en]));
  return analysis.plans.map((plan) => {
    const cells = analysis.coverage.find((c) => c.planId === plan.id)?.cells ?? [];
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
    return {
      id: plan.id,
      name: planName(plan),
      description: planDescription(plan),
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
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([a]) => a),
      groups,
      ...(plan.directiveCheck && plan.directiveCheck.status !== 'cites'
        ? {
            notCiting: notCitingReason(plan.directiveCheck),
          }
        : {}),
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

export function planNames(analysis: AnalysisInput): Map<string, string> {
  return new Map(analysis.plans.map((p) => [p.id, planName(p)]));
}

export const pct = (x: number) => `${Math.round(x * 100)}%`;
export const fixed = (x: number, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : '–');

/** Addition clusters shown per plan in the report's main text; the rest are in csv/additions.csv. */
export const TOP_ADDITIONS = 5;

/**
 * A plan's addition clusters for the report, in the diff stage's rank
 * (most specific first, as the CLI and the viewer list them), the first
 * `perPlan` of each plan, in plan order; `more` counts those left to the CSV.
 */
export function reportAdditions(
  analysis: AnalysisInput,
  perPlan = TOP_ADDITIONS,
): { planId: string; clusters: { cluster: AdditionView; rank: number }[]; more: number }[] {
  const findings = findingsOf(analysis);
  if (!findings) return [];
  const byPlan = new Map<string, { cluster: AdditionView; rank: number }[]>();
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

/**
 * The corpus-level sentence about plans that do not cite the directive, or
 * '' when every plan cites it: "2 of the 7 plans do not cite 57-KL/TW: …".
 */
export function notCitingSummary(analysis: AnalysisInput): string {
  const notice = notCitingNotice(analysis);
  if (notice.flagged.length === 0) return '';
  const names = planNames(analysis);
  const list = notice.flagged
    .map(
      (f) =>
        `${names.get(f.id) ?? f.id} (${f.citesInstead ? `cites ${f.citesInstead}` : 'cites no directive'})`,
    )
    .join('; ');
  const n = notice.flagged.length;
  return `⚠ ${n} of the ${analysis.plans.length} plans ${n > 1 ? 'do' : 'does'} not cite ${analysis.directive.id}: ${list}. Their coverage is shown, marked ⚠, and is not counted in corpus totals.`;
}
