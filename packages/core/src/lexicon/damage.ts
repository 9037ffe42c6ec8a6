/**
 * Synthetic OCR and font-mapping damage, for measuring repairs on text the
 * repair has never seen. Deterministic for a given seed. Test support only.
 */
import { isValidSyllable, letterInfo, type Tone, withTone } from './orthography.ts';
import { letterRuns } from './tokens.ts';

/** mulberry32: a small seeded PRNG. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const QUALITY_SWAPS: Record<string, string[]> = {
  a: ['ă', 'â'],
  ă: ['a', 'â'],
  â: ['a', 'ă'],
  e: ['ê'],
  ê: ['e'],
  o: ['ô', 'ơ'],
  ô: ['o', 'ơ'],
  ơ: ['o', 'ô'],
  u: ['ư'],
  ư: ['u'],
  đ: ['d'],
};
/** Printed → what a poor scan or a broken font shows. */
const GLYPH_DAMAGE: [string, string][] = [
  ['m', 'in'],
  ['m', 'rn'],
  ['h', 'li'],
  ['n', 'ri'],
  ['v', 'y'],
  ['u', 'n'],
  ['n', 'u'],
  ['e', 'c'],
  ['i', 'l'],
  ['oà', 'ồ'],
  ['ò', 'ị'],
];

type Damage = (word: string, random: () => number) => string | undefined;

function pick<T>(items: readonly T[], random: () => number): T | undefined {
  return items[Math.floor(random() * items.length)];
}

const changeTone: Damage = (word, random) => {
  const chars = [...word];
  const at = chars.findIndex((c) => letterInfo(c)?.tone !== 0 && letterInfo(c)?.isVowel);
  const index = at >= 0 ? at : chars.findIndex((c) => letterInfo(c)?.isVowel);
  const info = letterInfo(chars[index] ?? '');
  if (info === undefined) return undefined;
  const tones = ([0, 1, 2, 3, 4, 5] as Tone[]).filter((t) => t !== info.tone);
  chars[index] = withTone(info.base, pick(tones, random)!);
  return chars.join('');
};

const changeQuality: Damage = (word, random) => {
  const chars = [...word];
  const positions = chars.flatMap((c, i) => (QUALITY_SWAPS[letterInfo(c)?.base ?? ''] ? [i] : []));
  const at = pick(positions, random);
  if (at === undefined) return undefined;
  const info = letterInfo(chars[at]!)!;
  chars[at] = withTone(pick(QUALITY_SWAPS[info.base]!, random)!, info.tone);
  return chars.join('');
};

const confuseGlyph: Damage = (word, random) => {
  const options = GLYPH_DAMAGE.filter(([printed]) => word.includes(printed));
  const choice = pick(options, random);
  return choice === undefined ? undefined : word.replace(choice[0], choice[1]);
};

const DAMAGES: Damage[] = [changeTone, changeTone, changeQuality, changeQuality, confuseGlyph];

/** One random OCR-like misreading of a lower-case syllable, or undefined if none applies. */
export function damageSyllable(word: string, random: () => number): string | undefined {
  for (let attempt = 0; attempt < 4; attempt++) {
    const damaged = pick(DAMAGES, random)!(word, random);
    if (damaged !== undefined && damaged !== word) return damaged;
  }
  return undefined;
}

/** Damages a share of the lower-case syllables of `text`; returns the damaged text and where. */
export function damageText(text: string, seed: number, rate: number) {
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

/** `word` cut at one or more random places, the pieces joined by spaces ("hiệp" → "h i ệp"). */
export function splitWord(word: string, random: () => number): string {
  const chars = [...word];
  const cuts = new Set<number>();
  const wanted = 1 + Math.floor(random() * (chars.length - 1));
  while (cuts.size < wanted) cuts.add(1 + Math.floor(random() * (chars.length - 1)));
  return chars.map((c, i) => (cuts.has(i) ? ` ${c}` : c)).join('');
}

/**
 * Splits a share of the syllables of `text` with spaces, as scans do
 * ("L iên h i ệ p"); returns the damaged text and where each split word is.
 */
export function splitText(text: string, seed: number, rate: number) {
  const random = seededRandom(seed);
  /** `from`: where the word starts in `text`. */
  const split: { start: number; end: number; from: number; original: string }[] = [];
  let out = '';
  let at = 0;
  for (const token of letterRuns(text)) {
    const word = token.text;
    let written = word;
    if (word.length > 1 && isValidSyllable(word) && random() < rate) written = splitWord(word, random);
    out += text.slice(at, token.start) + written;
    if (written !== word)
      split.push({ start: out.length - written.length, end: out.length, from: token.start, original: word });
    at = token.end;
  }
  return { text: out + text.slice(at), split };
}
