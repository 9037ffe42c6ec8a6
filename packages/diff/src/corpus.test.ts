/** The facts of issue 4 on the real corpus. */
import { fold, loadLexicon } from '@doichieu/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareCorpus } from './corpus.ts';
import { comparePlans } from './pairwise.ts';
import type { Findings } from './schema.ts';
import { Findings as FindingsSchema } from './schema.ts';
import { realCorpus } from './test-support.ts';
import type { DiffPlan } from './types.ts';

let findings: Findings;
let plans: DiffPlan[];
beforeAll(() => {
  const c = realCorpus();
  plans = c.plans;
  findings = compareCorpus(c.directive, c.plans);
});

const additionsOf = (id: string) => findings.additions.filter((a) => a.planId === id);
const has = (text: string, needle: string) => fold(text).includes(fold(needle));

describe('compareCorpus on the real corpus', () => {
  it('matches the published schema', () => {
    expect(FindingsSchema.safeParse(findings).success).toBe(true);
    expect(findings.plans).toEqual(plans.map((p) => p.id));
  });

  it("finds Quảng Ninh's border-gate information clusters as one Quảng Ninh addition", () => {
    const clusters = additionsOf('qnh-implementation').filter((c) =>
      c.passages.some((p) => has(p.text, 'cửa khẩu')),
    );
    expect(clusters).toHaveLength(1);
    const c = clusters[0]!;
    expect(c.passages.map((p) => p.unitId).sort()).toEqual([
      'qnh-implementation:II/3/b1',
      'qnh-implementation:III/2',
    ]);
    expect(c.passages.some((p) => has(p.text, 'cụm thông tin đối ngoại'))).toBe(true);
    expect(c.passages.some((p) => has(p.text, 'cụm thông tin điện tử công cộng'))).toBe(true);
    expect(has(c.label, 'cửa khẩu')).toBe(true);
    // No other plan has it as an addition: it is not anyone else's.
    expect(
      findings.additions
        .filter((a) => a.planId !== 'qnh-implementation')
        .some((a) => a.passages.some((p) => has(p.text, 'cửa khẩu'))),
    ).toBe(false);
  });

  it("finds Quảng Ngãi's Steering Committee 35 passage as a Quảng Ngãi addition", () => {
    const hit = additionsOf('qng-implementation').find((c) =>
      c.passages.some((p) => has(p.text, 'Ban Chỉ đạo 35') || has(p.text, 'lực lượng nòng cốt')),
    );
    expect(hit).toBeDefined();
    expect(hit!.passages.some((p) => p.unitId === 'qng-implementation:III/4/b3')).toBe(true);
  });

  it("finds Quảng Ngãi's diaspora passages (people of Quảng Ngãi abroad) as one addition", () => {
    const hit = additionsOf('qng-implementation').filter((c) =>
      c.passages.some((p) => has(p.text, 'nước ngoài') && has(p.text, 'Quảng Ngãi')),
    );
    expect(hit).toHaveLength(1);
    const units = hit[0]!.passages.map((p) => p.unitId);
    expect(units).toContain('qng-implementation:III/1/b2');
    expect(units).toContain('qng-implementation:III/2/2.1');
    expect(has(hit[0]!.label, 'quê hương')).toBe(true);
    // The plan's own province is not content: never in its labels.
    expect(has(hit[0]!.label, 'Quảng Ngãi')).toBe(false);
  });

  it("finds Lạng Sơn's conference logistics as Lạng Sơn additions, in a few clusters", () => {
    const logistics = additionsOf('lso-135-conference').filter((c) =>
      c.passages.some((p) => has(p.text, 'điểm cầu') || has(p.text, 'đường truyền')),
    );
    expect(logistics.length).toBeGreaterThanOrEqual(1);
    expect(logistics.length).toBeLessThanOrEqual(3);
    const texts = logistics.flatMap((c) => c.passages.map((p) => p.text)).join(' ');
    expect(has(texts, 'Điểm cầu cấp tỉnh')).toBe(true);
    expect(has(texts, 'trực tuyến')).toBe(true);
    // Labelled by what they are about, not by the province's name; logistics not chained into one cluster.
    expect(logistics.some((c) => has(c.label, 'điểm cầu'))).toBe(true);
    for (const c of additionsOf('lso-135-conference')) {
      expect(has(c.label, 'Lạng Sơn')).toBe(false);
      expect(c.passages.length).toBeLessThanOrEqual(10);
    }
  });

  it('labels clusters with whole words: no label term starts or ends inside a word of the passage', () => {
    for (const a of findings.additions) {
      expect(a.label.length).toBeGreaterThan(0);
      const text = fold(a.passages.map((p) => p.text).join(' | ')).toLowerCase();
      for (const term of a.label.split(' · ')) {
        // The term occurs in the passages between spaces or punctuation, not glued to a code ("57-KL/TW").
        const t = fold(term)
          .toLowerCase()
          .replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        expect(
          new RegExp(`(^|[\\s,;:.()"“”|])${t}($|[\\s,;:.()"“”|])`, 'u').test(text),
          `${a.id}: ${term}`,
        ).toBe(true);
      }
    }
    for (const o of findings.omissions) expect(o.label.length).toBeGreaterThan(0);
  });

  it('no label term starts or ends inside a word of the syllable lexicon, where the passage has it', () => {
    const lex = loadLexicon();
    const inWord = (a: string, b: string) => lex.pairs.has(`${a} ${b}`);
    for (const a of findings.additions)
      for (const term of a.label.split(' · ')) {
        const t = term.toLowerCase().split(' ');
        // Within a clause only: punctuation ends a word ("Tỉnh ủy; Ban" is not "ủy ban").
        for (const chunk of a.passages.flatMap((p) =>
          p.text.toLowerCase().split(/[,;:.()"“”!?…]|\s[-–]\s/),
        )) {
          const words = chunk.split(/\s+/).filter(Boolean);
          for (let i = 0; i + t.length <= words.length; i++) {
            if (words.slice(i, i + t.length).join(' ') !== t.join(' ')) continue;
            const before = words[i - 1];
            const after = words[i + t.length];
            expect(before !== undefined && inWord(before, t[0]!), `${a.id}: "${before} | ${term}"`).toBe(
              false,
            );
            expect(
              after !== undefined && inWord(t[t.length - 1]!, after),
              `${a.id}: "${term} | ${after}"`,
            ).toBe(false);
          }
        }
      }
  });

  it('ranks a plan’s additions by specificity (not size): Quảng Ninh’s border-gate cluster is near the top', () => {
    const qnh = additionsOf('qnh-implementation');
    expect(qnh.length).toBeGreaterThan(10);
    const spec = qnh.map((c) => c.specificity ?? Number.NaN);
    expect(spec.every(Number.isFinite)).toBe(true);
    expect([...spec].sort((x, y) => y - x)).toEqual(spec);
    expect(qnh.map((c) => c.id)).toEqual(qnh.map((_c, i) => `qnh-implementation:add${i + 1}`));
    const border = qnh.findIndex((c) => c.passages.some((p) => has(p.text, 'cửa khẩu')));
    expect(border).toBeGreaterThanOrEqual(0);
    expect(border).toBeLessThan(5);
    // Not by size: the most specific cluster is not simply the one with the most passages or syllables.
    const size = (c: (typeof qnh)[number]) => c.passages.reduce((n, p) => n + p.text.length, 0);
    const bySize = [...qnh].sort((x, y) => size(y) - size(x)).map((c) => c.id);
    expect(bySize).not.toEqual(qnh.map((c) => c.id));
  });

  it('lists a passage once: no two additions of a plan repeat the same text', () => {
    for (const plan of plans) {
      const texts = additionsOf(plan.id).flatMap((c) =>
        c.passages.map((p) => p.text.toLowerCase().replace(/\s+/g, ' ')),
      );
      expect(new Set(texts).size, plan.id).toBe(texts.length);
    }
  });

  it('gives distinctive terms on whole terms: none starts or ends with a function word or inside a lexicon word', () => {
    const lex = loadLexicon();
    const fw = new Set(['và', 'của', 'với', 'các', 'những', 'trong', 'cho', 'để', 'là']);
    for (const k of findings.keyness)
      for (const { term } of k.terms) {
        const w = term.split(' ');
        expect(fw.has(w[0]!) || fw.has(w[w.length - 1]!), `${k.planId}: ${term}`).toBe(false);
        // A single syllable shown alone must not be half of a lexicon word next to it in the plan.
        expect(/^\d/.test(term), term).toBe(false);
      }
    expect(lex.pairs.size).toBeGreaterThan(0);
  });

  it('leaves generic words spread over all groups out of the omissions, and place names', () => {
    const labels = findings.omissions.flatMap((o) => o.keyTerms.map((t) => fold(t.term)));
    for (const generic of ['phat huy', 'tich cuc', 'hoat dong', 'quang ngai', 'quang ninh', 'lang son'])
      expect(labels).not.toContain(generic);
  });

  it('never proposes header, recipients or signature units as additions', () => {
    const roles = new Map(plans.flatMap((p) => p.units.map((u) => [u.id, u.role] as const)));
    for (const a of findings.additions)
      for (const p of a.passages)
        expect(['header', 'recipients', 'signature']).not.toContain(roles.get(p.unitId));
  });

  it('Lạng Sơn leaves out most of TG2–TG5, and more of it than the implementation plans', () => {
    const omitted = (id: string, g: string) =>
      findings.omissions.filter((o) => o.planId === id && o.group === g).length;
    const total = (g: string) => {
      // Elements of g = those some plan omits or everyone carries; count via the omissions of the plan with fewest.
      return Math.max(...plans.map((p) => omitted(p.id, g)));
    };
    let lso = 0;
    let qnh = 0;
    let qng = 0;
    for (const g of ['TG2', 'TG3', 'TG4', 'TG5']) {
      lso += omitted('lso-135-conference', g);
      qnh += omitted('qnh-implementation', g);
      qng += omitted('qng-implementation', g);
      expect(omitted('lso-135-conference', g)).toBeGreaterThanOrEqual(omitted('qnh-implementation', g));
      expect(total(g)).toBeGreaterThan(0);
    }
    expect(lso).toBeGreaterThan(2 * Math.max(qnh, qng));
    for (const o of findings.omissions.filter((x) => x.planId === 'lso-135-conference')) {
      expect(o.carriedBy).not.toContain('lso-135-conference');
      expect(o.examples.length).toBeGreaterThan(0);
    }
  });

  it('finds the five Guidance-111 points copied by the district plan and Quảng Ngãi 222', () => {
    const cmp = findings.comparisons.find((c) => c.a === 'qng-222-study' && c.b === 'district-study')!;
    const points = ['(1)', '(2)', '(3)', '(4)', '(5)'].map((n) => `qng-222-study:II/3/${n}`);
    for (const [i, unitId] of points.entries()) {
      const r = cmp.reuse.find((x) => x.a.unitId === unitId);
      expect(r, unitId).toBeDefined();
      expect(r!.b.unitId).toBe(`district-study:II/3/b${i + 1}`);
      expect(r!.tokens).toBeGreaterThanOrEqual(12);
    }
    // Points (1), (2) and (4) are the two plans' own shared wording, not boilerplate.
    for (const n of ['(1)', '(2)', '(4)'])
      expect(cmp.reuse.find((x) => x.a.unitId === `qng-222-study:II/3/${n}`)!.boilerplate).toBeUndefined();
  });

  it('marks the shared preamble (the directive’s citation formula) as boilerplate in every pair', () => {
    for (const cmp of findings.comparisons) {
      const preamble = cmp.reuse.filter((r) =>
        has(r.text, 'Kết luận số 57-KL/TW ngày 15/6/2023 của Bộ Chính trị'),
      );
      for (const r of preamble) expect(r.boilerplate, `${cmp.a}~${cmp.b}`).toBe(true);
    }
    const all = findings.comparisons.flatMap((c) => c.reuse);
    expect(all.some((r) => r.boilerplate)).toBe(true);
    expect(all.filter((r) => !r.boilerplate).length).toBeGreaterThanOrEqual(20);
  });

  it('finds the sentences the Quảng Ninh and Quảng Ngãi implementation plans share', () => {
    const cmp = findings.comparisons.find(
      (c) => c.a === 'qng-implementation' && c.b === 'qnh-implementation',
    )!;
    expect(cmp.reuse.filter((r) => !r.boilerplate).length).toBeGreaterThanOrEqual(10);
    const texts = cmp.reuse
      .filter((r) => !r.boilerplate)
      .map((r) => r.text)
      .join(' | ');
    expect(has(texts, 'Xây dựng đội ngũ cán bộ chuyên trách làm công tác thông tin đối ngoại')).toBe(true);
    expect(has(texts, 'Đa dạng hóa và lồng ghép thông tin đối ngoại')).toBe(true);
    // Every reuse passage's spans point at its text in the source.
    for (const r of cmp.reuse) {
      for (const side of [r.a, r.b]) {
        const p = plans.find((x) => x.id === side.planId)!;
        expect(fold(p.source!.slice(side.span[0], side.span[1])).replace(/\s+/g, ' ')).toContain(
          fold(side.text.split(/\s+/)[0]!),
        );
      }
    }
  });

  it('finds reuse regardless of order: shuffling one plan’s units changes nothing', () => {
    const a = plans.find((p) => p.id === 'qng-222-study')!;
    const b = plans.find((p) => p.id === 'district-study')!;
    const shuffled = { ...b, units: [...b.units].reverse() };
    const key = (rs: { a: { unitId: string }; b: { unitId: string }; tokens: number }[]) =>
      rs.map((r) => `${r.a.unitId}~${r.b.unitId}:${r.tokens}`).sort();
    const before = key(comparePlans(a, b).reuse);
    const after = key(comparePlans(a, shuffled).reuse);
    expect(after.length).toBe(before.length);
    for (let i = 1; i <= 5; i++)
      expect(
        after.find((k) => k.startsWith(`qng-222-study:II/3/(${i})~district-study:II/3/b${i}:`)),
      ).toBeDefined();
    // Reordering inside a unit: the five points in reverse order in one paragraph are still found.
    const joined = {
      ...b,
      units: [
        {
          ...b.units.find((u) => u.id === 'district-study:II/3/b1')!,
          id: 'district-study:joined',
          text: [5, 4, 3, 2, 1]
            .map((n) => b.units.find((u) => u.id === `district-study:II/3/b${n}`)!.text)
            .join(' '),
        },
      ],
    };
    const found = comparePlans(a, joined).reuse.map((r) => r.a.unitId);
    for (let i = 1; i <= 5; i++) expect(found).toContain(`qng-222-study:II/3/(${i})`);
  });

  it('pairs corresponding units within a task group, with a score, its terms and a diff', () => {
    const cmp = findings.comparisons.find(
      (c) => c.a === 'qng-implementation' && c.b === 'qnh-implementation',
    )!;
    const pair = cmp.pairs.find((p) => p.a.unitId === 'qng-implementation:III/5/b2')!;
    expect(pair.b.unitId).toBe('qnh-implementation:II/5/b2');
    expect(pair.group).toBe('TG5');
    expect(pair.similarity).toBeGreaterThan(0.5);
    expect(pair.matchedTerms.length).toBeGreaterThan(0);
    expect(pair.diff.some((d) => d.op === 'equal')).toBe(true);
  });

  it('gives a symmetric similarity matrix with 1 on the diagonal, and keyness terms per plan', () => {
    const m = findings.similarity;
    m.forEach((row, i) => {
      expect(row[i]).toBe(1);
      row.forEach((v, j) => {
        expect(v).toBe(m[j]![i]);
      });
    });
    const qnh = findings.keyness.find((k) => k.planId === 'qnh-implementation')!;
    // The plan's own place name is not content: distinctive terms leave the headers' place names out.
    expect(qnh.terms.length).toBeGreaterThan(5);
    expect(qnh.terms.some((t) => has(t.term, 'quảng ninh'))).toBe(false);
    const lso = findings.keyness.find((k) => k.planId === 'lso-135-conference')!;
    expect(lso.terms.some((t) => has(t.term, 'hội nghị') || has(t.term, 'điểm cầu'))).toBe(true);
  });

  it('is deterministic', () => {
    const c = realCorpus();
    expect(JSON.stringify(compareCorpus(c.directive, c.plans))).toBe(JSON.stringify(findings));
  });
});
