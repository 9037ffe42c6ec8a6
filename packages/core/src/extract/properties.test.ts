/** Properties over arbitrary text, and linear time on large inputs. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findAgencies } from './agencies.ts';
import { findDates, findQuarters } from './dates.ts';
import { findFieldLabels } from './fields.ts';
import { parseHeader } from './header.ts';
import { findDocumentRefs } from './refs.ts';
import { parseSignature } from './signature.ts';

/** Pieces that trigger the finders, mixed with noise, so that matches actually occur. */
const PIECES = [
  'Kết luận số ',
  '57-KL/TW',
  ' ngày ',
  '15/6/2023',
  ' tháng 12 năm 2023',
  'Quý IV/2023',
  'Ban Tuyên giáo Tỉnh ủy',
  ' và ',
  'Sở Thông tin',
  'Cơ quan chủ trì: ',
  'Thời gian: ',
  '\n',
  '; ',
  ', ',
  '. ',
  '- ',
  'KẾ HOẠCH ',
  'Nơi nhận: ',
  'T/M BAN THƯỜNG VỤ ',
  'BÍ THƯ ',
  'Nguyễn Văn An',
  '338- KH/BTGTW',
  'ĩ>',
  ' ',
];
const planLike = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { maxLength: 40 })
  .map((p) => p.join(''));

type Spanned = { start: number; end: number };

function wellFormed(text: string, spans: Spanned[]): boolean {
  return spans.every((s, i) => {
    const inBounds = 0 <= s.start && s.start <= s.end && s.end <= text.length;
    const sorted = i === 0 || spans[i - 1]!.end <= s.start;
    return inBounds && sorted;
  });
}

describe('span properties', () => {
  it('finders return in-bounds, sorted, non-overlapping spans whose surface is the slice', () => {
    fc.assert(
      fc.property(planLike, (text) => {
        const refs = findDocumentRefs(text);
        const dates = findDates(text);
        const quarters = findQuarters(text);
        const agencies = findAgencies(text);
        for (const found of [refs, dates, quarters, agencies]) {
          if (!wellFormed(text, found)) return false;
          if (!found.every((f) => text.slice(f.start, f.end) === f.text)) return false;
        }
        return true;
      }),
      { numRuns: 400 },
    );
  });

  it('fields, header and signature stay within the text', () => {
    fc.assert(
      fc.property(planLike, (text) => {
        for (const f of findFieldLabels(text)) {
          if (text.slice(f.labelStart, f.labelEnd) !== f.label) return false;
          if (text.slice(f.valueStart, f.valueStart + f.value.length) !== f.value) return false;
        }
        const h = parseHeader(text);
        const s = parseSignature(text);
        const spans = [
          h.documentNumber,
          h.date,
          h.place,
          h.issuingBody,
          h.kind,
          h.title,
          s.onBehalfOf,
          s.role,
          s.signer,
          s.recipients,
        ];
        return spans.every(
          (v) => v === undefined || (0 <= v.start && v.start <= v.end && v.end <= text.length),
        );
      }),
      { numRuns: 400 },
    );
  });
});

describe('linear time', () => {
  const MB2 = 2 * 1024 * 1024;
  const repeat = (unit: string): string => unit.repeat(Math.ceil(MB2 / unit.length)).slice(0, MB2);
  const inputs: [string, string][] = [
    [
      'plan-like prose',
      repeat(
        'Thực hiện Kết luận số 57-KL/TW ngày 15/6/2023 của Ban Tuyên giáo Tỉnh ủy. Cơ quan chủ trì: Sở Ngoại vụ. ',
      ),
    ],
    ['one long whitespace run', `Kết luận số 57${' '.repeat(MB2)}x`],
    ['near-miss numbers', repeat('57 - 57 - 57/ 1/1/ ngày ngày tháng ')],
    ['dots and dashes', repeat('ngày....---///')],
    ['capitals', repeat('Ban Sở Bộ Và Của ')],
  ];

  // A regex that backtracks catastrophically would hang here until the test's timeout fails it.
  it.each(inputs)('runs every finder on 2 MB of %s without hanging', { timeout: 30_000 }, (_name, text) => {
    findDocumentRefs(text);
    findDates(text);
    findQuarters(text);
    findAgencies(text);
    findFieldLabels(text);
    parseHeader(text);
    expect(() => parseSignature(text)).not.toThrow();
  });
});
