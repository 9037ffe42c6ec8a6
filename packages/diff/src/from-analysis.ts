/** DiffPlans from analysis.json (or the output of `analyse`): units with their alignment labels. */
import type { Span } from '@doichieu/core';
import type { DiffPlan } from './types.ts';

/** The part of an analysed plan the diff stage reads. */
export interface AnalysedPlanLike {
  id: string;
  source?: { text: string };
  meta?: { level?: string; province?: string; district?: string };
  units: {
    id: string;
    text: string;
    span: Span;
    role: string;
    kind: string;
    headingPath?: string[];
    alignment: { labels: string[]; content: boolean };
  }[];
}

export function diffPlansFromAnalysis(plans: readonly AnalysedPlanLike[]): DiffPlan[] {
  return plans.map((p) => ({
    id: p.id,
    ...(p.source ? { source: p.source.text } : {}),
    ...(p.meta?.level ? { level: p.meta.level } : {}),
    ...(p.meta?.province ? { province: p.meta.province } : {}),
    ...(p.meta?.district ? { district: p.meta.district } : {}),
    units: p.units.map((u) => ({
      id: u.id,
      text: u.text,
      span: u.span,
      role: u.role,
      kind: u.kind,
      labels: u.alignment.labels,
      content: u.alignment.content,
      ...(u.headingPath ? { headingPath: u.headingPath } : {}),
    })),
  }));
}
