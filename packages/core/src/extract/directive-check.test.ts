import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Directive } from '../manifest.ts';
import type { DocumentRefFound } from '../model.ts';
import {
  checkDirectiveCitation,
  directiveCheckMessage,
  directiveNumber,
  directiveTitlePhrases,
  numberParts,
} from './directive-check.ts';
import { findDocumentRefs } from './refs.ts';

const directive = Directive.parse(
  JSON.parse(readFileSync(new URL('../../../../corpus/directive.json', import.meta.url), 'utf8')),
);

/** The check on a bare text: references found as ingest finds them (here the text is its own source). */
function check(text: string, d: Parameters<typeof checkDirectiveCitation>[0] = directive) {
  const refs: DocumentRefFound[] = findDocumentRefs(text).map((r) => ({
    number: r.number,
    kind: r.kind,
    ...(r.issuer ? { issuer: r.issuer } : {}),
    ...(r.date ? { date: r.date } : {}),
    text: r.text,
    span: [r.start, r.end],
    ...(r.partial ? { partial: true } : {}),
    ...(r.garbled ? { garbled: true } : {}),
  }));
  return checkDirectiveCitation(d, refs, text);
}

describe('numberParts', () => {
  it('takes party, state and bare numbers apart', () => {
    expect(numberParts('57-KL/TW')).toEqual({ digits: 57, prefix: 'KL', issuer: 'TW' });
    expect(numberParts('02/2017/QĐ-UBND')).toEqual({ digits: 2, year: 2017, prefix: 'QĐ', issuer: 'UBND' });
    expect(numberParts('57-KL')).toEqual({ digits: 57, prefix: 'KL' });
    expect(numberParts('Kết luận')).toBeUndefined();
  });

  it('reads the directive number from the directive file', () => {
    expect(directiveNumber(directive)).toEqual({ digits: 57, prefix: 'KL', issuer: 'TW' });
    expect(directiveTitlePhrases(directive)[0]).toMatch(/thông tin đối ngoại$/);
    // Without the data, the title after its first "về".
    const { citation: _c, ...bare } = directive;
    expect(directiveTitlePhrases(bare)).toEqual([
      'tiếp tục nâng cao chất lượng, hiệu quả công tác thông tin đối ngoại trong tình hình mới',
    ]);
  });
});

describe('checkDirectiveCitation', () => {
  it('finds the directive by number, with its span', () => {
    const text = 'Thực hiện Kết luận số 57-KL/TW ngày 15/6/2023 của Bộ Chính trị, Ban Thường vụ';
    const c = check(text);
    expect(c.status).toBe('cites');
    expect(c.evidence).toHaveLength(1);
    const [start, end] = c.evidence[0]!.span;
    expect(text.slice(start, end)).toBe('Kết luận số 57-KL/TW ngày 15/6/2023');
    expect(c.citesInstead).toEqual([]);
    expect(directiveCheckMessage(c)).toBeUndefined();
  });

  it('finds the directive by its title phrase, accent-folded, across a line break', () => {
    const text =
      'thực hiện Kết luận của Bộ Chính trị về TIEP TUC nâng cao chất lượng,\nhiệu quả cong tac thông tin đối ngoại';
    const c = check(text);
    expect(c.status).toBe('cites');
    expect(c.evidence.map((e) => e.kind)).toEqual(['title']);
    expect(c.evidence[0]!.text).toBe('TIEP TUC nâng cao chất lượng,\nhiệu quả cong tac thông tin đối ngoại');
  });

  it('names a confusable: Resolution 57-NQ/TW of 2024 instead of Conclusion 57-KL/TW', () => {
    const text =
      'Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị; Nghị quyết số 57-NQ/TW; Chỉ thị số 14-CT/TW';
    const c = check(text);
    expect(c.status).toBe('cites-confusable');
    expect(c.citesInstead[0]).toMatchObject({
      number: '57-NQ/TW',
      kind: 'nghi-quyet',
      issuer: 'TW',
      date: '2024-12-22',
      confusable: true,
      count: 2,
    });
    expect(c.citesInstead[0]!.title).toMatch(/khoa học, công nghệ/);
    expect(c.citesInstead[1]).toMatchObject({ number: '14-CT/TW', confusable: false });
    const message = directiveCheckMessage(c)!;
    expect(message).toMatchObject({ ruleId: 'directive:cites-confusable', severity: 'warning' });
    expect(text.slice(message.start, message.end)).toBe('Nghị quyết số 57-NQ/TW ngày 22/12/2024');
    expect(message.reason).toContain('57-NQ/TW (2024-12-22)');
  });

  it('treats a conclusion 57 of another year as another document, a wrong day of the same year as a typo', () => {
    expect(check('Kết luận số 57-KL/TW ngày 10/3/2019 của Bộ Chính trị').status).toBe('cites-confusable');
    expect(check('Kết luận số 57-KL/TW ngày 16/5/2023 của Bộ Chính trị').status).toBe('cites');
  });

  it('names what a plan cites when it cites nothing with the number', () => {
    const c = check(
      'Kế hoạch thực hiện Chỉ thị số 24-CT/TW ngày 15/5/2013; Chỉ thị số 24-CT/TW; Kế hoạch số 338-KH/BTGTW',
    );
    expect(c.status).toBe('no-citation');
    expect(c.citesInstead.map((x) => [x.number, x.count])).toEqual([['24-CT/TW', 2]]);
    expect(directiveCheckMessage(c)).toMatchObject({ ruleId: 'directive:not-cited' });
    expect(check('Kế hoạch tổ chức hội nghị').citesInstead).toEqual([]);
    expect(directiveCheckMessage(check('Kế hoạch tổ chức hội nghị'))?.reason).toContain('cites no directive');
  });

  it("ignores the plan's own number", () => {
    const text = 'Số 57-KH/TU';
    const refs: DocumentRefFound[] = [
      { number: '57-KH/TU', kind: 'ke-hoach', issuer: 'TU', text: '57-KH/TU', span: [3, 11], self: true },
    ];
    expect(checkDirectiveCitation(directive, refs, text)).toMatchObject({
      status: 'no-citation',
      citesInstead: [],
    });
  });

  it('works for another directive from its file alone', () => {
    const other = {
      id: '24-CT/TW',
      title: { vi: 'Chỉ thị về đẩy mạnh công tác phổ biến, giáo dục pháp luật trong tình hình mới', en: 'x' },
      date: '2013-05-15',
    };
    expect(check('Thực hiện Chỉ thị số 24-CT/TW ngày 15/5/2013', other).status).toBe('cites');
    expect(check('Thực hiện Chỉ thị số 24-CT/TU ngày 15/5/2013', other).status).toBe('cites-confusable');
    expect(check('Thực hiện Kết luận số 57-KL/TW', other).status).toBe('no-citation');
  });
});

/** Surfaces a careful reader takes for "Conclusion 57-KL/TW": spacing, OCR accents, "số", TƯ for TW. */
const citingVariant = fc
  .record({
    word: fc.constantFrom('Kết luận', 'Ket luận', 'Kết luân', 'KẾT LUẬN', 'Kết  luận', ''),
    so: fc.constantFrom('', 'số ', 'sổ ', 'Số ', 'số: '),
    dash: fc.constantFrom('-', ' - ', '- ', ' -'),
    slash: fc.constantFrom('/', ' / ', '/ '),
    issuer: fc.constantFrom('TW', 'TƯ'),
    date: fc.constantFrom('', ' ngày 15/6/2023', ', ngày 15 tháng 6 năm 2023', ' ngày 15/06/2023'),
  })
  .map(
    ({ word, so, dash, slash, issuer, date }) =>
      `${word ? `${word} ` : ''}${so}57${dash}KL${slash}${issuer}${date}`,
  );

/** Same number, another kind, issuer or year: a different document. */
const confusableVariant = fc.oneof(
  fc
    .constantFrom(
      ['Nghị quyết', 'NQ'],
      ['Chỉ thị', 'CT'],
      ['Kế hoạch', 'KH'],
      ['Hướng dẫn', 'HD'],
      ['Quyết định', 'QĐ'],
    )
    .chain(([word, prefix]) =>
      fc.constantFrom('TW', 'TƯ', 'TU').map((issuer) => `${word} số 57-${prefix}/${issuer}`),
    ),
  fc.constantFrom('TU', 'HU', 'BTGTW', 'ĐU', 'ĐĐQH').map((issuer) => `Kết luận số 57-KL/${issuer}`),
  fc
    .integer({ min: 1990, max: 2040 })
    .filter((y) => y !== 2023)
    .map((y) => `Kết luận số 57-KL/TW ngày 15/6/${y}`),
);

const context = fc.constantFrom(
  ['Thực hiện ', ' của Bộ Chính trị, Ban Thường vụ Tỉnh ủy ban hành kế hoạch'],
  ['(', ')'],
  ['- Quán triệt ', '.\n'],
  ['', ''],
);

describe('number matcher (properties)', () => {
  it('every spelling of the directive number is found, with its span', () => {
    fc.assert(
      fc.property(citingVariant, context, (variant, [before, after]) => {
        const text = `${before}${variant}${after}`;
        const c = check(text);
        expect(c.status).toBe('cites');
        const number = c.evidence.find((e) => e.kind === 'number')!;
        expect(text.slice(number.span[0], number.span[1])).toBe(number.text);
        expect(number.text).toContain('57');
      }),
    );
  });

  it('a confusable is never taken for the directive, and is named', () => {
    fc.assert(
      fc.property(confusableVariant, context, (variant, [before, after]) => {
        const c = check(`${before}${variant}${after}`);
        expect(c.status).toBe('cites-confusable');
        expect(c.citesInstead[0]!.confusable).toBe(true);
        expect(c.citesInstead[0]!.number).toMatch(/^57-/);
      }),
    );
  });

  it('other numbers are neither the directive nor confusables', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }).filter((n) => n !== 57),
        context,
        (n, [before, after]) => {
          const c = check(`${before}Kết luận số ${n}-KL/TW${after}`);
          expect(c.status).toBe('no-citation');
          expect(c.citesInstead.every((x) => !x.confusable)).toBe(true);
        },
      ),
    );
  });
});
