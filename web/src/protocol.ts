/**
 * The data worker's request/reply protocol (data.worker.ts ↔ store.ts), in
 * one place. Every request carries an id; the worker answers it with one
 * reply of that id, except `index`, whose reply comes in parts (the page
 * receives a large index as several small structured clones, one task each).
 */
import type { ProfileRow } from './profile-rows.ts';
import type { SearchResult } from './search-shards.ts';
import type { ViewerIndex, ViewerPlanFile } from './split.ts';

export type WorkerRequest =
  | { id: number; op: 'index'; url: string }
  /** Paths relative to `base` (the index's URL), as the index lists them. */
  | { id: number; op: 'plans'; base: string; paths: string[] }
  | { id: number; op: 'json'; base: string; path: string }
  /** Every plan's profile as a table row, sorted by a column (profile-rows.ts). */
  | { id: number; op: 'profiles'; sort?: string; desc?: boolean }
  /** The similarity view's clustered order (similarity-data.ts clusterOrder). */
  | { id: number; op: 'order' }
  /** A search over the search shards; `offset`/`limit` page the hits (search-shards.ts). */
  | { id: number; op: 'search'; q: string; offset: number; limit: number };

/** A part of the index: the head first (plans, coverage and neighbours empty), then slices to append. */
export interface IndexPart {
  plans?: ViewerIndex['plans'];
  coverage?: Partial<Record<'plans' | 'directive' | 'status' | 'share' | 'units' | 'operational', unknown[]>>;
  neighbours?: NonNullable<ViewerIndex['findings']>['neighbours'];
}

export type WorkerReply =
  | { id: number; ok: true; index: ViewerIndex; bytes: number; parts: number }
  | { id: number; ok: true; part: IndexPart }
  | { id: number; ok: true; plans: ViewerPlanFile[]; bytes: number }
  | { id: number; ok: true; json: unknown; bytes: number }
  | { id: number; ok: true; profiles: ProfileRow[]; bytes: number }
  | { id: number; ok: true; order: number[] }
  | { id: number; ok: true; search: SearchResult; bytes: number }
  | { id: number; ok: false; error: string };
