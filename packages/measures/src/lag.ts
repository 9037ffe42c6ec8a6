/**
 * Implementation lag: days from the directive (or from the plan of the level
 * above) to the plan. A partial date ("2023-12": the day left blank) makes
 * the lag an interval; an unknown date makes it null. The manifest's date
 * is used when it is known; otherwise the date read from the document's
 * header, marked as extracted.
 */
import type { DayInterval, Lag } from './schema.ts';
import type { MeasuredPlan } from './types.ts';

const DAY = 86_400_000;

/** First and last day (UTC ms) an ISO date, possibly partial, can stand for. */
export function dateRange(iso: string): [number, number] | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[3]) {
    const t = Date.UTC(year, Number(m[2]) - 1, Number(m[3]));
    return [t, t];
  }
  if (m[2]) {
    const month = Number(m[2]) - 1;
    return [Date.UTC(year, month, 1), Date.UTC(year, month + 1, 0)];
  }
  return [Date.UTC(year, 0, 1), Date.UTC(year, 11, 31)];
}

export function daysBetween(since: string, until: string): DayInterval | null {
  const a = dateRange(since);
  const b = dateRange(until);
  if (!a || !b) return null;
  return { min: Math.round((b[0] - a[1]) / DAY), max: Math.round((b[1] - a[0]) / DAY) };
}

/** The plan's date and where it comes from. */
export function planDate(plan: Pick<MeasuredPlan, 'meta' | 'extracted'>): {
  date: string;
  source: Lag['dateSource'];
} {
  if (plan.meta.date && plan.meta.date !== 'unknown' && dateRange(plan.meta.date))
    return { date: plan.meta.date, source: 'manifest' };
  const extracted = plan.extracted.date;
  if (extracted && !extracted.garbled && dateRange(extracted.value))
    return { date: extracted.value, source: 'extracted' };
  return { date: 'unknown', source: 'none' };
}

export function lagSince(since: string, plan: Pick<MeasuredPlan, 'meta' | 'extracted'>): Lag {
  const { date, source } = planDate(plan);
  return { since, planDate: date, dateSource: source, days: daysBetween(since, date) };
}
