/**
 * Search over the viewer's search shards (data/search/NNNN.json: each plan's
 * units' ids, text and labels, nothing else), run in the data worker: the
 * units are folded once as their shards arrive, a query scans them
 * (prepare.ts `search`: every word in any order within a unit, diacritics
 * and case ignored), and the page receives a page of hits with their text,
 * the count per plan and the totals. Pure, so it is tested in Node.
 */
import type { ViewerSearchShard } from '../../packages/cli/src/viewer/schema.ts';
import { foldKeepLength } from './fold.ts';
import { search } from './prepare.ts';
import type { Plan } from './types.ts';

export type { ViewerSearchShard };

export interface SearchEntry {
  unitId: string;
  planId: string;
  text: string;
  folded: string;
  labels: string[];
}

/** A hit as the page shows it: the unit's text, its labels and the matched spans (UTF-16 offsets). */
export interface SearchHitText {
  planId: string;
  unitId: string;
  text: string;
  labels: string[];
  matches: Array<[number, number]>;
}

export interface SearchResult {
  query: string;
  /** Units hit, and plans with a hit. */
  total: number;
  plans: number;
  /** Hits per plan, most first (ties: corpus order). */
  perPlan: Array<[string, number]>;
  offset: number;
  /** Hits offset..offset+limit, in corpus order. */
  hits: SearchHitText[];
}

/** The entries of one shard, folded. */
export function shardEntries(shard: ViewerSearchShard): SearchEntry[] {
  const out: SearchEntry[] = [];
  for (const p of shard.plans)
    for (const u of p.units)
      out.push({
        unitId: u.id,
        planId: p.planId,
        text: u.text,
        folded: foldKeepLength(u.text),
        labels: u.labels,
      });
  return out;
}

/** A plan's shard entry, from its plan (for an analysis cut in the worker, and for older data folders). */
export function planSearchEntry(plan: Plan): ViewerSearchShard['plans'][number] {
  return {
    planId: plan.id,
    units: plan.units.map((u) => ({ id: u.id, text: u.text, labels: u.alignment.labels })),
  };
}

/** Runs `query` over `entries`; returns hits offset..offset+limit with the totals. */
export function searchEntries(
  entries: readonly SearchEntry[],
  query: string,
  offset: number,
  limit: number,
): SearchResult {
  const found = search({ entries: entries as SearchEntry[] }, query);
  const byUnit = new Map<string, SearchEntry>();
  const perPlan = new Map<string, number>();
  for (const hit of found) perPlan.set(hit.planId, (perPlan.get(hit.planId) ?? 0) + 1);
  const page = found.slice(offset, offset + limit);
  if (page.length > 0) {
    const want = new Set(page.map((x) => x.unitId));
    for (const e of entries) if (want.has(e.unitId)) byUnit.set(e.unitId, e);
  }
  return {
    query,
    total: found.length,
    plans: perPlan.size,
    perPlan: [...perPlan.entries()].sort((a, b) => b[1] - a[1]),
    offset,
    hits: page.map((x) => {
      const e = byUnit.get(x.unitId)!;
      return { planId: x.planId, unitId: x.unitId, text: e.text, labels: e.labels, matches: x.matches };
    }),
  };
}
