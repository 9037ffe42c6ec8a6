/**
 * The corpus manifest and the directive file: data, not code. A new plan or
 * another directive needs a new entry, never a code change.
 */
import { z } from 'zod';

/** A value the document does not state is recorded as "unknown", never guessed. */
const Known = z.string().min(1);
const IsoDateOrUnknown = z
  .string()
  .regex(
    /^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|unknown)$/,
    'expected an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) or "unknown"',
  );

export const PlanKind = z.enum([
  'study-and-dissemination',
  'implementation',
  'conference',
  'other',
  'unknown',
]);
export type PlanKind = z.infer<typeof PlanKind>;

/** Manifest values a person may check: the ones `doichieu add` proposes from the document. */
export const ProposedField = z.enum([
  'province',
  'district',
  'level',
  'issuingBody',
  'documentNumber',
  'date',
  'kind',
  'title',
  'signer',
  'cites',
]);
export type ProposedField = z.infer<typeof ProposedField>;

/** Where a manifest value came from: read from the document (with the text it was read from), or confirmed by a person. */
export const ValueProvenance = z
  .object({
    status: z.enum(['extracted', 'confirmed']),
    text: z.string().optional().describe('The words of the document the value was read from'),
    span: z
      .tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])
      .optional()
      .describe('[start, end) UTF-16 offsets of that text in the plan file'),
    note: z.string().optional(),
  })
  .strict();
export type ValueProvenance = z.infer<typeof ValueProvenance>;

export const PlanMeta = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'plan ids are lowercase letters, digits and dashes')
      .describe('Stable identifier, used in unit ids'),
    file: z.string().min(1).describe('Path of the plan file, relative to the manifest'),
    province: Known.describe('Province, or "unknown"'),
    district: Known.optional().describe('District for district-level plans, or "unknown"'),
    level: z.enum(['central', 'province', 'district', 'commune', 'unknown']),
    issuingBody: Known,
    documentNumber: Known.describe('As printed, e.g. "222-KH/TU", or "unknown"'),
    date: IsoDateOrUnknown.describe(
      'ISO date; partial (YYYY-MM) where only the month is known; or "unknown"',
    ),
    kind: PlanKind,
    title: Known,
    signer: Known.describe('Name of the signer, or "unknown"'),
    source: z.string().optional().describe('Original file name as received'),
    cites: Known.optional().describe('Number of the directive the plan says it implements, or "unknown"'),
    original: z
      .string()
      .min(1)
      .optional()
      .describe(
        'The file as received (PDF, DOCX, image), byte for byte, when `file` is the text extracted from it',
      ),
    layout: z
      .string()
      .min(1)
      .optional()
      .describe('Where the text of `file` sits on the pages of `original` (schemas/layout.schema.json)'),
    provenance: z
      .partialRecord(ProposedField, ValueProvenance)
      .optional()
      .describe('Per value: extracted from the document (not yet checked) or confirmed by a person'),
    note: z.string().optional(),
  })
  .strict();
export type PlanMeta = z.infer<typeof PlanMeta>;

export const Manifest = z
  .object({
    $schema: z.string().optional(),
    directive: z.string().min(1).describe('Path of the directive file, relative to the manifest'),
    gold: z
      .string()
      .min(1)
      .optional()
      .describe('Path of the annotations CSV (gold labels), relative to the manifest'),
    plans: z.array(PlanMeta),
  })
  .strict()
  .superRefine((m, ctx) => {
    const seen = new Map<string, number>();
    m.plans.forEach((p, i) => {
      const first = seen.get(p.id);
      if (first !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['plans', i, 'id'],
          message: `duplicate plan id "${p.id}" (also at plans[${first}])`,
        });
      else seen.set(p.id, i);
    });
  });
export type Manifest = z.infer<typeof Manifest>;

const Bilingual = z.object({ vi: z.string().min(1), en: z.string().min(1) }).strict();

export const TaskGroup = z
  .object({
    id: z.string().regex(/^[A-Z0-9]+$/),
    label: Bilingual,
    short: Bilingual,
    description: Bilingual,
    phrases: z.array(z.string().min(1)).min(1).describe('Phrases that characterise the group, in Vietnamese'),
  })
  .strict();
export type TaskGroup = z.infer<typeof TaskGroup>;

/** A document known to be mistaken for the directive (same number, another kind, issuer or year). */
export const KnownConfusable = z
  .object({
    number: z.string().min(1).describe('As cited, e.g. "24-CT/TU"'),
    date: IsoDateOrUnknown.optional(),
    issuer: z.string().optional(),
    title: Bilingual.optional(),
  })
  .strict();
export type KnownConfusable = z.infer<typeof KnownConfusable>;

/** How plans cite the directive: what the directive check looks for. */
export const DirectiveCitation = z
  .object({
    number: z
      .string()
      .min(1)
      .optional()
      .describe('The number plans cite, e.g. "24-CT/TW" (default: the directive id)'),
    titlePhrases: z
      .array(z.string().min(1))
      .optional()
      .describe(
        'Phrases of the title that name the directive without its number, matched accent-folded (default: the Vietnamese title after its first "về")',
      ),
    confusables: z
      .array(KnownConfusable)
      .optional()
      .describe(
        'Documents known to be confused with the directive; others are found by method (same number, another kind, issuer or year)',
      ),
  })
  .strict();
export type DirectiveCitation = z.infer<typeof DirectiveCitation>;

/** What the directive is about, for titles and for lists that must not be written into code. */
export const DirectiveTopic = z
  .object({
    label: Bilingual.describe('The topic as a phrase: "phổ biến, giáo dục pháp luật", "legal education"'),
    abbreviations: z
      .array(z.string().min(1))
      .optional()
      .describe('Abbreviations of the topic used in plans, e.g. "PBGDPL"'),
    agencyPhrases: z
      .array(z.string().min(1))
      .optional()
      .describe(
        'Lower-case phrases that occur inside the names of bodies working on the topic ("Hội đồng phối hợp phổ biến, giáo dục pháp luật")',
      ),
    searchExample: z
      .string()
      .min(1)
      .optional()
      .describe(
        'A search example for the viewer, with diacritics ("pháp luật"); it is shown folded too (default: the topic label)',
      ),
  })
  .strict();
export type DirectiveTopic = z.infer<typeof DirectiveTopic>;

export const Directive = z
  .object({
    $schema: z.string().optional(),
    id: z.string(),
    title: Bilingual,
    shortTitle: Bilingual.optional().describe(
      'How titles name the directive: "Chỉ thị 24-CT/TW", "Directive 24-CT/TW" (default: the id)',
    ),
    topic: DirectiveTopic.optional(),
    issuer: z.string(),
    date: IsoDateOrUnknown,
    replaces: z.array(z.string()).optional(),
    citation: DirectiveCitation.optional(),
    related: z
      .array(
        z
          .object({
            number: z.string().min(1),
            date: z.string().optional().describe('ISO date of the document'),
            issuer: z.string().optional(),
            title: z.string().optional(),
          })
          .strict(),
      )
      .optional()
      .describe(
        'Documents around the directive whose number and date are known (guidance, the document it replaces): citation checks compare against them',
      ),
    note: z.string().optional(),
    taskGroups: z.array(TaskGroup).min(1),
  })
  .strict();
export type Directive = z.infer<typeof Directive>;

/** One readable line per problem: `plans[2].date: expected an ISO date …`. */
export function formatZodError(error: z.ZodError, file: string): string {
  const first = error.issues[0];
  if (!first) return `${file}: invalid`;
  const where = first.path.length
    ? first.path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
        .join('')
        .replace(/^\./, '')
    : '(root)';
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
  // zod says "Invalid input: expected array, received undefined" for a missing field.
  const message = /received undefined$/.test(first.message) ? 'required' : first.message;
  return `${file}: ${where}: ${message}${more}`;
}
