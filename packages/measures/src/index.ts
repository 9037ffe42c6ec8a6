export { citationGraph } from './citations.ts';
export { FindingsFold } from './fold.ts';
export { dateRange, daysBetween, lagSince, planDate } from './lag.ts';
export {
  type ImportedReuse,
  PassimAlignment,
  PassimInputRecord,
  PassimRecord,
  passimExport,
  passimImport,
} from './passim.ts';
export {
  completeProfiles,
  eachProfile,
  levelAbove,
  levelAboveOf,
  type ProfileBase,
  profileBase,
  restatedEvidenceWanted,
  tapFindings,
} from './profile.ts';
export * from './schema.ts';
export { actorAgencies, deadlinesIn, programmesIn, specificityOf, targetsIn } from './specificity.ts';
export type * from './types.ts';

import { citationGraph } from './citations.ts';
import type { FindingsFold } from './fold.ts';
import { completeProfiles, levelAboveOf, type ProfileBase, profileBase } from './profile.ts';
import type { CitationGraph, PlanProfile } from './schema.ts';
import type { DirectiveLike, FindingsLike, MeasuredCell, MeasuredPlan } from './types.ts';

/** Profiles and citation graph of a whole corpus held in memory (notebooks, tests, `doichieu profile`). */
export function measureCorpus(
  directive: DirectiveLike,
  plans: readonly MeasuredPlan[],
  coverage: readonly { planId: string; cells: readonly MeasuredCell[] }[],
  findings?: FindingsLike,
): { profiles: PlanProfile[]; citations: CitationGraph } {
  const cellsOf = new Map(coverage.map((c) => [c.planId, c.cells]));
  const bases = plans.map((p) => profileBase(p, cellsOf.get(p.id) ?? [], directive));
  return finishMeasures(directive, bases, findings);
}

/** The corpus-level step, from the per-plan bases (streamed analyze keeps only those, and folds the findings). */
export function finishMeasures(
  directive: DirectiveLike,
  bases: readonly ProfileBase[],
  findings?: FindingsLike | FindingsFold,
): { profiles: PlanProfile[]; citations: CitationGraph } {
  const profiles = completeProfiles(
    bases,
    findings,
    directive.taskGroups.map((g) => g.id),
  );
  return { profiles, citations: corpusCitations(directive, bases) };
}

/** The citation graph of a corpus, from its bases (the plan of the level above as the profiles find it). */
export function corpusCitations(directive: DirectiveLike, bases: readonly ProfileBase[]): CitationGraph {
  const levelAboveIn = levelAboveOf(bases);
  const above = new Map(bases.map((b) => [b.planId, levelAboveIn(b).planId]));
  const citing = bases.map((b) => ({ id: b.planId, meta: b.meta, references: b.references }));
  return citationGraph(citing, directive, bases, (id) => above.get(id) ?? null);
}
