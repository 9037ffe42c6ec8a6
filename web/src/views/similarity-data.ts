/**
 * The plan similarity data the Corpus view draws, as a sparse graph: the
 * full matrix of a small corpus (`findings.similarity`), or each plan's
 * compared plans of a large one (`findings.neighbours`: no full matrix is
 * computed there). Pure, so it is tested in Node.
 *
 * The order is a seriation from average-linkage agglomerative clustering:
 * the two clusters with the highest mean similarity (pairs not compared
 * count 0) merge first, and each merge joins the two leaf orders at the
 * ends that are most alike, so similar plans sit next to each other and
 * clusters show as blocks along the diagonal. Deterministic: ties go to the
 * lower plan index.
 */
import type { Findings } from '../types.ts';

export interface SimilarityEdge {
  /** Indices into `plans`, i < j. */
  i: number;
  j: number;
  value: number;
}

export interface SimilarityGraph {
  plans: string[];
  /** Each unordered pair once. */
  edges: SimilarityEdge[];
  /** Whether every pair has a value (a small corpus's full matrix). */
  dense: boolean;
  /** The similarity of plans i and j; undefined when the pair was not compared (sparse data). */
  value(i: number, j: number): number | undefined;
  /** Highest off-diagonal value (the top of the colour scale), at least a tiny positive number. */
  max: number;
}

/** The graph of a corpus's similarities; undefined without findings or plans. */
export function similarityGraph(findings: Findings | undefined): SimilarityGraph | undefined {
  if (!findings || findings.plans.length === 0) return undefined;
  const plans = findings.plans;
  const index = new Map(plans.map((p, i) => [p, i]));
  const n = plans.length;
  const edges: SimilarityEdge[] = [];
  const dense = findings.similarity.length === n && n > 0;
  const lookup = new Map<number, number>();
  if (dense) {
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const v = findings.similarity[i]?.[j] ?? 0;
        edges.push({ i, j, value: v });
      }
  } else {
    for (const row of findings.neighbours ?? []) {
      const a = index.get(row.planId);
      if (a === undefined) continue;
      for (const nb of row.plans) {
        const b = index.get(nb.planId);
        if (b === undefined || b === a) continue;
        const [i, j] = a < b ? [a, b] : [b, a];
        const key = i * n + j;
        if (lookup.has(key)) continue;
        lookup.set(key, nb.similarity);
        edges.push({ i, j, value: nb.similarity });
      }
    }
    edges.sort((x, y) => x.i - y.i || x.j - y.j);
  }
  let max = 1e-9;
  for (const e of edges) if (e.value > max) max = e.value;
  return {
    plans,
    edges,
    dense,
    max,
    value: dense
      ? (i, j) => (i === j ? 1 : (findings.similarity[i]?.[j] ?? 0))
      : (i, j) => (i === j ? 1 : lookup.get(i < j ? i * n + j : j * n + i)),
  };
}

/**
 * A seriation of the plans (a permutation of 0..n-1) by average-linkage
 * clustering of the graph. Clusters that share no compared pair are placed
 * one after another, largest first.
 */
export function clusterOrder(graph: Pick<SimilarityGraph, 'plans' | 'edges'>): number[] {
  const n = graph.plans.length;
  // Cluster state: its size, its two end leaves, its node in the dendrogram, and the summed similarity to
  // each neighbouring cluster. The leaf order is read from the dendrogram at the end (no array copied per merge).
  const size = new Uint32Array(n).fill(1);
  const first = Int32Array.from({ length: n }, (_, i) => i);
  const last = Int32Array.from({ length: n }, (_, i) => i);
  const node = Int32Array.from({ length: n }, (_, i) => i);
  // Dendrogram nodes past the leaves: children and whether each child is read backwards.
  const left: number[] = [];
  const right: number[] = [];
  const flips: number[] = [];
  const links: Array<Map<number, number>> = Array.from({ length: n }, () => new Map());
  const alive = new Uint8Array(n).fill(1);
  const version = new Uint32Array(n);
  const pairValue = new Map<number, number>();
  for (const e of graph.edges) {
    if (e.value <= 0) continue;
    links[e.i]!.set(e.j, (links[e.i]!.get(e.j) ?? 0) + e.value);
    links[e.j]!.set(e.i, (links[e.j]!.get(e.i) ?? 0) + e.value);
    pairValue.set(e.i * n + e.j, e.value);
  }
  const sim = (a: number, b: number) => (a === b ? 1 : (pairValue.get(a < b ? a * n + b : b * n + a) ?? 0));
  // Max-heap of candidate merges. An entry whose clusters changed since it was pushed is an upper bound of
  // the pair's linkage now (a merge averages), so it is re-scored when it comes up (lazy update); only the
  // latest entry of a pair counts.
  const heap = new MergeHeap();
  const latest = new Map<number, number>();
  let stamp = 0;
  const push = (a: number, b: number) => {
    const [x, y] = a < b ? [a, b] : [b, a];
    const total = links[x]!.get(y);
    if (total === undefined) return;
    const s = ++stamp;
    latest.set(x * n + y, s);
    heap.push({
      score: total / (size[x]! * size[y]!),
      a: x,
      b: y,
      va: version[x]!,
      vb: version[y]!,
      stamp: s,
    });
  };
  for (let a = 0; a < n; a++) for (const b of links[a]!.keys()) if (a < b) push(a, b);
  for (let top = heap.pop(); top; top = heap.pop()) {
    const { a, b } = top;
    if (!alive[a] || !alive[b] || latest.get(a * n + b) !== top.stamp) continue;
    if (version[a] !== top.va || version[b] !== top.vb) {
      push(a, b);
      continue;
    }
    // Join the two leaf orders, oriented so that the facing ends are the most similar pair of ends.
    let best = 0;
    let bestScore = -1;
    for (let o = 0; o < 4; o++) {
      const endA = o & 1 ? first[a]! : last[a]!;
      const startB = o & 2 ? last[b]! : first[b]!;
      const s = sim(endA, startB);
      if (s > bestScore) {
        bestScore = s;
        best = o;
      }
    }
    const newFirst = best & 1 ? last[a]! : first[a]!;
    const newLast = best & 2 ? first[b]! : last[b]!;
    left.push(node[a]!);
    right.push(node[b]!);
    flips.push(best);
    const joined = n + left.length - 1;
    // The cluster with more neighbours survives: the other's links are folded into it (smaller into larger).
    const keep = links[a]!.size >= links[b]!.size ? a : b;
    const gone = keep === a ? b : a;
    size[keep] = size[a]! + size[b]!;
    first[keep] = newFirst;
    last[keep] = newLast;
    node[keep] = joined;
    alive[gone] = 0;
    version[keep]!++;
    const merged = links[keep]!;
    merged.delete(gone);
    for (const [c, v] of links[gone]!) {
      if (c === keep) continue;
      merged.set(c, (merged.get(c) ?? 0) + v);
      const lc = links[c]!;
      lc.set(keep, (lc.get(keep) ?? 0) + v);
      lc.delete(gone);
      push(keep, c);
    }
    links[gone] = new Map();
  }
  // Leaf order of each final cluster: a walk of its dendrogram, children read backwards where flipped.
  const leavesOf = (root: number): number[] => {
    const out: number[] = [];
    const stack: Array<[number, boolean]> = [[root, false]];
    while (stack.length > 0) {
      const [at, back] = stack.pop()!;
      if (at < n) {
        out.push(at);
        continue;
      }
      const k = at - n;
      const f = flips[k]!;
      const l: [number, boolean] = [left[k]!, Boolean(f & 1) !== back];
      const r: [number, boolean] = [right[k]!, Boolean(f & 2) !== back];
      // Reading forwards: left then right, so right goes on the stack first.
      if (back) stack.push(l, r);
      else stack.push(r, l);
    }
    return out;
  };
  const clusters: number[][] = [];
  for (let i = 0; i < n; i++) if (alive[i]) clusters.push(leavesOf(node[i]!));
  clusters.sort((x, y) => y.length - x.length || Math.min(...x) - Math.min(...y));
  return clusters.flat();
}

interface Merge {
  score: number;
  a: number;
  b: number;
  va: number;
  vb: number;
  stamp: number;
}

/** Highest score first; ties: lower `a`, then lower `b` (deterministic). */
class MergeHeap {
  private items: Merge[] = [];
  private before(x: Merge, y: Merge): boolean {
    return x.score > y.score || (x.score === y.score && (x.a < y.a || (x.a === y.a && x.b < y.b)));
  }
  push(m: Merge): void {
    const h = this.items;
    h.push(m);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }
  pop(): Merge | undefined {
    const h = this.items;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.before(h[l]!, h[m]!)) m = l;
        if (r < h.length && this.before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}

/** The `n` most similar pairs, highest first (ties: plan order). */
export function topPairs(graph: Pick<SimilarityGraph, 'edges'>, n: number): SimilarityEdge[] {
  return [...graph.edges].sort((x, y) => y.value - x.value || x.i - y.i || x.j - y.j).slice(0, n);
}

/** A window of the ordered matrix: rows and columns [from, to) of the order. */
export interface MatrixWindow {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

/**
 * The cell of the order under a point of a `size` × `size` drawing of
 * `win`: [row, column] positions in the order, clamped to the window.
 */
export function cellAt(win: MatrixWindow, size: number, x: number, y: number): [number, number] {
  const rows = win.r1 - win.r0;
  const cols = win.c1 - win.c0;
  const r = win.r0 + Math.floor((Math.max(0, Math.min(size - 1e-9, y)) / size) * rows);
  const c = win.c0 + Math.floor((Math.max(0, Math.min(size - 1e-9, x)) / size) * cols);
  return [Math.min(win.r1 - 1, r), Math.min(win.c1 - 1, c)];
}

/**
 * The window a brush from cell (ra, ca) to cell (rb, cb) selects (both
 * corners included), made square on its larger side so cells stay square,
 * and kept inside [0, n).
 */
export function brushWindow(ra: number, ca: number, rb: number, cb: number, n: number): MatrixWindow {
  const r0 = Math.min(ra, rb);
  const c0 = Math.min(ca, cb);
  const side = Math.max(Math.abs(ra - rb), Math.abs(ca - cb)) + 1;
  const fit = (from: number) => Math.max(0, Math.min(from, n - side));
  const rs = fit(r0);
  const cs = fit(c0);
  return { r0: rs, r1: Math.min(n, rs + side), c0: cs, c1: Math.min(n, cs + side) };
}

/** The window zoomed by `factor` (< 1 zooms in) around order position (r, c), square, inside [0, n). */
export function zoomWindow(win: MatrixWindow, factor: number, r: number, c: number, n: number): MatrixWindow {
  const side = Math.max(4, Math.min(n, Math.round((win.r1 - win.r0) * factor)));
  const fr = (r - win.r0) / Math.max(1, win.r1 - win.r0);
  const fc = (c - win.c0) / Math.max(1, win.c1 - win.c0);
  const start = (at: number, f: number) => Math.max(0, Math.min(n - side, Math.round(at - f * side)));
  const r0 = start(r, fr);
  const c0 = start(c, fc);
  return { r0, r1: Math.min(n, r0 + side), c0, c1: Math.min(n, c0 + side) };
}
