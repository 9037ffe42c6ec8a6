import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  layoutEdits as layoutEditsBefore,
  splitLines as splitLinesBefore,
} from '../testing/layout-before.ts';
import { rewrap } from '../testing/rewrap.ts';
import { layoutEdits, splitLines } from './layout.ts';
import { parseMarker, parseMarkerUngated } from './markers.ts';

/** FC_RUNS_SCALE=20 for a long hunt; the default keeps the suite quick. */
const runs = (base: number) => base * Number(process.env.FC_RUNS_SCALE ?? 1);

const plansDir = new URL('../../../../corpus/plans/', import.meta.url);
const planLines = readdirSync(plansDir).flatMap((f) =>
  readFileSync(new URL(f, plansDir), 'utf8').split('\n'),
);
/** Pieces the layout rules react to: markup, tables, markers, rules, page numbers, odd spaces. */
const PIECES = [
  '**',
  '__',
  '*',
  '_',
  '# ',
  '## 773_2018_QĐ_TTg_appendix',
  '#',
  '773_2018_QĐ_TTg_art1_3',
  '*   ',
  '| 1 | Nội dung | 2025 |',
  '| --- | ---- |',
  '| |',
  '-------',
  '\\*',
  '```',
  '- 3 -',
  'Trang 2/5',
  '12',
  'III.',
  'A.',
  '1.',
  'a)',
  '(2)',
  '+ ',
  '- ',
  'như sau:A. MỤC ĐÍCH, YÊU CẦU',
  'tiếp theo.III. ĐẨY MẠNH',
  'số 57-',
  'KL/TW',
  'Phần',
  'PHỤ LỤC II',
  '(Kèm theo',
  '“',
  '”',
  '\t',
  '  ',
  '\u00a0',
  '\u2003',
  '😀',
];
const line = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...planLines) },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.constantFrom(...PIECES, ' ', 'Kế hoạch', 'TỈNH ỦY'), { maxLength: 6 })
      .map((p) => p.join('')),
  },
  { weight: 1, arbitrary: fc.constantFrom(...planLines).map((l) => l.toUpperCase()) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);
const text = fc
  .tuple(
    fc.array(fc.tuple(line, fc.constantFrom('\n', '\n', '\n\n', '\r\n', ' \n', '\n  ', '\f', '\u2028')), {
      maxLength: 40,
    }),
    fc.constantFrom(0, 0, 50, 77, 120),
  )
  .map(([lines, width]) => {
    const joined = lines.map(([l, eol]) => l + eol).join('');
    return width > 0 ? rewrap(joined, width) : joined;
  });

describe('layout, made faster', () => {
  it('splits the same lines as before', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(splitLines(t)).toEqual(splitLinesBefore(t));
      }),
      { numRuns: runs(300) },
    );
  });

  it('makes the same edits as before', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(layoutEdits(t)).toEqual(layoutEditsBefore(t));
      }),
      { numRuns: runs(300) },
    );
  });

  it('makes the same edits as before on whole plans, re-wrapped', () => {
    for (const f of readdirSync(plansDir)) {
      const plan = readFileSync(new URL(f, plansDir), 'utf8');
      for (const t of [plan, rewrap(plan, 50), rewrap(plan, 77, '\r\n'), plan.toUpperCase()])
        expect(layoutEdits(t)).toEqual(layoutEditsBefore(t));
    }
  });

  it('parseMarker, gated by the first two characters, reads the markers its patterns read', () => {
    const start = fc.oneof(
      fc.constantFrom(...planLines),
      fc.string({ maxLength: 4 }),
      fc.constantFrom(
        '-',
        '- ',
        '-5',
        '-\t',
        'l',
        'p',
        'A',
        'Đ',
        'I',
        'V',
        'X',
        'L',
        'a)',
        'II.',
        'Il.',
        'Phần',
        'phần thứ hai. ',
        'phụ lục 2 ',
        'PHỤ LỤC',
        'B-',
      ),
    );
    fc.assert(
      fc.property(start, fc.string({ maxLength: 6 }), fc.constantFrom(...planLines), (a, b, c) => {
        const line = a + b + c;
        expect(parseMarker(line)).toEqual(parseMarkerUngated(line));
        expect(parseMarker(a + b)).toEqual(parseMarkerUngated(a + b));
      }),
      { numRuns: runs(1000) },
    );
  });
});
