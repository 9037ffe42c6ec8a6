/**
 * The viewer's data as files (packages/cli/src/viewer/schema.ts): an index
 * that draws the first view, one file per plan fetched when a view needs
 * it. `splitAnalysis` cuts a whole analysis.json the same way the CLI's
 * writer does (the worker uses it for `?data=analysis.json`; a test checks
 * the two agree), and `mergePlanFile` puts a plan file back into a corpus
 * built from the index.
 */
import type { ViewerIndex, ViewerPlanFile } from '../../packages/cli/src/viewer/schema.ts';
import type { Corpus } from './prepare.ts';
import type { Analysis, CoverageCell, Findings, Plan } from './types.ts';

export type { ViewerIndex, ViewerPlanFile };
export const VIEWER_FORMAT = 'doichieu-viewer/1';
export const INDEX_FILE = 'data/index.json';

/** A plan's metadata without what its file carries (text, units, fields…); still a Plan. */
export function planStub(plan: Plan): Plan {
  return {
    ...plan,
    source: { ...plan.source, text: '' },
    units: [],
    skipped: [],
    fields: [],
    references: [],
    messages: [],
    ...(plan.directiveCheck ? { directiveCheck: { ...plan.directiveCheck, evidence: [] } } : {}),
  };
}

export function planFilePath(index: number): string {
  return `plans/${String(index).padStart(5, '0')}.json`;
}

/** The index and plan files of a whole analysis (as the CLI writes them, parsed). */
export function splitAnalysis(analysis: Analysis): {
  index: ViewerIndex;
  plans: ViewerPlanFile[];
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
  const index: ViewerIndex = {
    ...head,
    format: VIEWER_FORMAT,
    plans: plans.map(planStub),
    coverage: coverage.map((row) => ({
      ...row,
      cells: row.cells.map((c) => ({
        ...c,
        units: [],
        operationalUnits: [],
        unitCount: c.units.length,
        operationalCount: c.operationalUnits.length,
      })),
    })) as ViewerIndex['coverage'],
    ...(findings
      ? {
          findings: {
            plans: findings.plans,
            similarity: findings.similarity,
            ...(findings.neighbours ? { neighbours: findings.neighbours } : {}),
            ...(findings.method ? { method: findings.method } : {}),
            compared: findings.comparisons.map((c) => [c.a, c.b, c.similarity] as [string, string, number]),
          },
        }
      : {}),
    files: {
      plans: plans.map((p, i) => ({ planId: p.id, path: planFilePath(i), bytes: 0 })),
      ...(citations ? { citations: 'citations.json' } : {}),
      profiles: (analysis.profiles?.length ?? 0) > 0,
    },
  };
  return { index, plans: files, ...(citations ? { citations } : {}) };
}

/** The index as an Analysis: plans are stubs, findings hold only what the index carries until plan files arrive. */
export function analysisOfIndex(index: ViewerIndex): Analysis {
  const { format: _format, files: _files, findings, ...rest } = index;
  const out = rest as unknown as Analysis;
  if (findings) {
    const { compared: _compared, ...head } = findings;
    out.findings = { ...head, keyness: [], additions: [], omissions: [], comparisons: [] } as Findings;
  }
  if (index.files.profiles) out.profiles = [];
  return out;
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
