import type { DocumentRefFound } from '@doichieu/core';
import { describe, expect, it } from 'vitest';
import { citationGraph } from './citations.ts';

const directive = {
  id: '57-KL/TW',
  date: '2023-06-15',
  taskGroups: [],
  related: [{ number: '111-HD/BTGTW', date: '2023-08-11' }],
};

function ref(
  number: string,
  kind: string,
  issuer: string,
  date: string | undefined,
  at: number,
): DocumentRefFound {
  return {
    number,
    kind,
    issuer,
    ...(date ? { date } : {}),
    text: `${number}${date ? ` ngày ${date}` : ''}`,
    span: [at, at + 10],
    unitId: `p:u${at}`,
  };
}

describe('citationGraph', () => {
  it('flags one document cited under two numbers, one number with two dates, and a date that differs from the known one', () => {
    const plan = {
      id: 'p',
      meta: { documentNumber: '1-KH/TU', date: '2023-09-01' },
      references: [
        ref('126-KL/TW', 'ket-luan', 'TW', '2012-02-14', 10),
        ref('16-KL/TW', 'ket-luan', 'TW', '2012-02-14', 50),
        ref('57-KL/TW', 'ket-luan', 'TW', '2023-06-15', 90),
        ref('57-KL/TW', 'ket-luan', 'TW', '2023-05-16', 130),
        ref('111-HD/BTGTW', 'huong-dan', 'BTGTW', '2023-08-11', 170),
      ],
    };
    const graph = citationGraph([plan], directive);
    const checks = graph.checks.map((c) => [c.check, c.documents.join(',')]);
    expect(checks).toContainEqual(['number-differs', '126-KL/TW,16-KL/TW']);
    expect(checks).toContainEqual(['date-differs', '57-KL/TW']);
    expect(checks).toContainEqual(['date-mismatch', '57-KL/TW']);
    expect(checks).toHaveLength(3);
    const numberCheck = graph.checks.find((c) => c.check === 'number-differs')!;
    expect(numberCheck.evidence.map((e) => e.span[0])).toEqual([10, 50]);
    expect(graph.documents.find((d) => d.id === '111-HD/BTGTW')?.knownDate).toBe('2023-08-11');
  });

  it('flags a guidance the plan of the level above never mentions, and only that one', () => {
    const province = {
      id: 'prov',
      meta: { documentNumber: '9-KH/TU', date: '2023-09-01' },
      references: [ref('111-HD/BTGTW', 'huong-dan', 'BTGTW', undefined, 5)],
    };
    const district = {
      id: 'dist',
      meta: { documentNumber: 'unknown', date: 'unknown' },
      references: [
        ref('111-HD/BTGTW', 'huong-dan', 'BTGTW', undefined, 5),
        ref('76-HD/BTGTU', 'huong-dan', 'BTGTU', undefined, 40),
      ],
    };
    const graph = citationGraph(
      [province, district],
      directive,
      [
        { planId: 'prov', guidance: ['111-HD/BTGTW'] },
        { planId: 'dist', guidance: ['111-HD/BTGTW', '76-HD/BTGTU'] },
      ],
      (id) => (id === 'dist' ? 'prov' : null),
    );
    expect(graph.checks.map((c) => [c.planId, c.check, c.documents[0]])).toEqual([
      ['dist', 'guidance-not-in-level-above', '76-HD/BTGTU'],
    ]);
  });

  it('does not flag a plan whose citations agree', () => {
    const plan = {
      id: 'p',
      meta: { documentNumber: 'unknown', date: 'unknown' },
      references: [
        ref('57-KL/TW', 'ket-luan', 'TW', '2023-06-15', 0),
        ref('57-KL/TW', 'ket-luan', 'TW', undefined, 40),
      ],
    };
    expect(citationGraph([plan], directive).checks).toEqual([]);
  });
});
