/**
 * Writes the viewer's data folder (see schema.ts) from an analysis.json of
 * any size: the file is streamed and cut into pieces (json-split.ts), each
 * piece checked against its part of the analysis schema, and the plan files
 * assembled from the pieces' own bytes (nothing is serialised again). The
 * folder is written beside its destination and renamed into place, so a
 * reader sees the old folder or the new one, never half of one.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { formatZodError } from '@doichieu/core';
import { AdditionCluster, Omission, PlanComparison, PlanNeighbours } from '@doichieu/diff';
import { CitationGraph, PlanProfile } from '@doichieu/measures';
import { AnalysedPlan } from '@doichieu/report';
import type { z } from 'zod';
import { UserError } from '../errors.ts';
import { JsonSplitError, splitJsonFile } from './json-split.ts';
import {
  CoverageRow,
  KeynessEntry,
  SEARCH_SHARD_PLANS,
  STATUS_CODE,
  VIEWER_FORMAT,
  ViewerIndex,
} from './schema.ts';

/** The arrays of analysis.json that are cut element by element. */
const SPLIT = new Set([
  'plans',
  'coverage',
  'profiles',
  'findings.keyness',
  'findings.additions',
  'findings.omissions',
  'findings.comparisons',
  'findings.neighbours',
]);

const PIECE: Record<string, z.ZodType> = {
  plans: AnalysedPlan,
  coverage: CoverageRow,
  profiles: PlanProfile,
  'findings.keyness': KeynessEntry,
  'findings.additions': AdditionCluster,
  'findings.omissions': Omission,
  'findings.comparisons': PlanComparison,
  'findings.neighbours': PlanNeighbours,
  citations: CitationGraph,
};

export interface ViewerDataSummary {
  plans: number;
  /** Bytes of data/index.json. */
  indexBytes: number;
  /** Bytes of all plan files together. */
  planBytes: number;
  citationsBytes: number;
  /** Bytes of all search shards together. */
  searchBytes: number;
}

interface PlanParts {
  plan: Buffer;
  coverage?: Buffer;
  profile?: Buffer;
  keyness?: { at: number; bytes: Buffer };
  additions: Array<{ at: number; bytes: Buffer }>;
  omissions: Array<{ at: number; bytes: Buffer }>;
  comparisons: Array<{ at: number; bytes: Buffer }>;
}

/** The plan file's name for the plan at `index`: ids may hold any character, the index is safe. */
export function planFilePath(index: number): string {
  return `plans/${String(index).padStart(5, '0')}.json`;
}

/**
 * Reads `analysisFile` and writes the viewer data folder `outDir` (replacing
 * one that is there). Throws a UserError naming the first bad path of a
 * malformed analysis.
 */
export async function writeViewerData(
  analysisFile: string,
  outDir: string,
  shownAs = basename(analysisFile),
): Promise<ViewerDataSummary> {
  const head: Record<string, unknown> = {};
  const findingsHead: Record<string, unknown> = {};
  const parts: PlanParts[] = [];
  const stubs: Array<ReturnType<typeof stubOf>> = [];
  /** Each plan's search entry, serialised: `{"planId":…,"units":[{"id","text","labels"}…]}`. */
  const searchEntries: string[] = [];
  const indexOf = new Map<string, number>();
  const coverage: CoverageRow[] = [];
  const compared = { a: [] as number[], b: [] as number[], similarity: [] as number[] };
  const neighbours: unknown[] = [];
  let citations: Buffer | undefined;
  let profiles = false;
  let hasFindings = false;
  const counters: Record<string, number> = {};

  const check = (path: string, index: number | undefined, bytes: Buffer): unknown => {
    const where = index === undefined ? path : `${path}[${index}]`;
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw new UserError(`${shownAs}: ${where}: not valid JSON`);
    }
    const schema = PIECE[path];
    if (!schema) return json;
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      // "plans[2]" + "units: required" → "plans[2].units: required".
      const inner = formatZodError(parsed.error, '\u0000').slice(3);
      throw new UserError(
        `${shownAs}: ${where}${inner.startsWith('(root)') ? inner.slice(6) : inner.startsWith('[') ? inner : `.${inner}`}`,
      );
    }
    return parsed.data;
  };
  const planOf = (planId: string, where: string): PlanParts => {
    const i = indexOf.get(planId);
    if (i === undefined) throw new UserError(`${shownAs}: ${where}: plan ${planId} is not among the plans`);
    return parts[i]!;
  };

  try {
    await splitJsonFile(analysisFile, SPLIT, (path, index, bytes) => {
      const at = (counters[path] ?? -1) + 1;
      counters[path] = at;
      const where = `${path}[${at}]`;
      switch (path) {
        case 'plans': {
          const plan = check(path, index, bytes) as AnalysedPlan;
          if (indexOf.has(plan.id)) throw new UserError(`${shownAs}: ${where}: plan id ${plan.id} repeats`);
          indexOf.set(plan.id, parts.length);
          parts.push({ plan: bytes, additions: [], omissions: [], comparisons: [] });
          stubs.push(stubOf(plan));
          searchEntries.push(searchEntry(plan));
          return;
        }
        case 'coverage': {
          const row = check(path, index, bytes) as CoverageRow;
          planOf(row.planId, where).coverage = bytes;
          coverage.push(row);
          return;
        }
        case 'profiles': {
          const p = check(path, index, bytes) as PlanProfile;
          planOf(p.planId, where).profile = bytes;
          profiles = true;
          return;
        }
        case 'findings.keyness': {
          const k = check(path, index, bytes) as z.infer<typeof KeynessEntry>;
          planOf(k.planId, where).keyness = { at, bytes };
          return;
        }
        case 'findings.additions':
        case 'findings.omissions': {
          const x = check(path, index, bytes) as { planId: string };
          const list = path === 'findings.additions' ? 'additions' : 'omissions';
          planOf(x.planId, where)[list].push({ at, bytes });
          return;
        }
        case 'findings.comparisons': {
          const c = check(path, index, bytes) as PlanComparison;
          planOf(c.a, where).comparisons.push({ at, bytes });
          planOf(c.b, where);
          compared.a.push(indexOf.get(c.a)!);
          compared.b.push(indexOf.get(c.b)!);
          compared.similarity.push(c.similarity);
          return;
        }
        case 'findings.neighbours':
          neighbours.push(check(path, index, bytes));
          return;
        case 'citations':
          check(path, index, bytes);
          citations = bytes;
          return;
        default:
          if (path.startsWith('findings.')) {
            hasFindings = true;
            findingsHead[path.slice('findings.'.length)] = check(path, index, bytes);
          } else head[path] = check(path, index, bytes);
      }
    });
  } catch (e) {
    if (e instanceof JsonSplitError) throw new UserError(`${shownAs}: not valid JSON (${e.message})`);
    throw e;
  }
  if (!('plans' in counters) && parts.length === 0 && !('directive' in head))
    throw new UserError(`${shownAs}: not an analysis.json (run "doichieu analyze" first)`);
  if (counters['findings.keyness'] !== undefined || counters['findings.comparisons'] !== undefined)
    hasFindings = true;

  const paths = parts.map((_, i) => planFilePath(i));
  const sizes = parts.map(() => 0);
  const shardCount = Math.ceil(parts.length / SEARCH_SHARD_PLANS);
  const search = {
    shards: Array.from({ length: shardCount }, (_, i) => searchShardPath(i)),
    bytes: Array.from({ length: shardCount }, () => 0),
  };
  const directive = head.directive as { taskGroups?: Array<{ id: string }> } | undefined;
  const index = {
    ...head,
    format: VIEWER_FORMAT,
    plans: stubs,
    coverage: columnarCoverage(
      (directive?.taskGroups ?? []).map((g) => g.id),
      coverage,
    ),
    ...(hasFindings
      ? {
          findings: {
            plans: findingsHead.plans ?? [],
            similarity: findingsHead.similarity ?? [],
            ...(neighbours.length > 0 || counters['findings.neighbours'] !== undefined ? { neighbours } : {}),
            ...(findingsHead.method ? { method: findingsHead.method } : {}),
            compared,
          },
        }
      : {}),
    files: {
      plans: paths,
      bytes: sizes,
      ...(citations ? { citations: 'citations.json' } : {}),
      profiles,
      search,
    },
  };

  // Everything goes into a fresh folder beside the destination, renamed into place at the end.
  const parent = dirname(outDir);
  mkdirSync(parent, { recursive: true });
  const tmp = join(parent, `.${basename(outDir)}-${randomBytes(6).toString('hex')}.tmp`);
  try {
    mkdirSync(join(tmp, 'plans'), { recursive: true });
    mkdirSync(join(tmp, 'search'), { recursive: true });
    let searchBytes = 0;
    search.shards.forEach((path, i) => {
      const body = searchEntries.slice(i * SEARCH_SHARD_PLANS, (i + 1) * SEARCH_SHARD_PLANS).join(',');
      const text = Buffer.from(`{"format":"${VIEWER_FORMAT}","plans":[${body}]}`);
      writeFileSync(join(tmp, path), text);
      search.bytes[i] = text.length;
      searchBytes += text.length;
    });
    let planBytes = 0;
    parts.forEach((p, i) => {
      const text = planFileBytes(stubs[i]!.id, p);
      writeFileSync(join(tmp, paths[i]!), text);
      sizes[i] = text.length;
      planBytes += text.length;
    });
    const parsed = ViewerIndex.safeParse(index);
    if (!parsed.success) throw new UserError(formatZodError(parsed.error, `${shownAs} (viewer index)`));
    const indexText = JSON.stringify(index);
    writeFileSync(join(tmp, 'index.json'), indexText);
    let citationsBytes = 0;
    if (citations) {
      const text = Buffer.concat([
        Buffer.from(`{"format":"${VIEWER_FORMAT}","citations":`),
        citations,
        Buffer.from('}'),
      ]);
      writeFileSync(join(tmp, 'citations.json'), text);
      citationsBytes = text.length;
    }
    replaceFolder(tmp, outDir);
    return {
      plans: parts.length,
      indexBytes: Buffer.byteLength(indexText),
      planBytes,
      citationsBytes,
      searchBytes,
    };
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    if (e instanceof UserError) throw e;
    throw new UserError(`cannot write ${outDir}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

export function searchShardPath(index: number): string {
  return `search/${String(index).padStart(4, '0')}.json`;
}

/** A plan's entry of its search shard: only what search reads and shows (ids, text, labels). */
function searchEntry(plan: AnalysedPlan): string {
  return JSON.stringify({
    planId: plan.id,
    units: plan.units.map((u) => ({ id: u.id, text: u.text, labels: u.alignment.labels })),
  });
}

/** What the index keeps of a plan: its metadata and whether it cites the directive. */
function stubOf(plan: AnalysedPlan) {
  const { evidence: _evidence, ...check } = plan.directiveCheck ?? { evidence: [] };
  return { id: plan.id, meta: plan.meta, ...(plan.directiveCheck ? { directiveCheck: check } : {}) };
}

/** The coverage rows as the index's columns (row-major, one column per field of a cell). */
export function columnarCoverage(groups: readonly string[], rows: readonly CoverageRow[]) {
  const out = {
    groups: [...groups],
    plans: [] as string[],
    directive: [] as Array<CoverageRow['directive'] | null>,
    status: [] as number[],
    share: [] as number[],
    units: [] as number[],
    operational: [] as number[],
  };
  for (const row of rows) {
    out.plans.push(row.planId);
    out.directive.push(row.directive ?? null);
    const byGroup = new Map(row.cells.map((c) => [c.group, c]));
    for (const g of groups) {
      const c = byGroup.get(g);
      out.status.push(c ? STATUS_CODE[c.status] : -1);
      out.share.push(c?.share ?? 0);
      out.units.push(c?.units.length ?? 0);
      out.operational.push(c?.operationalUnits.length ?? 0);
    }
  }
  return out;
}

function planFileBytes(planId: string, p: PlanParts): Buffer {
  const out: Buffer[] = [];
  const put = (s: string) => out.push(Buffer.from(s));
  put(`{"format":"${VIEWER_FORMAT}","planId":${JSON.stringify(planId)},"plan":`);
  out.push(p.plan);
  if (p.coverage) {
    put(',"coverage":');
    out.push(p.coverage);
  }
  if (p.profile) {
    put(',"profile":');
    out.push(p.profile);
  }
  const list = (items: Array<{ bytes: Buffer }>) => {
    put('[');
    items.forEach((x, i) => {
      if (i > 0) put(',');
      out.push(x.bytes);
    });
    put(']');
  };
  if (p.keyness || p.additions.length + p.omissions.length + p.comparisons.length > 0) {
    put(',"findings":{');
    if (p.keyness) {
      put('"keyness":');
      out.push(p.keyness.bytes);
      put(',');
    }
    put('"additions":');
    list(p.additions);
    put(',"omissions":');
    list(p.omissions);
    put(',"comparisons":');
    list(p.comparisons);
    const order = {
      ...(p.keyness ? { keyness: p.keyness.at } : {}),
      additions: p.additions.map((x) => x.at),
      omissions: p.omissions.map((x) => x.at),
      comparisons: p.comparisons.map((x) => x.at),
    };
    put(`,"order":${JSON.stringify(order)}}`);
  }
  put('}');
  return Buffer.concat(out);
}

/** Puts the folder `tmp` at `dest`: the old folder, if any, is moved aside first and removed after. */
export function replaceFolder(tmp: string, dest: string): void {
  let old: string | undefined;
  try {
    statSync(dest);
    old = `${tmp}.old`;
    renameSync(dest, old);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  renameSync(tmp, dest);
  if (old) rmSync(old, { recursive: true, force: true });
}
