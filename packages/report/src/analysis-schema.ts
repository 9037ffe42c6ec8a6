/**
 * analysis.json: everything `doichieu analyze` finds, in one file that the
 * viewer, the report and notebooks read. Spans are UTF-16 offsets into each
 * plan's `source.text`.
 */
import {
  Directive,
  DirectiveCheck,
  DirectiveCitationStatus,
  DocumentRefSchema,
  EncodingName,
  ExtractedMeta,
  Field,
  Message,
  PlanMeta,
  PlanStats,
  SkippedSpan,
  Unit,
} from '@doichieu/core';
import { Findings } from '@doichieu/diff';
import { CitationGraph, PlanProfile } from '@doichieu/measures';
import { z } from 'zod';

const Scores = z.record(z.string(), z.number());

export const EvidenceSchema = z.object({
  feature: z.string(),
  kind: z.enum(['term', 'directive', 'heading', 'role', 'kind', 'length']),
  weight: z.number(),
});

export const AlignmentSchema = z.object({
  content: z.boolean().describe('false for headings, the header, recipients and signature: not labelled'),
  scores: Scores.describe('Probability (supervised) or squashed phrase score (lexical) per task group'),
  labels: z.array(z.string()).describe('Task groups the unit carries; empty for none'),
  confidence: z.number(),
  evidence: z.record(z.string(), z.array(EvidenceSchema)),
  model: z
    .string()
    .describe(
      'What produced the labels: the model ref "id@version#sha256-prefix" (see method.model), or "lexical" (directive phrases only)',
    ),
  gold: z.array(z.string()).optional().describe('Hand labels, where the unit is annotated'),
});

export const ChargeSchema = z
  .object({
    task: z
      .boolean()
      .describe('true when the unit is a task someone is charged with (it makes its groups operationalised)'),
    reason: z
      .enum([
        'plan-assigned',
        'section-field',
        'actor',
        'actor-phrase',
        'timing',
        'not-task-section',
        'field-line',
        'no-actor',
      ])
      .describe(
        'tasks: plan-assigned (a task of a plan whose organisation section charges named bodies), section-field (a lead-agency or timing field in its section), actor (it or a section above opens with a named body), actor-phrase ("chủ trì", "phối hợp với", "giao cho"), timing (it sets a time); not tasks: not-task-section (a purpose, requirement, objective or viewpoint clause: see role), field-line (a field line itself, counted with its section), no-actor (in a task section, but no body, field or time)',
      ),
    role: z.string().optional().describe('the section role, for not-task-section'),
    field: z.string().optional().describe('the field kind, for section-field and field-line'),
    evidence: z
      .object({
        unitId: z
          .string()
          .describe('the unit whose words decided (this unit, a section above it, or a field line)'),
        at: z
          .tuple([z.number(), z.number()])
          .optional()
          .describe("[start, end) UTF-16 offsets into that unit's text (not the source)"),
        text: z.string(),
      })
      .optional(),
  })
  .describe('why the unit is, or is not, a task: the reason behind the coverage status');

export const AnalysedUnit = Unit.extend({
  alignment: AlignmentSchema,
  charge: ChargeSchema.optional().describe('content units: whether the unit is a task, and why'),
});

export const CoverageCellSchema = z.object({
  group: z.string(),
  status: z.enum(['operationalised', 'mentioned', 'absent']),
  units: z.array(z.string()),
  operationalUnits: z.array(z.string()),
  share: z.number(),
});

export const GroupMetricsSchema = z.object({
  group: z.string(),
  support: z.number(),
  predicted: z.number(),
  truePositives: z.number(),
  precision: z.number(),
  recall: z.number(),
  f1: z.number(),
});

export const EvaluationSchema = z.object({
  units: z.number(),
  perGroup: z.array(GroupMetricsSchema),
  microF1: z.number(),
  macroF1: z.number(),
  exactMatch: z.number(),
  confusion: z.record(z.string(), z.record(z.string(), z.number())),
});

/** A page of the plan's original file (PDF, image), as the reader shows it. */
export const PlanPage = z.object({
  number: z.number().int().positive(),
  width: z.number().positive(),
  height: z.number().positive(),
  unit: z.enum(['pt', 'px']).describe("The unit of the page's size and of its units' location boxes"),
  image: z
    .string()
    .optional()
    .describe('The page image, relative to analysis.json (DIR/pages/<plan id>/<page>.webp)'),
});

export const AnalysedPlan = z.object({
  id: z.string(),
  meta: PlanMeta,
  source: z.object({ encoding: EncodingName, length: z.number(), byteLength: z.number(), text: z.string() }),
  extracted: ExtractedMeta,
  stats: PlanStats,
  units: z.array(AnalysedUnit),
  skipped: z.array(SkippedSpan),
  fields: z.array(Field),
  references: z.array(DocumentRefSchema),
  directiveCheck: DirectiveCheck.optional().describe(
    'Whether the plan cites the directive analysed (absent in analyses written before the check)',
  ),
  messages: z.array(Message),
  pages: z
    .array(PlanPage)
    .optional()
    .describe(
      'For plans read from a PDF or an image (doichieu add): the pages, to show a unit where it sits',
    ),
});
export type AnalysedPlan = z.infer<typeof AnalysedPlan>;

export const Analysis = z.object({
  $schema: z.string().optional(),
  tool: z.object({ name: z.literal('doichieu'), version: z.string() }),
  offsets: z.literal('utf16'),
  directive: Directive,
  method: z.object({
    aligner: z.enum(['supervised', 'lexical']),
    annotatedUnits: z.number().describe('Annotated units the model was trained on'),
    description: z.string(),
    model: z
      .object({
        ref: z.string().describe("As in each unit's alignment.model"),
        id: z.string(),
        version: z.number(),
        sha256: z
          .string()
          .describe('Hash of the model file (packages/align/data/model.json) without this field'),
        trainedOn: z.number(),
        gold: z.array(z.object({ path: z.string(), sha256: z.string(), labelledUnits: z.number() })),
        plans: z.array(z.string()).describe('The annotated plans it learned from'),
      })
      .optional()
      .describe('The model that labelled every unit: the same for any corpus'),
    note: z.string().optional(),
    relativeMeasures: z
      .string()
      .optional()
      .describe('Which outputs depend on the other plans analysed (the comparison corpus: findings.plans)'),
  }),
  evaluation: z
    .object({
      protocol: z.literal('leave-one-plan-out'),
      model: z.string().optional().describe('The model whose figures these are (its ref)'),
      recorded: z
        .string()
        .optional()
        .describe('When the figures were computed: with the model, on its gold, not on this corpus'),
      engine: EvaluationSchema,
      lexical: EvaluationSchema,
      baseline: EvaluationSchema,
    })
    .optional(),
  plans: z.array(AnalysedPlan),
  coverage: z.array(
    z.object({
      planId: z.string(),
      directive: DirectiveCitationStatus.optional().describe(
        "The plan's directive check: rows other than 'cites' are not counted in corpus totals",
      ),
      cells: z.array(CoverageCellSchema),
    }),
  ),
  findings: Findings.optional().describe(
    'What each plan adds, omits and copies (absent when the diff stage was skipped)',
  ),
  profiles: z
    .array(PlanProfile)
    .optional()
    .describe(
      'Implementation profile per plan: lag, reiteration and localisation, specificity, textual learning (docs/measures.md)',
    ),
  citations: CitationGraph.optional().describe(
    'Documents cited by each plan, and consistency checks on the citations',
  ),
});
export type Analysis = z.infer<typeof Analysis>;
