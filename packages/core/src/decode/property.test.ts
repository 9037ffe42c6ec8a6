import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecodeError, decode, encodeLegacy } from './index.ts';

/** FC_RUNS_SCALE=20 for a long hunt; the default keeps the suite quick. */
const runs = (base: number) => base * Number(process.env.FC_RUNS_SCALE ?? 1);

const ONSETS = 'b c ch d đ g h kh l m n ng nh ph qu s t th tr v x'.split(' ').concat(['']);
/** Rhymes (vần) of Vietnamese, without tone. */
const RHYMES = (
  'a ai ao au ay an am ang anh ac ach ap at ăn ăm ăng ăc ăp ăt âu ây ân âm âng âc âp ât ' +
  'e eo en em eng ec ep et ê êu ên êm ênh êch êp êt i ia iu in im inh ich ip it iêu iên iêm iêng iêc iêp iêt ' +
  'o oi on om ong oc op ot oa oai oan oang oanh oac oach oat oe oen oet ô ôi ôn ôm ông ôc ôp ôt ' +
  'ơ ơi ơn ơm ơp ơt u ua ui un um ung uc up ut uân uât uôi uôn uôm uông uôc uôt uy uya uyên uyêt uynh uych uyt ' +
  'ư ưa ưi ưu ưng ưc ưt ươi ươu ươn ươm ương ươc ươp ươt'
).split(' ');
const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
const STOP_TONES = ['\u0301', '\u0323'];
const VOWEL = /[aăâeêioôơuưy]/g;
const MARKED_VOWEL = /[ăâêôơư]/;

/** Index in the rhyme of the vowel that takes the tone mark. */
function toneIndex(rhyme: string, hasCoda: boolean): number {
  const vowels = [...rhyme.matchAll(VOWEL)].map((m) => m.index);
  const marked = [...rhyme].findLastIndex((c) => MARKED_VOWEL.test(c));
  if (marked >= 0) return marked;
  return (hasCoda ? vowels.at(-1) : vowels[0]) ?? 0;
}

/** Spelling of the onset before this rhyme: k/ngh/gh before front vowels, no "quu". */
function spellOnset(onset: string, rhyme: string): string {
  const front = /^[ieêy]/.test(rhyme);
  if (front) return ({ c: 'k', ng: 'ngh', g: 'gh' } as Record<string, string>)[onset] ?? onset;
  if (onset === 'qu' && /^[uư]/.test(rhyme)) return '';
  return onset;
}

/** A well-formed Vietnamese syllable, in one of three cases. */
const syllable = fc
  .record({
    onset: fc.constantFrom(...ONSETS),
    rhyme: fc.constantFrom(...RHYMES),
    tone: fc.nat(TONES.length - 1),
    casing: fc.constantFrom('lower', 'title', 'upper'),
  })
  .map(({ onset, rhyme, tone, casing }) => {
    const hasCoda = /[cmnpt]$|ng$|nh$|ch$/.test(rhyme);
    const mark = /[cpt]$|ch$/.test(rhyme) ? STOP_TONES[tone % 2]! : TONES[tone]!;
    const at = toneIndex(rhyme, hasCoda) + 1;
    const word = (spellOnset(onset, rhyme) + rhyme.slice(0, at) + mark + rhyme.slice(at)).normalize('NFC');
    if (casing === 'upper') return word.toUpperCase();
    if (casing === 'title') return word.charAt(0).toUpperCase() + word.slice(1);
    return word;
  });

const separator = fc.constantFrom(' ', ' ', ' ', ', ', '. ', '\n', ' - ', ': ', '\r\n', ' 57 ');

/**
 * Sentences of 8–40 syllables, three or more of them accented: a single
 * accented syllable can be undecidable ("ấm" in TCVN3 is "Êm" in Windows-1258).
 */
const vietnameseText = fc
  .array(fc.tuple(syllable, separator), { minLength: 8, maxLength: 40 })
  .map((pairs) =>
    pairs
      .map(([word, sep]) => word + sep)
      .join('')
      .trim(),
  )
  .filter((text) => new Set(text.match(/\p{L}*[^\x00-\x7f]\p{L}*/gu)).size >= 3);

/** Words of the real plans: realistic text, where random syllables can be impossible ones. */
const PLANS_DIR = new URL('../../../../corpus/plans/', import.meta.url);
const corpusWords = [
  ...new Set(
    readdirSync(PLANS_DIR)
      .map((name) => readFileSync(new URL(name, PLANS_DIR), 'utf8').normalize('NFC'))
      .flatMap((text) => text.match(/\p{L}+/gu) ?? []),
  ),
];
const corpusWord = fc.constantFrom(...corpusWords);

/**
 * Sentences of 8–40 words from the plans, with at least six different
 * accented words. Fewer can be undecidable: "KẾ KẾ KẾ" in TCVN3 mojibake is
 * "KÚ KÚ KÚ", itself valid Vietnamese.
 */
const planLikeText = fc
  .array(fc.tuple(corpusWord, separator), { minLength: 8, maxLength: 40 })
  .map((pairs) =>
    pairs
      .map(([word, sep]) => word + sep)
      .join('')
      .trim(),
  )
  .filter((text) => new Set(text.match(/\p{L}*[^\x00-\x7f]\p{L}*/gu)).size >= 6);

/** How real plans use symbols that are also TCVN3/VNI mojibake characters. */
const symbolUse = fc.oneof(
  fc.nat(40).map((n) => `${n}°C`),
  corpusWord.map((word) => `½ ${word}`),
  fc.nat(99).map((n) => `§ ${n}`),
  corpusWord.map((word) => `«${word}»`),
  corpusWord.map((word) => `“${word}”`),
  corpusWord.map((word) => `${word} – ${word}…`),
  fc.constant('\n¯¯¯¯¯¯¯¯¯¯\n'),
  fc.constant(' · '),
);
const unicodeTextWithSymbols = fc
  .array(fc.oneof({ weight: 6, arbitrary: corpusWord }, { weight: 1, arbitrary: symbolUse }), {
    minLength: 1,
    maxLength: 40,
  })
  .map((parts) => parts.join(' '));

describe('properties', () => {
  it('TCVN3: encodeLegacy then decode gives the text back', () => {
    fc.assert(
      fc.property(vietnameseText, (text) => {
        const source = decode(encodeLegacy(text, 'tcvn3'));
        expect(source.text.normalize('NFC')).toBe(text);
        expect(source.encoding).toBe('tcvn3');
      }),
      { numRuns: runs(300) },
    );
  });

  it('VNI: encodeLegacy then decode gives the text back', () => {
    fc.assert(
      fc.property(vietnameseText, (text) => {
        const source = decode(encodeLegacy(text, 'vni'));
        expect(source.text.normalize('NFC')).toBe(text);
        expect(source.encoding).toBe('vni');
      }),
      { numRuns: runs(300) },
    );
  });

  it('Windows-1258: encodeLegacy then decode gives the text back', () => {
    fc.assert(
      fc.property(vietnameseText, (text) => {
        const source = decode(encodeLegacy(text, 'windows-1258'));
        expect(source.text.normalize('NFC')).toBe(text);
        expect(source.encoding).toBe('windows-1258');
      }),
      { numRuns: runs(300) },
    );
  });

  it('TCVN3 and VNI mojibake are repaired', () => {
    fc.assert(
      fc.property(planLikeText, fc.constantFrom('tcvn3' as const, 'vni' as const), (text, encoding) => {
        const mojibake = Buffer.from(encodeLegacy(text, encoding)).toString('latin1');
        const source = decode(Buffer.from(mojibake, 'utf8'));
        expect(source.text.normalize('NFC')).toBe(text);
        expect(source.encoding).toBe(`${encoding}-mojibake`);
      }),
      { numRuns: runs(300) },
    );
  });

  it('correct Unicode Vietnamese, even with symbols mojibake also uses, comes out untouched', () => {
    fc.assert(
      fc.property(unicodeTextWithSymbols, (text) => {
        fc.pre(text.trim() !== '');
        expect(decode(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'utf-8', messages: [] });
      }),
      { numRuns: runs(500) },
    );
  });

  it('never throws anything but a DecodeError, whatever the bytes', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 3000 }),
      fc.uint8Array({ minLength: 1, maxLength: 300 }).map((b) => b.map((x) => x | 0x80)),
      fc.tuple(vietnameseText, fc.uint8Array({ maxLength: 20 }), fc.nat()).map(([text, noise, at]) => {
        const utf8 = Buffer.from(text, 'utf8');
        const cut = at % (utf8.length + 1);
        return new Uint8Array(Buffer.concat([utf8.subarray(0, cut), noise, utf8.subarray(cut)]));
      }),
    );
    fc.assert(
      fc.property(bytes, (input) => {
        try {
          const source = decode(input);
          expect(typeof source.text).toBe('string');
        } catch (error) {
          expect(error).toBeInstanceOf(DecodeError);
          expect((error as DecodeError).message).not.toMatch(/\n/);
        }
      }),
      { numRuns: runs(1000) },
    );
  });
});
