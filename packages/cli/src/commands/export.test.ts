import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UserError } from '../errors.ts';
import { evaluateCommand } from './evaluate.ts';
import { exportCommand } from './export.ts';
import { reportCommand } from './report.ts';

const CORPUS = fileURLToPath(new URL('../../../../corpus', import.meta.url));

function capture() {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  return { text: () => out, restore: () => spy.mockRestore() };
}

afterEach(() => vi.restoreAllMocks());

describe('doichieu export and report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'doichieu-outputs-'));

  it('export --corpus writes the CSVs; the annotations file goes back into evaluate --gold', async () => {
    const io = capture();
    expect(await exportCommand.run(['--corpus', CORPUS, '--out', join(dir, 'csv')])).toBe(0);
    io.restore();
    expect(io.text()).toMatch(/wrote 13 CSV files/);
    expect(io.text()).toMatch(/wrote 2 Parquet files/);
    const annotations = join(dir, 'csv', 'annotations.csv');
    const text = readFileSync(annotations, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    // A researcher marks one unit TG4 and saves; evaluate reads it as gold.
    const lines = text.split('\r\n');
    const i = lines.findIndex((l) => /^"[^"]+","[^"]+","unit","[^"]*"/.test(l));
    lines[i] = lines[i]!.replace(/^("[^"]+","[^"]+","unit",)"[^"]*"/, '$1"TG4"');
    writeFileSync(annotations, lines.join('\r\n'));
    const ev = capture();
    expect(await evaluateCommand.run([CORPUS, '--gold', annotations, '--json'])).toBe(0);
    ev.restore();
    const result = JSON.parse(ev.text());
    expect(result.engine.units).toBeGreaterThan(100);
    expect(result.unmatched).toEqual([]);
  }, 300_000);

  it('report --corpus writes report.html, report.md and the heatmap', async () => {
    const rep = capture();
    expect(await reportCommand.run(['--corpus', CORPUS, '--out', join(dir, 'report')])).toBe(0);
    rep.restore();
    for (const f of ['report.html', 'report.md', 'coverage-heatmap.svg'])
      expect(existsSync(join(dir, 'report', f))).toBe(true);
    expect(readFileSync(join(dir, 'report', 'report.html'), 'utf8')).toContain('<svg');
  }, 300_000);

  it('turns a missing or wrong analysis file into a one-line user error', async () => {
    await expect(exportCommand.run(['--analysis', join(dir, 'nope.json')])).rejects.toThrow(UserError);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"hello": 1}');
    await expect(reportCommand.run(['--analysis', bad])).rejects.toThrow(/not an analysis.json/);
    writeFileSync(bad, '{oops');
    await expect(reportCommand.run(['--analysis', bad])).rejects.toThrow(/not valid JSON/);
    await expect(reportCommand.run(['--analysis', bad, '--corpus', CORPUS])).rejects.toThrow(/either/);
  });
});
