/**
 * Words whose letters a scan split with spaces ("L iên h i ệ p", "B AN"):
 * joined inside damage, traceable to the pieces, and never made of correct
 * text (list letters, initials, Roman numerals, valid syllable sequences).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalise } from '../normalise.ts';
import { damageText, seededRandom, splitWord } from './damage.ts';
import { loadLexicon } from './lexicon.ts';
import { ocrRepair, ocrRepairReport } from './ocr-repair.ts';
import { applyEdits, CLEAN_PLANS, OCR_PLAN, readPlan } from './test-support.ts';
import { letterRuns } from './tokens.ts';

const lexicon = loadLexicon();
const scanned = readPlan(OCR_PLAN);
const lines = scanned.split('\n');
const middle = Math.floor(lines.length / 2);
/** `sentence` as a line in the middle of the scanned Quảng Ninh plan (a damaged region). */
const inScan = (sentence: string) => [...lines.slice(0, middle), sentence, ...lines.slice(middle)].join('\n');
const editsIn = (text: string, sentence: string) => {
  const start = text.indexOf(sentence);
  return ocrRepair(text, lexicon)
    .edits.filter((e) => e.start >= start && e.end <= start + sentence.length)
    .map((e) => `${text.slice(e.start, e.end)}→${e.text}`);
};

describe('words split by spaces, inside OCR damage', () => {
  it.each([
    ['Hội L iên h i ệ p phụ nữ tỉnh tổ chức hội nghị.', ['L iên→Liên', 'h i ệ p→hiệp']],
    ['TRƯỞNG B AN CHỈ ĐẠO', ['B AN→BAN']],
    ['các Bộ: Quốc phòng, Công an, Ng o ại giao, Tài chính.', ['Ng o ại→Ngoại']],
    [
      'Bộ Lao động - Thương binh và Xã hộ i; UBND các t ỉ nh; Trợ l ý Thủ tướng.',
      ['hộ i→hội', 't ỉ nh→tỉnh', 'l ý→lý'],
    ],
    ['Văn phòng Trung ương và các Ban của Đ ả ng.', ['Đ ả ng→Đảng']],
  ])('joins the pieces in "%s"', (sentence, expected) => {
    expect(editsIn(inScan(sentence), sentence)).toEqual(expected);
  });

  it.each([
    'Các nội dung tại điểm a b c của khoản 2; mục a, b và c.',
    'Đồng chí N. V. A. và đồng chí T. T. B. tham dự.',
    'Phần II I; Chương V I; Quý I năm 2025; Vụ V.II I; mục II, III.',
    'Đi ăn cơm; o ép giá; nhà ở xã hội; Bộ Y tế; xe ô tô; góp ý dự thảo.',
    'Ông Nguyễn V A và bà Trần T B; hạng mức C: 62%; TP HCM; UBND TP.',
  ])('leaves "%s" as written', (sentence) => {
    expect(editsIn(inScan(sentence), sentence)).toEqual([]);
  });

  it('records each join as a repair of the pieces, traceable to their source span', () => {
    const sentence = 'Hội L iên h i ệ p phụ nữ tỉnh tổ chức hội nghị.';
    const source = inScan(sentence);
    const normalised = normalise(
      { text: source, encoding: 'utf-8', messages: [] },
      {
        ocrRepair: (t) => ocrRepairReport(t, lexicon),
      },
    );
    expect(normalised.text).toContain('Hội Liên hiệp phụ nữ');
    const join = normalised.messages.find((m) => m.actual === 'h i ệ p')!;
    expect(join).toMatchObject({ ruleId: 'normalise:ocr-repair', expected: 'hiệp' });
    expect(join.reason).toBe('"h i ệ p" → "hiệp" (letters split by spaces; "liên hiệp" is a known word)');
    expect(source.slice(join.start, join.end)).toBe('h i ệ p');
    // The joined word's characters map back to the pieces' span.
    const at = normalised.text.indexOf('hiệp phụ');
    expect(normalised.starts[at]).toBe(join.start);
    expect(normalised.ends[at + 3]).toBe(join.end);
  });
});

describe('words split by spaces, outside damage', () => {
  it.each(CLEAN_PLANS)('a clean document with one split word (%s) is left as written', (name) => {
    // One split is no evidence of a damaged scan: the gate stays closed, precision first.
    const text = `${readPlan(name)}\nVăn phòng Trung ương và các Ban của Đ ả ng.\n`;
    expect(ocrRepair(text, lexicon).edits).toEqual([]);
  });
});

describe('split-letter properties', () => {
  // A clean plan with 5% synthetic damage: every region is damaged, so joins may happen anywhere.
  const clean = readPlan('quang-ngai-implementation-plan');
  const damaged = damageText(clean, 4242, 0.05);
  const damagedStarts = new Set(damaged.damaged.map((d) => d.start));
  const tokens = letterRuns(damaged.text);
  const isPair = (a: string | undefined, b: string | undefined) =>
    a !== undefined &&
    b !== undefined &&
    lexicon.followers.get(a.toLowerCase())?.has(b.toLowerCase()) === true;
  const spaceBetween = (a: { end: number }, b: { start: number }) =>
    damaged.text.slice(a.end, b.start) === ' ';
  /** Syllables of the damaged text that form a known word with an undamaged neighbour. */
  const targets = tokens.flatMap((token, i) => {
    const word = token.text;
    if (word.length < 2 || damagedStarts.has(token.start) || !lexicon.weights.has(word.toLowerCase()))
      return [];
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    const withBefore =
      before !== undefined &&
      !damagedStarts.has(before.start) &&
      spaceBetween(before, token) &&
      isPair(before.text, word);
    const withAfter =
      after !== undefined &&
      !damagedStarts.has(after.start) &&
      spaceBetween(token, after) &&
      isPair(word, after.text);
    return withBefore || withAfter ? [token] : [];
  });

  it('a known word split at random places inside damage is joined back', () => {
    expect(targets.length).toBeGreaterThan(500);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: targets.length - 1 }),
        fc.integer({ min: 1, max: 2 ** 31 }),
        (index, seed) => {
          const token = targets[index]!;
          const pieces = splitWord(token.text, seededRandom(seed));
          // Pieces that all stand as syllables ("ho a") are a valid reading: not joined, by design.
          fc.pre(pieces.split(' ').some((p) => !lexicon.weights.has(p.toLowerCase())));
          const text = damaged.text.slice(0, token.start) + pieces + damaged.text.slice(token.end);
          const join = ocrRepair(text, lexicon).edits.find((e) => e.start === token.start);
          return join !== undefined && join.end === token.start + pieces.length && join.text === token.text;
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);

  it('clean text is never changed, whatever list letters, initials and numerals it holds', () => {
    const cleanLines = clean.split('\n').filter((l) => l.trim() !== '');
    const inserts = [
      'a b c',
      'điểm a b',
      'N. V. A.',
      'II I',
      'V I',
      'Quý I',
      'đi ăn',
      'o ép',
      'y tế',
      'nhà ở',
      'Nguyễn V A',
      'mức C D',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...cleanLines), fc.constantFrom('', ...inserts)), {
          minLength: 1,
          maxLength: 60,
        }),
        (parts) => {
          const text = parts.map(([line, insert]) => `${line} ${insert}`).join('\n');
          return applyEdits(text, ocrRepair(text, lexicon).edits) === text;
        },
      ),
      { numRuns: 100 },
    );
  }, 120_000);
});
