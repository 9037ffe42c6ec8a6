/**
 * Research measures of analysis.json: one implementation profile per plan
 * and the corpus's citation graph. Every figure names the units (and, where
 * the text is the evidence, the source spans) that produce it, so a reader
 * can check it unit by unit. Spans are UTF-16 offsets into the plan's
 * `source.text`, as everywhere in analysis.json.
 */
import { Span } from '@doichieu/core';
import { z } from 'zod';

/** A piece of evidence: where in which plan a figure comes from. */
export const Evidence = z.object({
  unitId: z.string(),
  span: Span.describe('source span of the evidence'),
  text: z.string().describe('the evidence as it reads in the unit (normalised text)'),
});
export type Evidence = z.infer<typeof Evidence>;

/** A number of days known exactly, or only as an interval (month-only or year-only dates). */
export const DayInterval = z
  .object({
    min: z.number().int().describe('fewest days the lag can be'),
    max: z.number().int().describe('most days the lag can be (= min when both dates are exact)'),
  })
  .describe('days between two dates; an interval when a date is partial');
export type DayInterval = z.infer<typeof DayInterval>;

export const DateSource = z
  .enum(['manifest', 'extracted', 'none'])
  .describe(
    'manifest: the confirmed date; extracted: read from the document header, not confirmed; none: unknown',
  );

export const Lag = z.object({
  since: z.string().describe('the earlier date (ISO, possibly partial)'),
  planDate: z.string().describe('the plan’s date (ISO, possibly partial) or "unknown"'),
  dateSource: DateSource,
  days: DayInterval.nullable().describe('null when either date is unknown'),
});
export type Lag = z.infer<typeof Lag>;

export const LevelAboveLag = Lag.extend({
  planId: z.string().nullable().describe('the plan of the level above that this plan follows, or null'),
  how: z
    .enum(['cited', 'closest-before', 'none', 'province-unknown', 'top-level'])
    .describe(
      'cited: the plan cites its number; closest-before: the latest plan of the level above in its province dated before it; none: no plan of the level above in the corpus; province-unknown: the manifest does not know the province; top-level: nothing above it is a plan',
    ),
  note: z.string(),
});

export type LevelAboveLag = z.infer<typeof LevelAboveLag>;

/** Shares of one plan's content (or of one task group's units), in source characters of letters and digits. */
export const ContentShares = z.object({
  group: z.string().nullable().describe('task group, or null for the whole plan'),
  contentChars: z.number().int().describe('letters and digits in the content units considered'),
  units: z.number().int(),
  restated: z
    .number()
    .describe(
      'share restating the directive: its task groups’ wording, boilerplate and passages several plans share',
    ),
  own: z.number().describe('share that is the plan’s own: additions, and local names, programmes and places'),
  restatedEvidence: z.array(Evidence).describe('the passages behind `restated` (at most 20 listed)'),
  ownEvidence: z.array(Evidence).describe('the passages behind `own` (at most 20 listed)'),
});
export type ContentShares = z.infer<typeof ContentShares>;

export const AgencyRole = z.enum(['lead', 'coordinating', 'implementing', 'directing', 'charged']);

export const GroupSpecificity = z.object({
  group: z.string(),
  agencies: z
    .array(z.object({ name: z.string(), role: AgencyRole, evidence: Evidence }))
    .describe('named agencies charged with the group’s tasks (field lines, or named as the actor)'),
  deadlines: z
    .array(
      z.object({
        text: z.string(),
        kind: z.enum(['date', 'quarter', 'year', 'period', 'recurring']),
        evidence: Evidence,
      }),
    )
    .describe('deadlines and periods attached to the group’s units'),
  targets: z
    .array(z.object({ text: z.string(), evidence: Evidence }))
    .describe('quantified targets: a number with a unit, a percentage, a count'),
  documents: z
    .array(z.object({ name: z.string(), evidence: Evidence }))
    .describe('named programmes, projects and documents the group’s units cite'),
  depth: z
    .number()
    .int()
    .min(0)
    .max(4)
    .describe(
      '0 absent; 1 only mentioned; 2 turned into tasks; 3 tasks with a named agency; 4 tasks with a named agency and a deadline',
    ),
  unitChecks: z
    .array(
      z.object({
        unitId: z.string(),
        task: z.boolean().describe('an operational unit of the coverage cell'),
        agency: z.boolean(),
        deadline: z.boolean(),
        target: z.boolean(),
      }),
    )
    .describe('per unit of the group, what it specifies: the depth can be checked unit by unit'),
});
export type GroupSpecificity = z.infer<typeof GroupSpecificity>;

export const LearningSource = z
  .enum(['vertical', 'horizontal', 'same-province', 'boilerplate', 'undetermined', 'other'])
  .describe(
    'vertical: from the plan of the level above in its province; horizontal: from plans of other provinces at the same level; same-province: from a peer of its own province; boilerplate: the directive’s common restatement; undetermined: the relation cannot be decided because a province or level is unknown; other: any other relation',
  );

export const TextualLearning = z.object({
  measuredAgainst: z
    .array(z.string())
    .describe('plans this plan was compared with for reuse (the diff stage’s candidate pairs)'),
  shares: z
    .record(LearningSource, z.number())
    .describe('share of the plan’s content characters reused, by source'),
  bySourcePlan: z
    .array(z.object({ planId: z.string(), relation: LearningSource, share: z.number() }))
    .describe('share of the plan’s content reused from each other plan, largest first'),
  passages: z
    .array(
      z.object({
        relation: LearningSource,
        from: z.string(),
        unitId: z.string(),
        span: Span,
        tokens: z.number().int(),
        text: z.string(),
      }),
    )
    .describe('the reused passages behind the shares (at most 40 listed, longest first)'),
  note: z.string().optional().describe('why some reuse cannot be classified'),
});
export type TextualLearning = z.infer<typeof TextualLearning>;

export const PlanProfile = z.object({
  planId: z.string(),
  lag: z.object({ directive: Lag, levelAbove: LevelAboveLag }),
  reiteration: z.object({ plan: ContentShares, byGroup: z.array(ContentShares) }),
  specificity: z.array(GroupSpecificity),
  learning: TextualLearning.nullable().describe('null when the diff stage did not run'),
});
export type PlanProfile = z.infer<typeof PlanProfile>;

export const CitedDocument = z.object({
  id: z.string().describe('canonical number, e.g. "111-HD/BTGTW"'),
  kind: z.string(),
  issuer: z.string().optional(),
  knownDate: z.string().optional().describe('date known from the directive file or a plan of the corpus'),
  knownFrom: z.enum(['directive', 'directive-related', 'corpus']).optional(),
  planId: z.string().optional().describe('the plan of the corpus that has this number'),
  citedBy: z.array(z.string()).describe('plans that cite it'),
});

export const Citation = z.object({
  from: z.string().describe('citing plan'),
  to: z.string().describe('cited document id (CitedDocument.id)'),
  count: z.number().int(),
  dates: z.array(z.string()).describe('dates given with the citation, distinct, sorted'),
  evidence: z.array(Evidence).describe('where the plan cites it (at most 10 listed)'),
});

export const CitationCheck = z.object({
  planId: z.string(),
  check: z
    .enum(['number-differs', 'date-differs', 'date-mismatch', 'guidance-not-in-level-above'])
    .describe(
      'number-differs: one document cited under different numbers (same kind, issuer and date); date-differs: one number cited with different dates; date-mismatch: a citation’s date differs from the known date of the document; guidance-not-in-level-above: a guidance the plan cites that the plan of the level above never mentions',
    ),
  message: z.string(),
  documents: z.array(z.string()),
  evidence: z.array(Evidence),
});
export type CitationCheck = z.infer<typeof CitationCheck>;

export const CitationGraph = z.object({
  documents: z.array(CitedDocument),
  citations: z.array(Citation),
  checks: z.array(CitationCheck),
});
export type CitationGraph = z.infer<typeof CitationGraph>;
