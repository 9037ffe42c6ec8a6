/**
 * Fetches and parses the viewer's data off the main thread: the index, plan
 * files in batches, the citations, or (with `?data=analysis.json`) a whole
 * analysis, which is cut here into an index and plan files so the main
 * thread only ever receives small pieces. Each reply is one structured
 * clone of at most one batch.
 */
import { splitAnalysis, type ViewerIndex, type ViewerPlanFile } from './split.ts';
import type { Analysis } from './types.ts';
import { checkAnalysis, checkIndex, checkPlanFile } from './validate.ts';

export type WorkerRequest =
  | { id: number; op: 'index'; url: string }
  /** Paths relative to `base` (the index's URL), as the index lists them. */
  | { id: number; op: 'plans'; base: string; paths: string[] }
  | { id: number; op: 'json'; base: string; path: string };

export type WorkerReply =
  | { id: number; ok: true; index: ViewerIndex; bytes: number }
  | { id: number; ok: true; plans: ViewerPlanFile[]; bytes: number }
  | { id: number; ok: true; json: unknown; bytes: number }
  | { id: number; ok: false; error: string };

/** A whole analysis given with ?data=: its plan files and citations, served from memory. */
let local: { plans: Map<string, ViewerPlanFile>; citations: unknown } | undefined;

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

async function handle(req: WorkerRequest): Promise<WorkerReply> {
  if (req.op === 'index') {
    const { text, bytes } = await fetchText(req.url);
    const json = parse(text, req.url) as Record<string, unknown>;
    if (json && typeof json === 'object' && json.format === undefined && 'plans' in json) {
      // A whole analysis.json: cut here, kept here.
      const analysis = checkAnalysis(json, name(req.url)) as Analysis;
      const split = splitAnalysis(analysis);
      local = {
        plans: new Map(split.plans.map((p, i) => [split.index.files.plans[i]!, p])),
        citations: split.citations ? { format: split.index.format, citations: split.citations } : undefined,
      };
      return { id: req.id, ok: true, index: split.index, bytes };
    }
    return { id: req.id, ok: true, index: checkIndex(json, name(req.url)), bytes };
  }
  if (req.op === 'plans') {
    let bytes = 0;
    const plans = await Promise.all(
      req.paths.map(async (path) => {
        const mine = local?.plans.get(path);
        if (mine) return mine;
        const url = new URL(path, req.base).href;
        const { text, bytes: n } = await fetchText(url);
        bytes += n;
        return checkPlanFile(parse(text, url), name(url));
      }),
    );
    return { id: req.id, ok: true, plans, bytes };
  }
  if (local) return { id: req.id, ok: true, json: local.citations, bytes: 0 };
  const url = new URL(req.path, req.base).href;
  const { text, bytes } = await fetchText(url);
  return { id: req.id, ok: true, json: parse(text, url), bytes };
}

self.onmessage = (ev: MessageEvent<WorkerRequest>) => {
  const req = ev.data;
  handle(req).then(
    (reply) => self.postMessage(reply),
    (error: unknown) =>
      self.postMessage({
        id: req.id,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      }),
  );
};
