/**
 * What the measures read: the parts of an analysed plan and of the findings
 * they need, as structural types, so that analysis.json, the in-memory
 * analysis and a worker's plan all fit.
 */
import type { DocumentRefFound, ExtractedMeta, Field, PlanMeta, Span } from '@doichieu/core';

export interface MeasuredUnit {
  id: string;
  role: string;
  kind: string;
  parentId?: string;
  text: string;
  span: Span;
  alignment: { content: boolean; labels: string[] };
}

export interface MeasuredPlan {
  id: string;
  meta: PlanMeta;
  source: { text: string };
  extracted: ExtractedMeta;
  units: readonly MeasuredUnit[];
  fields: readonly Field[];
  references: readonly DocumentRefFound[];
}

export interface MeasuredCell {
  group: string;
  status: 'operationalised' | 'mentioned' | 'absent';
  units: string[];
  operationalUnits: string[];
}

export interface PassageLike {
  planId: string;
  unitId: string;
  span: Span;
  text: string;
}

export interface FindingsLike {
  additions: readonly { planId: string; passages: readonly PassageLike[] }[];
  comparisons: readonly {
    a: string;
    b: string;
    reuse: readonly { a: PassageLike; b: PassageLike; tokens: number; text: string; boilerplate?: boolean }[];
  }[];
}

/** The directive file's fields the measures use. */
export interface DirectiveLike {
  id: string;
  date: string;
  taskGroups: readonly { id: string; label: { vi: string }; phrases: readonly string[] }[];
  /** Other documents the directive file knows the number and date of (guidance, the document it replaces). */
  related?: readonly { number: string; date?: string; title?: string }[];
}
