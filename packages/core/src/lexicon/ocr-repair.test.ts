import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Edit } from '../model.ts';
import { damageSyllable, seededRandom } from './damage.ts';
import { loadLexicon } from './lexicon.ts';
import { OCR_REPAIR_RULE, ocrRepairEdits } from './ocr-repair.ts';
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
});

describe('ocrRepairEdits on font-mapping losses', () => {
  it('restores ô, oà and ò lost by legacy PDF fonts', () => {
    expect(repair('Cơng trình đã hồn thành, cịn một số hạng mục cơng việc cần tiếp tục triển khai.')).toBe(
      'Công trình đã hoàn thành, còn một số hạng mục công việc cần tiếp tục triển khai.',
    );
  });
});

describe('ocrRepairEdits on correct text', () => {
  it.each(CLEAN_PLANS)('changes nothing in %s but its one genuine typo', (name) => {
    const expected = name === 'quang-ngai-implementation-plan' ? ['thể→thế'] : [];
    // "toàn cầu, vị thể của…": "vị thể" is a misspelling of "vị thế".
    expect(changes(readPlan(name))).toEqual(expected);
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

/** Damages a share of the lower-case syllables of `text`; returns the damaged text and where. */
function damageText(text: string, seed: number, rate: number) {
  const random = seededRandom(seed);
  const damaged: { start: number; end: number; original: string }[] = [];
  let out = '';
  let at = 0;
  for (const token of letterRuns(text)) {
    const word = token.text;
    let written = word;
    if (word === word.toLowerCase() && word.length > 1 && isValidSyllable(word) && random() < rate) {
      written = damageSyllable(word, random) ?? word;
    }
    out += text.slice(at, token.start) + written;
    if (written !== word)
      damaged.push({ start: out.length - written.length, end: out.length, original: word });
    at = token.end;
  }
  return { text: out + text.slice(at), damaged };
}

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
    expect(restoredRate).toBeGreaterThanOrEqual(0.7);
    expect(falseRate).toBeLessThanOrEqual(0.01);
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
