import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PlanMeta } from '@doichieu/core';
import { describe, expect, it } from 'vitest';
import type { LoadedCorpus } from './io.ts';
import { BYTES_PER_WORKER, poolSize } from './pipeline.ts';

/** A corpus folder whose plan files have the given sizes (sparse files: nothing is written). */
function corpusOf(sizes: number[]): { corpus: LoadedCorpus; metas: PlanMeta[] } {
  const dir = mkdtempSync(join(tmpdir(), 'doichieu-pool-'));
  const metas = sizes.map((size, i) => {
    const file = join(dir, `p${i}.txt`);
    writeFileSync(file, '');
    truncateSync(file, size);
    return { id: `p${i}`, file: `p${i}.txt` } as PlanMeta;
  });
  return { corpus: { dir } as LoadedCorpus, metas };
}

describe('poolSize', () => {
  it('runs inline when the plans are few bytes, however many they are', () => {
    const { corpus, metas } = corpusOf(Array.from({ length: 700 }, () => 8000));
    expect(poolSize(corpus, metas, 8)).toBe(1);
  });
  it('starts one worker per BYTES_PER_WORKER of plan files, at most one per core and per plan', () => {
    const { corpus, metas } = corpusOf([BYTES_PER_WORKER, BYTES_PER_WORKER, BYTES_PER_WORKER / 2]);
    expect(poolSize(corpus, metas, 8)).toBe(2);
    expect(poolSize(corpus, metas, 1)).toBe(1);
    const big = corpusOf(Array.from({ length: 3 }, () => 10 * BYTES_PER_WORKER));
    expect(poolSize(big.corpus, big.metas, 4)).toBe(3);
  });
  it('counts a missing file as nothing (it fails later, with its own message)', () => {
    const { corpus, metas } = corpusOf([3 * BYTES_PER_WORKER, 0]);
    expect(poolSize(corpus, [...metas, { id: 'gone', file: 'gone.txt' } as PlanMeta], 8)).toBe(3);
  });
});
