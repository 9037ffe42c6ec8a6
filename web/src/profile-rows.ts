/**
 * The Profiles table's rows, computed in the data worker from the plan
 * files' profiles (the page receives only these numbers, never every plan
 * file): per plan its lag, its shares and its depth per task group, and the
 * rows sorted by a column. Pure, so it is tested in Node.
 */
import type { Analysis } from './types.ts';

type Profile = NonNullable<Analysis['profiles']>[number];

export interface ProfileRow {
  planId: string;
  /** Days from the directive to the plan, [min, max]; null when unknown. */
  lag: [number, number] | null;
  /** restated, own, vertical, horizontal, boilerplate (SHARE_KEYS); null when not measured. */
  shares: Array<number | null>;
  /** Depth per task group, in the directive's order; null when the profile has no entry. */
  depth: Array<number | null>;
}

export const SHARE_KEYS = ['restated', 'own', 'vertical', 'horizontal', 'boilerplate'] as const;

export function profileRow(p: Profile, groups: readonly string[]): ProfileRow {
  const d = p.lag.directive.days;
  const s = p.learning?.shares;
  return {
    planId: p.planId,
    lag: d ? [d.min, d.max] : null,
    shares: [
      p.reiteration.plan.restated,
      p.reiteration.plan.own,
      s?.vertical ?? null,
      s?.horizontal ?? null,
      s?.boilerplate ?? null,
    ],
    depth: groups.map((g) => p.specificity.find((x) => x.group === g)?.depth ?? null),
  };
}

/** The value a column sorts by: `lag`, a share key, or `depth-<group>`. */
export function columnValue(row: ProfileRow, key: string, groups: readonly string[]): number | null {
  if (key === 'lag') return row.lag?.[0] ?? null;
  const s = (SHARE_KEYS as readonly string[]).indexOf(key);
  if (s >= 0) return row.shares[s] ?? null;
  if (key.startsWith('depth-')) return row.depth[groups.indexOf(key.slice(6))] ?? null;
  return null;
}

/** Rows sorted by `key` (unknown values last, first when descending; ties in the given order); unsorted without a key. */
export function sortProfileRows(
  rows: readonly ProfileRow[],
  groups: readonly string[],
  key: string | undefined,
  desc: boolean,
): ProfileRow[] {
  const out = [...rows];
  if (!key) return out;
  const v = new Map(out.map((r) => [r, columnValue(r, key, groups)]));
  out.sort((a, b) => {
    const x = v.get(a)!;
    const y = v.get(b)!;
    const c = x === y ? 0 : x === null ? 1 : y === null ? -1 : x < y ? -1 : 1;
    return desc ? -c : c;
  });
  return out;
}
