/**
 * The viewer's data on demand: the index (plans' metadata, coverage) arrives
 * first and draws the heatmap; a plan's file (units, text, fields, profile,
 * its findings) is fetched when a view needs that plan, parsed in a Web
 * Worker, and merged into the one Corpus every view reads. Views stay
 * synchronous: main.ts waits for `need(state)` before it shows a state, and
 * a view that wants more can `await ctx.data.plans([...])`.
 */

import { buildCorpus, type Corpus, defaultPair } from './prepare.ts';
import type { ProfileRow } from './profile-rows.ts';
import type { IndexPart, WorkerReply, WorkerRequest } from './protocol.ts';
import type { SearchResult } from './search-shards.ts';
import {
  analysisOfIndex,
  comparedPairs,
  PlanFileMerger,
  type ViewerIndex,
  type ViewerPlanFile,
} from './split.ts';
import type { ViewState } from './state.ts';
import type { Analysis, Plan } from './types.ts';

/** What views may call to get data that the index does not carry. */
export interface DataApi {
  /** Whether a plan's file is in the corpus (its units, text, fields, profile and findings). */
  has(planId: string): boolean;
  /** Loads these plans' files into the corpus. */
  plans(ids: readonly string[]): Promise<void>;
  /** One plan, complete. */
  plan(id: string): Promise<Plan>;
  /** Every plan's file (search, distinctive terms, profiles); `progress` after each batch. */
  all(progress?: (done: number, total: number) => void): Promise<void>;
  /** The citation graph (analysis.citations). */
  citations(): Promise<void>;
  /** Every plan's profile as a table row, sorted in the worker (no plan file reaches the page). */
  profileRows(sort?: string, desc?: boolean): Promise<ProfileRow[]>;
  /** The similarity view's clustered order (plan indices of findings.plans), computed in the worker. */
  similarityOrder(): Promise<number[]>;
  /** Units with every word of `q` (search-shards.ts), hits offset..offset+limit, searched in the worker. */
  search(q: string, offset: number, limit: number): Promise<SearchResult>;
  /** True once every plan's file is in. */
  readonly complete: boolean;
  /** Bytes fetched so far (index included). */
  readonly bytes: number;
}

/** Search hits per page (the Corpus view shows this many, then "show more"). */
export const SEARCH_PAGE = 100;

/** Plan files per worker message: small enough that merging a batch never blocks for long. */
const BATCH = 8;
/** Corpora this small are loaded whole before the first view (the bundled corpus). */
const EAGER_PLANS = 60;
const EAGER_BYTES = 32 * 2 ** 20;

export class Store implements DataApi {
  readonly corpus: Corpus;
  readonly eager: boolean;
  bytes: number;
  private readonly worker: Worker;
  private readonly calls = new Map<number, { ok: (r: WorkerReply) => void; fail: (e: Error) => void }>();
  private nextId = 1;
  private readonly planIndex = new Map<string, number>();
  private readonly merger: PlanFileMerger;
  private readonly loaded = new Set<string>();
  private readonly inflight = new Map<string, Promise<void>>();
  private citationsLoad: Promise<void> | undefined;

  private constructor(
    worker: Worker,
    readonly index: ViewerIndex,
    readonly base: string,
    bytes: number,
  ) {
    this.worker = worker;
    this.bytes = bytes;
    this.corpus = buildCorpus(analysisOfIndex(index));
    this.corpus.compared = comparedPairs(index);
    index.plans.forEach((p, i) => {
      this.planIndex.set(p.id, i);
    });
    this.merger = new PlanFileMerger(this.corpus, index);
    const total = index.files.bytes.reduce((s, n) => s + n, 0);
    this.eager = index.plans.length <= EAGER_PLANS && total <= EAGER_BYTES;
    worker.onmessage = (ev: MessageEvent<WorkerReply>) => {
      const call = this.calls.get(ev.data.id);
      if (!call) return;
      this.calls.delete(ev.data.id);
      if (ev.data.ok) call.ok(ev.data);
      else call.fail(new Error(ev.data.error));
    };
  }

  /** Starts the worker and reads the index at `url` (or a whole analysis.json, cut in the worker). */
  static async open(url: string): Promise<Store> {
    const worker = new Worker(new URL('./data.worker.ts', import.meta.url), { type: 'module' });
    // The index comes as a head and parts, each one message (one task to receive), appended here.
    const reply = await new Promise<{ index: ViewerIndex; bytes: number }>((ok, fail) => {
      let head: { index: ViewerIndex; bytes: number; parts: number } | undefined;
      let got = 0;
      worker.onmessage = (ev: MessageEvent<WorkerReply>) => {
        const r = ev.data;
        if (!r.ok) return fail(new Error(r.error));
        if ('index' in r) head = r;
        else if ('part' in r && head) {
          appendPart(head.index, r.part);
          got++;
        } else return fail(new Error('unexpected reply'));
        if (head && got === head.parts) ok(head);
      };
      worker.onerror = (ev) => fail(new Error(ev.message || 'the data worker failed'));
      worker.postMessage({ id: 0, op: 'index', url } satisfies WorkerRequest);
    });
    // Receiving the index was a few tasks; building the corpus from it is the next.
    await nextTask();
    return new Store(worker, reply.index, url, reply.bytes);
  }

  get complete(): boolean {
    return this.loaded.size === this.index.plans.length;
  }

  has(planId: string): boolean {
    return this.loaded.has(planId);
  }

  plans(ids: readonly string[]): Promise<void> {
    const wanted = [...new Set(ids)].filter((id) => this.planIndex.has(id));
    const missing = wanted.filter((id) => !this.loaded.has(id) && !this.inflight.has(id));
    for (let i = 0; i < missing.length; i += BATCH) this.fetchBatch(missing.slice(i, i + BATCH));
    return Promise.all(wanted.map((id) => this.inflight.get(id))).then(() => undefined);
  }

  async plan(id: string): Promise<Plan> {
    await this.plans([id]);
    const plan = this.corpus.planById.get(id);
    if (!plan) throw new Error(`no plan ${id}`);
    return plan;
  }

  async all(progress?: (done: number, total: number) => void): Promise<void> {
    const ids = this.index.plans.map((p) => p.id);
    const total = ids.length;
    // A few batches in flight at a time: the worker keeps busy, the main thread merges one batch per task.
    const queue = ids.filter((id) => !this.loaded.has(id));
    const lanes = Array.from({ length: 3 }, async () => {
      while (queue.length > 0) {
        const batch = queue.splice(0, BATCH);
        await this.plans(batch);
        progress?.(this.loaded.size, total);
      }
    });
    await Promise.all(lanes);
    await this.plans(ids);
  }

  private lastRows: { key: string; rows: Promise<ProfileRow[]>; done: boolean } | undefined;
  profileRows(sort?: string, desc?: boolean): Promise<ProfileRow[]> {
    const key = `${sort ?? ''}:${!!desc}`;
    if (this.lastRows?.key === key) return this.lastRows.rows;
    const entry: { key: string; rows: Promise<ProfileRow[]>; done: boolean } = {
      key,
      rows: Promise.resolve([]),
      done: false,
    };
    entry.rows = this.call({ id: 0, op: 'profiles', ...(sort ? { sort } : {}), desc: !!desc }).then(
      (reply) => {
        if (!('profiles' in reply)) throw new Error('unexpected reply');
        this.bytes += reply.bytes;
        entry.done = true;
        return reply.profiles;
      },
    );
    this.lastRows = entry;
    return entry.rows;
  }

  private orderLoad: Promise<number[]> | undefined;
  private orderDone = false;
  similarityOrder(): Promise<number[]> {
    this.orderLoad ??= this.call({ id: 0, op: 'order' }).then((reply) => {
      if (!('order' in reply)) throw new Error('unexpected reply');
      this.orderDone = true;
      return reply.order;
    });
    return this.orderLoad;
  }

  private lastSearch: { key: string; result: Promise<SearchResult>; done: boolean } | undefined;
  search(q: string, offset: number, limit: number): Promise<SearchResult> {
    const key = `${offset}:${limit}:${q}`;
    if (this.lastSearch?.key === key) return this.lastSearch.result;
    const entry = { key, result: Promise.resolve({} as SearchResult), done: false };
    entry.result = this.call({ id: 0, op: 'search', q, offset, limit }).then((reply) => {
      if (!('search' in reply)) throw new Error('unexpected reply');
      this.bytes += reply.bytes;
      entry.done = true;
      return reply.search;
    });
    this.lastSearch = entry;
    return entry.result;
  }

  citations(): Promise<void> {
    const path = this.index.files.citations;
    if (!path) return Promise.resolve();
    this.citationsLoad ??= this.call({ id: 0, op: 'json', base: this.base, path }).then((reply) => {
      if ('json' in reply) {
        this.bytes += reply.bytes;
        const json = reply.json as { citations?: Analysis['citations'] } | undefined;
        if (json?.citations) this.corpus.analysis.citations = json.citations;
      }
    });
    return this.citationsLoad;
  }

  /** What a state needs beyond the index, or undefined when it is all here. */
  need(state: ViewState): Promise<void> | undefined {
    const ids = plansFor(this.corpus, state);
    const waits: Promise<void>[] = [];
    if (ids === 'all') {
      if (!this.complete) waits.push(this.all());
    } else if (ids.some((id) => !this.loaded.has(id))) waits.push(this.plans(ids));
    // The similarity view's order, asked for before the Corpus view is shown (computed in the worker).
    if (state.view === 'corpus' && this.index.findings && !this.orderDone)
      waits.push(this.similarityOrder().then(() => undefined));
    // The first page of a search in the URL, asked for before the Corpus view is shown.
    if (state.view === 'corpus' && state.q) {
      const result = this.search(state.q, 0, SEARCH_PAGE);
      if (!this.lastSearch?.done) waits.push(result.then(() => undefined));
    }
    if (state.view === 'profiles') {
      if (this.index.files.citations && !this.corpus.analysis.citations) waits.push(this.citations());
      // The rows, asked for before the view is shown (the view gets the same promise).
      const rows = this.profileRows(state.sort, state.desc);
      if (!this.lastRows?.done) waits.push(rows.then(() => undefined));
    }
    return waits.length > 0 ? Promise.all(waits).then(() => undefined) : undefined;
  }

  private call(req: WorkerRequest): Promise<WorkerReply> {
    const id = this.nextId++;
    return new Promise((ok, fail) => {
      this.calls.set(id, { ok, fail });
      this.worker.postMessage({ ...req, id });
    });
  }

  private fetchBatch(ids: string[]): void {
    const paths = ids.map((id) => this.index.files.plans[this.planIndex.get(id)!]!);
    const done = this.call({ id: 0, op: 'plans', base: this.base, paths }).then((reply) => {
      if (!('plans' in reply)) throw new Error('unexpected reply');
      this.bytes += reply.bytes;
      this.merge(reply.plans);
    });
    for (const id of ids)
      this.inflight.set(
        id,
        done.finally(() => this.inflight.delete(id)),
      );
  }

  private merge(files: ViewerPlanFile[]): void {
    for (const id of this.merger.merge(files)) this.loaded.add(id);
  }
}

/** The plans a state shows: the selected plan, the compared pair, or the plan of the distinctive terms. */
export function plansFor(corpus: Corpus, state: ViewState): string[] | 'all' {
  const known = (id: string | undefined) => (id && corpus.planById.has(id) ? id : undefined);
  switch (state.view) {
    case 'coverage':
      return known(state.plan) && state.group ? [state.plan!] : [];
    case 'reader': {
      const id = known(state.plan) ?? corpus.plans[0]?.id;
      return id ? [id] : [];
    }
    case 'compare': {
      const pair = defaultPair(corpus);
      return [known(state.a) ?? pair?.[0], known(state.b) ?? pair?.[1]].filter((x): x is string => !!x);
    }
    case 'profiles':
      // The table's rows come from the worker (Store.profileRows); the page needs no plan file.
      return [];
    case 'corpus': {
      // Search runs in the worker over the search shards; distinctive terms need the chosen plan's file.
      const id = known(state.kplan);
      return id ? [id] : [];
    }
    default:
      return 'all';
  }
}

/** Appends a part of the index (protocol.ts) to the head received first. */
function appendPart(index: ViewerIndex, part: IndexPart): void {
  if (part.plans) index.plans.push(...part.plans);
  if (part.coverage)
    for (const [k, v] of Object.entries(part.coverage))
      (index.coverage[k as keyof IndexPart['coverage'] & keyof ViewerIndex['coverage']] as unknown[]).push(
        ...(v ?? []),
      );
  if (part.neighbours) index.findings?.neighbours?.push(...part.neighbours);
}

/** Resolves in a later task, so that the page can handle input in between. */
export function nextTask(): Promise<void> {
  return new Promise((done) => setTimeout(done, 0));
}
