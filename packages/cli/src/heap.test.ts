import { getHeapStatistics } from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import { HEAP_CAP_FLOOR_MB, heapCapMb, wantsHeapCap } from './heap.ts';

describe('the diff stage heap cap', () => {
  afterEach(() => {
    delete process.env.DOICHIEU_HEAP_CAPPED;
  });

  it('is the floor for a national synthetic corpus and grows with the plan files beyond', () => {
    expect(heapCapMb(75 * 2 ** 20)).toBe(HEAP_CAP_FLOOR_MB);
    expect(heapCapMb(200 * 2 ** 20)).toBe(4000);
  });

  it('is wanted when the heap limit is above it, never in the capped child', () => {
    const limitMb = getHeapStatistics().heap_size_limit / 2 ** 20;
    expect(wantsHeapCap(Math.floor(limitMb / 2))).toBe(true);
    expect(wantsHeapCap(Math.ceil(limitMb))).toBe(false);
    process.env.DOICHIEU_HEAP_CAPPED = '1536';
    expect(wantsHeapCap(Math.floor(limitMb / 2))).toBe(false);
  });
});
