/**
 * The model shipped with doichieu (packages/align/data/model.json, built by
 * `pnpm model` from corpus/gold/annotations.csv). Imported as JSON so that a
 * bundled CLI carries it too; checked and compiled once per process.
 */
import data from '../data/model.json' with { type: 'json' };
import { fromArtefact, type ShippedModel } from './model-artefact.ts';

/** Where the build script writes the shipped model, relative to the repository. */
export const SHIPPED_MODEL_PATH = 'packages/align/data/model.json';

let shipped: ShippedModel | undefined;

export function loadShippedModel(): ShippedModel {
  shipped ??= fromArtefact(data as unknown);
  return shipped;
}
