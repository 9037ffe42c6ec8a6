/**
 * Vietnamese orthography: how a written syllable splits into onset, rhyme and
 * tone, which combinations the spelling rules allow, and where the tone mark
 * goes. Everything works on NFC text, one precomposed character per letter,
 * so a syllable and its tone-less "skeleton" have the same length.
 */

/** Tones in the order ngang, huyền, sắc, hỏi, ngã, nặng. */
export type Tone = 0 | 1 | 2 | 3 | 4 | 5;

const TONE_MARKS = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'] as const;
const VOWEL_BASES = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'] as const;

interface LetterInfo {
  /** The letter without its tone mark, same case. */
  base: string;
  tone: Tone;
  /** Plain ASCII letter: tone and quality marks (ă â ê ô ơ ư đ) removed, lower case. */
  skeleton: string;
  isVowel: boolean;
  isUpper: boolean;
}

const SKELETON_OF: Record<string, string> = { ă: 'a', â: 'a', ê: 'e', ô: 'o', ơ: 'o', ư: 'u', đ: 'd' };

function buildLetterTable(): Map<string, LetterInfo> {
  const table = new Map<string, LetterInfo>();
  const add = (char: string, base: string, tone: Tone, isVowel: boolean): void => {
    const lowerBase = base.toLowerCase();
    const skeleton = SKELETON_OF[lowerBase] ?? lowerBase;
    table.set(char, { base, tone, skeleton, isVowel, isUpper: false });
    table.set(char.toUpperCase(), {
      base: base.toUpperCase(),
      tone,
      skeleton,
      isVowel,
      isUpper: true,
    });
  };
  for (const vowel of VOWEL_BASES) {
    TONE_MARKS.forEach((mark, tone) => {
      add((vowel + mark).normalize('NFC'), vowel, tone as Tone, true);
    });
  }
  for (const consonant of 'bcdđghklmnpqrstvx') add(consonant, consonant, 0, false);
  // Letters outside the native alphabet: known, so tokens can be analysed, but never valid.
  for (const foreign of 'fjwz') add(foreign, foreign, 0, false);
  return table;
}

const LETTERS = buildLetterTable();
const TONED: Map<string, string> = new Map();
for (const [char, info] of LETTERS) {
  if (info.isVowel) TONED.set(`${info.base}${info.tone}`, char);
}

export function letterInfo(char: string): LetterInfo | undefined {
  return LETTERS.get(char);
}

/** `vowel` (a tone-less vowel letter, any case) carrying `tone`. */
export function withTone(vowel: string, tone: Tone): string {
  return TONED.get(`${vowel}${tone}`) ?? vowel;
}

/** The ASCII skeleton of a word: "Phương" → "phuong". Unknown characters are kept lower-cased. */
export function skeletonOf(word: string): string {
  let out = '';
  for (const char of word) out += LETTERS.get(char)?.skeleton ?? char.toLowerCase();
  return out;
}

export interface ToneSplit {
  /** The word with its tone mark removed (case kept). */
  base: string;
  tone: Tone;
  /** Index of the toned letter, -1 when the tone is ngang. */
  toneIndex: number;
  /** More than one letter carries a tone mark. */
  multipleTones: boolean;
}

export function splitTone(word: string): ToneSplit {
  let base = '';
  let tone: Tone = 0;
  let toneIndex = -1;
  let multipleTones = false;
  for (let i = 0; i < word.length; i++) {
    const char = word[i]!;
    const info = LETTERS.get(char);
    if (info === undefined) {
      base += char;
      continue;
    }
    base += info.base;
    if (info.tone !== 0) {
      if (toneIndex >= 0) multipleTones = true;
      tone = info.tone;
      toneIndex = i;
    }
  }
  return { base, tone, toneIndex, multipleTones };
}

// --- Syllable structure -----------------------------------------------------

const PLAIN_RHYMES = (
  'a ac ach ai am an ang anh ao ap at au ay ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây ' +
  'e ec em en eng eo ep et ê êch êm ên ênh êp êt êu i ia ich im in inh ip it iu ' +
  'iêc iêm iên iêng iêp iêt iêu yêm yên yêng yêt yêu y ' +
  'o oc oi om on ong op ot ooc oong ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt ' +
  'u ua uc ui um un ung up ut uôc uôi uôm uôn uông uôt ư ưa ưc ưi ưng ưt ưu ' +
  'ươc ươi ươm ươn ương ươp ươt ươu'
).split(' ');
/** Rhymes with the rounded glide written "o" (hoa, khoe, xoăn). */
const MEDIAL_O_RHYMES =
  'oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oe oen oeo oet'.split(' ');
/** Rhymes with the rounded glide written "u" (thuê, tuân, huy, khuya, nguyên). */
const MEDIAL_U_RHYMES = 'uân uâng uât uây uê uêch uênh uơ uy uya uych uynh uyt uyu uyên uyêt uyn uyp'.split(
  ' ',
);
/** What may follow "qu", whose "u" is the glide (qua, quê, quy, quyết, quốc). */
const QU_RHYMES = (
  'a ac ach ai am an ang anh ao ap at au ay ăc ăm ăn ăng ăp ăt ân âng ât ây ' +
  'e em en eo ep et ê êch ên ênh êt êu i in inh it y ych ynh yt yu yên yêt ơ ôc'
).split(' ');

const RHYMES = new Set([...PLAIN_RHYMES, ...MEDIAL_O_RHYMES, ...MEDIAL_U_RHYMES]);
const GLIDE_RHYMES = new Set([...MEDIAL_O_RHYMES, ...MEDIAL_U_RHYMES]);
const QU_RHYME_SET = new Set(QU_RHYMES);
/** After "gi" (gia, giữ, giường); "giếng" spells the rhyme iêng as "êng". */
const GI_RHYMES = new Set([
  ...PLAIN_RHYMES.filter((r) => r[0] !== 'i' && r[0] !== 'y'),
  ...MEDIAL_O_RHYMES,
  'êng',
]);

const CONSONANT_ONSETS = [
  'ngh',
  'ng',
  'nh',
  'ch',
  'gh',
  'kh',
  'ph',
  'th',
  'tr',
  'b',
  'c',
  'd',
  'đ',
  'g',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'x',
];
const STOP_CODAS = ['c', 'ch', 'p', 't'];
const FRONT_VOWELS = new Set(['i', 'e', 'ê', 'y']);
const NATIVE_LETTERS = /^[a-zăâđêôơư]+$/;

export interface SyllableParts {
  onset: string;
  rhyme: string;
}

/** Splits a tone-less, lower-case syllable into onset and rhyme, or undefined if no split is allowed. */
export function splitOnsetRhyme(base: string): SyllableParts | undefined {
  if (base.startsWith('qu')) {
    const rhyme = base.slice(2);
    return QU_RHYME_SET.has(rhyme) ? { onset: 'qu', rhyme } : undefined;
  }
  if (base.startsWith('gi')) {
    const rest = base.slice(2);
    if (GI_RHYMES.has(rest)) return { onset: 'gi', rhyme: rest };
    // "gì", "gìn": the i is both part of the onset and the nucleus.
    if (RHYMES.has(base.slice(1)) && base[1] === 'i') return { onset: 'g', rhyme: base.slice(1) };
  }
  const onset = CONSONANT_ONSETS.find((o) => base.startsWith(o)) ?? '';
  const rhyme = base.slice(onset.length);
  return RHYMES.has(rhyme) ? { onset, rhyme } : undefined;
}

function onsetFitsRhyme(onset: string, rhyme: string): boolean {
  const first = rhyme[0]!;
  const front = FRONT_VOWELS.has(first);
  switch (onset) {
    case 'c':
      // "c" before front vowels is written "k"; before a glide it is written "qu".
      return !front && !GLIDE_RHYMES.has(rhyme);
    case 'k':
      return front;
    case 'g':
      return !front || first === 'i';
    case 'gh':
    case 'ngh':
      return front && first !== 'y';
    case 'ng':
      return !front;
    case 'qu':
      return true;
    case '':
      // Without an onset the rising diphthong is spelled "yê", never "iê".
      return !rhyme.startsWith('iê');
    default:
      // With an onset it is spelled "iê", never "yê".
      return !rhyme.startsWith('yê');
  }
}

function toneFitsRhyme(rhyme: string, tone: Tone): boolean {
  const endsInStop = STOP_CODAS.some((coda) => rhyme.endsWith(coda));
  return !endsInStop || tone === 2 || tone === 5;
}

/**
 * Whether `syllable` is a well-formed Vietnamese syllable: a known onset,
 * a rhyme the language has, spelling rules between them (c/k/q, g/gh,
 * ng/ngh, iê/yê), one tone mark at most, and only sắc or nặng on
 * syllables closed by -c, -ch, -p, -t. Case-insensitive; expects NFC.
 */
export function isValidSyllable(syllable: string): boolean {
  const lower = syllable.toLowerCase();
  const { base, tone, multipleTones } = splitTone(lower);
  if (multipleTones || !NATIVE_LETTERS.test(base)) return false;
  const parts = splitOnsetRhyme(base);
  if (parts === undefined) return false;
  return onsetFitsRhyme(parts.onset, parts.rhyme) && toneFitsRhyme(parts.rhyme, tone);
}

// --- Tone placement ---------------------------------------------------------

const QUALITY_VOWELS = new Set(['ă', 'â', 'ê', 'ô', 'ơ', 'ư']);
const PLAIN_VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

function isVowelLetter(lower: string): boolean {
  return QUALITY_VOWELS.has(lower) || PLAIN_VOWELS.has(lower);
}

/**
 * Index of the letter that carries the tone in `base` (a tone-less
 * syllable, any case) under the plans' convention: a vowel with a quality
 * mark wins (ơ in ươ); an open two-vowel rhyme takes it on the first vowel
 * (hóa, khỏe, thủy, mùa); an open three-vowel rhyme on the middle one
 * (ngoài); a closed rhyme on the last vowel (hoàn, quyết).
 */
export function toneIndexFor(base: string): number {
  const lower = base.toLowerCase();
  let start = 0;
  if (lower.startsWith('qu')) start = 2;
  else if (lower.startsWith('gi') && lower.length > 2 && isVowelLetter(lower[2]!)) start = 2;
  while (start < lower.length && !isVowelLetter(lower[start]!)) start++;
  let end = start;
  while (end < lower.length && isVowelLetter(lower[end]!)) end++;
  if (start >= end) return -1;
  let lastQuality = -1;
  for (let i = start; i < end; i++) if (QUALITY_VOWELS.has(lower[i]!)) lastQuality = i;
  if (lastQuality >= 0) return lastQuality;
  const length = end - start;
  if (length === 1) return start;
  if (end < lower.length) return end - 1;
  return length === 2 ? start : start + 1;
}

/** `base` (tone-less) with `tone` placed by {@link toneIndexFor}. */
export function placeTone(base: string, tone: Tone): string {
  if (tone === 0) return base;
  const index = toneIndexFor(base);
  if (index < 0) return base;
  return base.slice(0, index) + withTone(base[index]!, tone) + base.slice(index + 1);
}
