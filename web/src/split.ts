/**
 * The viewer's data as files (packages/cli/src/viewer/schema.ts): an index
 * that draws the first view, one file per plan fetched when a view needs
 * it. `splitAnalysis` cuts a whole analysis.json the same way the CLI's
 * writer does (the worker uses it for `?data=analysis.json`; a test checks
 * the two agree), and `mergePlanFile` puts a plan file back into a corpus
 * built from the index.
 */
import type { ViewerIndex, ViewerPlanFile, ViewerSearchShard } from '../../packages/cli/src/viewer/schema.ts';
import type { Corpus } from './prepare.ts';
import type { Analysis, CoverageCell, Findings, Plan } from './types.ts';

export type { ViewerIndex, ViewerPlanFile, ViewerSearchShard };
export const VIEWER_FORMAT = 'doichieu-viewer/1';
/** As packages/cli/src/viewer/schema.ts SEARCH_SHARD_PLANS (not imported: that module brings zod). */
export const SEARCH_SHARD_PLANS = 100;
export const INDEX_FILE = 'data/index.json';

type IndexPlan = ViewerIndex['plans'][number];
const STATUS_CODE = { absent: 0, mentioned: 1, operationalised: 2 } as const;
const STATUS_OF = ['absent', 'mentioned', 'operationalised'] as const;

/** What the index keeps of a plan: its metadata and whether it cites the directive. */
export function planStub(plan: Plan): IndexPlan {
  if (!plan.directiveCheck) return { id: plan.id, meta: plan.meta };
  const { evidence: _evidence, ...check } = plan.directiveCheck;
  return { id: plan.id, meta: plan.meta, directiveCheck: check };
}

/** The coverage rows as the index's columns (row-major, one column per field of a cell). */
export function columnarCoverage(
  groups: readonly string[],
  rows: Analysis['coverage'],
): ViewerIndex['coverage'] {
  const out: ViewerIndex['coverage'] = {
    groups: [...groups],
    plans: [],
    directive: [],
    status: [],
    share: [],
    units: [],
    operational: [],
  };
  for (const row of rows) {
    out.plans.push(row.planId);
    out.directive.push(row.directive ?? null);
    const byGroup = new Map(row.cells.map((c) => [c.group, c]));
    for (const g of groups) {
      const c = byGroup.get(g);
      out.status.push(c ? STATUS_CODE[c.status] : -1);
      out.share.push(c?.share ?? 0);
      out.units.push(c?.units.length ?? 0);
      out.operational.push(c?.operationalUnits.length ?? 0);
    }
  }
  return out;
}

export function planFilePath(index: number): string {
  return `plans/${String(index).padStart(5, '0')}.json`;
}

export function searchShardPath(index: number): string {
  return `search/${String(index).padStart(4, '0')}.json`;
}

/** The index and plan files of a whole analysis (as the CLI writes them, parsed). */
export function splitAnalysis(analysis: Analysis): {
  index: ViewerIndex;
  plans: ViewerPlanFile[];
  search: ViewerSearchShard[];
  citations?: Analysis['citations'];
} {
  const at = new Map(analysis.plans.map((p, i) => [p.id, i]));
  const files: ViewerPlanFile[] = analysis.plans.map((plan) => ({
    format: VIEWER_FORMAT,
    planId: plan.id,
    plan,
  }));
  for (const row of analysis.coverage) {
    const f = files[at.get(row.planId) ?? -1];
    if (f) f.coverage = row;
  }
  for (const p of analysis.profiles ?? []) {
    const f = files[at.get(p.planId) ?? -1];
    if (f) f.profile = p;
  }
  const f = analysis.findings;
  if (f) {
    const own = (planId: string) => {
      const file = files[at.get(planId) ?? -1];
      if (!file) return undefined;
      file.findings ??= {
        additions: [],
        omissions: [],
        comparisons: [],
        order: { additions: [], omissions: [], comparisons: [] },
      };
      return file.findings;
    };
    f.keyness.forEach((k, i) => {
      const x = own(k.planId);
      if (!x) return;
      x.keyness = k;
      x.order.keyness = i;
    });
    for (const key of ['additions', 'omissions'] as const)
      f[key].forEach((item, i) => {
        const x = own(item.planId);
        if (!x) return;
        (x[key] as unknown[]).push(item);
        x.order[key].push(i);
      });
    f.comparisons.forEach((c, i) => {
      const x = own(c.a);
      if (!x) return;
      x.comparisons.push(c);
      x.order.comparisons.push(i);
    });
  }
  const { plans, coverage, findings, profiles: _p, citations, ...head } = analysis;
  const search: ViewerSearchShard[] = [];
  for (let i = 0; i < plans.length; i += SEARCH_SHARD_PLANS)
    search.push({
      format: VIEWER_FORMAT,
      plans: plans.slice(i, i + SEARCH_SHARD_PLANS).map((p) => ({
        planId: p.id,
        units: p.units.map((u) => ({ id: u.id, text: u.text, labels: u.alignment.labels })),
      })),
    });
  const compared = { a: [] as number[], b: [] as number[], similarity: [] as number[] };
  for (const c of findings?.comparisons ?? []) {
    compared.a.push(at.get(c.a) ?? -1);
    compared.b.push(at.get(c.b) ?? -1);
    compared.similarity.push(c.similarity);
  }
  const index: ViewerIndex = {
    ...head,
    format: VIEWER_FORMAT,
    plans: plans.map(planStub),
    coverage: columnarCoverage(
      analysis.directive.taskGroups.map((g) => g.id),
      coverage,
    ),
    ...(findings
      ? {
          findings: {
            plans: findings.plans,
            similarity: findings.similarity,
            ...(findings.neighbours ? { neighbours: findings.neighbours } : {}),
            ...(findings.method ? { method: findings.method } : {}),
            compared,
          },
        }
      : {}),
    files: {
      plans: plans.map((_, i) => planFilePath(i)),
      bytes: plans.map(() => 0),
      ...(citations ? { citations: 'citations.json' } : {}),
      profiles: (analysis.profiles?.length ?? 0) > 0,
      search: { shards: search.map((_, i) => searchShardPath(i)), bytes: search.map(() => 0) },
    },
  };
  return { index, plans: files, search, ...(citations ? { citations } : {}) };
}

// Shared by every plan not loaded yet: nothing writes to a stub, a loaded plan replaces it whole.
const NONE: never[] = [];
const NO_SOURCE: Plan['source'] = { encoding: 'utf-8', length: 0, byteLength: 0, text: '' };
const NO_STATS: Plan['stats'] = {
  units: 0,
  unitsByRole: {},
  maxDepth: 0,
  repairs: { ocr: 0, toneStyle: 0, unicode: 0 },
  warnings: 0,
  sourceLength: 0,
};

/** A plan of the index as a Plan: its metadata, no text, no units (they come with its file). */
function stubPlan(p: IndexPlan): Plan {
  return {
    id: p.id,
    meta: p.meta,
    source: NO_SOURCE,
    extracted: {},
    stats: NO_STATS,
    units: NONE,
    skipped: NONE,
    fields: NONE,
    references: NONE,
    ...(p.directiveCheck ? { directiveCheck: { ...p.directiveCheck, evidence: NONE } } : {}),
    messages: NONE,
  };
}

/** The coverage rows of the index's columns; the cells' unit ids are empty until the plan's file arrives. */
function coverageRows(c: ViewerIndex['coverage']): Analysis['coverage'] {
  const n = c.groups.length;
  return c.plans.map((planId, r) => {
    const cells: IndexCell[] = [];
    for (let g = 0; g < n; g++) {
      const k = r * n + g;
      const status = STATUS_OF[c.status[k]!];
      if (status === undefined) continue;
      cells.push({
        group: c.groups[g]!,
        status,
        units: NONE,
        operationalUnits: NONE,
        share: c.share[k]!,
        unitCount: c.units[k]!,
        operationalCount: c.operational[k]!,
      });
    }
    const directive = c.directive[r];
    return { planId, ...(directive ? { directive } : {}), cells };
  });
}

/** A coverage cell from the index: `units` are empty, their counts known. */
export type IndexCell = CoverageCell & { unitCount?: number; operationalCount?: number };

/** The index as an Analysis: plans are stubs, findings hold only what the index carries until plan files arrive. */
export function analysisOfIndex(index: ViewerIndex): Analysis {
  const { format: _format, files: _files, findings, plans, coverage, ...rest } = index;
  const out = { ...rest, plans: plans.map(stubPlan), coverage: coverageRows(coverage) } as Analysis;
  if (findings) {
    const { compared: _compared, ...head } = findings;
    out.findings = { ...head, keyness: [], additions: [], omissions: [], comparisons: [] } as Findings;
  }
  if (index.files.profiles) out.profiles = [];
  return out;
}

/** The compared pairs of the index as [a, b, similarity], in the order of findings.comparisons. */
export function comparedPairs(index: ViewerIndex): Array<[string, string, number]> {
  const c = index.findings?.compared;
  if (!c) return [];
  return c.a.map((a, i) => [index.plans[a]?.id ?? '', index.plans[c.b[i]!]?.id ?? '', c.similarity[i]!]);
}

type Kind = 'keyness' | 'additions' | 'omissions' | 'comparisons';
const KINDS = ['keyness', 'additions', 'omissions', 'comparisons'] as const;

/**
 * Puts plan files into a corpus built from the index, in place (the same
 * Corpus object, its maps and arrays updated), so that views holding it see
 * the plans arrive. Findings go back to their place in analysis.json's
 * arrays: with every file merged, in any order, the corpus is the one the
 * whole analysis.json would give.
 */
export class PlanFileMerger {
  private readonly planIndex = new Map<string, number>();
  private readonly coverageIndex = new Map<string, number>();
  private readonly merged = new Set<string>();
  private readonly sparse: Record<Kind, unknown[]> = {
    keyness: [],
    additions: [],
    omissions: [],
    comparisons: [],
  };
  private readonly profiles: unknown[] = [];

  constructor(
    private readonly corpus: Corpus,
    private readonly index: ViewerIndex,
  ) {
    index.plans.forEach((p, i) => {
      this.planIndex.set(p.id, i);
    });
    corpus.analysis.coverage.forEach((c, i) => {
      this.coverageIndex.set(c.planId, i);
    });
  }

  /** Merges `files`; returns the ids of the plans merged now. */
  merge(files: readonly ViewerPlanFile[]): string[] {
    const c = this.corpus;
    const a = c.analysis;
    const done: string[] = [];
    for (const file of files) {
      const i = this.planIndex.get(file.planId);
      if (i === undefined || this.merged.has(file.planId)) continue;
      const plan = file.plan as Plan;
      c.plans[i] = plan;
      c.planById.set(plan.id, plan);
      for (const unit of plan.units) c.unitById.set(unit.id, { unit, plan });
      if (file.coverage) {
        const ci = this.coverageIndex.get(plan.id);
        if (ci !== undefined) a.coverage[ci] = file.coverage;
        c.coverage.set(plan.id, new Map(file.coverage.cells.map((x) => [x.group, x as CoverageCell])));
      }
      if (file.profile) this.profiles[i] = file.profile;
      const f = file.findings;
      if (f) {
        if (f.keyness && f.order.keyness !== undefined) this.sparse.keyness[f.order.keyness] = f.keyness;
        for (const kind of ['additions', 'omissions', 'comparisons'] as const)
          f[kind].forEach((item, j) => {
            this.sparse[kind][f.order[kind][j] ?? this.sparse[kind].length] = item;
          });
      }
      this.merged.add(plan.id);
      done.push(plan.id);
    }
    // Dense again, in analysis.json's order: the holes (plans not merged yet) are skipped.
    if (c.findings)
      for (const kind of KINDS)
        (c.findings as Record<Kind, unknown[]>)[kind] = this.sparse[kind].filter(() => true);
    if (this.index.files.profiles) a.profiles = this.profiles.filter(() => true) as Analysis['profiles'];
    return done;
  }
}
