import { describe, expect, it } from 'vitest';
import { type SearchEntry, searchEntries, shardEntries, type ViewerSearchShard } from './search-shards.ts';

const shard = (plans: Array<[string, string[]]>): ViewerSearchShard => ({
  format: 'doichieu-viewer/1',
  plans: plans.map(([planId, texts]) => ({
    planId,
    units: texts.map((text, i) => ({ id: `${planId}:u${i}`, text, labels: i === 0 ? ['TG1'] : [] })),
  })),
});

describe('search over the search shards', () => {
  const entries: SearchEntry[] = [
    ...shardEntries(
      shard([
        ['a', ['Tăng cường thông tin đối ngoại', 'Đội ngũ làm công tác ngoại giao', 'ngoại thương']],
        ['b', ['đối ngoại nhân dân và thông tin', 'không liên quan']],
      ]),
    ),
    ...shardEntries(shard([['c', ['THÔNG TIN ĐỐI NGOẠI, thông tin đối ngoại']]])),
  ];

  it('finds units with every word in any order, ignoring diacritics and case, whole syllables', () => {
    const r = searchEntries(entries, 'ngoai doi', 0, 10);
    // "Đội ngũ … ngoại giao" has both words too; "ngoại thương" has no "doi".
    expect(r.hits.map((x) => x.unitId)).toEqual(['a:u0', 'a:u1', 'b:u0', 'c:u0']);
    expect(r.total).toBe(4);
    expect(r.plans).toBe(3);
    expect(searchEntries(entries, 'ngoa', 0, 10).total).toBe(0);
  });

  it('gives the hits with their text, labels and matched spans, hits per plan, and pages', () => {
    const r = searchEntries(entries, 'thong tin', 0, 2);
    expect(r.total).toBe(3);
    expect(r.hits).toHaveLength(2);
    const first = r.hits[0]!;
    expect(first).toMatchObject({ planId: 'a', unitId: 'a:u0', labels: ['TG1'] });
    expect(first.matches.map(([s, e]) => first.text.slice(s, e))).toEqual(['thông', 'tin']);
    expect(searchEntries(entries, 'ngoai', 0, 10).perPlan).toEqual([
      ['a', 3],
      ['b', 1],
      ['c', 1],
    ]);
    const c = searchEntries(entries, '"thong tin doi ngoai"', 0, 10);
    expect(c.hits.map((x) => x.unitId)).toEqual(['a:u0', 'c:u0']);
    expect(c.hits[1]!.matches).toHaveLength(2);
    expect(searchEntries(entries, 'thong tin', 2, 2).hits.map((x) => x.unitId)).toEqual(['c:u0']);
  });
});
