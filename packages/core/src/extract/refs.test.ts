import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDocumentRefs, findDocumentRefsEveryCandidate } from './refs.ts';

const one = (text: string) => {
  const refs = findDocumentRefs(text);
  expect(refs).toHaveLength(1);
  return refs[0]!;
};

describe('findDocumentRefs', () => {
  it('reads a full reference with its date', () => {
    const text = 'Thực hiện Kết luận số 57-KL/TW ngày 15/6/2023 của Bộ Chính trị';
    const ref = one(text);
    expect(ref).toMatchObject({
      number: '57-KL/TW',
      kind: 'ket-luan',
      issuer: 'TW',
      date: '2023-06-15',
      text: 'Kết luận số 57-KL/TW ngày 15/6/2023',
    });
    expect(text.slice(ref.start, ref.end)).toBe(ref.text);
  });

  it('takes the kind from the prefix when no document word precedes', () => {
    expect(one('theo 76-HD/BTGTU,')).toMatchObject({
      number: '76-HD/BTGTU',
      kind: 'huong-dan',
      issuer: 'BTGTU',
    });
    expect(one('(126-KL/TW)')).toMatchObject({ kind: 'ket-luan' });
    expect(one('Số 222-KH/TU')).toMatchObject({ kind: 'ke-hoach' });
  });

  it('tolerates spaces, hyphen line-break remnants and a comma before the date', () => {
    expect(one('Kế hoạch số 338- KH/BTGTW ngày 15/8/2023')).toMatchObject({
      number: '338-KH/BTGTW',
      date: '2023-08-15',
    });
    expect(one('Kết luận số 126 - KL / TW, ngày 14/02/2012')).toMatchObject({
      number: '126-KL/TW',
      date: '2012-02-14',
    });
    expect(one('Nghị quyết số 35-NQ/TW, ngày 22 tháng 10 năm 2018')).toMatchObject({ date: '2018-10-22' });
  });

  it('tolerates OCR damage in the words and the issuer', () => {
    expect(one('(Ket luận số 57-KL/TW)')).toMatchObject({ kind: 'ket-luan', text: 'Ket luận số 57-KL/TW' });
    expect(one('Chỉ thị số 42-CT/TƯ ngày 04/8/2020')).toMatchObject({
      number: '42-CT/TU',
      issuer: 'TU',
      kind: 'chi-thi',
    });
    expect(one('Kết luận số 57-KL/TW5 Ban Thường vụ')).toMatchObject({
      number: '57-KL/TW',
      text: 'Kết luận số 57-KL/TW',
    });
  });

  it('lets the document word decide the kind ("Quy định … QĐ" is not a decision)', () => {
    expect(one('Quy định số 25-QĐ/TU ngày 22/10/2020')).toMatchObject({ number: '25-QĐ/TU', kind: 'other' });
    expect(one('Quyết định số 12-QĐ/TU')).toMatchObject({ kind: 'quyet-dinh' });
  });

  it('reads state numbering', () => {
    expect(one('Quyết định số 02/2017/QĐ-ƯBND ngày 04/8/2017')).toMatchObject({
      number: '02/2017/QĐ-UBND',
      kind: 'quyet-dinh',
      issuer: 'UBND',
      date: '2017-08-04',
    });
  });

  it('reports a bare "Kết luận 57" as partial, without inventing the issuer', () => {
    const ref = one('theo tinh thần Kết luận 57, các cấp ủy');
    expect(ref).toMatchObject({ number: '57-KL', kind: 'ket-luan', partial: true, text: 'Kết luận 57' });
    expect(ref.issuer).toBeUndefined();
    expect(findDocumentRefs('Kế hoạch 2024 và Nghị quyết Đại hội XIII')).toEqual([]);
  });

  it('flags a number with OCR noise glued to it', () => {
    const ref = one('SỐ ĩ>57 - KH/TƯ Quảng Ninh');
    expect(ref).toMatchObject({ garbled: true, text: '57 - KH/TƯ' });
  });

  it('ignores look-alikes', () => {
    expect(
      findDocumentRefs('giai đoạn 2011 - 2020, quốc gia - dân tộc, 1-2 ngày/tuần, covid-19/2021'),
    ).toEqual([]);
  });
});

describe('the scan anchored at digit runs', () => {
  /** Pieces of references, look-alikes and noise: long document words, "số:" leads, numerals, spaces. */
  const PIECES = [
    'Kết luận',
    'Chương trình',
    'Chương  \t trình',
    'Nghị quyết',
    'Kế hoạch',
    'Quy chế',
    'Thông tri',
    'kehoach',
    ' số ',
    ' số:  ',
    'so',
    ' ',
    '   ',
    '\u00a0',
    '57',
    '123456',
    '2023',
    '-',
    ' - ',
    '/',
    ' / ',
    'KL',
    'QĐ',
    'UBND',
    'TW',
    'TƯ5',
    'ngày 15/6/2023',
    ', ngày 4 tháng 8 năm 2020',
    '²',
    '٣',
    '.',
    ',',
    '(',
    'a',
    'Đ',
    '\n',
  ];
  const piece = fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 }));
  /** A reference-like run: word, lead, number, prefix, issuer, date, each part optional or damaged. */
  const refLike = fc
    .tuple(
      fc.constantFrom('', 'Chương trình', 'Chương \t trình', 'Quyết định', 'Kết luận', 'Thông tri', 'x'),
      fc.constantFrom('', ' ', '   ', '\n', '\u00a0', ' số ', ' số:  ', '  số  :   ', ' so', ' số\v'),
      fc.constantFrom('57', '2', '12345', '123456', '2023', '²5'),
      fc.constantFrom('-', ' - ', '\n-', '\u00a0\r-', '/2017/', ' / 2017 / ', '\n/2017\f/', '/', ', ', ''),
      fc.constantFrom('KL', 'QĐ', 'kl', 'ĐK', 'ABCDE', ''),
      fc.constantFrom('/', ' / ', '-', ''),
      fc.constantFrom('TW', 'TƯ5', 'UBND', 'BTGTU', ''),
      fc.constantFrom('', ' ngày 15/6/2023', ', ngày 4 tháng 8 năm 2020', ' 15/6'),
    )
    .map((parts) => parts.join(''));
  const text = fc.array(fc.oneof(piece, refLike), { maxLength: 30 }).map((p) => p.join(''));

  it('finds what trying every candidate position finds', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(findDocumentRefs(t)).toEqual(findDocumentRefsEveryCandidate(t));
      }),
      { numRuns: 3000 },
    );
  });
});
