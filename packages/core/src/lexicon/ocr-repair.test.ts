import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Edit } from '../model.ts';
import { damageSyllable, damageText, seededRandom } from './damage.ts';
import { loadLexicon } from './lexicon.ts';
import {
  OCR_DAMAGE_RULE,
  OCR_REPAIR_RULE,
  ocrRepair,
  ocrRepairEdits,
  ocrRepairReport,
} from './ocr-repair.ts';
import { isValidSyllable } from './orthography.ts';
import { applyEdits, CLEAN_PLANS, OCR_PLAN, readPlan } from './test-support.ts';
import { letterRuns } from './tokens.ts';

const lexicon = loadLexicon();
const repair = (text: string) => applyEdits(text, ocrRepairEdits(text, lexicon));
const changes = (text: string) =>
  ocrRepairEdits(text, lexicon).map((e) => `${text.slice(e.start, e.end)}→${e.text}`);

describe('ocrRepairEdits on the OCR text of the Quảng Ninh plan', () => {
  const text = readPlan(OCR_PLAN);
  const edits = ocrRepairEdits(text, lexicon);
  const repaired = applyEdits(text, edits);

  it.each([
    ['Ket luận', 'Kết luận'],
    ['tồ chức', 'tổ chức'],
    ['đồi mới', 'đổi mới'],
    ['phưong thức', 'phương thức'],
    ['tình hình inới', 'tình hình mới'],
    ['NHIỆM yụ', 'NHIỆM VỤ'],
    ['Tô quôc', 'Tổ quốc'],
    ['tình hình mói', 'tình hình mới'],
    ['Mặt trận Tồ quốc', 'Mặt trận Tổ quốc'],
  ])('repairs "%s" → "%s" everywhere', (damaged, expected) => {
    expect(text).toContain(damaged);
    expect(repaired).not.toContain(damaged);
    expect(repaired).toContain(expected);
  });

  it('explains each repair', () => {
    const ket = edits.find((e) => text.slice(e.start, e.end) === 'Ket');
    expect(ket).toMatchObject({ text: 'Kết', ruleId: OCR_REPAIR_RULE });
    expect(ket?.reason).toBe('"Ket" → "Kết" (not a valid syllable; "kết luận" is a known word)');
    for (const edit of edits) expect(edit.reason).toMatch(/^".+" → ".+" \(.+\)$/);
  });

  it('leaves codes, acronyms and names alone', () => {
    const touched = edits.map((e) => text.slice(e.start, e.end));
    for (const code of ['KL', 'TW', 'BTGTW', 'TU', 'TTĐN', 'MTTQ', 'VPTƯ', 'BTV', 'Quảng', 'Ninh', 'Lênin']) {
      expect(touched).not.toContain(code);
    }
  });

  it('makes every edit a single syllable into a valid one', () => {
    for (const edit of edits) expect(isValidSyllable(edit.text)).toBe(true);
  });

  it('finds the damage first and says why', () => {
    const { damage, notes } = ocrRepairReport(text, lexicon);
    expect(damage.damaged).toBe(true);
    expect(damage.suspects).toBeGreaterThanOrEqual(10);
    expect(damage.regions.filter((r) => r.damaged).length).toBeGreaterThan(damage.regions.length / 2);
    expect(notes[0]).toMatchObject({ ruleId: OCR_DAMAGE_RULE });
    expect(notes[0]!.reason).toMatch(
      /^OCR or font damage in \d+ of \d+ regions: \d+ suspect syllables in [\d,]+ syllables \(.*"Ket".*\); repaired there$/,
    );
    expect(notes[0]!.start).toBeUndefined();
    for (const note of notes.slice(1)) expect(note.end! > note.start!).toBe(true);
  });
});

describe('the damage gate', () => {
  const clean = readPlan('quang-ngai-implementation-plan');
  const scanned = readPlan(OCR_PLAN);

  it('tiles the text with regions of whole lines', () => {
    const { damage } = ocrRepair(clean, lexicon);
    expect(damage.regions[0]!.start).toBe(0);
    expect(damage.regions.at(-1)!.end).toBe(clean.length);
    for (let k = 1; k < damage.regions.length; k++) {
      const region = damage.regions[k]!;
      expect(region.start).toBe(damage.regions[k - 1]!.end);
      expect(clean[region.start - 1]).toBe('\n');
    }
    expect(damage.syllables).toBe(damage.regions.reduce((n, r) => n + r.syllables, 0));
  });

  it('repairs the scanned annex of a clean document and nothing before it', () => {
    const text = `${clean}\n${scanned}`;
    const { edits, damage } = ocrRepair(text, lexicon);
    const firstDamaged = damage.regions.find((r) => r.damaged)!;
    expect(firstDamaged.start).toBeGreaterThanOrEqual(clean.length - 2000);
    expect(edits.length).toBeGreaterThan(30);
    expect(edits.every((e) => e.start >= firstDamaged.start)).toBe(true);
    expect(damage.regions.filter((r) => r.end <= clean.length - 2000).every((r) => !r.damaged)).toBe(true);
  });

  it('reports a clean document as such, with its evidence', () => {
    const { notes, edits } = ocrRepairReport(clean, lexicon);
    expect(edits).toEqual([]);
    expect(notes).toEqual([
      {
        ruleId: OCR_DAMAGE_RULE,
        reason: expect.stringMatching(
          /^no OCR or font damage: 0 suspect syllables in [\d,]+ syllables; OCR repair skipped$/,
        ),
      },
    ]);
  });

  it('is not set off by loanwords, acronyms, names and list numerals', () => {
    const sentence =
      'Hỗ trợ Viet Nam Foundation, tập đoàn SpaceX và KHCN; (iii) sản xuất chip, ứng dụng AI, mạng 5G và internet. ';
    const { damage, edits } = ocrRepair(sentence.repeat(20), lexicon);
    expect(damage.suspects).toBe(0);
    expect(edits).toEqual([]);
  });
});

describe('ocrRepairEdits inside damage', () => {
  // A damaged plan with clean sentences woven in: the region is repaired, these words are not.
  const scanned = readPlan(OCR_PLAN);
  it.each([
    ['Hỗ trợ Viet Nam Foundation tổ chức hội thảo.', 'Viet'],
    ['Các nhiệm vụ: (iii) hoàn thiện thể chế; ii) đào tạo nhân lực.', 'iii'],
    ['Ưu đãi thuế cho sản xuất chip bán dẫn và chip điện tử.', 'chip'],
    ['Khai thác hải sản IUU và cấp giấy phép lái xe.', 'IUU'],
    ['Tổng Bí thư Tô Lâm thăm Singapore.', 'thăm'],
    ['Thúc đẩy thí điểm cơ chế; lập dự toán, kế toán; công nhận 02 nền tảng; giải mã gen.', 'đẩy'],
    ['Bộ Y tế chủ trì nghiên cứu y - dược học; tiếp xúc cử tri; thu phí không dừng.', 'dược'],
  ])('leaves "%s" as written', (sentence, word) => {
    const lines = scanned.split('\n');
    const at = Math.floor(lines.length / 2);
    const text = [...lines.slice(0, at), sentence, ...lines.slice(at)].join('\n');
    const start = text.indexOf(sentence);
    const { edits, damage } = ocrRepair(text, lexicon);
    expect(damage.regions.find((r) => r.start <= start && start < r.end)?.damaged).toBe(true);
    expect(edits.filter((e) => e.start >= start && e.end <= start + sentence.length)).toEqual([]);
    expect(sentence).toContain(word);
  });
});

describe('ocrRepairEdits on font-mapping losses', () => {
  it('restores ô, oà and ò lost by legacy PDF fonts', () => {
    expect(repair('Cơng trình đã hồn thành, cịn một số hạng mục cơng việc cần tiếp tục triển khai.')).toBe(
      'Công trình đã hoàn thành, còn một số hạng mục công việc cần tiếp tục triển khai.',
    );
  });
});

describe('ocrRepairEdits on correct text', () => {
  it.each(CLEAN_PLANS)('finds no OCR damage in %s and changes nothing', (name) => {
    // The Quảng Ngãi plan's one misspelling ("vị thể" for "vị thế") is a valid word, no trace of
    // OCR: a clean document gets no repair pass at all, so it is left as written.
    const { edits, damage } = ocrRepair(readPlan(name), lexicon);
    expect(damage.damaged).toBe(false);
    expect(damage.regions.every((r) => !r.damaged)).toBe(true);
    expect(edits).toEqual([]);
  });

  it.each([
    'Hôm nay trời đẹp, chúng tôi đi thăm vịnh Hạ Long.',
    'Ủy ban nhân dân tỉnh chỉ đạo các sở, ngành triển khai kế hoạch.',
    'Người dân phấn khởi đón Tết cổ truyền bên gia đình.',
    'Trường học mở cửa đón học sinh trở lại sau kỳ nghỉ hè.',
    'Giá xăng dầu tăng nhẹ trong tuần qua, ảnh hưởng đến chi phí vận chuyển.',
    'Ông Nguyễn Văn An, Bí thư Huyện ủy, phát biểu tại buổi lễ.',
    'Mưa lớn kéo dài gây ngập úng cục bộ tại nhiều tuyến phố.',
    'Bà con nông dân thu hoạch lúa vụ mùa đạt năng suất cao.',
    'Theo Quyết định số 02/2017/QĐ-UBND, Sở Tài chính chủ trì, phối hợp với UBND các huyện.',
    'Ban Chỉ đạo 35 tỉnh đã tổ chức hội nghị trực tuyến với 120 điểm cầu.',
  ])('changes nothing in "%s"', (sentence) => {
    expect(changes(sentence)).toEqual([]);
  });
});

describe('ocrRepairEdits on unseen damage', () => {
  it('restores most damaged syllables and changes almost nothing else', () => {
    let damagedCount = 0;
    let restored = 0;
    let untouched = 0;
    let falselyChanged = 0;
    for (const name of CLEAN_PLANS) {
      // The baseline is the plan with its own typo fixed, so every change to an undamaged syllable is false.
      const clean = repair(readPlan(name));
      for (const seed of [11, 23]) {
        const { text, damaged } = damageText(clean, seed * 7919, 0.05);
        const damagedAt = new Map(damaged.map((d) => [d.start, d]));
        const edits = new Map(ocrRepairEdits(text, lexicon).map((e) => [e.start, e]));
        for (const token of letterRuns(text)) {
          const edit = edits.get(token.start);
          const damage = damagedAt.get(token.start);
          if (damage !== undefined) {
            damagedCount++;
            if ((edit?.text ?? token.text) === damage.original) restored++;
          } else if (token.text === token.text.toLowerCase() && token.text.length > 1) {
            untouched++;
            if (edit !== undefined) falselyChanged++;
          }
        }
      }
    }
    const restoredRate = restored / damagedCount;
    const falseRate = falselyChanged / untouched;
    console.info(
      `unseen damage: ${restored}/${damagedCount} restored (${(100 * restoredRate).toFixed(1)}%), ` +
        `${falselyChanged}/${untouched} untouched syllables changed (${(100 * falseRate).toFixed(2)}%)`,
    );
    expect(damagedCount).toBeGreaterThan(300);
    expect(restoredRate).toBeGreaterThanOrEqual(0.85);
    expect(falseRate).toBeLessThanOrEqual(0.0005);
  });
});

describe('ocrRepairEdits properties', () => {
  const vocabulary = [
    ...new Set(letterRuns([...CLEAN_PLANS, OCR_PLAN].map(readPlan).join(' ')).map((t) => t.text)),
  ];
  const separators = [' ', ' ', ' ', ', ', '.\n', ' - ', '\n', '57-KL/TW ', ' (', ') '];
  const corpusLike = fc
    .tuple(
      fc.array(fc.tuple(fc.constantFrom(...vocabulary), fc.constantFrom(...separators)), { maxLength: 80 }),
      fc.integer({ min: 1, max: 2 ** 31 }),
    )
    .map(([words, seed]) => {
      const random = seededRandom(seed);
      return words
        .map(
          ([word, separator]) => (random() < 0.1 ? (damageSyllable(word, random) ?? word) : word) + separator,
        )
        .join('');
    });

  const isWellFormed = (text: string, edits: Edit[]) =>
    edits.every(
      (edit, i) =>
        edit.start >= 0 &&
        edit.end <= text.length &&
        edit.start < edit.end &&
        (i === 0 || edits[i - 1]!.end <= edit.start) &&
        edit.ruleId === OCR_REPAIR_RULE,
    );

  it('returns sorted, non-overlapping edits within the text', () => {
    fc.assert(
      fc.property(corpusLike, (text) => isWellFormed(text, ocrRepairEdits(text, lexicon))),
      { numRuns: 300 },
    );
  });

  it('is idempotent: repaired text needs no further repair', () => {
    fc.assert(
      fc.property(corpusLike, (text) => ocrRepairEdits(repair(text), lexicon).length === 0),
      { numRuns: 300 },
    );
  });
});
