/**
 * The heatmap at national scale, as pure data: filters (province, level,
 * kind, a group's status), and the rows to draw — districts under their
 * province, each province led by a roll-up row that counts its plans'
 * statuses per group. No DOM here, so all of it is tested in Node.
 */
import type { HeatCell, HeatRow } from './prepare.ts';
import type { CoverageStatus, Plan } from './types.ts';

export interface Filters {
  province?: string | undefined;
  level?: string | undefined;
  kind?: string | undefined;
  /** With `status`: keep plans whose cell of this group has that status. */
  group?: string | undefined;
  status?: CoverageStatus | undefined;
}

/** The distinct values a filter offers, sorted (Vietnamese collation). */
export function filterOptions(plans: readonly Plan[]): {
  provinces: string[];
  levels: string[];
  kinds: string[];
} {
  const collator = new Intl.Collator('vi');
  const distinct = (f: (p: Plan) => string) => [...new Set(plans.map(f))].sort(collator.compare);
  return {
    provinces: distinct((p) => p.meta.province),
    levels: distinct((p) => p.meta.level),
    kinds: distinct((p) => p.meta.kind),
  };
}

/** Rows whose plan passes every set filter. */
export function filterRows(
  rows: readonly HeatRow[],
  plans: ReadonlyMap<string, Plan>,
  f: Filters,
): HeatRow[] {
  return rows.filter((r) => {
    const m = plans.get(r.planId)?.meta;
    if (!m) return false;
    if (f.province && m.province !== f.province) return false;
    if (f.level && m.level !== f.level) return false;
    if (f.kind && m.kind !== f.kind) return false;
    if (f.group && f.status) {
      const cell = r.cells.find((c) => c.group === f.group);
      if ((cell?.status ?? 'absent') !== f.status) return false;
    }
    return true;
  });
}

export interface RollupCell {
  group: string;
  operationalised: number;
  mentioned: number;
  absent: number;
  /** Mean share over the province's plans. */
  share: number;
}

export type DrawRow =
  | { kind: 'plan'; row: HeatRow; depth: 0 | 1 }
  | {
      kind: 'province';
      province: string;
      plans: number;
      /** Plans counted in the roll-up: those that cite the directive (as in the report's totals). */
      counted: number;
      cells: RollupCell[];
      open: boolean;
    };

/** A plan counts in totals when it cites the directive, or predates the check (the report's rule). */
export function countsInTotals(plan: Pick<Plan, 'directiveCheck'> | undefined): boolean {
  return plan?.directiveCheck === undefined || plan.directiveCheck.status === 'cites';
}

/** Per group, how many of `rows` operationalise, mention or leave out the group, and their mean share. */
export function rollup(rows: readonly HeatRow[], groups: readonly string[]): RollupCell[] {
  return groups.map((group, gi) => {
    const out: RollupCell = { group, operationalised: 0, mentioned: 0, absent: 0, share: 0 };
    for (const r of rows) {
      const c: HeatCell | undefined =
        r.cells[gi]?.group === group ? r.cells[gi] : r.cells.find((x) => x.group === group);
      out[c?.status ?? 'absent']++;
      out.share += c?.share ?? 0;
    }
    out.share = rows.length > 0 ? out.share / rows.length : 0;
    return out;
  });
}

/**
 * The rows to draw. Without districts (or when `grouped` is false): the
 * sorted rows as they are. With districts: one block per province, in the
 * order of the province's first row in `sorted` (so sorting by a group sorts
 * the provinces by their best plan), each a roll-up row followed, when the
 * province is open, by its province-level plans and then its districts.
 */
export function drawRows(
  sorted: readonly HeatRow[],
  plans: ReadonlyMap<string, Plan>,
  groups: readonly string[],
  options: { grouped: boolean; open: ReadonlySet<string> },
): DrawRow[] {
  const hasDistricts = sorted.some((r) => plans.get(r.planId)?.meta.level === 'district');
  if (!options.grouped || !hasDistricts) return sorted.map((row) => ({ kind: 'plan', row, depth: 0 }));
  const byProvince = new Map<string, HeatRow[]>();
  for (const r of sorted) {
    const p = plans.get(r.planId)?.meta.province ?? '';
    const list = byProvince.get(p) ?? [];
    list.push(r);
    byProvince.set(p, list);
  }
  const out: DrawRow[] = [];
  for (const [province, rows] of byProvince) {
    const open = options.open.has(province);
    const counted = rows.filter((r) => countsInTotals(plans.get(r.planId)));
    out.push({
      kind: 'province',
      province,
      plans: rows.length,
      counted: counted.length,
      cells: rollup(counted, groups),
      open,
    });
    if (!open) continue;
    const level = (r: HeatRow) => (plans.get(r.planId)?.meta.level === 'district' ? 1 : 0);
    // Province-level plans first, then the districts, each in the sorted order.
    for (const r of rows) if (level(r) === 0) out.push({ kind: 'plan', row: r, depth: 0 });
    for (const r of rows) if (level(r) === 1) out.push({ kind: 'plan', row: r, depth: 1 });
  }
  return out;
}

/** The window of rows to render for a scroll position: [first, last), with `overscan` rows either side. */
export function visibleRange(
  scrollTop: number,
  viewport: number,
  rowHeight: number,
  total: number,
  overscan = 8,
): [number, number] {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(total, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  return [first, Math.max(first, last)];
}
