import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestText } from './ingest.ts';
import { type Lexicon, loadLexicon } from './lexicon/index.ts';
import type { IngestedPlan } from './plan-schema.ts';
import { isConferencePlan, roleOfHeading } from './roles.ts';
import { endsSentence, wordCount } from './segment.ts';
import { planMeta } from './testing/corpus.ts';
import { parseMarker } from './text/markers.ts';

let lexicon: Lexicon;
beforeAll(() => {
  lexicon = loadLexicon();
});
const ingest = (text: string): IngestedPlan =>
  ingestText(text, { ...planMeta('qnh-implementation'), id: 't' }, { lexicon });
const byId = (p: IngestedPlan, path: string) => p.units.find((u) => u.id === `t:${path}`);

describe('a heading says what its section is', () => {
  it.each([
    ['II. PHÂN CÔNG NHIỆM VỤ', 'task'],
    ['II. NỘI DUNG CÔNG TÁC', 'task'],
    ['II. NHIỆM VỤ VÀ GIẢI PHÁP', 'task'],
    ['II. NHIỆM VỤ CỤ THỂ', 'task'],
    ['III. CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU', 'task'],
    ['C. MỘT SỐ NỘI DUNG, GIẢI PHÁP TRỌNG TÂM', 'task'],
    ['V- PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025', 'task'],
    ['I. QUAN ĐIỂM CHỈ ĐẠO', 'viewpoint'],
    ['1. Quan điểm', 'viewpoint'],
    ['I. MỤC ĐÍCH, YÊU CẦU', 'purpose'],
    ['2. Yêu cầu', 'requirement'],
    ['II. MỤC TIÊU', 'objective'],
    ['II. MỤC TIÊU, CHỈ TIÊU CHỦ YẾU', 'objective'],
    ['IV. TỔ CHỨC THỰC HIỆN', 'organisation'],
    ['V. TRÁCH NHIỆM THỰC HIỆN', 'organisation'],
    ['IV. KINH PHÍ THỰC HIỆN', 'resources'],
    ['VIII. BẢO ĐẢM PHƯƠNG TIỆN, TRANG BỊ, KINH PHÍ, CHẾ ĐỘ, CHÍNH SÁCH', 'resources'],
    ['II- KẾT QUẢ THỰC HIỆN', 'assessment'],
    ['III- TỒN TẠI, HẠN CHẾ', 'assessment'],
    // Diacritics and numerals damaged by OCR do not hide the meaning.
    ['Il. NHIEM VU VA GIAI PHAP', 'task'],
    ['lII. TỔ CHỨC THỤC HIỆN', 'organisation'],
    ['I- MỤC ĐÍCH, YÊU CÀU', 'purpose'],
    ['Nơi nhân:', 'recipients'],
  ])('%s → %s', (heading, role) => {
    expect(roleOfHeading(heading)).toBe(role);
  });

  it('names a section by the phrase it starts with, not a word further on', () => {
    expect(roleOfHeading('1. Nâng cao nhận thức, trách nhiệm về mục tiêu, yêu cầu')).toBeUndefined();
    expect(roleOfHeading('2. Đổi mới nội dung, hình thức tuyên truyền')).toBeUndefined();
  });

  it('gives conference roles only in a conference plan', () => {
    expect(roleOfHeading('II. THỜI GIAN, ĐỊA ĐIỂM')).toBeUndefined();
    expect(roleOfHeading('II. THỜI GIAN, ĐỊA ĐIỂM', true)).toBe('logistics');
    expect(roleOfHeading('III. THÀNH PHẦN', true)).toBe('attendees');
    expect(roleOfHeading('IV. KINH PHÍ', true)).toBe('resources');
    expect(isConferencePlan(['KẾ HOẠCH', 'Tổ chức Hội nghị quán triệt Kết luận số 57-KL/TW'], [])).toBe(true);
    // A plan implementing a plenum's resolution is not a conference plan.
    expect(
      isConferencePlan(
        ['KẾ HOẠCH', 'thực hiện Nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung ương'],
        [],
      ),
    ).toBe(false);
    expect(isConferencePlan(['KẾ HOẠCH'], ['II. THỜI GIAN, ĐỊA ĐIỂM', 'III. THÀNH PHẦN THAM DỰ'])).toBe(true);
  });
});

describe('markers as OCR and layouts write them', () => {
  it.each([
    ['Il. NHIỆM VỤ', 'roman', 'II'],
    ['ll. NHIỆM VỤ', 'roman', 'II'],
    ['lII. TỔ CHỨC THỰC HIỆN', 'roman', 'III'],
    ['IIl- KINH PHÍ', 'roman', 'III'],
    ['A. MỤC ĐÍCH, YÊU CẦU', 'part', 'A'],
    ['PHẦN THỨ HAI', 'part', 'HAI'],
    ['PHỤ LỤC II', 'annex', 'II'],
    ['Phụ lục 1: DANH MỤC NHIỆM VỤ', 'annex', '1'],
  ])('%s is %s %s', (line, kind, label) => {
    expect(parseMarker(line)).toMatchObject({ kind, label });
  });
  it.each([
    'V/v xin ý kiến dự thảo báo cáo',
    'Il y a',
    'A. Nguyễn Văn',
    'Phụ lục kèm theo Kế hoạch này',
    'Phân công nhiệm vụ',
  ])('%s is no section marker', (line) => {
    const m = parseMarker(line);
    expect(m === undefined || !['roman', 'part', 'annex'].includes(m.kind)).toBe(true);
  });
});

describe('the tree survives numbering as documents have it', () => {
  it('reads "11." after section I as section II, and keeps III then V as siblings', () => {
    const p = ingest(
      [
        'I. MỤC ĐÍCH, YÊU CẦU',
        '- Nâng cao nhận thức.',
        '11. NHIỆM VỤ, GIẢI PHÁP',
        '1. Tuyên truyền sâu rộng.',
        'III. KINH PHÍ THỰC HIỆN',
        '- Từ ngân sách tỉnh.',
        'V. TỔ CHỨC THỰC HIỆN',
        '1. Sở Ngoại vụ chủ trì.',
      ].join('\n'),
    );
    expect(byId(p, 'II')?.role).toBe('task');
    expect(byId(p, 'II/1')?.role).toBe('task');
    expect(byId(p, 'III/b1')?.role).toBe('resources');
    expect(byId(p, 'V')?.parentId).toBeUndefined();
    expect(byId(p, 'V/1')?.role).toBe('organisation');
  });

  it('puts a "1." with no Roman above it under its part heading', () => {
    const p = ingest(
      [
        'A. MỤC ĐÍCH, YÊU CẦU',
        '1. Mục đích',
        'Quán triệt nghiêm túc.',
        'B. NHIỆM VỤ',
        'I. TUYÊN TRUYỀN',
        '1. Nội dung',
      ].join('\n'),
    );
    expect(byId(p, 'A/1/p1')?.role).toBe('purpose');
    expect(byId(p, 'B/I/1')?.role).toBe('task');
  });
});

describe('documents and tables', () => {
  const letter = [
    'VĂN PHÒNG TỈNH ỦY',
    'Số 12-CV/VPTU',
    'ĐẢNG CỘNG SẢN VIỆT NAM',
    'Kính gửi:',
    '- Các đồng chí Tỉnh ủy viên.',
    'Văn phòng Tỉnh ủy gửi kèm Kế hoạch để các đồng chí cho ý kiến.',
    'Nơi nhận:',
    '- Như trên,',
    '- Lưu VP.',
    'CHÁNH VĂN PHÒNG',
    'Nguyễn Văn A',
    'TỈNH ỦY QUẢNG NAM',
    'Số 45-KH/TU',
    'KẾ HOẠCH',
    'thực hiện Kết luận số 57-KL/TW',
    'I. MỤC ĐÍCH, YÊU CẦU',
    '- Nâng cao nhận thức.',
    'II. NHIỆM VỤ',
    '| STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian |',
    '|---|---|---|---|',
    '| 1 | Tuyên truyền Kết luận | Ban Tuyên giáo | Quý IV/2023 |',
    '| 2 | Tổ chức hội nghị | Văn phòng | 2024 |',
    'Nơi nhận:',
    '- Ban Tuyên giáo Trung ương,',
    'T/M BAN THƯỜNG VỤ',
    'BÍ THƯ',
    'Trần Văn B',
  ].join('\n');

  it('splits a cover letter from the plan it sends, each with its header, body and tail', () => {
    const p = ingest(letter);
    expect(new Set(p.units.map((u) => u.document))).toEqual(new Set([0, 1]));
    for (const d of [0, 1]) {
      const roles = new Set(p.units.filter((u) => u.document === d).map((u) => u.role));
      for (const r of ['header', 'recipients', 'signature']) expect(roles.has(r as never)).toBe(true);
    }
    expect(byId(p, 's1')?.text).toBe('CHÁNH VĂN PHÒNG');
    expect(byId(p, 'd2/h1')?.text).toBe('TỈNH ỦY QUẢNG NAM');
    expect(byId(p, 'd2/I')?.role).toBe('purpose');
    expect(byId(p, 'd2/s3')?.text).toBe('Trần Văn B');
  });

  it('makes one unit per table row with its cells, and skips header and separator rows', () => {
    const p = ingest(letter);
    const rows = p.units.filter((u) => u.kind === 'row');
    expect(rows.map((r) => r.id)).toEqual(['t:d2/II/1', 't:d2/II/2']);
    expect(rows[0]).toMatchObject({
      role: 'task',
      cells: ['1', 'Tuyên truyền Kết luận', 'Ban Tuyên giáo', 'Quý IV/2023'],
      columns: ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian'],
      parentId: 't:d2/II',
    });
    expect(p.skipped.filter((s) => s.reason === 'artefact').map((s) => s.detail)).toEqual([
      'table header row',
      'table separator row',
    ]);
  });
});

describe('heading tests without regexes', () => {
  const text = fc
    .array(
      fc.constantFrom(
        'a',
        'Ư',
        ' ',
        '  ',
        '\t',
        '\u00a0',
        '\u2003',
        '\ufeff',
        '.',
        ';',
        '!',
        '?',
        '"',
        '”',
        ')',
        ':',
        '1',
      ),
      {
        maxLength: 40,
      },
    )
    .map((a) => a.join('').trim());
  it('count words as split(/\\s+/) and find sentence stops as /[.;!?]["”)]*$/', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 40 }), (t, limit) => {
        expect(wordCount(t, limit)).toBe(Math.min(limit, t.split(/\s+/).length));
        expect(endsSentence(t)).toBe(/[.;!?]["”)]*$/.test(t));
      }),
      { numRuns: 2000 },
    );
  });
});
