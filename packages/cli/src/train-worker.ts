/** A worker thread of `trainModels`: trains one model per request and posts it back. */
import { parentPort, workerData } from 'node:worker_threads';
import { trainModel } from '@doichieu/align';
import type { Directive } from '@doichieu/core';
import type { TrainRequest, TrainResult } from './train-pool.ts';

if (parentPort && workerData) {
  const { directive } = workerData as { directive: Directive };
  parentPort.on('message', (request: TrainRequest) => {
    let result: TrainResult;
    try {
      result = { index: request.index, ok: true, model: trainModel(directive, request.examples) };
    } catch (e) {
      result = { index: request.index, ok: false, error: (e as Error).message.split('\n')[0] ?? String(e) };
    }
    parentPort!.postMessage(result);
  });
}
