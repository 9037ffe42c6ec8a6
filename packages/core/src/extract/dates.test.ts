import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateStartingAt, findDates, findQuarters, isoDate, parseDeadline } from './dates.ts';
import { foldKeepLength } from './fold.ts';

const isos = (text: string) => findDates(text).map((d) => d.iso);

describe('findDates', () => {
  it('reads the long form, the slash form and month/year', () => {
    expect(isos('Quảng Ngãi, ngày 14 tháng 9 năm 2023')).toEqual(['2023-09-14']);
    expect(isos('Kết luận số 57-KL/TW ngày 15/6/2023 và 14/02/2012')).toEqual(['2023-06-15', '2012-02-14']);
    expect(isos('dự kiến trong tháng 9/2023; tháng 12 năm 2023')).toEqual(['2023-09', '2023-12']);
  });

  it('keeps only month and year when the day is left blank', () => {
    const [date] = findDates('Quảng Ninh, ngày tháng 12 năm 2023');
    expect(date).toMatchObject({ iso: '2023-12', text: 'ngày tháng 12 năm 2023' });
    expect(isos('….., ngày... tháng 9 năm 2023')).toEqual(['2023-09']);
  });

  it('includes "ngày" in the span and reports exact surfaces', () => {
    const text = 'trước ngày 01/10/2023.';
    const [date] = findDates(text);
    expect(date).toMatchObject({ text: 'ngày 01/10/2023', iso: '2023-10-01' });
    expect(text.slice(date!.start, date!.end)).toBe(date!.text);
  });

  it('tolerates OCR accents and stray spaces', () => {
    expect(isos('ngay 4 thang 8 nam 2020')).toEqual(['2020-08-04']);
    expect(isos('ngày 15/ 6/2023')).toEqual(['2023-06-15']);
  });

  it('skips impossible dates and number fragments', () => {
    expect(isos('31/2/2023, 02/2017/QĐ-UBND, 2020 - 2025, 1/2/20234')).toEqual([]);
  });
});

describe('findQuarters', () => {
  it('reads roman and arabic quarters', () => {
    expect(findQuarters('Trong quý III/2023; Quý IV năm 2023; quý 1/2024').map((q) => q.quarter)).toEqual([
      'Q3-2023',
      'Q4-2023',
      'Q1-2024',
    ]);
  });

  it('does not read "Quy định" as a quarter', () => {
    expect(findQuarters('Quy định số 25-QĐ/TU năm 2020')).toEqual([]);
  });
});

describe('parseDeadline', () => {
  it('marks recurring timing as ongoing', () => {
    expect(parseDeadline('Thường xuyên')).toEqual({ text: 'Thường xuyên', ongoing: true });
    expect(parseDeadline('hằng năm')).toMatchObject({ ongoing: true });
  });

  it('reads a year with an open end', () => {
    expect(parseDeadline('Năm 2024 và những năm tiếp theo')).toEqual({
      text: 'Năm 2024 và những năm tiếp theo',
      iso: '2024',
      ongoing: true,
    });
  });

  it('reads quarters and dates', () => {
    expect(parseDeadline('Trong quý III/2023')).toMatchObject({ quarter: 'Q3-2023' });
    expect(parseDeadline('Trước ngày 30/9/2023')).toMatchObject({ iso: '2023-09-30' });
    expect(parseDeadline('Dự kiến trong tháng 9/2023')).toMatchObject({ iso: '2023-09' });
  });

  it('keeps unreadable timing as text only', () => {
    expect(parseDeadline('Sau khi có hướng dẫn')).toEqual({ text: 'Sau khi có hướng dẫn' });
  });
});

describe('isoDate', () => {
  it('validates ranges', () => {
    expect(isoDate(2024, 2, 29)).toBe('2024-02-29');
    expect(isoDate(2023, 2, 29)).toBeUndefined();
    expect(isoDate(2023, 13)).toBeUndefined();
  });
});

describe('dateStartingAt', () => {
  const pieces = [
    'ngày',
    ' ',
    '  ',
    '\n',
    '.',
    '…',
    '14',
    '9',
    '31',
    '2',
    'tháng',
    'năm',
    '2023',
    '/',
    ' / ',
    'x',
    'Đ',
    '5',
  ];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((a) => a.join(''));
  it('is the first date of the 48 code units from there, when it starts there', () => {
    fc.assert(
      fc.property(text, (t) => {
        const folded = foldKeepLength(t);
        for (let at = 0; at <= t.length; at++) {
          const date = findDates(t.slice(at, at + 48), folded.slice(at, at + 48))[0];
          const expected = date?.start === 0 ? { iso: date.iso, end: date.end } : undefined;
          expect(dateStartingAt(folded, at)).toEqual(expected);
        }
      }),
      { numRuns: 500 },
    );
  });
});
