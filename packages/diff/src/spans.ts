/**
 * Passages inside a unit: syllable ranges of the normalised unit text mapped
 * back to source spans. Normalisation keeps the syllables of a unit, so the
 * i-th syllable of the text is the i-th syllable of its source slice; when
 * the counts differ (or the source is absent) the whole unit's span is used.
 */

import type { PreparedPlan, PreparedUnit } from './prepare.ts';
import type { PassageRef } from './schema.ts';
import { sliceText, syllableOffsets } from './tokens.ts';

function sourceSyllables(plan: PreparedPlan, u: PreparedUnit): [number, number][] | null {
  let spans = plan.syllableSpans.get(u.index);
  if (spans !== undefined) return spans;
  spans = null;
  const [s0, s1] = u.unit.span;
  const slice =
    plan.plan.source !== undefined
      ? plan.plan.source.slice(s0, s1)
      : plan.plan.sourceInUnits
        ? (u.unit.sourceSlice ?? u.unit.text)
        : undefined;
  if (slice !== undefined) {
    const offsets = syllableOffsets(slice);
    if (offsets.length === u.seq.ids.length) spans = offsets.map(([a, b]) => [a + s0, b + s0]);
  }
  plan.syllableSpans.set(u.index, spans);
  return spans;
}

/** A reference to tokens `[from, to)` of a unit (the whole unit by default). */
export function passageRef(plan: PreparedPlan, u: PreparedUnit, from = 0, to = u.seq.ids.length): PassageRef {
  const whole = from <= 0 && to >= u.seq.ids.length;
  const base = { planId: plan.plan.id, unitId: u.unit.id };
  if (whole || to <= from) return { ...base, span: [u.unit.span[0], u.unit.span[1]], text: u.unit.text };
  const map = sourceSyllables(plan, u);
  const span: [number, number] = map ? [map[from]![0], map[to - 1]![1]] : [u.unit.span[0], u.unit.span[1]];
  return { ...base, span, text: sliceText(u.seq, from, to) };
}
