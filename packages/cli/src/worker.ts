/**
 * A worker thread of `doichieu analyze`: reads, ingests and aligns the plans
 * it is sent, one at a time, and posts each result back as a JSON string (so
 * the main thread writes it without re-serialising).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DecodeError, type Directive, ingestPlan, loadLexicon, type PlanMeta } from '@doichieu/core';
import { withUnitSources } from '@doichieu/diff';
import { profileBase } from '@doichieu/measures';
import { type AnalysedPlan, analysePlan, diffPlanOf, type PreparedModels } from '@doichieu/report';
import { UserError } from './errors.ts';
import { readPlanFile } from './io.ts';
import { readerPages, readPlanLayout } from './layout.ts';
import { formatDirectiveWarning } from './summary.ts';

export interface WorkerSetup {
  directive: Directive;
  models: PreparedModels;
  corpusDir: string;
  /** Whether plan files may lie outside the corpus folder (--allow-outside). */
  allowOutside: boolean;
  maxBytes?: number;
  /** Whether to send back each plan's units for the diff stage. */
  diff: boolean;
}

export interface WorkerRequest {
  index: number;
  meta: PlanMeta;
}

export type WorkerResult =
  | {
      index: number;
      ok: true;
      planJson: string;
      coverage: unknown;
      diffInput: unknown;
      warning?: string;
      profileBase: unknown;
    }
  | { index: number; ok: false; error: string };

/** Reads, ingests and aligns one plan; user-facing failures become an error string. */
export function processPlan(
  setup: WorkerSetup,
  meta: PlanMeta,
  lexicon: ReturnType<typeof loadLexicon>,
  aligners: Map<string, never>,
) {
  let bytes: Uint8Array;
  try {
    bytes = readPlanFile({ dir: setup.corpusDir, allowOutside: setup.allowOutside }, meta, setup.maxBytes);
  } catch (e) {
    // Posted back as a string: the message is already one line naming the plan.
    throw new Error(e instanceof UserError ? e.message : String(e));
  }
  try {
    const layout = readPlanLayout(setup.corpusDir, meta);
    const plan = ingestPlan(bytes, meta, {
      lexicon,
      ...(setup.maxBytes ? { maxBytes: setup.maxBytes } : {}),
      ...(layout ? { layout } : {}),
    });
    const analysed = analysePlan(setup.directive, plan, setup.models, aligners);
    const pages = layout ? readerPages(setup.corpusDir, meta, layout) : undefined;
    return pages ? { ...analysed, plan: { ...analysed.plan, pages } } : analysed;
  } catch (e) {
    if (e instanceof DecodeError) throw new Error(`plan ${meta.id} (${meta.file}): ${e.message}`);
    throw e;
  }
}

/** The directive-check warning line, as a spreadable field of the result. */
export function warningOf(plan: AnalysedPlan): { warning?: string } {
  const warning = formatDirectiveWarning(plan);
  return warning ? { warning } : {};
}

if (parentPort && workerData) {
  const setup = workerData as WorkerSetup;
  const lexicon = loadLexicon();
  const aligners = new Map<string, never>();
  parentPort.on('message', (request: WorkerRequest) => {
    let result: WorkerResult;
    try {
      const { plan, coverage } = processPlan(setup, request.meta, lexicon, aligners);
      result = {
        index: request.index,
        ok: true,
        planJson: JSON.stringify(plan),
        coverage,
        // Each unit's source slice, not the whole source: the main thread holds it for the whole run.
        diffInput: setup.diff ? withUnitSources(diffPlanOf(plan)) : null,
        ...warningOf(plan),
        profileBase: profileBase(plan, coverage.cells, setup.directive),
      };
    } catch (e) {
      result = { index: request.index, ok: false, error: (e as Error).message.split('\n')[0] ?? String(e) };
    }
    parentPort!.postMessage(result);
  });
}
