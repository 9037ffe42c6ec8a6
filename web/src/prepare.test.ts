import { describe, expect, it } from 'vitest';
import {
  buildCorpus,
  buildSearchIndex,
  defaultPair,
  diffSides,
  heatmapRows,
  hitsPerPlan,
  kwic,
  kwicLine,
  markPieces,
  orientedComparison,
  outline,
  planDetails,
  search,
  similarityMatrix,
  sortRows,
  statusDiffs,
  textSegments,
  topTerms,
} from './prepare.ts';
import { fixture } from './test-fixture.ts';

const corpus = buildCorpus(fixture());
const withFindings = buildCorpus(fixture(true));

describe('coverage', () => {
  it('heatmapRows(corpus) gives every plan × group, absent where the coverage has no cell', () => {
    const rows = heatmapRows(corpus);
    expect(rows.map((r) => r.cells.map((c) => `${c.group}:${c.status}:${c.share}`))).toEqual([
      ['TG1:operationalised:0.5', 'TG2:mentioned:0.3'],
      ['TG1:operationalised:0.9', 'TG2:absent:0'],
    ]);
    expect(rows[0]!.cells[0]!.units).toEqual(['alpha:u2']);
  });
  it('sortRows(rows, group, desc) orders by status, then share', () => {
    const rows = heatmapRows(corpus);
    const name = (id: string) => id;
    expect(sortRows(rows, 'TG1', true, name).map((r) => r.planId)).toEqual(['beta', 'alpha']);
    expect(sortRows(rows, 'TG2', true, name).map((r) => r.planId)).toEqual(['alpha', 'beta']);
    expect(sortRows(rows, 'plan', true, name).map((r) => r.planId)).toEqual(['beta', 'alpha']);
  });
  it('sortRows(rows, "date") puts unknown dates last in both directions', () => {
    const rows = heatmapRows(corpus);
    expect(sortRows(rows, 'date', false, (id) => id).map((r) => r.planId)).toEqual(['alpha', 'beta']);
    expect(sortRows(rows, 'date', true, (id) => id).map((r) => r.planId)).toEqual(['alpha', 'beta']);
  });
  it('sortRows(rows) returns a new array', () => {
    const rows = heatmapRows(corpus);
    expect(sortRows(rows, 'plan', false, (id) => id)).not.toBe(rows);
  });
});

describe('reader', () => {
  it('textSegments(length, spans) covers the text with unit and gap segments', () => {
    expect(
      textSegments(10, [
        { id: 'b', span: [5, 8] },
        { id: 'a', span: [1, 3] },
        { id: 'c', span: [6, 20] },
      ]),
    ).toEqual([
      { start: 0, end: 1 },
      { start: 1, end: 3, unitId: 'a' },
      { start: 3, end: 5 },
      { start: 5, end: 8, unitId: 'b' },
      { start: 8, end: 10, unitId: 'c' },
    ]);
    expect(textSegments(0, [])).toEqual([]);
  });
  it('outline(plan) lists the headings', () => {
    expect(outline(corpus.plans[0]!)).toEqual([{ unitId: 'alpha:u1', text: 'I. NHIỆM VỤ', depth: 0 }]);
  });
  it('outline(plan) lists numbered items too (an item with a body is a section), cut at a word edge', () => {
    const plan = structuredClone(corpus.plans[0]!);
    plan.units[1] = { ...plan.units[1]!, kind: 'item', text: `1. ${'Tăng cường phối hợp '.repeat(8)}` };
    const o = outline(plan);
    expect(o.map((x) => x.unitId)).toEqual(['alpha:u1', plan.units[1]!.id]);
    expect(o[1]!.text.length).toBeLessThanOrEqual(91);
    expect(o[1]!.text.endsWith('…')).toBe(true);
    expect(o[1]!.text.slice(0, -1).endsWith(' ')).toBe(false);
  });
  it('planDetails(plan) counts agencies, lists deadlines and groups references by number', () => {
    const d = planDetails(corpus.plans[0]!);
    expect(d.agencies).toEqual([{ text: 'Ban Tuyên giáo', count: 1, unitIds: ['alpha:u2'] }]);
    expect(d.deadlines).toEqual([{ text: 'Thường xuyên', ongoing: true, unitId: 'alpha:u2' }]);
    expect(d.references).toEqual([
      { text: '57-KL/TW', count: 2, unitIds: ['alpha:u1', 'alpha:u2'], kind: 'ket-luan', date: '2023-06-15' },
    ]);
  });
});

describe('search', () => {
  const index = buildSearchIndex(corpus);
  it('search(index, "doi ngoai") finds units written with diacritics and in capitals', () => {
    const hits = search(index, 'doi ngoai');
    expect(hits.map((h) => h.unitId)).toEqual(['alpha:u2', 'beta:u2']);
    expect(hits[1]!.matches).toEqual([
      [0, 3],
      [18, 21],
      [22, 27],
    ]);
    // A quoted phrase must occur as written.
    expect(search(index, '"doi ngoai"')[1]!.matches).toEqual([[18, 27]]);
  });
  it('search(index, query) finds every word in any order, whole syllables only; kwic and hits per plan', () => {
    expect(search(index, 'ngoai doi').map((h) => h.unitId)).toEqual(
      search(index, 'doi ngoai').map((h) => h.unitId),
    );
    expect(search(index, 'ngoa')).toEqual([]);
    const hits = search(index, 'ngoai');
    expect(
      hitsPerPlan(hits)
        .map((x) => x.hits)
        .reduce((a, b) => a + b, 0),
    ).toBe(hits.length);
    const line = kwic('một hai ba bốn năm sáu bảy tám', [11, 14], 8);
    expect(line.match).toBe('bốn');
    expect(line.left.startsWith('…')).toBe(true);
    expect(line.right.endsWith('…')).toBe(true);
  });
  it('search(index, query) with diacritics finds the same units', () => {
    expect(search(index, 'ĐỐI  ngoại').map((h) => h.unitId)).toEqual(['alpha:u2', 'beta:u2']);
  });
  it('search(index, "") finds nothing', () => {
    expect(search(index, '  ')).toEqual([]);
  });
  it('markPieces(text, matches) splits into plain and matched pieces', () => {
    expect(markPieces('abcdef', [[1, 3]])).toEqual([
      { text: 'a', match: false },
      { text: 'bc', match: true },
      { text: 'def', match: false },
    ]);
  });
});

describe('compare', () => {
  it('statusDiffs(corpus, a, b) lists the groups whose status differs', () => {
    expect(statusDiffs(corpus, 'alpha', 'beta')).toEqual([
      { group: 'TG2', a: 'mentioned', b: 'absent', shareA: 0.3, shareB: 0 },
    ]);
  });
  it('orientedComparison(findings, b, a) flips a stored (a, b) comparison', () => {
    const c = orientedComparison(withFindings.findings, 'beta', 'alpha')!;
    expect(c.a).toBe('beta');
    expect(c.pairs[0]!.a.planId).toBe('beta');
    expect(c.pairs[0]!.diff[0]).toEqual({ op: 'added', text: 'Tăng cường công tác ' });
    expect(c.onlyInB.map((r) => r.unitId)).toEqual(['alpha:u3']);
    expect(orientedComparison(undefined, 'alpha', 'beta')).toBeUndefined();
  });
  it('diffSides(parts) keeps removed parts on A and added ones on B', () => {
    const parts = withFindings.findings!.comparisons[0]!.pairs[0]!.diff;
    const { a, b } = diffSides(parts);
    expect(a.map((p) => p.text).join('')).toBe('Tăng cường công tác thông tin đối ngoại của tỉnh');
    expect(b.map((p) => p.text).join('')).toBe('Đổi mới thông tin đối ngoại ở cửa khẩu');
  });
  it('defaultPair(corpus) is the most similar compared pair, else the first two plans', () => {
    expect(defaultPair(withFindings)).toEqual(['alpha', 'beta']);
    expect(defaultPair(corpus)).toEqual(['alpha', 'beta']);
  });
});

describe('corpus', () => {
  it('similarityMatrix(findings) is undefined without findings', () => {
    expect(similarityMatrix(undefined)).toBeUndefined();
    expect(similarityMatrix(withFindings.findings)!.value(0, 1)).toBe(0.4);
  });
  it('topTerms(findings, n) sorts by G² and cuts at n', () => {
    expect(topTerms(withFindings.findings, 1).get('alpha')).toEqual([
      { term: 'tỉnh', g2: 5, countInPlan: 1, countInRest: 0 },
    ]);
  });
});

describe('kwicLine', () => {
  it('marks every match in the context, not only the first', () => {
    const text = 'tăng cường thông tin đối ngoại và thông tin về biên giới';
    const line = kwicLine(text, [
      [11, 16],
      [17, 20],
      [34, 39],
      [40, 43],
    ]);
    // "thông" and "tin" are two matches, one centre: each is marked.
    expect(line.match.map((p) => [p.text, p.match])).toEqual([
      ['thông', true],
      [' ', false],
      ['tin', true],
    ]);
    expect(line.left.map((p) => p.text).join('')).toBe('tăng cường ');
    expect(line.right.filter((p) => p.match).map((p) => p.text)).toEqual(['thông', 'tin']);
    expect(line.right.map((p) => p.text).join('')).toBe(' đối ngoại và thông tin về biên giới');
  });
});
