/**
 * `doichieu analyze` at any scale: the shipped model is loaded (never trained
 * here: labels do not depend on the corpus), then every plan is ingested and aligned, on
 * all cores through worker threads when the corpus is large, and written to
 * analysis.json as soon as its turn comes, in manifest order, so memory stays
 * bounded and the output is the same whatever the scheduling.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { GoldRow, ShippedModel } from '@doichieu/align';
import { loadLexicon, type PlanMeta } from '@doichieu/core';
import { type DiffPlan, withUnitSources } from '@doichieu/diff';
import {
  corpusCitations,
  eachProfile,
  FindingsFold,
  type ProfileBase,
  profileBase,
  restatedEvidenceWanted,
  tapFindings,
} from '@doichieu/measures';
import {
  analysisHead,
  type CoverageRow,
  diffPlanOf,
  evaluationOf,
  findingsJsonChunks,
  prepareModels,
} from '@doichieu/report';
import { SingleBar } from 'cli-progress';
import { UserError } from './errors.ts';
import { type Interruption, yieldToSignals } from './interrupt.ts';
import { type LoadedCorpus, openAtomicWriter } from './io.ts';
import { processPlan, type WorkerResult, type WorkerSetup, warningOf } from './worker.ts';

/** Plans up to which analyze runs the diff stage by default (--diff-limit). */
export const DEFAULT_DIFF_LIMIT = 1000;

export interface PipelineOptions {
  /** Hand labels shown beside the engine's (not learned from). */
  gold?: readonly GoldRow[];
  /** The model that labels the units (default: the shipped one). */
  model?: ShippedModel;
  /** Include the model's recorded evaluation figures. */
  evaluate: boolean;
  keepGoing: boolean;
  maxBytes?: number;
  /** Worker threads; 0 or 1 runs inline. Default: all cores for corpora of 32 plans or more. */
  workers?: number;
  progress: boolean;
  /** Run the diff stage (additions, omissions, reuse) when the corpus has at most this many plans. Default 1000. */
  diffLimit?: number;
  /** Closest plans of the same level each plan is compared with (large corpora; default 3). */
  peers?: number;
  /** SIGINT/SIGTERM: checked between plans; the temporary output is removed and workers stopped. */
  interrupt?: Interruption;
}

export interface PipelineResult {
  coverage: CoverageRow[];
  failures: string[];
  /** One line per plan that does not cite the directive (`file:line:col: warning: …`). */
  warnings: string[];
  plans: number;
  /** The model's ref ("lexical" when the directive does not fit it), and why the lexical layer, if it is. */
  model: string;
  modelNote?: string;
  evaluation?: ReturnType<typeof evaluationOf>;
  /** Why the diff stage did not run, when it did not. */
  diffSkipped?: string;
}

export async function runAnalysis(
  corpus: LoadedCorpus,
  outPath: string,
  options: PipelineOptions,
): Promise<PipelineResult> {
  const { directive } = corpus;
  const metas = corpus.manifest.plans;
  const gold = options.gold ?? [];
  const failures: string[] = [];
  const lexicon = loadLexicon();
  const failedPlans = new Set<string>();
  // Each failing plan is listed once, whatever reads it.
  const fail = (message: string, planId: string): void => {
    if (!options.keepGoing) throw new UserError(message);
    if (failedPlans.has(planId)) return;
    failedPlans.add(planId);
    failures.push(message);
  };
  const interrupt = options.interrupt;

  const models = prepareModels(directive, gold, options.model);
  const evaluation = options.evaluate ? evaluationOf(models) : undefined;

  const diffLimit = options.diffLimit ?? DEFAULT_DIFF_LIMIT;
  const diff = metas.length <= diffLimit;
  const diffInputs: DiffPlan[] = [];
  const strings = new Map<string, string>();
  const profileBases: ProfileBase[] = [];
  const writer = openAtomicWriter(outPath);
  const coverage: CoverageRow[] = [];
  const warnings: string[] = [];
  try {
    const head = JSON.stringify(analysisHead(directive, models, evaluation));
    writer.write(`${head.slice(0, -1)},"plans":[`);
    let written = 0;
    const emit = (result: WorkerResult, meta: PlanMeta): void => {
      if (!result.ok) {
        fail(result.error.startsWith('plan ') ? result.error : `plan ${meta.id}: ${result.error}`, meta.id);
        return;
      }
      writer.write(written === 0 ? result.planJson : `,${result.planJson}`);
      coverage.push(result.coverage as CoverageRow);
      if (result.warning) warnings.push(result.warning);
      if (diff && result.diffInput) diffInputs.push(shareStrings(result.diffInput as DiffPlan, strings));
      profileBases.push(result.profileBase as ProfileBase);
      written++;
    };
    const setup: WorkerSetup = {
      directive,
      models,
      corpusDir: corpus.dir,
      allowOutside: corpus.allowOutside,
      diff,
      ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
    };
    const workers = options.workers ?? poolSize(corpus, metas);
    const bar = options.progress
      ? new SingleBar({
          format: 'analyze [{bar}] {value}/{total} plans · {eta_formatted} left',
          hideCursor: true,
          stream: process.stderr,
        })
      : undefined;
    bar?.start(metas.length, 0);
    try {
      if (workers <= 1) {
        const aligners = new Map<string, never>();
        for (const [index, meta] of metas.entries()) {
          // A synchronous loop would hold a signal back until the end.
          await yieldToSignals();
          interrupt?.check();
          let result: WorkerResult;
          try {
            const { plan, coverage: row } = processPlan(setup, meta, lexicon, aligners);
            result = {
              index,
              ok: true,
              planJson: JSON.stringify(plan),
              coverage: row,
              diffInput: diff ? withUnitSources(diffPlanOf(plan)) : null,
              ...warningOf(plan),
              profileBase: profileBase(plan, row.cells, directive),
            };
          } catch (e) {
            result = { index, ok: false, error: (e as Error).message.split('\n')[0] ?? String(e) };
          }
          emit(result, meta);
          bar?.increment();
        }
      } else {
        await runPool(
          setup,
          metas,
          workers,
          (result) => {
            emit(result, metas[result.index]!);
            bar?.increment();
          },
          interrupt,
        );
      }
    } finally {
      bar?.stop();
    }
    await yieldToSignals();
    interrupt?.check();
    writer.write(`],"coverage":${JSON.stringify(coverage)}`);
    const groups = directive.taskGroups.map((g) => g.id);
    // What the profiles read of the findings, folded plan by plan as they stream.
    const folded = new FindingsFold(restatedEvidenceWanted(profileBases, groups));
    if (diff) {
      writer.write(',"findings":');
      // Piece by piece: the findings of a national corpus are never one string.
      for (const chunk of findingsJsonChunks(
        directive,
        diffInputs,
        options.peers ? { peers: options.peers } : {},
        tapFindings(folded),
      )) {
        writer.write(chunk);
        await yieldToSignals();
        interrupt?.check();
      }
    }
    // One profile at a time: a national corpus's profiles are never one string.
    writer.write(',"profiles":[');
    let profilesWritten = 0;
    for (const profile of eachProfile(profileBases, diff ? folded : undefined, groups)) {
      writer.write(profilesWritten++ === 0 ? JSON.stringify(profile) : `,${JSON.stringify(profile)}`);
    }
    writer.write(`],"citations":${JSON.stringify(corpusCitations(directive, profileBases))}`);
    writer.write('}\n');
    writer.commit();
  } catch (e) {
    writer.abort();
    throw e;
  }
  return {
    coverage,
    warnings,
    failures,
    plans: coverage.length,
    model: models.ref,
    ...(models.note ? { modelNote: models.note } : {}),
    ...(evaluation ? { evaluation } : {}),
    ...(diff
      ? {}
      : { diffSkipped: `${metas.length} plans, over the diff limit of ${diffLimit} (--diff-limit)` }),
  };
}

/**
 * Plan bytes that make a worker thread worth starting: a worker loads the lexicon and the model
 * before its first plan, which costs about as much as ingesting a few MB; below that the main
 * thread alone is faster (100 plans: 2× faster without workers).
 */
export const BYTES_PER_WORKER = 8 * 2 ** 20;

/** Worker threads for a corpus: one per BYTES_PER_WORKER of plan files, at most one per core and per plan; 1 = none. */
export function poolSize(
  corpus: LoadedCorpus,
  metas: readonly PlanMeta[],
  cores = availableParallelism(),
): number {
  const n = Math.min(cores, metas.length, Math.floor(planBytes(corpus, metas) / BYTES_PER_WORKER));
  return n >= 2 ? n : 1;
}

/** Bytes of the corpus's plan files (a missing or unreadable one counts 0: it fails when read, with its own message). */
export function planBytes(corpus: LoadedCorpus, metas: readonly PlanMeta[]): number {
  let bytes = 0;
  for (const meta of metas) {
    try {
      bytes += statSync(resolve(corpus.dir, meta.file)).size;
    } catch {
      // Reported when the plan is read.
    }
  }
  return bytes;
}

/**
 * The plan with its repeated short strings (roles, kinds, labels, heading texts) shared with the
 * plans before it: each plan comes from a worker as its own copy of them, and a national corpus
 * held for the diff stage would keep millions of equal strings.
 */
function shareStrings(plan: DiffPlan, strings: Map<string, string>): DiffPlan {
  const share = (s: string): string => {
    if (s.length > 200) return s;
    const known = strings.get(s);
    if (known !== undefined) return known;
    strings.set(s, s);
    return s;
  };
  for (const u of plan.units) {
    u.role = share(u.role);
    u.kind = share(u.kind);
    u.labels = u.labels.map(share);
    if (u.headingPath) u.headingPath = u.headingPath.map(share);
  }
  return plan;
}

/** Sends plans to a pool of workers; delivers results in manifest order. */
function runPool(
  setup: WorkerSetup,
  metas: readonly PlanMeta[],
  size: number,
  deliver: (r: WorkerResult) => void,
  interrupt?: Interruption,
): Promise<void> {
  return new Promise((resolvePool, rejectPool) => {
    const pending = new Map<number, WorkerResult>();
    let nextToSend = 0;
    let nextToDeliver = 0;
    let finished = false;
    const pool: Worker[] = [];
    const unsubscribe = interrupt?.onInterrupt((e) => stop(e));
    const stop = (error?: unknown): void => {
      if (finished) return;
      finished = true;
      unsubscribe?.();
      for (const w of pool) void w.terminate();
      if (error) rejectPool(error);
      else resolvePool();
    };
    const feed = (worker: Worker): void => {
      if (nextToSend < metas.length) {
        worker.postMessage({ index: nextToSend, meta: metas[nextToSend] });
        nextToSend++;
      }
    };
    for (let i = 0; i < Math.min(size, metas.length); i++) {
      const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: setup });
      pool.push(worker);
      worker.on('message', (result: WorkerResult) => {
        pending.set(result.index, result);
        try {
          while (pending.has(nextToDeliver)) {
            const r = pending.get(nextToDeliver)!;
            pending.delete(nextToDeliver);
            nextToDeliver++;
            deliver(r);
          }
        } catch (e) {
          stop(e);
          return;
        }
        if (nextToDeliver === metas.length) stop();
        else feed(worker);
      });
      worker.on('error', (e) => stop(new Error(`worker failed: ${e.message}`)));
      // Two requests in flight per worker keep it busy while the main thread writes.
      feed(worker);
      feed(worker);
    }
    if (metas.length === 0) stop();
  });
}
