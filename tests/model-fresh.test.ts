/**
 * The shipped model is what the gold gives with today's ingestion and features: a change to
 * segmentation, roles, OCR repair, features or the gold that changes it fails here (as
 * `pnpm model --check` does in CI) until the model is rebuilt with `pnpm model` and committed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../packages/cli/src/model-build.ts';
import { ROOT } from './cli-helpers.ts';

describe('packages/align/data/model.json', () => {
  it('is byte for byte what pnpm model builds from the bundled gold', async () => {
    const built = await buildModel({ corpusDir: join(ROOT, 'corpus'), root: ROOT });
    const shipped = readFileSync(join(ROOT, 'packages/align/data/model.json'), 'utf8');
    const stale = 'stale: run `pnpm model` and commit packages/align/data/model.json';
    expect(built.text === shipped, stale).toBe(true);
    expect(built.artefact.evaluation!.engine.macroF1).toBeGreaterThanOrEqual(0.867);
  }, 300_000);
});
