/**
 * Inputs up to the size limit go through every stage without exhausting the
 * stack: a multi-megabyte line of one "word", of digits, of combining marks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, filesUnder, tinyCorpus } from './run-cli.ts';

const MB = 1024 * 1024;

describe('a plan made of one huge line', () => {
  it('is analysed, not crashed: letters, digits and combining marks of 6 MB each', async () => {
    const head = 'KẾ HOẠCH\nTuyên truyền thông tin đối ngoại.\n';
    const corpus = tinyCorpus({
      'letters.txt': `${head}${'thôngtinđốingoại'.repeat((6 * MB) / 16)}\n`,
      'digits.txt': `${head}${'0123456789'.repeat((6 * MB) / 10)}\n`,
      'marks.txt': `${head}a${'\u0301'.repeat(3 * MB)}\n`,
    });
    const out = join(corpus, '..', 'out');
    const r = await cli(['analyze', corpus, '--out', out, '--no-evaluate', '--no-csv', '--workers', '1']);
    // Warnings (e.g. a plan that does not cite the directive) may be printed; no failure may.
    expect(r.stderr).not.toMatch(/failed|internal error|call stack/);
    expect(r.status, r.stderr).toBe(0);
    const analysis = JSON.parse(readFileSync(join(out, 'analysis.json'), 'utf8'));
    expect(analysis.plans.map((p: { id: string }) => p.id)).toEqual(['p0', 'p1', 'p2']);
    expect(filesUnder(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 600_000);
});
