/**
 * Trains models on worker threads, one training set per task, as many at once
 * as there are cores: the held-out models of leave-one-plan-out in `evaluate`
 * and in the model build script. Training is a pure function of its inputs,
 * so the models are the same, byte for byte, however many threads train them.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type AlignModel, type TrainingExample, trainModel } from '@doichieu/align';
import type { Directive } from '@doichieu/core';

export interface TrainingTask {
  key: string;
  examples: readonly TrainingExample[];
}

export interface TrainRequest {
  index: number;
  examples: readonly TrainingExample[];
}

export type TrainResult =
  | { index: number; ok: true; model: AlignModel }
  | { index: number; ok: false; error: string };

/** What a worker needs of an example: the fields the features read (no spans, no ids). */
function slim(examples: readonly TrainingExample[]): TrainingExample[] {
  return examples.map(({ unit, labels }) => ({
    unit: {
      text: unit.text,
      role: unit.role,
      kind: unit.kind,
      headingPath: unit.headingPath,
      ...(unit.marker ? { marker: unit.marker } : {}),
    },
    labels,
  }));
}

/** Threads used for `tasks` training sets by default: one per core, at most one per task, none on one core. */
export function defaultTrainingThreads(tasks: number): number {
  return Math.max(1, Math.min(tasks, availableParallelism()));
}

export async function trainModels(
  directive: Directive,
  tasks: readonly TrainingTask[],
  threads = defaultTrainingThreads(tasks.length),
): Promise<Map<string, AlignModel>> {
  const out = new Map<string, AlignModel>();
  if (threads <= 1 || tasks.length <= 1) {
    for (const t of tasks) out.set(t.key, trainModel(directive, t.examples));
    return out;
  }
  const models = new Array<AlignModel | undefined>(tasks.length);
  await new Promise<void>((resolvePool, rejectPool) => {
    let next = 0;
    let done = 0;
    let finished = false;
    const pool: Worker[] = [];
    const stop = (error?: Error): void => {
      if (finished) return;
      finished = true;
      for (const w of pool) void w.terminate();
      if (error) rejectPool(error);
      else resolvePool();
    };
    const feed = (worker: Worker): void => {
      if (next >= tasks.length) return;
      const request: TrainRequest = { index: next, examples: slim(tasks[next]!.examples) };
      next++;
      worker.postMessage(request);
    };
    for (let i = 0; i < Math.min(threads, tasks.length); i++) {
      const worker = new Worker(new URL('./train-worker-entry.mjs', import.meta.url), {
        workerData: { directive },
      });
      pool.push(worker);
      worker.on('message', (result: TrainResult) => {
        if (!result.ok) {
          stop(new Error(`training failed: ${result.error}`));
          return;
        }
        models[result.index] = result.model;
        done++;
        if (done === tasks.length) stop();
        else feed(worker);
      });
      worker.on('error', (e) => stop(new Error(`training worker failed: ${e.message}`)));
      feed(worker);
    }
  });
  for (const [i, t] of tasks.entries()) out.set(t.key, models[i]!);
  return out;
}
