/**
 * Verbatim reuse between two plans, regardless of order: seeds are shared
 * runs of `seed` syllables (hashed k-grams) between any unit of A and any unit
 * of B; each seed is extended to a maximal exact match, and matches on nearly
 * the same diagonal with small gaps (OCR damage, a changed word) are chained.
 * A passage is kept when its matched syllables reach `minTokens`.
 */
import type { PreparedPlan } from './prepare.ts';
import { gramKey } from './tokens.ts';
import { PAIR_BUDGET } from './types.ts';

/** Least number of units of B each unit of A may be matched with, whatever the budget. */
const MIN_UNIT_PARTNERS = 16;

export interface ReuseOptions {
  /** Seed length in syllables (default 8). */
  seed?: number;
  /** Shortest passage kept, in matched syllables (default 12). */
  minTokens?: number;
  /** Largest gap (syllables on either side) bridged when chaining matches (default 4). */
  maxGap?: number;
  /** k-gram keys (k = seed) to ignore, e.g. the directive's own title quoted by every plan. */
  ignore?: ReadonlySet<number>;
}

/** A shared passage: tokens `[a0, a1)` of unit `ua` of A and `[b0, b1)` of unit `ub` of B. */
export interface ReuseMatch {
  ua: number;
  ub: number;
  a0: number;
  a1: number;
  b0: number;
  b1: number;
  /** Syllables matched exactly (gaps excluded). */
  tokens: number;
}

interface Run {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

function chain(runs: Run[], maxGap: number): ReuseMatch[] {
  runs.sort((x, y) => x.a0 - y.a0 || x.b0 - y.b0);
  const out: (Run & { tokens: number })[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    const ga = r.a0 - (last?.a1 ?? 0);
    const gb = r.b0 - (last?.b1 ?? 0);
    if (last && ga >= 0 && gb >= 0 && ga <= maxGap && gb <= maxGap) {
      last.a1 = r.a1;
      last.b1 = r.b1;
      last.tokens += r.a1 - r.a0;
    } else out.push({ ...r, tokens: r.a1 - r.a0 });
  }
  return out as unknown as ReuseMatch[];
}

/** Shared passages of two prepared plans (eligible units only), longest first; none when either is empty. */
export function findReuseMatches(a: PreparedPlan, b: PreparedPlan, options: ReuseOptions = {}): ReuseMatch[] {
  const k = options.seed ?? 8;
  const minTokens = options.minTokens ?? 12;
  const maxGap = options.maxGap ?? 4;
  const index = new Map<number, number[]>();
  let longestB = 0;
  for (const u of b.units) {
    if (u.eligible) longestB = Math.max(longestB, u.seq.ids.length);
    if (!u.eligible) continue;
    const ids = u.seq.ids;
    for (let j = 0; j + k <= ids.length; j++) {
      const key = gramKey(ids, j, k);
      if (options.ignore?.has(key)) continue;
      const list = index.get(key);
      if (!list) index.set(key, [u.index, j]);
      else if (list.length < 64) list.push(u.index, j);
    }
  }
  let longestA = 0;
  for (const u of a.units) if (u.eligible) longestA = Math.max(longestA, u.seq.ids.length);
  const diagonals = longestA + longestB + 1;
  const all: ReuseMatch[] = [];
  const eligibleA = a.units.reduce((n, u) => n + (u.eligible ? 1 : 0), 0);
  // Counted budget (see PAIR_BUDGET): units of B each unit of A is matched with.
  const perUnit = Math.max(MIN_UNIT_PARTNERS, Math.floor(PAIR_BUDGET / Math.max(1, eligibleA)));
  const runsByUnit = new Map<number, Run[]>();
  const reach = new Map<number, number>();
  for (const u of a.units) {
    if (!u.eligible) continue;
    const ai = u.seq.ids;
    runsByUnit.clear();
    reach.clear();
    for (let i = 0; i + k <= ai.length; i++) {
      const hits = index.get(gramKey(ai, i, k));
      if (!hits) continue;
      for (let h = 0; h < hits.length; h += 2) {
        const ubIdx = hits[h]!;
        const j = hits[h + 1]!;
        const runs = runsByUnit.get(ubIdx);
        if (!runs && runsByUnit.size >= perUnit) continue;
        // One diagonal per unit of B and offset j - i (in -|A unit|..|B unit|): no two share a key.
        const diag = ubIdx * diagonals + (j - i + ai.length);
        if ((reach.get(diag) ?? -1) > i) continue;
        const bi = b.units[ubIdx]!.seq.ids;
        let s = 0;
        while (i - s - 1 >= 0 && j - s - 1 >= 0 && ai[i - s - 1] === bi[j - s - 1]) s++;
        let e = 0;
        while (i + e < ai.length && j + e < bi.length && ai[i + e] === bi[j + e]) e++;
        if (e < k) continue;
        reach.set(diag, i + e);
        const run = { a0: i - s, a1: i + e, b0: j - s, b1: j + e };
        if (runs) runs.push(run);
        else runsByUnit.set(ubIdx, [run]);
      }
    }
    for (const [ub, runs] of runsByUnit)
      for (const m of chain(runs, maxGap)) if (m.tokens >= minTokens) all.push({ ...m, ua: u.index, ub });
  }
  // One passage per stretch of text: the longest wins where passages overlap on either side.
  all.sort((x, y) => y.tokens - x.tokens || x.ua - y.ua || x.a0 - y.a0 || x.ub - y.ub || x.b0 - y.b0);
  const kept: ReuseMatch[] = [];
  const keptOnA = new Map<number, ReuseMatch[]>();
  const keptOnB = new Map<number, ReuseMatch[]>();
  const overlaps = (p: ReuseMatch) =>
    (keptOnA.get(p.ua) ?? []).some(
      (q) => Math.min(q.a1, p.a1) - Math.max(q.a0, p.a0) > 0.5 * (p.a1 - p.a0),
    ) ||
    (keptOnB.get(p.ub) ?? []).some((q) => Math.min(q.b1, p.b1) - Math.max(q.b0, p.b0) > 0.5 * (p.b1 - p.b0));
  for (const m of all) {
    if (overlaps(m)) continue;
    kept.push(m);
    const onA = keptOnA.get(m.ua);
    if (onA) onA.push(m);
    else keptOnA.set(m.ua, [m]);
    const onB = keptOnB.get(m.ub);
    if (onB) onB.push(m);
    else keptOnB.set(m.ub, [m]);
  }
  return kept;
}
