/**
 * Cluster-scale reuse through passim (github.com/dasmiq/passim, Spark).
 *
 * Export: one JSON record per line, `{id, series, text, …metadata}`, as
 * passim reads it. `text` is the plan's decoded source text with the three
 * characters XML gives meaning to (`<`, `>`, `&`) replaced by spaces: passim
 * parses `text` as XML, and a same-length replacement keeps passim's
 * character offsets equal to doichieu's source offsets (UTF-16 code units,
 * as in the JVM's strings).
 *
 * Import: passim's output records (`cluster`, `size`, `begin`, `end`, `uid`,
 * and `src`/`pboiler` where it wrote them) and the pairwise alignments of
 * `--pairwise` (`id1`, `id2`, `b1`, `e1`, `b2`, `e2`) become reuse passages
 * on doichieu's units: each passage is clipped to the unit it overlaps most.
 */
import type { Span } from '@doichieu/core';
import { z } from 'zod';
import type { MeasuredPlan, PassageLike } from './types.ts';

/** One line of `doichieu passim export`: passim's input record. */
export const PassimInputRecord = z
  .object({
    id: z.string().min(1).describe('plan id'),
    series: z
      .string()
      .min(1)
      .describe('the province (reuse within a series is ignored by passim), or the plan id'),
    text: z
      .string()
      .describe('the plan’s source text, < > & blanked: offsets are doichieu’s UTF-16 source offsets'),
    date: z.string(),
    province: z.string(),
    level: z.string(),
    kind: z.string(),
    documentNumber: z.string(),
    issuingBody: z.string(),
    title: z.string(),
  })
  .strict();
export type PassimInputRecord = z.infer<typeof PassimInputRecord>;

/** One of passim's output records (out.json): a passage of a reuse cluster. */
export const PassimRecord = z
  .object({
    id: z.string().min(1),
    cluster: z.union([z.number(), z.string()]),
    size: z.number().int().positive(),
    begin: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    uid: z.union([z.number(), z.string()]),
    src: z.string().optional(),
    pboiler: z.number().optional(),
    text: z.string().optional(),
    series: z.string().optional(),
  })
  .loose()
  .refine((r) => r.end > r.begin, { message: 'end must be after begin', path: ['end'] });
export type PassimRecord = z.infer<typeof PassimRecord>;

/** One pairwise alignment of `passim --pairwise` (align.json). */
export const PassimAlignment = z
  .object({
    id1: z.string().min(1),
    id2: z.string().min(1),
    b1: z.number().int().nonnegative(),
    e1: z.number().int().nonnegative(),
    b2: z.number().int().nonnegative(),
    e2: z.number().int().nonnegative(),
    s1: z.string().optional(),
    s2: z.string().optional(),
    matches: z.number().optional(),
    score: z.number().optional(),
  })
  .loose();
export type PassimAlignment = z.infer<typeof PassimAlignment>;

type ExportPlan = Pick<MeasuredPlan, 'id' | 'meta' | 'source'>;

/** passim's input: JSON Lines, one plan per line. `series` is the province (or the plan id with `series: 'plan'`). */
export function passimExport(
  plans: readonly ExportPlan[],
  options: { series?: 'province' | 'plan' } = {},
): string {
  return plans
    .map((p) => {
      const m = p.meta;
      const series = options.series === 'plan' || m.province === 'unknown' ? p.id : m.province;
      const record: PassimInputRecord = {
        id: p.id,
        series,
        text: p.source.text.replace(/[<>&]/g, ' '),
        date: m.date,
        province: m.province,
        level: m.level,
        kind: m.kind,
        documentNumber: m.documentNumber,
        issuingBody: m.issuingBody,
        title: m.title,
      };
      return JSON.stringify(record);
    })
    .join('\n')
    .concat(plans.length ? '\n' : '');
}

export interface ImportedReuse {
  a: PassageLike;
  b: PassageLike;
  tokens: number;
  text: string;
  boilerplate?: boolean;
  cluster?: string;
}

type ImportPlan = Pick<MeasuredPlan, 'id' | 'source'> & {
  units: readonly { id: string; span: Span; alignment: { content: boolean } }[];
};

function passageOn(plan: ImportPlan, begin: number, end: number): PassageLike | undefined {
  let best: { id: string; span: Span; overlap: number } | undefined;
  for (const u of plan.units) {
    if (!u.alignment.content) continue;
    const overlap = Math.min(end, u.span[1]) - Math.max(begin, u.span[0]);
    if (overlap > 0 && (!best || overlap > best.overlap)) best = { id: u.id, span: u.span, overlap };
  }
  if (!best) return undefined;
  const span: Span = [Math.max(begin, best.span[0]), Math.min(end, best.span[1])];
  return {
    planId: plan.id,
    unitId: best.id,
    span,
    text: plan.source.text.slice(span[0], span[1]).replace(/\s+/g, ' ').trim(),
  };
}

function syllables(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

export interface PassimImportResult {
  reuse: ImportedReuse[];
  /** Records that could not be placed: an unknown plan, or offsets outside every content unit. */
  skipped: { record: number; reason: string }[];
}

/** Reuse passages from passim's cluster records (every pair of passages of one cluster from two plans) and pairwise alignments. */
export function passimImport(
  plans: readonly ImportPlan[],
  records: readonly PassimRecord[],
  alignments: readonly PassimAlignment[] = [],
): PassimImportResult {
  const byId = new Map(plans.map((p) => [p.id, p]));
  const skipped: PassimImportResult['skipped'] = [];
  const clusters = new Map<string, { passage: PassageLike; boilerplate: boolean }[]>();
  for (const [index, r] of records.entries()) {
    const plan = byId.get(r.id);
    if (!plan) {
      skipped.push({ record: index, reason: `no plan "${r.id}" in the analysis` });
      continue;
    }
    if (r.end > plan.source.text.length) {
      skipped.push({ record: index, reason: `offsets beyond the end of ${r.id}` });
      continue;
    }
    const passage = passageOn(plan, r.begin, r.end);
    if (!passage) {
      skipped.push({
        record: index,
        reason: `no content unit of ${r.id} at ${r.begin}-${r.end}`,
      });
      continue;
    }
    const key = String(r.cluster);
    clusters.set(key, [...(clusters.get(key) ?? []), { passage, boilerplate: (r.pboiler ?? 0) >= 0.5 }]);
  }
  const reuse: ImportedReuse[] = [];
  for (const [cluster, members] of [...clusters].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++) {
        const [x, y] = [members[i]!, members[j]!];
        if (x.passage.planId === y.passage.planId) continue;
        const [a, b] = x.passage.planId < y.passage.planId ? [x, y] : [y, x];
        reuse.push({
          a: a.passage,
          b: b.passage,
          tokens: Math.min(syllables(a.passage.text), syllables(b.passage.text)),
          text: a.passage.text,
          ...(a.boilerplate || b.boilerplate ? { boilerplate: true } : {}),
          cluster,
        });
      }
  for (const [index, al] of alignments.entries()) {
    const p1 = byId.get(al.id1);
    const p2 = byId.get(al.id2);
    if (!p1 || !p2) {
      skipped.push({ record: records.length + index, reason: `alignment names an unknown plan` });
      continue;
    }
    const a = passageOn(p1, al.b1, al.e1);
    const b = passageOn(p2, al.b2, al.e2);
    if (!a || !b) {
      skipped.push({
        record: records.length + index,
        reason: 'alignment outside every content unit',
      });
      continue;
    }
    const [first, second] = a.planId < b.planId ? [a, b] : [b, a];
    reuse.push({
      a: first,
      b: second,
      tokens: Math.min(syllables(a.text), syllables(b.text)),
      text: first.text,
    });
  }
  return { reuse, skipped };
}
