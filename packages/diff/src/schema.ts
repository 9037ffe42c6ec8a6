/**
 * Findings of the diff stage, as they appear in analysis.json under
 * `findings`. Spans are UTF-16 offsets into the plan's `source.text`; every
 * score comes with the tokens that produced it.
 */
import { Span } from '@doichieu/core';
import { z } from 'zod';

/** A term with its weight, e.g. a cluster's key term or a keyness term. */
export const WeightedTerm = z.object({ term: z.string(), weight: z.number() });

/** One passage of a plan: a unit, or part of one. */
export const PassageRef = z.object({
  planId: z.string(),
  unitId: z.string(),
  span: Span.describe('source span of the passage in the plan'),
  text: z.string(),
});

/** Content of this plan with no counterpart in the directive or the other plans, grouped. */
export const AdditionCluster = z.object({
  id: z.string(),
  planId: z.string(),
  group: z.string().nullable().describe('task group the passages carry, or null when none'),
  label: z.string().describe('readable label made from the key terms'),
  keyTerms: z.array(WeightedTerm),
  passages: z.array(PassageRef),
  /** Highest similarity of any passage to the directive or another plan (low = new). */
  novelty: z.number().describe('1 - best similarity to the directive or any other plan, 0..1'),
  specificity: z
    .number()
    .optional()
    .describe(
      'how specific the cluster is to its plan against the whole corpus: novelty × mean G² of its top three key terms (plan vs the rest); clusters of a plan are listed by it, highest first',
    ),
});

/** An element of a task group that the directive or other plans carry and this plan does not. */
export const Omission = z.object({
  planId: z.string(),
  group: z.string(),
  label: z.string(),
  keyTerms: z.array(WeightedTerm),
  /** How many of the other plans carry it (consensus), and whether the directive's own phrases do. */
  carriedBy: z.array(z.string()),
  /** How many plans carry it, when `carriedBy` lists only the first of them (large corpora). */
  carriedByCount: z.number().optional(),
  inDirective: z.boolean(),
  examples: z.array(PassageRef).describe('passages of other plans that carry the element'),
});

/** A word-level change between two paired units: equal, removed (only in A) or added (only in B). */
export const DiffPart = z.object({
  op: z.enum(['equal', 'removed', 'added']),
  text: z.string(),
});

export const UnitPair = z.object({
  group: z.string(),
  a: PassageRef,
  b: PassageRef,
  similarity: z.number().describe('0..1, cosine of syllable n-gram vectors after normalisation'),
  matchedTerms: z.array(z.string()).describe('the shared terms that produced the score'),
  diff: z.array(DiffPart).describe('syllable diff after normalisation, adjacent changes merged into phrases'),
  diffStatus: z
    .enum(['max-edit-length', 'timeout'])
    .optional()
    .describe(
      'present when the diff gave up on its budget (counted in operations, never in time; "timeout" only in files of older versions): `diff` is then the whole of A removed and B added',
    ),
});

/** A passage two plans share word for word (after normalisation), found regardless of order. */
export const ReusePassage = z.object({
  a: PassageRef,
  b: PassageRef,
  tokens: z.number().describe('length in syllables of the shared run'),
  text: z.string().describe('the shared text, normalised'),
  boilerplate: z
    .boolean()
    .optional()
    .describe(
      'true when the run is mostly the directive’s citation formula or wording most plans of the corpus share',
    ),
});

export const PlanComparison = z.object({
  a: z.string(),
  b: z.string(),
  similarity: z.number(),
  pairs: z.array(UnitPair),
  reuse: z.array(ReusePassage),
  onlyInA: z.array(PassageRef).describe('content units of A with no counterpart in B'),
  onlyInB: z.array(PassageRef),
  reuseOnly: z
    .boolean()
    .optional()
    .describe(
      'true when only the shared passages were computed (large corpora): `pairs`, `onlyInA` and `onlyInB` are then empty; `doichieu diff A B` gives them',
    ),
  relation: z
    .enum(['peer', 'vertical'])
    .optional()
    .describe(
      'why the pair is compared (large corpora): `vertical` = a plan and a plan of the level above in its province, `peer` = close plans of the same level',
    ),
});

/** A plan's compared plans with their similarity (large corpora, in place of the matrix). */
export const PlanNeighbours = z.object({
  planId: z.string(),
  plans: z.array(
    z.object({
      planId: z.string(),
      similarity: z.number(),
      relation: z
        .enum(['peer', 'above', 'below'])
        .describe('peer: same level; above: the level above in the province; below: the level below'),
    }),
  ),
});

export const Findings = z.object({
  plans: z.array(z.string()),
  similarity: z
    .array(z.array(z.number()))
    .describe('plan × plan similarity, in the order of `plans`; empty for large corpora (see `neighbours`)'),
  neighbours: z
    .array(PlanNeighbours)
    .optional()
    .describe('large corpora: each plan’s compared plans with their exact similarity, most similar first'),
  keyness: z.array(
    z.object({
      planId: z.string(),
      terms: z.array(
        z.object({ term: z.string(), g2: z.number(), countInPlan: z.number(), countInRest: z.number() }),
      ),
    }),
  ),
  additions: z.array(AdditionCluster),
  omissions: z.array(Omission),
  comparisons: z
    .array(PlanComparison)
    .describe('plan pairs chosen by the candidate index (shared n-grams / MinHash-LSH)'),
  method: z
    .object({
      similarity: z.string(),
      candidates: z.string(),
      additions: z.string(),
      omissions: z.string(),
      reuse: z.string(),
      keyness: z.string(),
    })
    .optional()
    .describe('how each finding was computed, in words'),
});
export type Findings = z.infer<typeof Findings>;
export type WeightedTerm = z.infer<typeof WeightedTerm>;
export type PassageRef = z.infer<typeof PassageRef>;
export type AdditionCluster = z.infer<typeof AdditionCluster>;
export type Omission = z.infer<typeof Omission>;
export type UnitPair = z.infer<typeof UnitPair>;
export type ReusePassage = z.infer<typeof ReusePassage>;
export type PlanComparison = z.infer<typeof PlanComparison>;
export type PlanNeighbours = z.infer<typeof PlanNeighbours>;
