/**
 * The one definition of every shape that crosses a stage boundary.
 * Types are inferred from these zod schemas; the published JSON Schemas in
 * `schemas/` are generated from them (`pnpm schemas`).
 *
 * Offsets everywhere are UTF-16 code-unit offsets into `Source.text`, the
 * decoded text of the file: what JS strings, the DOM and the viewer use.
 */
import { z } from 'zod';

export const Severity = z.enum(['info', 'warning', 'error']);
export type Severity = z.infer<typeof Severity>;

/** A positioned diagnostic, in the spirit of vfile-message. */
export const Message = z.object({
  /** `stage:rule`, e.g. `normalise:ocr-repair`, `decode:legacy-encoding`. */
  ruleId: z.string(),
  severity: Severity,
  reason: z.string(),
  /** Source span `[start, end)` (UTF-16 offsets into `Source.text`); absent when it concerns the whole file. */
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
  /** What was found and what it became, for repairs. */
  actual: z.string().optional(),
  expected: z.string().optional(),
});
export type Message = z.infer<typeof Message>;

export const EncodingName = z.enum([
  'utf-8',
  'utf-8-bom',
  'utf-16le',
  'utf-16be',
  'tcvn3',
  'vni',
  'windows-1258',
  'tcvn3-mojibake',
  'vni-mojibake',
]);
export type EncodingName = z.infer<typeof EncodingName>;

/** The decoded text exactly as the file holds it. */
export interface Source {
  text: string;
  encoding: EncodingName;
  messages: Message[];
}

/** A replacement of `[start, end)` of the current text by `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
  ruleId?: string;
  reason?: string;
}

/**
 * What a unit does in its document, from what the heading of its section says
 * (accent-folded, so OCR damage does not hide it). `viewpoint`: guiding
 * viewpoints and principles ("QUAN ĐIỂM CHỈ ĐẠO"); `resources`: funding and
 * means ("KINH PHÍ"); `assessment`: what a report finds (results, shortcomings,
 * causes). `logistics`, `agenda` and `attendees` occur only in a conference plan.
 */
export const Role = z.enum([
  'header',
  'preamble',
  'purpose',
  'requirement',
  'objective',
  'viewpoint',
  'task',
  'organisation',
  'resources',
  'assessment',
  'logistics',
  'agenda',
  'attendees',
  'recipients',
  'signature',
  'other',
]);
export type Role = z.infer<typeof Role>;

/** `row`: one row of a markdown table (its cells in `cells`). */
export const UnitKind = z.enum(['heading', 'item', 'paragraph', 'bullet', 'field', 'row']);
export type UnitKind = z.infer<typeof UnitKind>;

/** `part`: a lettered or named part above the Roman sections ("A.", "PHẦN I"); `annex`: "PHỤ LỤC II". */
export const MarkerKindSchema = z.enum([
  'part',
  'annex',
  'roman',
  'arabic',
  'paren',
  'letter',
  'dash',
  'plus',
]);

/** `[start, end)` in UTF-16 code units of the decoded source text. */
export const Span = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
export type Span = z.infer<typeof Span>;

export const FieldKind = z.enum([
  'lead-agency',
  'directing-agency',
  'implementing-agency',
  'coordinating-agency',
  'timing',
  'place',
  'attendees',
  'chair',
  'other',
]);
export type FieldKind = z.infer<typeof FieldKind>;

export const Deadline = z.object({
  text: z.string(),
  iso: z.string().optional(),
  quarter: z.string().optional(),
  ongoing: z.boolean().optional(),
});
export type Deadline = z.infer<typeof Deadline>;

/** A labelled field ("Cơ quan chỉ đạo: …", "Thời gian thực hiện: …") found in a unit. */
export const Field = z.object({
  field: FieldKind,
  label: z.string(),
  value: z.string(),
  agencies: z.array(z.string()).optional(),
  deadline: Deadline.optional(),
  /** The unit the field line is. */
  unitId: z.string(),
  /** The task (item or section) the field belongs to: the unit the field line sits under. */
  taskId: z.string().optional(),
  span: Span,
});
export type Field = z.infer<typeof Field>;

export const Unit = z.object({
  /**
   * Stable id: plan id + the path of markers ("II/1/b2"), not a running counter.
   * Units of the second and later documents of a file start with "d2/", "d3/"….
   */
  id: z.string(),
  /**
   * Which document of the file the unit belongs to, from 0: a file may hold a
   * cover letter and its attachment, or a decision and the plan it issues,
   * each with its own header, body and tail. Absent means 0.
   */
  document: z.number().int().nonnegative().optional(),
  kind: UnitKind,
  role: Role,
  marker: z.object({ kind: MarkerKindSchema, label: z.string() }).optional(),
  /** Texts of the enclosing headings, outermost first. */
  headingPath: z.array(z.string()),
  parentId: z.string().optional(),
  depth: z.number().int().nonnegative(),
  /** Normalised text (NFC, one tone style, OCR repaired, one line). */
  text: z.string(),
  /** For a table row: the text of each cell, in order. */
  cells: z.array(z.string()).optional(),
  /** For a table row: the table's column headings, where the table has a header row. */
  columns: z.array(z.string()).optional(),
  /** Source span `[start, end)`: UTF-16 offsets into the decoded source text. */
  span: Span,
  /** For plans decoded from a PDF or an image: the page and region of the unit's text. */
  location: z
    .object({
      page: z.number().int().positive(),
      /** Last page, when the unit runs over a page break. */
      pageEnd: z.number().int().positive().optional(),
      /** `[x0, y0, x1, y1]` on `page`, top-left origin, in the page's unit (see the plan's layout). */
      box: z.tuple([z.number(), z.number(), z.number(), z.number()]),
      /** OCR confidence, 0–100: the lowest of the unit's lines. */
      confidence: z.number().min(0).max(100).optional(),
      /** OCR confidence below the layout's threshold: check the text against the page image. */
      lowConfidence: z.boolean().optional(),
    })
    .optional(),
});
export type Unit = z.infer<typeof Unit>;

export const DocumentRefSchema = z.object({
  number: z.string(),
  kind: z.string(),
  issuer: z.string().optional(),
  date: z.string().optional(),
  text: z.string(),
  span: Span,
  unitId: z.string().optional(),
  /** The plan's own number in its header, not a citation. */
  self: z.boolean().optional(),
  /** OCR noise glued to the number: its digits may be wrong. */
  garbled: z.boolean().optional(),
  /** Only the number was given ("Kết luận 57"): the issuer is unknown. */
  partial: z.boolean().optional(),
});
export type DocumentRefFound = z.infer<typeof DocumentRefSchema>;

export const SkippedSpan = z.object({
  span: Span,
  reason: z.enum(['blank', 'markup', 'artefact']),
  detail: z.string().optional(),
});
export type SkippedSpan = z.infer<typeof SkippedSpan>;

export const DirectiveCitationStatus = z.enum(['cites', 'cites-confusable', 'no-citation']);
export type DirectiveCitationStatus = z.infer<typeof DirectiveCitationStatus>;

/** A document a plan cites in place of the directive analysed. */
export const CitedInstead = z.object({
  number: z.string(),
  kind: z.string(),
  issuer: z.string().optional(),
  /** ISO date, where a citation states it. */
  date: z.string().optional(),
  /** Same number as the directive with another kind, issuer or year. */
  confusable: z.boolean(),
  /** The title, where the directive file lists this document among its known confusables. */
  title: z.string().optional(),
  count: z.number().int().positive(),
  /** Source spans of its citations, in order. */
  spans: z.array(Span),
});
export type CitedInstead = z.infer<typeof CitedInstead>;

/** Does a plan cite the directive being analysed, and if not, what does it cite instead? */
export const DirectiveCheck = z.object({
  /** The directive checked for (its id). */
  directive: z.string(),
  status: DirectiveCitationStatus,
  /** Where the plan cites the directive: by number, by number alone ("Kết luận 57") or by title phrase. */
  evidence: z.array(
    z.object({ kind: z.enum(['number', 'short-number', 'title']), span: Span, text: z.string() }),
  ),
  /** Confusables first, then the other central documents it cites most; empty when it cites the directive and nothing confusable. */
  citesInstead: z.array(CitedInstead),
});
export type DirectiveCheck = z.infer<typeof DirectiveCheck>;
