/**
 * Facts a user relies on, checked on the real plans. Normalisation is not
 * applied here; `joined` stands in for it by joining hard line breaks.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findAgencies } from './agencies.ts';
import { findDates } from './dates.ts';
import { findFieldLabels } from './fields.ts';
import { parseHeader } from './header.ts';
import { findDocumentRefs } from './refs.ts';
import { parseSignature } from './signature.ts';

const PLANS = new URL('../../../../corpus/plans/', import.meta.url);
const FILES = {
  qn222: 'quang-ngai-222-kh-tu-study-plan.txt',
  qnImpl: 'quang-ngai-implementation-plan.txt',
  district: 'district-study-plan.txt',
  langSon: 'lang-son-135-kh-tu-conference-plan.txt',
  quangNinh: 'quang-ninh-implementation-plan.txt',
} as const;
type PlanKey = keyof typeof FILES;

const raw = (key: PlanKey): string =>
  readFileSync(new URL(FILES[key], PLANS), 'utf8').normalize('NFC').replace(/\*\*/g, '');
const joined = (key: PlanKey): string => raw(key).replace(/\s*\n\s*/g, ' ');
const numbers = (key: PlanKey): Set<string> => new Set(findDocumentRefs(joined(key)).map((r) => r.number));

describe('header facts', () => {
  it('Quảng Ngãi study plan is 222-KH/TU of 2023-09-14 at Quảng Ngãi', () => {
    const h = parseHeader(joined('qn222'));
    expect(h.documentNumber).toMatchObject({ value: '222-KH/TU' });
    expect(h.documentNumber?.garbled).toBeUndefined();
    expect(h.date?.iso).toBe('2023-09-14');
    expect(h.place?.value).toBe('Quảng Ngãi');
    expect(h.issuingBody?.value).toBe('Tỉnh ủy Quảng Ngãi');
    expect(h.kind?.value).toBe('study-and-dissemination');
  });

  it('Lạng Sơn conference plan is 135-KH/TU of 2023-09-19', () => {
    const h = parseHeader(joined('langSon'));
    expect(h.documentNumber?.value).toBe('135-KH/TU');
    expect(h.date?.iso).toBe('2023-09-19');
    expect(h.place?.value).toBe('Lạng Sơn');
    expect(h.issuingBody?.value).toBe('Tỉnh ủy Lạng Sơn');
    expect(h.kind?.value).toBe('conference');
  });

  it('Quảng Ninh: month-only date, and the garbled number is flagged, not invented', () => {
    const h = parseHeader(joined('quangNinh'));
    expect(h.date?.iso).toBe('2023-12');
    expect(h.place?.value).toBe('Quảng Ninh');
    expect(h.documentNumber?.garbled).toBe(true);
    expect(h.documentNumber?.value).not.toMatch(/^\d+-KH\/TU$/);
    expect(h.kind?.value).toBe('implementation');
  });

  it('district plan: a Huyện ủy whose district is not named, no number or date', () => {
    const h = parseHeader(joined('district'));
    expect(h.issuingBody).toMatchObject({ value: 'Huyện ủy', level: 'district' });
    expect(h.documentNumber).toBeUndefined();
    expect(h.date).toBeUndefined();
    expect(h.place).toBeUndefined();
    expect(h.kind?.value).toBe('study-and-dissemination');
  });

  it('Quảng Ngãi implementation plan: body from the opening sentence, no number or date', () => {
    const h = parseHeader(joined('qnImpl'));
    expect(h.issuingBody?.value).toBe('Tỉnh ủy Quảng Ngãi');
    expect(h.documentNumber).toBeUndefined();
    expect(h.date).toBeUndefined();
    expect(h.kind?.value).toBe('implementation');
  });
});

describe('document references', () => {
  it('every plan cites 57-KL/TW', () => {
    for (const key of Object.keys(FILES) as PlanKey[]) expect(numbers(key)).toContain('57-KL/TW');
  });

  it('finds Guidance 111, Plan 338, Resolution 35 and the 2012 conclusion where they are cited', () => {
    expect(numbers('qn222')).toEqual(new Set(['222-KH/TU', '57-KL/TW', '111-HD/BTGTW', '338-KH/BTGTW']));
    expect(numbers('langSon')).toEqual(
      new Set(['135-KH/TU', '57-KL/TW', '111-HD/BTGTW', '338-KH/BTGTU', '16-KL/TW', '126-KL/TW']),
    );
    expect(numbers('quangNinh')).toContain('111-HD/BTGTW');
    expect(numbers('quangNinh')).toContain('35-NQ/TW');
    expect(numbers('district')).toEqual(new Set(['57-KL/TW', '76-HD/BTGTU']));
  });

  it('reads the dates that follow references', () => {
    const refs = findDocumentRefs(joined('langSon'));
    expect(refs.find((r) => r.number === '126-KL/TW')?.date).toBe('2012-02-14');
    expect(refs.find((r) => r.number === '111-HD/BTGTW')?.date).toBe('2023-08-11');
    const district = findDocumentRefs(joined('district'));
    expect(district.find((r) => r.number === '76-HD/BTGTU')).toMatchObject({
      kind: 'huong-dan',
      date: '2023-08-25',
    });
  });
});

describe('labelled fields in the Quảng Ngãi implementation plan', () => {
  const fields = findFieldLabels(raw('qnImpl'));
  const known = fields.filter((f) => f.field !== 'other');

  it('finds the three fields of each of the six task blocks (1, 2.1, 2.2, 3, 4, 5)', () => {
    expect(known.filter((f) => f.field === 'directing-agency')).toHaveLength(6);
    expect(known.filter((f) => f.field === 'implementing-agency')).toHaveLength(6);
    expect(known.filter((f) => f.field === 'timing')).toHaveLength(6);
  });

  it('splits the agencies and reads the deadlines', () => {
    const first = known.find((f) => f.field === 'implementing-agency')!;
    expect(first.agencies).toEqual([
      'Ban Chỉ đạo Công tác thông tin đối ngoại tỉnh',
      'các Ban cán sự đảng',
      'Đảng đoàn',
      'các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy',
      'Ban Thường vụ Tỉnh đoàn',
      'các huyện ủy',
      'thị ủy',
      'thành ủy',
      'Đảng ủy trực thuộc Tỉnh ủy',
    ]);
    expect(known.find((f) => f.field === 'directing-agency')?.agencies).toEqual(['Ban Thường vụ Tỉnh ủy']);
    const deadlines = known.filter((f) => f.field === 'timing').map((f) => f.deadline);
    expect(deadlines[0]).toEqual({ text: 'Thường xuyên', ongoing: true });
    expect(deadlines[1]).toEqual({ text: 'Năm 2024 và những năm tiếp theo', iso: '2024', ongoing: true });
  });

  it('finds the same fields when the paragraphs are joined', () => {
    const joinedFields = findFieldLabels(joined('qnImpl')).filter((f) => f.field !== 'other');
    expect(joinedFields.map((f) => [f.field, f.value])).toEqual(known.map((f) => [f.field, f.value]));
  });

  it('reads the completion quarters of the district plan', () => {
    const timing = findFieldLabels(raw('district')).filter((f) => f.field === 'timing');
    expect(timing.map((f) => f.deadline?.quarter)).toEqual(['Q3-2023', 'Q3-2023']);
  });
});

describe('signatures', () => {
  it.each([
    ['qn222', 'Phó Bí thư', 'Đinh Thị Hồng Minh'],
    ['qnImpl', 'Phó Bí thư', 'Đặng Ngọc Huy'],
    ['district', 'Phó Bí thư', 'Nguyễn Đình Thuận'],
    ['langSon', 'Phó Bí thư Thường trực', 'Hoàng Văn Nghiệm'],
  ] as const)('%s is signed by the %s %s', (key, role, name) => {
    const s = parseSignature(joined(key));
    expect(s.onBehalfOf?.value).toBe('Ban Thường vụ');
    expect(s.role?.value).toBe(role);
    expect(s.signer).toMatchObject({ value: name });
    expect(s.signer?.garbled).toBeUndefined();
    expect(s.recipients?.items.length).toBeGreaterThan(4);
  });

  it('Quảng Ninh: the OCR-damaged name is flagged, not repaired', () => {
    const s = parseSignature(joined('quangNinh'));
    expect(s.role?.value).toBe('Bí thư');
    expect(s.signer?.garbled).toBe(true);
  });
});

describe('spans', () => {
  it('every reported surface is the slice at its span, in every plan', () => {
    for (const key of Object.keys(FILES) as PlanKey[]) {
      for (const text of [joined(key), raw(key)]) {
        for (const r of findDocumentRefs(text)) expect(text.slice(r.start, r.end)).toBe(r.text);
        for (const d of findDates(text)) expect(text.slice(d.start, d.end)).toBe(d.text);
        for (const a of findAgencies(text)) expect(text.slice(a.start, a.end)).toBe(a.text);
        for (const f of findFieldLabels(text)) {
          expect(text.slice(f.labelStart, f.labelEnd)).toBe(f.label);
          expect(text.slice(f.valueStart, f.valueStart + f.value.length)).toBe(f.value);
          for (const a of f.agencySpans ?? []) expect(text.slice(a.start, a.end)).toBe(a.value);
        }
        const h = parseHeader(text);
        for (const v of [h.documentNumber, h.place, h.title])
          if (v) expect(text.slice(v.start, v.end)).toBe(v.value);
        if (h.date) expect(text.slice(h.date.start, h.date.end)).toBe(h.date.text);
        const s = parseSignature(text);
        if (s.signer) expect(text.slice(s.signer.start, s.signer.end)).toBe(s.signer.value);
        for (const item of s.recipients?.items ?? [])
          expect(text.slice(item.start, item.end)).toBe(item.value);
      }
    }
  });
});
