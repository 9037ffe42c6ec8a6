/** Plain data the diff stage works on: a plan as units with their task-group labels. */
import type { Span } from '@doichieu/core';

export interface DiffUnit {
  id: string;
  /** Normalised unit text (NFC, one tone style, OCR repaired). */
  text: string;
  /** Source span `[start, end)` of the unit in the plan's source text. */
  span: Span;
  role: string;
  kind: string;
  /** Task groups the unit carries (alignment labels). */
  labels: string[];
  /** false for headings, header, recipients and signature. */
  content: boolean;
  /** Texts of the enclosing headings, outermost first (optional: groups additions by section). */
  headingPath?: string[];
  /** The unit's slice of the source text where it differs from `text` (see `DiffPlan.sourceInUnits`). */
  sourceSlice?: string;
}

export interface DiffPlan {
  id: string;
  units: DiffUnit[];
  /** The plan's decoded source text (optional): lets passages inside a unit get exact source spans. */
  source?: string;
  /**
   * Instead of `source`: each unit's slice of it is its `sourceSlice`, or its `text` when they are
   * equal (`withUnitSources`); a national corpus need not hold every plan's whole source text.
   */
  sourceInUnits?: true;
  /** From the manifest (optional): which plans are of the level above in the province, which are peers. */
  level?: string;
  province?: string;
  district?: string;
}

/** Roles that never count as additions or omissions: boilerplate of every plan. */
export const BOILERPLATE_ROLES: ReadonlySet<string> = new Set(['header', 'recipients', 'signature']);

/** Rounds a score to 4 decimals, so that output is stable. */
export function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/**
 * Unit pairs a comparison of two plans may score, in all: a plan of identical bullets against
 * another would otherwise pair every unit with every unit (170,000 units: 29 billion pairs).
 * Each unit of the first plan gets an equal share of it, never fewer than a handful of units;
 * real plans (a few thousand units at most) stay far below it and are compared exhaustively.
 */
export const PAIR_BUDGET = 2 ** 22;

/**
 * The plan with its source text kept only where the diff stage reads it: each unit's slice, and
 * only when it differs from the unit's text. Passages get the same source spans as with `source`.
 */
export function withUnitSources(plan: DiffPlan): DiffPlan {
  const { source, ...rest } = plan;
  if (source === undefined) return plan;
  return {
    ...rest,
    sourceInUnits: true,
    units: plan.units.map((u) => {
      const slice = source.slice(u.span[0], u.span[1]);
      return slice === u.text ? u : { ...u, sourceSlice: slice };
    }),
  };
}
