import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isStrayControl } from './binary.ts';
import { MOJIBAKE_SIGN, survey } from './mojibake.ts';
import { readUtf8 } from './utf8.ts';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const reference = (bytes: Uint8Array): string | undefined => {
  try {
    return strict.decode(bytes);
  } catch {
    return undefined;
  }
};

const plansDir = new URL('../../../../corpus/plans/', import.meta.url);
const planLines = readdirSync(plansDir)
  .flatMap((f) => readFileSync(new URL(f, plansDir), 'utf8').split('\n'))
  .filter((l) => l.length > 0);
/** Text made of the plans' lines, with characters a plan may hold or a damaged file may show. */
const text = fc
  .array(
    fc.oneof(
      fc.constantFrom(...planLines),
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: fc.integer({ min: 0, max: 0x2ff }).map((c) => String.fromCharCode(c)) }),
      fc.constantFrom('\n', '\r\n', '½', '¯', 'Tæ chøc', 'Xin chaøo', '\u0001', '\u007f', '😀'),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

describe('readUtf8', () => {
  it('gives what TextDecoder gives, and the counts of one scan', () => {
    fc.assert(
      fc.property(text, (t) => {
        const bytes = new TextEncoder().encode(t);
        const read = readUtf8(bytes);
        expect(read?.text).toBe(reference(bytes));
        expect(read?.hasMojibakeSign).toBe(MOJIBAKE_SIGN.test(t));
        expect(read?.strayControls).toBe([...t].filter((c) => isStrayControl(c.charCodeAt(0))).length);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses invalid UTF-8 as TextDecoder does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), text, (junk, t) => {
        const bytes = new Uint8Array([...new TextEncoder().encode(t), ...junk]);
        expect(readUtf8(bytes)?.text).toBe(reference(bytes));
      }),
      { numRuns: 300 },
    );
  });
});

describe('survey', () => {
  it('finds the same lines by searching as line by line', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const t = `${a}\n${'Kế hoạch triển khai thực hiện. '.repeat(70)}\n${b}`;
        expect(survey(t)).toEqual(survey(t, false));
      }),
      { numRuns: 200 },
    );
  });
});
