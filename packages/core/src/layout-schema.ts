/**
 * Where extracted text sits in the original file (PDF page, scanned image):
 * the record the decode stage of `@doichieu/formats` writes beside the
 * extracted text, so every unit can be traced to a page and a region on it,
 * and OCR'd text keeps the engine's confidence.
 */
import { z } from 'zod';
import { Span } from './model.ts';

/** `[x0, y0, x1, y1]`, top-left origin, in the page's unit (PDF points, or image pixels). */
export const Box = z.tuple([z.number(), z.number(), z.number(), z.number()]);
export type Box = z.infer<typeof Box>;

export const LayoutPage = z
  .object({
    number: z.number().int().positive(),
    width: z.number().positive(),
    height: z.number().positive(),
    unit: z.enum(['pt', 'px']),
    /** How the page's text was obtained. */
    route: z.enum(['text-layer', 'ocr', 'docx']),
    /** Resolution the page was rendered at for OCR. */
    dpi: z.number().positive().optional(),
    /** Path (relative to the manifest) of the page image the reader shows, downscaled (doichieu add). */
    image: z.string().optional(),
  })
  .strict();
export type LayoutPage = z.infer<typeof LayoutPage>;

export const LayoutLine = z
  .object({
    /** `[start, end)` in the extracted text (UTF-16). */
    span: Span,
    page: z.number().int().positive(),
    box: Box,
    /** OCR confidence of the line, 0–100 (mean of its words). */
    confidence: z.number().min(0).max(100).optional(),
  })
  .strict();
export type LayoutLine = z.infer<typeof LayoutLine>;

export const StructureHint = z
  .object({
    span: Span,
    kind: z.enum(['heading', 'bold', 'list-item', 'table-cell']),
    level: z.number().int().positive().optional(),
  })
  .strict();
export type StructureHint = z.infer<typeof StructureHint>;

export const DocumentLayout = z
  .object({
    $schema: z.string().optional(),
    format: z.enum(['pdf', 'image', 'docx']),
    original: z
      .object({ name: z.string(), bytes: z.number().int().nonnegative(), sha256: z.string() })
      .strict(),
    pages: z.array(LayoutPage),
    lines: z.array(LayoutLine),
    /** Text left out of the extracted text on purpose (running headers and footers). */
    artefacts: z.array(
      z
        .object({ page: z.number().int().positive(), text: z.string(), box: Box, reason: z.string() })
        .strict(),
    ),
    hints: z.array(StructureHint),
    ocr: z
      .object({
        engine: z.string(),
        language: z.string(),
        /** Lines below this confidence are marked low-confidence. */
        lowConfidenceBelow: z.number(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type DocumentLayout = z.infer<typeof DocumentLayout>;
