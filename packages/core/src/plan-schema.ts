/**
 * The shape of an ingested plan and of the ingested corpus file
 * (`doichieu ingest --out DIR` writes DIR/corpus.json). Types are inferred
 * from these schemas; `pnpm schemas` publishes them as JSON Schema.
 */
import { z } from 'zod';
import { PlanMeta } from './manifest.ts';
import { DocumentRefSchema, EncodingName, Field, Message, Role, SkippedSpan, Span, Unit } from './model.ts';

export const ExtractedValue = z.object({ value: z.string(), span: Span, garbled: z.boolean().optional() });
export type ExtractedValue = z.infer<typeof ExtractedValue>;

export const ExtractedMeta = z.object({
  documentNumber: ExtractedValue.optional(),
  date: ExtractedValue.optional(),
  place: ExtractedValue.optional(),
  issuingBody: ExtractedValue.optional(),
  kind: ExtractedValue.optional(),
  title: ExtractedValue.optional(),
  signer: ExtractedValue.optional(),
  signerRole: ExtractedValue.optional(),
});
export type ExtractedMeta = z.infer<typeof ExtractedMeta>;

export const PlanStats = z.object({
  units: z.number().int(),
  unitsByRole: z.partialRecord(Role, z.number().int()),
  maxDepth: z.number().int(),
  repairs: z.object({ ocr: z.number().int(), toneStyle: z.number().int(), unicode: z.number().int() }),
  warnings: z.number().int(),
  sourceLength: z.number().int(),
});
export type PlanStats = z.infer<typeof PlanStats>;

export const IngestedPlan = z.object({
  id: z.string(),
  meta: PlanMeta,
  source: z.object({
    encoding: EncodingName,
    /** UTF-16 length of the decoded text. */
    length: z.number().int(),
    byteLength: z.number().int(),
    /** The decoded source text: every span points into it. */
    text: z.string(),
  }),
  units: z.array(Unit),
  skipped: z.array(SkippedSpan),
  fields: z.array(Field),
  references: z.array(DocumentRefSchema),
  extracted: ExtractedMeta,
  messages: z.array(Message),
  stats: PlanStats,
});
export type IngestedPlan = z.infer<typeof IngestedPlan>;

export const IngestedCorpus = z.object({
  $schema: z.string().optional(),
  tool: z.object({ name: z.literal('doichieu'), version: z.string() }),
  offsets: z
    .literal('utf16')
    .describe('All spans are [start, end) UTF-16 code-unit offsets into plan.source.text'),
  plans: z.array(IngestedPlan),
});
export type IngestedCorpus = z.infer<typeof IngestedCorpus>;
