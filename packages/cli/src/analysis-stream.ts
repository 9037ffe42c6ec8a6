/**
 * analysis.json read piece by piece (json-split.ts): each plan, coverage row,
 * profile and findings item is parsed and checked against its part of the
 * analysis schema on its own, then kept whole, kept in part or dropped, as
 * the command reading it says (`AnalysisView`). A national analysis (1.6 GB
 * at 7,000 plans with the diff stage) is never one string, and a command
 * holds only what it reads. Errors name the first bad path in one line, as
 * one JSON.parse and the whole schema did (`analysis.json: plans[0].units: required`).
 */
import { formatZodError } from '@doichieu/core';
import { Findings } from '@doichieu/diff';
import { Analysis } from '@doichieu/report';
import { z } from 'zod';
import { UserError } from './errors.ts';
import { RefusedFile, readBoundedChunks } from './io.ts';
import { JsonSplitError, JsonSplitter } from './viewer/json-split.ts';

/** analysis.json is streamed, never one string: a ceiling far above any national corpus. */
export const MAX_STREAMED_ANALYSIS_BYTES = 64 * 2 ** 30;

type Item<K extends keyof Analysis> = NonNullable<Analysis[K]> extends readonly (infer T)[] ? T : never;
type FindingsItem<K extends keyof Findings> =
  NonNullable<Findings[K]> extends readonly (infer T)[] ? T : never;

/** What a command keeps of an element: itself, a lighter copy, or nothing (undefined). */
export type Keep<T> = false | ((value: T) => T | undefined);

/** Per array of analysis.json, what the command keeps of each element (default: all of it). */
export interface AnalysisView {
  plans?: Keep<Item<'plans'>>;
  coverage?: Keep<Item<'coverage'>>;
  profiles?: Keep<Item<'profiles'>>;
  citations?: boolean;
  keyness?: Keep<FindingsItem<'keyness'>>;
  additions?: Keep<FindingsItem<'additions'>>;
  omissions?: Keep<FindingsItem<'omissions'>>;
  comparisons?: Keep<FindingsItem<'comparisons'>>;
  neighbours?: Keep<FindingsItem<'neighbours'>>;
  similarity?: boolean;
  /** Each member before the plans (tool, directive, method…), checked, as it comes. */
  onHead?: (key: string, value: unknown) => void;
}

const TOP_ARRAYS = ['plans', 'coverage', 'profiles'] as const;
const FINDINGS_ARRAYS = [
  'similarity',
  'neighbours',
  'keyness',
  'additions',
  'omissions',
  'comparisons',
] as const;
const SPLIT = new Set<string>([...TOP_ARRAYS, ...FINDINGS_ARRAYS.map((f) => `findings.${f}`)]);

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
  return s;
}

function elementOf(schema: z.ZodType): z.ZodType {
  const s = unwrap(schema);
  if (!(s instanceof z.ZodArray)) throw new Error('not an array schema');
  return s.element as z.ZodType;
}

const HEAD_SCHEMA = Analysis.omit({
  plans: true,
  coverage: true,
  profiles: true,
  findings: true,
  citations: true,
});
const FINDINGS_HEAD = Findings.pick({ plans: true, method: true });

/** Reads `path` (shown as `shownAs` in errors) keeping what `view` says; the rest is checked for structure only. */
export function readAnalysisStream(path: string, shownAs: string, view: AnalysisView = {}): Analysis {
  const shape = Analysis.shape;
  const findingsShape = Findings.shape;
  const head: Record<string, unknown> = {};
  const lists: Record<string, unknown[]> = {};
  const findingsHead: Record<string, unknown> = {};
  const findingsLists: Record<string, unknown[]> = {};
  let findingsSeen = false;
  const seen = new Set<string>();

  const fail = (where: (string | number)[], error: z.ZodError): never => {
    const issues = error.issues.map((i) => ({ ...i, path: [...where, ...i.path] }));
    throw new UserError(formatZodError(new z.ZodError(issues), shownAs));
  };
  const parse = (where: (string | number)[], bytes: Buffer): unknown => {
    try {
      return JSON.parse(bytes.toString('utf8'));
    } catch {
      throw new UserError(`${shownAs}: ${formatWhere(where)}: not valid JSON`);
    }
  };
  const check = <T>(schema: z.ZodType, where: (string | number)[], json: unknown): T => {
    const parsed = schema.safeParse(json);
    if (!parsed.success) fail(where, parsed.error);
    return (parsed as { data: T }).data;
  };
  const keepOf = (name: string): Keep<unknown> | boolean | undefined =>
    (view as Record<string, Keep<unknown> | boolean | undefined>)[name];
  /** An element of an array of `schema`, checked and kept as the view says (nothing parsed when it keeps nothing). */
  const keepElement = (
    list: unknown[],
    keep: Keep<unknown> | boolean | undefined,
    schema: z.ZodType,
    where: (string | number)[],
    bytes: Buffer,
  ): void => {
    if (keep === false) return;
    const value = check<unknown>(elementOf(schema), where, parse(where, bytes));
    const kept = typeof keep === 'function' ? keep(value) : value;
    if (kept !== undefined) list.push(kept);
  };

  const onPiece = (piecePath: string, index: number | undefined, bytes: Buffer): void => {
    seen.add(piecePath);
    const dot = piecePath.indexOf('.');
    const top = dot < 0 ? piecePath : piecePath.slice(0, dot);
    if (top === 'findings') findingsSeen = true;
    if (top === 'findings' && dot > 0) {
      const field = piecePath.slice(dot + 1);
      const schema = (findingsShape as Record<string, z.ZodType>)[field];
      if (index === undefined || !schema) {
        // plans, method: small; checked at the end with the other required fields.
        if (schema) findingsHead[field] = parse(['findings', field], bytes);
        return;
      }
      findingsLists[field] ??= [];
      keepElement(findingsLists[field], keepOf(field), schema, ['findings', field, index], bytes);
      return;
    }
    if (top === 'findings') {
      // findings as one piece: not an object (the splitter descends into an object).
      check(Findings, ['findings'], parse(['findings'], bytes));
      return;
    }
    const schema = (shape as Record<string, z.ZodType>)[top];
    if (!schema) return;
    if (index !== undefined) {
      lists[top] ??= [];
      keepElement(lists[top], keepOf(top), schema, [top, index], bytes);
      return;
    }
    if (top === 'citations' && view.citations === false) return;
    const json = parse([top], bytes);
    if ((TOP_ARRAYS as readonly string[]).includes(top)) {
      // An empty array, or not an array at all: the schema says which.
      check(schema, [top], json);
      lists[top] = [];
      return;
    }
    head[top] = check(schema, [top], json);
    view.onHead?.(top, head[top]);
  };

  const splitter = new JsonSplitter(SPLIT, onPiece, (opened) => {
    seen.add(opened);
    if (opened.startsWith('findings.')) {
      findingsSeen = true;
      findingsLists[opened.slice('findings.'.length)] ??= [];
    } else lists[opened] ??= [];
  });
  let first = true;
  try {
    readBoundedChunks(path, MAX_STREAMED_ANALYSIS_BYTES, (chunk) => {
      let c = chunk;
      // A byte-order mark, as JSON.parse of the whole file allowed.
      if (first && c[0] === 0xef && c[1] === 0xbb && c[2] === 0xbf) c = c.subarray(3);
      first = false;
      splitter.write(c);
    });
    splitter.end();
  } catch (e) {
    if (e instanceof RefusedFile)
      throw new UserError(
        e.message === 'file not found'
          ? `analysis file not found: ${path}`
          : `analysis file ${path}: ${e.message}`,
      );
    if (e instanceof JsonSplitError) throw new UserError(`${shownAs}: not valid JSON (${e.message})`);
    throw e;
  }
  if (!seen.has('plans') || !seen.has('coverage'))
    throw new UserError(`${shownAs}: not an analysis.json (run "doichieu analyze" first)`);
  const headData = check<Record<string, unknown>>(HEAD_SCHEMA, [], head);
  const out: Record<string, unknown> = {
    ...headData,
    plans: lists.plans ?? [],
    coverage: lists.coverage ?? [],
  };
  if (findingsSeen) {
    const fh = check<Record<string, unknown>>(FINDINGS_HEAD, ['findings'], findingsHead);
    const findings: Record<string, unknown> = { plans: fh.plans };
    for (const field of FINDINGS_ARRAYS) {
      const list = findingsLists[field];
      if (list) findings[field] = list;
      else if (field !== 'neighbours') {
        // A required list that is absent: the schema's own message.
        if (!seen.has(`findings.${field}`))
          check(
            z.object({ [field]: (Findings.shape as Record<string, z.ZodType>)[field]! }),
            ['findings'],
            {},
          );
        findings[field] = [];
      }
    }
    findings.method = fh.method;
    out.findings = findings;
  }
  if (lists.profiles) out.profiles = lists.profiles;
  else if (seen.has('profiles')) out.profiles = [];
  if (head.citations !== undefined) out.citations = head.citations;
  return out as unknown as Analysis;
}

function formatWhere(where: (string | number)[]): string {
  return where.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/**
 * The same view over an analysis held in memory (a corpus analysed now): what `readAnalysisStream`
 * would keep of its file, with the same calls, in the file's order.
 */
export function applyView(analysis: Analysis, view: AnalysisView = {}): Analysis {
  const keepAll = <T>(list: readonly T[] | undefined, keep: Keep<T> | boolean | undefined): T[] => {
    if (!list || keep === false) return [];
    const out: T[] = [];
    for (const item of list) {
      const kept = typeof keep === 'function' ? keep(item) : item;
      if (kept !== undefined) out.push(kept);
    }
    return out;
  };
  const { plans, coverage, findings, profiles, citations, ...head } = analysis;
  for (const [key, value] of Object.entries(head)) view.onHead?.(key, value);
  const out: Record<string, unknown> = {
    ...head,
    plans: keepAll(plans, view.plans),
    coverage: keepAll(coverage, view.coverage),
  };
  if (findings) {
    const f: Record<string, unknown> = {
      plans: findings.plans,
      similarity: view.similarity === false ? [] : findings.similarity,
    };
    if (findings.neighbours) f.neighbours = keepAll(findings.neighbours, view.neighbours);
    f.keyness = keepAll(findings.keyness, view.keyness);
    f.additions = keepAll(findings.additions, view.additions);
    f.omissions = keepAll(findings.omissions, view.omissions);
    f.comparisons = keepAll(findings.comparisons, view.comparisons);
    f.method = findings.method;
    out.findings = f;
  }
  if (profiles) out.profiles = keepAll(profiles, view.profiles);
  if (citations && view.citations !== false) out.citations = citations;
  return out as unknown as Analysis;
}
