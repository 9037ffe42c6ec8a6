/**
 * The viewer's data files (web/, served as `data/`): one small index the
 * first view draws from, and one file per plan that the viewer fetches when a
 * view needs that plan. Written from analysis.json by `writeViewerData`
 * (scripts/view.ts runs it when it serves the viewer); the JSON Schemas are
 * published as schemas/viewer-index.schema.json and viewer-plan.schema.json.
 *
 *   data/index.json          directive, method, every plan's metadata (no text, no units), the
 *                            coverage cells (status, share, unit counts; columnar), the findings'
 *                            plan list, similarity (small corpora) or neighbours, the compared pairs
 *   data/plans/NNNNN.json    one plan: its units, text, fields, references, coverage row with unit
 *                            ids, profile, and its share of the findings (keyness, additions,
 *                            omissions, the comparisons where it is side A)
 *   data/citations.json      the citation graph (the profiles view)
 *   data/search/NNNN.json    search shards: per plan (SEARCH_SHARD_PLANS plans a shard, in the order of
 *                            `plans`) its units' ids, text and labels, all the viewer's search reads
 */

import { DirectiveCheck, DirectiveCitationStatus, PlanMeta } from '@doichieu/core';
import { AdditionCluster, Findings, Omission, PlanComparison } from '@doichieu/diff';
import { CitationGraph, PlanProfile } from '@doichieu/measures';
import { AnalysedPlan, Analysis } from '@doichieu/report';
import { z } from 'zod';

export const VIEWER_FORMAT = 'doichieu-viewer/1';

export const CoverageRow = Analysis.shape.coverage.element;
export type CoverageRow = z.infer<typeof CoverageRow>;

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

/**
 * The index is columnar where it is per plan: a 7,000-plan index is a few
 * MB and a few tens of thousands of objects, cheap to parse and to hand
 * from the worker to the page.
 */
export const ViewerIndex = Analysis.pick({
  $schema: true,
  tool: true,
  offsets: true,
  directive: true,
  method: true,
  evaluation: true,
}).extend({
  format: z.literal(VIEWER_FORMAT),
  plans: z
    .array(
      z.object({
        id: z.string(),
        meta: PlanMeta,
        directiveCheck: DirectiveCheck.omit({ evidence: true }).optional(),
      }),
    )
    .describe('every plan, in analysis.json order: its metadata and whether it cites the directive'),
  coverage: z
    .object({
      groups: z.array(z.string()).describe('the task groups, in the order of the cells below'),
      plans: z.array(z.string()).describe("the coverage rows' plan ids, in analysis.json order"),
      directive: z.array(DirectiveCitationStatus.nullable()).describe("each row's directive check"),
      status: z
        .array(z.number().int().min(-1).max(2))
        .describe('row × group, row-major: 2 operationalised, 1 mentioned, 0 absent, -1 no cell'),
      share: z.array(z.number()),
      units: z.array(z.number().int()).describe('units behind the cell (their ids are in the plan file)'),
      operational: z.array(z.number().int()).describe('of them, those that operationalise the group'),
    })
    .describe('the heatmap: every cell but its unit ids'),
  findings: Findings.pick({ plans: true, similarity: true, neighbours: true, method: true })
    .extend({
      compared: z
        .object({
          a: z.array(z.number().int()),
          b: z.array(z.number().int()),
          similarity: z.array(z.number()),
        })
        .describe('every compared pair (plan indices into `plans`), in the order of findings.comparisons'),
    })
    .optional(),
  files: z.object({
    plans: z.array(z.string()).describe('each plan’s file, in the order of `plans`, relative to the index'),
    bytes: z.array(z.number().int()).describe('their sizes'),
    citations: z.string().optional(),
    profiles: z.boolean().describe('whether the plan files carry profiles'),
    search: z
      .object({
        shards: z
          .array(z.string())
          .describe('the search shards, in the order of `plans`, relative to the index'),
        bytes: z.array(z.number().int()).describe('their sizes'),
      })
      .optional()
      .describe('the text-only search files (search reads these, never the plan files)'),
  }),
});
export type ViewerIndex = z.infer<typeof ViewerIndex>;

export const STATUS_CODE = { absent: 0, mentioned: 1, operationalised: 2 } as const;

export const ViewerCitations = z.object({ format: z.literal(VIEWER_FORMAT), citations: CitationGraph });

/** Plans per search shard: a search at 7,000 plans reads 70 shards of text only. */
export const SEARCH_SHARD_PLANS = 100;

export const ViewerSearchShard = z.object({
  format: z.literal(VIEWER_FORMAT),
  plans: z
    .array(
      z.object({
        planId: z.string(),
        units: z
          .array(
            z.object({
              id: z.string(),
              text: z.string().describe("the unit's text as the plan file has it (NFC, repaired)"),
              labels: z.array(z.string()).describe('the task groups it carries'),
            }),
          )
          .describe("the plan's units, in document order"),
      }),
    )
    .describe('the plans of this shard, in the order of the index'),
});
export type ViewerSearchShard = z.infer<typeof ViewerSearchShard>;
