import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { BOM, neutraliseCell, restoreCell, toCsv } from './csv.ts';

const parse = (csv: string) =>
  Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe('toCsv', () => {
  it('starts with a UTF-8 byte-order mark so Excel reads Vietnamese correctly', () => {
    const csv = toCsv(['tỉnh'], [['Quảng Ngãi'], ['Lạng Sơn']]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // The letters survive as UTF-8 (NFC), not mojibake.
    expect(bytes.toString('utf8')).toContain('Quảng Ngãi');
    expect(parse(csv)).toEqual([['tỉnh'], ['Quảng Ngãi'], ['Lạng Sơn']]);
  });

  it('neutralises cells that a spreadsheet would run as formulas', () => {
    const evil = [
      '=HYPERLINK("http://x","y")',
      '+1+2',
      '-2+3',
      '@SUM(A1)',
      '\t=1',
      '\r=1',
      '＝HYPERLINK("http://x","y")',
      '＋1+2',
      '－2+3',
      '＠SUM(A1)',
    ];
    const csv = toCsv(['cell'], [...evil.map((v) => [v]), ['- Tăng cường đấu tranh'], ['an toàn = 1']]);
    const cells = parse(csv)
      .slice(1)
      .map((r) => r[0]!);
    for (const [i, v] of evil.entries()) expect(cells[i]).toBe(`'${v}`);
    // A bullet of plan text gets the quote too (documented), a later = does not.
    expect(cells[evil.length]).toBe("'- Tăng cường đấu tranh");
    expect(cells[evil.length + 1]).toBe('an toàn = 1');
    expect(cells.map(restoreCell).slice(0, evil.length)).toEqual(evil);
  });

  it('keeps numbers as numbers (a negative number is not a formula), quotes every field, CRLF lines', () => {
    expect(neutraliseCell(-0.5)).toBe(-0.5);
    expect(neutraliseCell(Number.NaN)).toBe('');
    expect(neutraliseCell(true)).toBe('yes');
    expect(neutraliseCell(undefined)).toBe('');
    const csv = toCsv(['a', 'b'], [[1, 'x, "y"\nz']]);
    expect(csv).toBe(`${BOM}"a","b"\r\n"1","x, ""y""\nz"\r\n`);
    expect(parse(csv)[1]).toEqual(['1', 'x, "y"\nz']);
  });
});
