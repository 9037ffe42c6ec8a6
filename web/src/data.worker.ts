/**
 * Fetches and parses the viewer's data off the main thread: the index, plan
 * files in batches, the citations, or (with `?data=analysis.json`) a whole
 * analysis, which is cut here into an index and plan files so the main
 * thread only ever receives small pieces. It also computes here what would
 * block the page at national scale: the Profiles table's rows (from every
 * plan file's profile, kept here; the page gets numbers only) and the
 * similarity view's clustered order, and search, over the text-only search
 * shards (never the plan files). Protocol: protocol.ts.
 */
import { type ProfileRow, profileRow, sortProfileRows } from './profile-rows.ts';
import type { IndexPart, WorkerReply, WorkerRequest } from './protocol.ts';
import {
  planSearchEntry,
  type SearchEntry,
  searchEntries,
  shardEntries,
  type ViewerSearchShard,
} from './search-shards.ts';
import { columnarCoverage, splitAnalysis, type ViewerIndex, type ViewerPlanFile } from './split.ts';
import type { Analysis, Findings } from './types.ts';
import { checkAnalysis, checkIndex, checkPlanFile } from './validate.ts';
import { clusterOrder, similarityGraph } from './views/similarity-data.ts';

export type { WorkerReply, WorkerRequest };

/** A whole analysis given with ?data=: its plan files and citations, served from memory. */
let local: { plans: Map<string, ViewerPlanFile>; citations: unknown } | undefined;
/** The index as read (its URL is the base of every path it lists). */
let current: { index: ViewerIndex; url: string } | undefined;
/** Each plan file's profile as a table row, by path, kept from every plan file parsed here. */
const profileRows = new Map<string, ProfileRow | null>();
let order: number[] | undefined;
/** The search entries (every unit, folded), once read; the bytes read for them go with the next reply. */
let searchLoad: Promise<SearchEntry[]> | undefined;
let searchBytes = 0;

/** Plans and coverage rows per index part: each part a structured clone of well under 100 ms to receive. */
const PART_PLANS = 500;

const name = (url: string) => url.split('?')[0]!.split('/').pop() || url;

const decoder = new TextDecoder();

/** The body as text, with its size in bytes (what the network carried, before any compression). */
async function fetchText(url: string): Promise<{ text: string; bytes: number }> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${name(url)}: HTTP ${response.status}`);
  const body = await response.arrayBuffer();
  return { text: decoder.decode(body), bytes: body.byteLength };
}

function parse(text: string, url: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${name(url)}: not JSON (${(e as Error).message})`);
  }
}

function groups(): string[] {
  return current?.index.directive.taskGroups.map((g) => g.id) ?? [];
}

function remember(path: string, file: ViewerPlanFile): void {
  if (!profileRows.has(path))
    profileRows.set(path, file.profile ? profileRow(file.profile as never, groups()) : null);
}

/** A plan file by its path, and the bytes fetched for it (0 from memory). */
async function planFile(path: string, base: string): Promise<{ file: ViewerPlanFile; bytes: number }> {
  const mine = local?.plans.get(path);
  if (mine) return { file: mine, bytes: 0 };
  const url = new URL(path, base).href;
  const { text, bytes } = await fetchText(url);
  const file = checkPlanFile(parse(text, url), name(url));
  remember(path, file);
  return { file, bytes };
}

/** Sends the index in parts: the head (with empty per-plan arrays), then slices of them. */
function sendIndex(id: number, index: ViewerIndex, bytes: number): void {
  const n = index.plans.length;
  const g = index.coverage.groups.length;
  const slices: IndexPart[] = [];
  for (let from = 0; from < n; from += PART_PLANS) {
    const to = Math.min(n, from + PART_PLANS);
    const c = index.coverage;
    slices.push({
      plans: index.plans.slice(from, to),
      coverage: {
        plans: c.plans.slice(from, to),
        directive: c.directive.slice(from, to),
        status: c.status.slice(from * g, to * g),
        share: c.share.slice(from * g, to * g),
        units: c.units.slice(from * g, to * g),
        operational: c.operational.slice(from * g, to * g),
      },
      ...(index.findings?.neighbours ? { neighbours: index.findings.neighbours.slice(from, to) } : {}),
    });
  }
  // Coverage rows and neighbour rows beyond the plans' count (not expected) go with the last part.
  const head: ViewerIndex = {
    ...index,
    plans: [],
    coverage: columnarCoverage(index.coverage.groups, []),
    ...(index.findings
      ? {
          findings: {
            ...index.findings,
            ...(index.findings.neighbours ? { neighbours: [] } : {}),
          },
        }
      : {}),
  };
  const c = index.coverage;
  if (c.plans.length > n || (index.findings?.neighbours?.length ?? 0) > n) {
    slices.push({
      coverage: {
        plans: c.plans.slice(n),
        directive: c.directive.slice(n),
        status: c.status.slice(n * g),
        share: c.share.slice(n * g),
        units: c.units.slice(n * g),
        operational: c.operational.slice(n * g),
      },
      ...(index.findings?.neighbours ? { neighbours: index.findings.neighbours.slice(n) } : {}),
    });
  }
  self.postMessage({ id, ok: true, index: head, bytes, parts: slices.length } satisfies WorkerReply);
  for (const part of slices) self.postMessage({ id, ok: true, part } satisfies WorkerReply);
}

/** Every unit's search entry: from the search shards, or (an analysis cut here, an older data folder) the plans. */
function searchIndex(): Promise<SearchEntry[]> {
  searchLoad ??= (async () => {
    if (!current) throw new Error('no index');
    const { index, url } = current;
    const parts: SearchEntry[][] = [];
    const shards = index.files.search?.shards;
    if (local) {
      for (const path of index.files.plans) {
        const file = local.plans.get(path);
        if (file)
          parts.push(shardEntries({ format: index.format, plans: [planSearchEntry(file.plan as never)] }));
      }
    } else if (shards) {
      const got = await Promise.all(
        shards.map(async (path) => {
          const at = new URL(path, url).href;
          const { text, bytes } = await fetchText(at);
          searchBytes += bytes;
          return shardEntries(parse(text, at) as ViewerSearchShard);
        }),
      );
      parts.push(...got);
    } else {
      const queue = [...index.files.plans];
      const got = new Map<string, SearchEntry[]>();
      await Promise.all(
        Array.from({ length: 6 }, async () => {
          for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
            const { file, bytes } = await planFile(path, url);
            searchBytes += bytes;
            got.set(
              path,
              shardEntries({ format: index.format, plans: [planSearchEntry(file.plan as never)] }),
            );
          }
        }),
      );
      for (const path of index.files.plans) parts.push(got.get(path) ?? []);
    }
    return parts.flat();
  })();
  return searchLoad;
}

async function handle(req: WorkerRequest): Promise<WorkerReply | undefined> {
  if (req.op === 'index') {
    const { text, bytes } = await fetchText(req.url);
    const json = parse(text, req.url) as Record<string, unknown>;
    let index: ViewerIndex;
    if (json && typeof json === 'object' && json.format === undefined && 'plans' in json) {
      // A whole analysis.json: cut here, kept here.
      const analysis = checkAnalysis(json, name(req.url)) as Analysis;
      const split = splitAnalysis(analysis);
      local = {
        plans: new Map(split.plans.map((p, i) => [split.index.files.plans[i]!, p])),
        citations: split.citations ? { format: split.index.format, citations: split.citations } : undefined,
      };
      index = split.index;
    } else index = checkIndex(json, name(req.url));
    current = { index, url: req.url };
    if (local) for (const [path, file] of local.plans) remember(path, file);
    sendIndex(req.id, index, bytes);
    return undefined;
  }
  if (req.op === 'plans') {
    let bytes = 0;
    const plans = await Promise.all(
      req.paths.map(async (path) => {
        const got = await planFile(path, req.base);
        bytes += got.bytes;
        return got.file;
      }),
    );
    return { id: req.id, ok: true, plans, bytes };
  }
  if (req.op === 'profiles') {
    if (!current) throw new Error('no index');
    const { index, url } = current;
    let bytes = 0;
    if (index.files.profiles) {
      const queue = index.files.plans.filter((p) => !profileRows.has(p));
      // A few files in flight: each is parsed for its profile and let go.
      await Promise.all(
        Array.from({ length: 6 }, async () => {
          for (let path = queue.shift(); path !== undefined; path = queue.shift())
            bytes += (await planFile(path, url)).bytes;
        }),
      );
    }
    const rows = index.files.plans
      .map((p) => profileRows.get(p))
      .filter((r): r is ProfileRow => r !== null && r !== undefined);
    return { id: req.id, ok: true, profiles: sortProfileRows(rows, groups(), req.sort, !!req.desc), bytes };
  }
  if (req.op === 'order') {
    if (!order) {
      const graph = similarityGraph(current?.index.findings as unknown as Findings | undefined);
      order = graph ? clusterOrder(graph) : [];
    }
    return { id: req.id, ok: true, order };
  }
  if (req.op === 'search') {
    const entries = await searchIndex();
    const bytes = searchBytes;
    searchBytes = 0;
    return { id: req.id, ok: true, search: searchEntries(entries, req.q, req.offset, req.limit), bytes };
  }
  if (local) return { id: req.id, ok: true, json: local.citations, bytes: 0 };
  const url = new URL(req.path, req.base).href;
  const { text, bytes } = await fetchText(url);
  return { id: req.id, ok: true, json: parse(text, url), bytes };
}

self.onmessage = (ev: MessageEvent<WorkerRequest>) => {
  const req = ev.data;
  handle(req).then(
    (reply) => {
      if (reply) self.postMessage(reply);
    },
    (error: unknown) =>
      self.postMessage({
        id: req.id,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      }),
  );
};
