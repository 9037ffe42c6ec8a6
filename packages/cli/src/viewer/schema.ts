/**
 * The viewer's data files (web/, served as `data/`): one small index the
 * first view draws from, and one file per plan that the viewer fetches when a
 * view needs that plan. Written from analysis.json by `writeViewerData`
 * (scripts/view.ts runs it when it serves the viewer); the JSON Schemas are
 * published as schemas/viewer-index.schema.json and viewer-plan.schema.json.
 *
 *   data/index.json          directive, method, every plan's metadata (no text, no units), the
 *                            coverage cells (status, share, unit counts), the findings' plan list,
 *                            similarity (small corpora) or neighbours, and which pairs were compared
 *   data/plans/NNNNN.json    one plan: its units, text, fields, references, coverage row with unit
 *                            ids, profile, and its share of the findings (keyness, additions,
 *                            omissions, the comparisons where it is side A)
 *   data/citations.json      the citation graph (the profiles view)
 */
import { AdditionCluster, Findings, Omission, PlanComparison } from '@doichieu/diff';
import { CitationGraph, PlanProfile } from '@doichieu/measures';
import { AnalysedPlan, Analysis, CoverageCellSchema } from '@doichieu/report';
import { z } from 'zod';

export const VIEWER_FORMAT = 'doichieu-viewer/1';

export const CoverageRow = Analysis.shape.coverage.element;
export type CoverageRow = z.infer<typeof CoverageRow>;

/** A cell as the index carries it: unit ids left to the plan's file, their counts kept. */
export const IndexCoverageCell = CoverageCellSchema.extend({
  units: z.array(z.string()).max(0).describe('empty in the index: the ids are in the plan file'),
  operationalUnits: z.array(z.string()).max(0),
  unitCount: z.number().int().describe('units behind the cell'),
  operationalCount: z.number().int().describe('of them, the ones that operationalise the group'),
});

export const KeynessEntry = Findings.shape.keyness.element;

/** Where each finding of a plan file stood in analysis.json's arrays (so the viewer restores their order). */
const Order = z.array(z.number().int());

export const PlanFindings = z.object({
  keyness: KeynessEntry.optional(),
  additions: z.array(AdditionCluster),
  omissions: z.array(Omission),
  comparisons: z.array(PlanComparison).describe('the comparisons where this plan is side A'),
  order: z.object({
    keyness: z.number().int().optional(),
    additions: Order,
    omissions: Order,
    comparisons: Order,
  }),
});

export const ViewerPlanFile = z.object({
  format: z.literal(VIEWER_FORMAT),
  planId: z.string(),
  plan: AnalysedPlan,
  coverage: CoverageRow.optional(),
  profile: PlanProfile.optional(),
  findings: PlanFindings.optional(),
});
export type ViewerPlanFile = z.infer<typeof ViewerPlanFile>;

export const ViewerIndex = Analysis.omit({
  plans: true,
  coverage: true,
  findings: true,
  profiles: true,
  citations: true,
}).extend({
  format: z.literal(VIEWER_FORMAT),
  plans: z
    .array(AnalysedPlan)
    .describe(
      'every plan without its text, units, skipped spans, fields, references, messages and directive-check evidence (all in its plan file)',
    ),
  coverage: z.array(CoverageRow.extend({ cells: z.array(IndexCoverageCell) })),
  findings: Findings.pick({ plans: true, similarity: true, neighbours: true, method: true })
    .extend({
      compared: z
        .array(z.tuple([z.string(), z.string(), z.number()]))
        .describe('every compared pair [a, b, similarity], in the order of findings.comparisons'),
    })
    .optional(),
  files: z.object({
    plans: z
      .array(z.object({ planId: z.string(), path: z.string(), bytes: z.number().int() }))
      .describe('the plan files, in the order of `plans`; paths relative to the index'),
    citations: z.string().optional(),
    profiles: z.boolean().describe('whether the plan files carry profiles'),
  }),
});
export type ViewerIndex = z.infer<typeof ViewerIndex>;

export const ViewerCitations = z.object({ format: z.literal(VIEWER_FORMAT), citations: CitationGraph });
