/**
 * Plans of identical bullets up to the size limit: every unit shares its wording with every
 * unit of the other plan, and a plan has more than 100,000 units. analyze finishes (the diff
 * stage works within counted budgets) and writes valid output, leaving no temporary file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, filesUnder, tinyCorpus } from './run-cli.ts';

const LIMIT_MB = 3;
const LIMIT = LIMIT_MB * 1024 * 1024;
const HEAD =
  'KẾ HOẠCH\nTriển khai thực hiện Kết luận số 57-KL/TW của Bộ Chính trị về công tác thông tin đối ngoại\n\nII. NHIỆM VỤ, GIẢI PHÁP\n';
const MEDIA = [
  'báo chí',
  'xuất bản',
  'truyền hình',
  'mạng xã hội',
  'cổng thông tin',
  'phát thanh',
  'hội nghị',
];

/** Bullets from `bullet(i)` after the header, as many as fit under the size limit. */
function planOf(bullet: (i: number) => string): string {
  const parts = [HEAD];
  let bytes = Buffer.byteLength(HEAD);
  for (let i = 0; ; i++) {
    const line = `- ${bullet(i)}\n`;
    const size = Buffer.byteLength(line);
    if (bytes + size > LIMIT) break;
    parts.push(line);
    bytes += size;
  }
  return parts.join('');
}

describe('plans of identical and near-identical bullets at the size limit', () => {
  it('are analysed with the diff stage: more than 100,000 units, every pair of units alike', async () => {
    const same = planOf(() => 'Thông tin đối ngoại.');
    const near = planOf(
      (i) =>
        `Đổi mới thông tin đối ngoại trên ${MEDIA[i % MEDIA.length]} và ${MEDIA[(3 * i + 1) % MEDIA.length]}.`,
    );
    expect(same.split('\n- ').length).toBeGreaterThan(100_000);
    const corpus = tinyCorpus({ 'same.txt': same, 'near.txt': near });
    const out = join(corpus, '..', 'out');
    const r = await cli([
      'analyze',
      corpus,
      '--out',
      out,
      '--max-size',
      String(LIMIT_MB),
      '--no-evaluate',
      '--no-csv',
      '--workers',
      '1',
    ]);
    expect(r.stderr).not.toMatch(/failed|internal error|exceeded/);
    expect(r.status, r.stderr).toBe(0);
    const analysis = JSON.parse(readFileSync(join(out, 'analysis.json'), 'utf8'));
    expect(analysis.plans.map((p: { id: string }) => p.id)).toEqual(['p0', 'p1']);
    const units = analysis.plans[0].units as { id: string }[];
    expect(units.length).toBeGreaterThan(100_000);
    const [comparison] = analysis.findings.comparisons;
    expect([comparison.a, comparison.b]).toEqual(['p0', 'p1']);
    // Pairs name units of their own plan (no key shared by two unit pairs).
    const idsA = new Set(units.map((u) => u.id));
    const idsB = new Set((analysis.plans[1].units as { id: string }[]).map((u) => u.id));
    expect(comparison.pairs.length).toBeGreaterThan(0);
    for (const pair of comparison.pairs) {
      expect(idsA.has(pair.a.unitId)).toBe(true);
      expect(idsB.has(pair.b.unitId)).toBe(true);
    }
    expect(filesUnder(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 1_800_000);
});
