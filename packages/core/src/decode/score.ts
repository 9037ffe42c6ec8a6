/**
 * How Vietnamese does a piece of text look? Used to choose between candidate
 * decodings of the same bytes. The signal is orthographic: a word carrying
 * diacritics must be a well-formed Vietnamese syllable (onset + vowel cluster +
 * coda, one tone mark, stop finals only with sắc/nặng). Mojibake readings break
 * those rules almost everywhere, correct readings almost never.
 */

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const ACUTE = '\u0301';
const DOT_BELOW = '\u0323';

const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])';

/** Vowel nuclei with their glides, as written (tone marks removed). */
const VOWEL_CLUSTERS = (
  'a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi oo ôi ơi ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê ' +
  'iêu oai oao oay oeo uây uôi uya uyê uyu ươi ươu yêu'
).split(' ');
/** Clusters that never end a syllable: "ă", "iê", "ươ" need a final consonant. */
const NEEDS_CODA = new Set(['ă', 'â', 'iê', 'yê', 'oă', 'uâ', 'uô', 'ươ', 'uyê', 'oo']);
/** Clusters ending in a glide or an open diphthong take no final consonant ("aim", "iun" do not exist). */
const NO_CODA = new Set(
  (
    'ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu ' +
    'iêu oai oao oay oeo uây uôi uya uyu ươi ươu yêu'
  ).split(' '),
);
/** -nh and -ch follow only these. */
const BEFORE_NH_CH = new Set(['a', 'ê', 'i', 'y', 'oa', 'uê', 'uy']);
/** -ng and -c never follow these ("ơng", "inh" is spelled with nh). */
const NOT_BEFORE_NG_C = new Set(['ê', 'i', 'y', 'ơ', 'uê', 'uy']);
const STOP_CODAS = new Set(['c', 'ch', 'p', 't']);

const clusterPattern = [...VOWEL_CLUSTERS].sort((a, b) => b.length - a.length).join('|');
const SYLLABLE = new RegExp(`^(${ONSET})?(${clusterPattern})(ch|nh|ng|[cmnpt])?$`);

/** A small set of very frequent syllables of administrative Vietnamese: a bonus, not the main signal. */
const FREQUENT_SYLLABLES = new Set(
  (
    'của và các có là được trong cho những với người không này một đã để công tác thông tin hoạt động ' +
    'nhân dân việt nam tỉnh huyện thực hiện kế hoạch nội dung quản lý chính trị phát triển xã hội ' +
    'báo chí truyền tuyên cấp ủy ban đảng bộ cơ quan đơn vị năm ngày số về theo tổ chức'
  ).split(' '),
);

/** Words seen before: a text repeats a few thousand syllables, so checks are cached. */
const syllableCache = new Map<string, boolean>();
const MAX_CACHED_WORDS = 100_000;

/** Is `word` (letters only) a well-formed Vietnamese syllable with diacritics or without? */
export function isVietnameseSyllable(word: string): boolean {
  let valid = syllableCache.get(word);
  if (valid === undefined) {
    if (syllableCache.size >= MAX_CACHED_WORDS) syllableCache.clear();
    valid = checkSyllable(word);
    syllableCache.set(word, valid);
  }
  return valid;
}

function checkSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD');
  const tones = decomposed.match(TONE_MARKS);
  if (tones && tones.length > 1) return false;
  const base = decomposed.replace(TONE_MARKS, '').normalize('NFC');
  const match = SYLLABLE.exec(base);
  if (!match) return false;
  const [, onset = '', cluster = '', coda = ''] = match;
  if (!codaFitsCluster(cluster, coda)) return false;
  if (STOP_CODAS.has(coda)) {
    const tone = tones?.[0];
    if (tone !== ACUTE && tone !== DOT_BELOW) return false;
  }
  return onsetFitsCluster(onset, cluster);
}

function codaFitsCluster(cluster: string, coda: string): boolean {
  if (coda === '') return !NEEDS_CODA.has(cluster);
  if (NO_CODA.has(cluster)) return false;
  if (coda === 'nh' || coda === 'ch') return BEFORE_NH_CH.has(cluster);
  if (coda === 'ng' || coda === 'c') return !NOT_BEFORE_NG_C.has(cluster);
  return true;
}

/** Spelling rules: k/gh/ngh only before front vowels, c/ng never before them, no "quu". */
function onsetFitsCluster(onset: string, cluster: string): boolean {
  const front = /^[ieêy]/.test(cluster);
  if (onset === 'qu') return !/^[uư]/.test(cluster);
  if (onset === 'k' || onset === 'gh' || onset === 'ngh') return front;
  if (onset === 'c' || onset === 'ng') return !front;
  return true;
}

export interface VietnameseScore {
  /** Words with diacritics that are well-formed syllables (frequent ones count double). */
  good: number;
  /** Words with non-ASCII letters that are not syllables, plus characters text never holds. */
  bad: number;
  /**
   * One-letter syllables (à, ở, ô), kept apart from `good`: in text that may be
   * mojibake they are too easily a stray symbol (« ·) read another way.
   */
  singleLetters: number;
  /** Non-ASCII characters seen, and how many of them sit in well-formed syllables. */
  nonAscii: number;
  nonAsciiInSyllables: number;
}

/** Control characters, C1 controls, Latin-1 symbols and U+FFFD: never part of Vietnamese text. */
const ODDITY = '\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f\\u0080-\\u009f\\u00a1-\\u00bf\\ufffd';
/** Runs of letters, marks and oddities: "c¸c" is one broken word, not two letters and a symbol. */
const WORD_OR_ODDITY = new RegExp(`[\\p{L}\\p{M}${ODDITY}]+`, 'gu');
const HAS_ODDITY = new RegExp(`[${ODDITY}]`, 'u');
const HAS_LETTER = /\p{L}/u;
const ASCII_CHARS = /[\x00-\x7f]/g;
const LETTER_START = /^\p{L}/u;

/**
 * Score a text: ASCII-only words are neutral (Vietnamese without diacritics,
 * English, codes); non-ASCII words count good or bad; a word holding or made
 * of an oddity (¸ µ § ¬ … are TCVN3 letters read as Latin-1) counts bad.
 */
export function scoreVietnamese(text: string): VietnameseScore {
  const score = emptyScore();
  for (const [token] of text.matchAll(WORD_OR_ODDITY)) {
    const nonAscii = token.replace(ASCII_CHARS, '').length;
    score.nonAscii += nonAscii;
    if (HAS_ODDITY.test(token)) {
      // A lone symbol (· § ° ½) is ordinary punctuation; one inside a word is breakage.
      if (HAS_LETTER.test(token)) score.bad++;
      continue;
    }
    if (nonAscii === 0) continue;
    if (LETTER_START.test(token) && isVietnameseSyllable(token)) {
      if (token.length > 1) score.good += isFrequent(token) ? 2 : 1;
      else score.singleLetters++;
      score.nonAsciiInSyllables += nonAscii;
    } else {
      score.bad++;
    }
  }
  return score;
}

const frequentCache = new Map<string, boolean>();

function isFrequent(word: string): boolean {
  let frequent = frequentCache.get(word);
  if (frequent === undefined) {
    if (frequentCache.size >= MAX_CACHED_WORDS) frequentCache.clear();
    frequent = FREQUENT_SYLLABLES.has(word.toLowerCase().normalize('NFC'));
    frequentCache.set(word, frequent);
  }
  return frequent;
}

export const emptyScore = (): VietnameseScore => ({
  good: 0,
  bad: 0,
  singleLetters: 0,
  nonAscii: 0,
  nonAsciiInSyllables: 0,
});

/** Add `score` into `total`. */
export function addScore(total: VietnameseScore, score: VietnameseScore): void {
  total.good += score.good;
  total.bad += score.bad;
  total.singleLetters += score.singleLetters;
  total.nonAscii += score.nonAscii;
  total.nonAsciiInSyllables += score.nonAsciiInSyllables;
}

export const netScore = (score: VietnameseScore): number => score.good - score.bad;
/** Net score counting one-letter syllables too: for raw bytes, where there is no stray-symbol doubt. */
export const netScoreWithSingleLetters = (score: VietnameseScore): number =>
  netScore(score) + score.singleLetters;
