import { describe, expect, it } from 'vitest';
import { GoldFormatError, parseGold } from './gold.ts';

const G = ['TG1', 'TG2'];
describe('parseGold', () => {
  it('reads a spreadsheet export with BOM, CRLF and quoted Vietnamese text', () => {
    const csv =
      '\ufeffplan_id,unit_id,status,labels,uncertain,note,text\r\n"p","p:I/b1","unit","TG2; tg1","yes","","Phối hợp, quán triệt"\r\n"p","p:I","skip","","","",""\r\n';
    const rows = parseGold(csv, G);
    expect(rows[0]).toMatchObject({
      unitId: 'p:I/b1',
      status: 'unit',
      labels: ['TG1', 'TG2'],
      uncertain: true,
    });
    expect(rows[1]!.status).toBe('skip');
  });
  it('names the row of a bad label, a bad status, a duplicate', () => {
    const head = 'plan_id,unit_id,status,labels\n';
    expect(() => parseGold(`${head}p,p:1,unit,TG9\n`, G)).toThrow(/row 2: unknown label "TG9"/);
    expect(() => parseGold(`${head}p,p:1,maybe,\n`, G)).toThrow(/row 2: status/);
    expect(() => parseGold(`${head}p,p:1,unit,\np,p:1,unit,\n`, G)).toThrow(
      /row 3: unit p:1 annotated twice/,
    );
    expect(() => parseGold('plan_id,text\n', G)).toThrow(GoldFormatError);
  });
});
