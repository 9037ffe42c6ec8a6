import { describe, expect, it } from 'vitest';
import { columnValue, type ProfileRow, sortProfileRows } from './profile-rows.ts';

const row = (planId: string, lag: number | null, own: number | null, d1: number | null): ProfileRow => ({
  planId,
  lag: lag === null ? null : [lag, lag + 1],
  shares: [0.5, own, null, null, null],
  depth: [d1, 2],
});
const groups = ['TG1', 'TG2'];
const rows = [row('a', 30, 0.2, 1), row('b', null, 0.9, null), row('c', 10, 0.5, 4)];

describe('profile rows (the Profiles table, computed in the worker)', () => {
  it('columnValue reads lag, a share and a depth by the column key', () => {
    expect(columnValue(rows[0]!, 'lag', groups)).toBe(30);
    expect(columnValue(rows[0]!, 'own', groups)).toBe(0.2);
    expect(columnValue(rows[2]!, 'depth-TG1', groups)).toBe(4);
    expect(columnValue(rows[1]!, 'depth-TG1', groups)).toBeNull();
  });
  it('sortProfileRows puts unknown values last ascending, first descending, and keeps the order unsorted', () => {
    const ids = (rs: ProfileRow[]) => rs.map((r) => r.planId);
    expect(ids(sortProfileRows(rows, groups, 'lag', false))).toEqual(['c', 'a', 'b']);
    expect(ids(sortProfileRows(rows, groups, 'lag', true))).toEqual(['b', 'a', 'c']);
    expect(ids(sortProfileRows(rows, groups, 'own', true))).toEqual(['b', 'c', 'a']);
    expect(ids(sortProfileRows(rows, groups, undefined, false))).toEqual(['a', 'b', 'c']);
  });
});
