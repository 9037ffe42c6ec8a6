/**
 * Repairs of OCR misreadings and PDF font-mapping losses in Vietnamese text,
 * precision first.
 *
 * A damage gate looks first: per region (runs of lines of about
 * {@link REGION_SYLLABLES} syllables) it counts the syllables that break the
 * orthography or are not in the inventory while a one-mark reading is (the
 * trace OCR and broken fonts leave), and only regions of a damaged document,
 * or regions dense with such syllables, are repaired at all. Clean text
 * costs one tokenising pass and is never changed.
 *
 * Inside a damaged region a syllable is suspect when it is invalid or
 * unknown, or when it is valid but forms no known word with either
 * neighbour. Candidates are the inventory syllables reachable by the kinds
 * of damage OCR and broken fonts do (tone and quality marks, look-alike
 * glyphs, lost "ô"/"oà"/"ò"); a candidate wins only with evidence: a known
 * word with a neighbour, or, for an invalid syllable with Vietnamese marks,
 * a clear lead in frequency. Names, foreign words, acronyms and numerals are
 * left alone. Nothing here knows any particular file's typos.
 */
import type { Edit } from '../model.ts';
import type { Lexicon } from './lexicon.ts';
import { isValidSyllable, letterInfo, skeletonOf, type Tone, withTone } from './orthography.ts';
import {
  ANY_PAIR,
  clearTable,
  GENRE_PAIR,
  hasRoomFor,
  type IdTable,
  idTable,
  increment,
  isTripleOf,
  PHRASE_PAIR,
  pairFlagsOf,
  type SyllableIndex,
  tableValue,
  WORD_PAIR,
} from './syllable-index.ts';
import {
  isAllCaps,
  isLetterAt,
  isTitleCase,
  LETTER_TABLE,
  matchCase,
  TABLE_SIZE,
  toLower,
} from './tokens.ts';

export const OCR_REPAIR_RULE = 'normalise:ocr-repair';
/** The damage gate's findings: one note for the whole text, one per damaged region. */
export const OCR_DAMAGE_RULE = 'normalise:ocr-damage';

/** Look-alike glyph sequences: what OCR read → what was printed. */
const GLYPH_CONFUSIONS: readonly (readonly [string, string])[] = [
  ['in', 'm'],
  ['ni', 'm'],
  ['rn', 'm'],
  ['m', 'rn'],
  ['m', 'in'],
  ['li', 'h'],
  ['h', 'li'],
  ['ri', 'n'],
  ['cl', 'd'],
  ['ii', 'u'],
  ['y', 'v'],
  ['v', 'y'],
  ['c', 'e'],
  ['e', 'c'],
  ['l', 'i'],
  ['i', 'l'],
  ['u', 'n'],
  ['n', 'u'],
  ['b', 'h'],
  ['h', 'b'],
];

/**
 * Font-mapping losses of PDFs made with legacy Vietnamese fonts: "oà" shown
 * as "ồ" (every tone), "ò" as "ị". ("ô" shown as "ơ" is a quality-mark
 * change, which every candidate search already covers.)
 */
const FONT_CONFUSIONS: readonly (readonly [string, string])[] = [
  ...([0, 1, 2, 3, 4, 5] as Tone[]).map((tone) => [withTone('ô', tone), `o${withTone('a', tone)}`] as const),
  ['ị', 'ò'],
];

const CONFUSIONS = [...GLYPH_CONFUSIONS, ...FONT_CONFUSIONS];

/** Most damage a repair may assume: per invalid syllable, and per valid one. */
const MAX_COST_INVALID = 2;
const MAX_COST_VALID = 1;
/** Frequency lead a candidate needs when no neighbour vouches for it. */
const WEIGHT_LEAD = 3;
/** Syllables weighted this high are function words: valid ones are never second-guessed. */
const FUNCTION_WORD_WEIGHT = 100;
/** A syllable in at most two listed words: rare enough to be read as a function word one mark away. */
const RARE_WEIGHT = 8;
/**
 * The damage gate. A document is damaged when at least
 * {@link DAMAGED_DOCUMENT_SUSPECTS} of its syllables, and at least
 * {@link DAMAGED_DOCUMENT_RATE} of them, are suspect (invalid or unknown with
 * a one-mark valid reading). Clean administrative text has well under one
 * such syllable per thousand (names and loanwords aside, which do not
 * count); OCR output and broken fonts leave several per hundred.
 */
const DAMAGED_DOCUMENT_SUSPECTS = 3;
const DAMAGED_DOCUMENT_RATE = 1 / 1000;
/**
 * Regions: runs of whole lines of at least this many syllables. In a
 * damaged document a region is repaired unless it and its neighbours show
 * no suspect at all; in an otherwise clean one (a clean letter with a
 * scanned annex) a region is repaired when it and its neighbours hold
 * {@link DAMAGED_REGION_SUSPECTS} suspects at {@link DAMAGED_REGION_RATE}.
 */
const REGION_SYLLABLES = 200;
const DAMAGED_REGION_SUSPECTS = 3;
const DAMAGED_REGION_RATE = 5 / 1000;
/** Evidence (see {@link Evidence}) that lets a valid syllable be replaced by a rarer one. */
const STRONG_EVIDENCE = 2;
const MAX_SYLLABLE_LENGTH = 8;
const MAX_EXAMPLES = 5;
const MAX_PASSES = 4;

/** Each way `word` (lower case) could have been misread from something else, with its cost. */
export function confusionVariants(word: string): Map<string, number> {
  const variants = new Map<string, number>([[word, 0]]);
  for (const [seen, printed] of CONFUSIONS) {
    let at = word.indexOf(seen);
    while (at >= 0) {
      const variant = word.slice(0, at) + printed + word.slice(at + seen.length);
      if (!variants.has(variant)) variants.set(variant, 1);
      at = word.indexOf(seen, at + 1);
    }
  }
  return variants;
}

/** Tone change plus quality-mark changes between two words with the same skeleton. */
function diacriticDistance(a: string, b: string): number {
  let toneA = 0;
  let toneB = 0;
  let distance = 0;
  for (let i = 0; i < a.length; i++) {
    const infoA = letterInfo(a[i]!);
    const infoB = letterInfo(b[i]!);
    if (infoA === undefined || infoB === undefined) return Number.POSITIVE_INFINITY;
    if (infoA.tone !== 0) toneA = infoA.tone;
    if (infoB.tone !== 0) toneB = infoB.tone;
    if (infoA.base !== infoB.base) distance++;
  }
  return distance + (toneA === toneB ? 0 : 1);
}

/** Inventory syllables that `word` (lower case) may be a misreading of, with the damage each assumes. */
export function repairCandidates(word: string, lexicon: Lexicon, maxCost: number): Map<string, number> {
  const found = new Map<string, number>();
  for (const [variant, variantCost] of confusionVariants(word)) {
    const group = lexicon.bySkeleton.get(skeletonOf(variant));
    if (group === undefined) continue;
    for (const candidate of group) {
      if (candidate === word) continue;
      const cost = variantCost + diacriticDistance(variant, candidate);
      if (cost <= maxCost && cost < (found.get(candidate) ?? Number.POSITIVE_INFINITY))
        found.set(candidate, cost);
    }
  }
  return found;
}

/**
 * Caches per lexicon: texts repeat their vocabulary, so each distinct word is
 * analysed once. Invisible to callers (the lexicon is immutable); emptied
 * when it grows past a bound, so OCR garbage cannot make it grow for ever.
 */
interface Memo {
  lexicon: Lexicon;
  known: Map<string, boolean>;
  candidates: Map<string, Map<string, number>>;
  /** Per lower-case form. */
  words: Map<string, WordInfo>;
  /** Per token as written. */
  tokens: TokenTable;
  /** The lexicon's {@link SyllableIndex}, once asked for (it is built on first use). */
  index: SyllableIndex | undefined;
  /** Serial number of the next {@link WordInfo}. */
  nextSerial: number;
  /** Entries of every {@link WordInfo.pairsAround}, counted towards the memo's bound. */
  contexts: number;
}

/** What the lexicon says about a lower-case form, looked up once. */
interface WordInfo {
  word: string;
  /** Unique per memo: a key for pairs of forms, whatever they are. */
  serial: number;
  /** Id in the {@link SyllableIndex}, {@link NO_ID} for a form in no pair ({@link UNRESOLVED} until asked). */
  id: number;
  /** In the inventory and a valid syllable. */
  knownValid: boolean;
  weight: number | undefined;
  /** Some repair candidate assumes at most one change (undefined until asked). */
  lightlyDamaged: boolean | undefined;
  /** {@link candidatesOf} with the forms' infos, in candidate order (undefined until asked). */
  candidates: Candidate[] | undefined;
  /** Candidates up to {@link MAX_COST_VALID} (undefined until asked). */
  lightCandidates: WordInfo[] | undefined;
  /** {@link someLightCandidatePairs} by the neighbours' serials (undefined until asked). */
  pairsAround: Map<number, boolean> | undefined;
  /** {@link functionWordReading}, null for none (undefined until asked). */
  functionWordReading: Choice | null | undefined;
}

interface Candidate {
  info: WordInfo;
  cost: number;
}

/** A token as written: its lower-case form and the checks on its shape. */
interface TokenInfo {
  text: string;
  lower: WordInfo;
  editableShape: boolean;
  titleCase: boolean;
  /** `text === text.toLowerCase()`. */
  lowerCase: boolean;
  /** Only ASCII letters: no Vietnamese mark, as in loanwords, names and acronyms written in Latin script. */
  ascii: boolean;
  /** Starts with a capital letter. */
  capitalised: boolean;
  /** A lower-case Roman numeral ("iii"), which may number a list item. */
  lowerRoman: boolean;
  /** See {@link mayBeImplausible}. */
  mayBeImplausible: boolean;
}

/**
 * Tokens by the hash of their code units (open addressing, linear probing),
 * so a token already seen is found without slicing it out of the text.
 */
interface TokenTable {
  hashes: Int32Array;
  infos: (TokenInfo | undefined)[];
  size: number;
}

function tokenTable(capacity: number): TokenTable {
  return { hashes: new Int32Array(capacity), infos: new Array(capacity).fill(undefined), size: 0 };
}

const MEMO_LIMIT = 200_000;
const memos = new WeakMap<Lexicon, Memo>();

function memoFor(lexicon: Lexicon): Memo {
  let memo = memos.get(lexicon);
  if (
    memo === undefined ||
    memo.known.size + memo.candidates.size + memo.words.size + memo.tokens.size + memo.contexts > MEMO_LIMIT
  ) {
    memo = {
      lexicon,
      known: new Map(),
      candidates: new Map(),
      words: new Map(),
      tokens: tokenTable(4096),
      index: undefined,
      nextSerial: 0,
      contexts: 0,
    };
    memos.set(lexicon, memo);
  }
  return memo;
}

function isKnownValid(word: string, memo: Memo): boolean {
  let known = memo.known.get(word);
  if (known === undefined) {
    known = memo.lexicon.weights.has(word) && isValidSyllable(word);
    memo.known.set(word, known);
  }
  return known;
}

function candidatesOf(word: string, memo: Memo): Map<string, number> {
  let found = memo.candidates.get(word);
  if (found === undefined) {
    found = repairCandidates(word, memo.lexicon, MAX_COST_INVALID);
    memo.candidates.set(word, found);
  }
  return found;
}

function wordInfo(word: string, memo: Memo): WordInfo {
  let info = memo.words.get(word);
  if (info === undefined) {
    const { lexicon } = memo;
    info = {
      word,
      serial: memo.nextSerial++,
      id: UNRESOLVED,
      knownValid: isKnownValid(word, memo),
      weight: lexicon.weights.get(word),
      lightlyDamaged: undefined,
      candidates: undefined,
      lightCandidates: undefined,
      pairsAround: undefined,
      functionWordReading: undefined,
    };
    memo.words.set(word, info);
  }
  return info;
}

/** The token `text.slice(start, end)`, whose code units hash to `hash`; sliced only when new. */
function tokenInfo(text: string, start: number, end: number, hash: number, memo: Memo): TokenInfo {
  const table = memo.tokens;
  const { hashes, infos } = table;
  const mask = hashes.length - 1;
  let at = (hash ^ (hash >>> 16)) & mask;
  for (let info = infos[at]; info !== undefined; info = infos[at]) {
    if (hashes[at] === hash && isTextAt(info.text, text, start, end)) return info;
    at = (at + 1) & mask;
  }
  const word = text.slice(start, end);
  const lowerInfo = wordInfo(toLower(word), memo);
  const lower = lowerInfo.word;
  const info: TokenInfo = {
    text: word,
    lower: lowerInfo,
    editableShape: isEditableShape(word, lower),
    titleCase: isTitleCase(word),
    lowerCase: word === word.toLowerCase(),
    ascii: /^[A-Za-z]+$/.test(word),
    capitalised: word[0] !== word[0]!.toLowerCase(),
    lowerRoman: LOWER_ROMAN_NUMERAL.test(word),
    mayBeImplausible: isMaybeImplausible(word, lowerInfo),
  };
  hashes[at] = hash;
  infos[at] = info;
  table.size++;
  if (table.size * 2 > hashes.length) memo.tokens = grown(table);
  return info;
}

function grown(table: TokenTable): TokenTable {
  const bigger = tokenTable(table.hashes.length * 2);
  const mask = bigger.hashes.length - 1;
  for (let i = 0; i < table.hashes.length; i++) {
    const info = table.infos[i];
    if (info === undefined) continue;
    const hash = table.hashes[i]!;
    let at = (hash ^ (hash >>> 16)) & mask;
    while (bigger.infos[at] !== undefined) at = (at + 1) & mask;
    bigger.hashes[at] = hash;
    bigger.infos[at] = info;
  }
  bigger.size = table.size;
  return bigger;
}

function isTextAt(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) {
    if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  }
  return true;
}

function candidateInfosOf(info: WordInfo, memo: Memo): readonly Candidate[] {
  if (info.candidates === undefined) {
    const found: Candidate[] = [];
    for (const [syllable, cost] of candidatesOf(info.word, memo))
      found.push({ info: wordInfo(syllable, memo), cost });
    info.candidates = found;
  }
  return info.candidates;
}

// --- Syllable ids -------------------------------------------------------------

const UNRESOLVED = -2;
const NO_ID = -1;

function indexOf(memo: Memo): SyllableIndex {
  memo.index ??= memo.lexicon.syllableIndex;
  return memo.index;
}

function idOfInfo(info: WordInfo, memo: Memo): number {
  if (info.id === UNRESOLVED) info.id = indexOf(memo).ids.get(info.word) ?? NO_ID;
  return info.id;
}

/** The pair flags of `left right`; 0 when either is missing or the pair is unknown. */
function pairFlags(memo: Memo, left: WordInfo | undefined, right: WordInfo | undefined): number {
  if (left === undefined || right === undefined) return 0;
  const a = idOfInfo(left, memo);
  const b = idOfInfo(right, memo);
  if (a < 0 || b < 0) return 0;
  return pairFlagsOf(memo.index!, a, b);
}

/** `left right` is a pair of some known word or phrase (the lexicon's followers / leaders). */
function isAnyPair(memo: Memo, left: WordInfo | undefined, right: WordInfo | undefined): boolean {
  return (pairFlags(memo, left, right) & ANY_PAIR) !== 0;
}

function isTriple(
  memo: Memo,
  a: WordInfo | undefined,
  b: WordInfo | undefined,
  c: WordInfo | undefined,
): boolean {
  if (a === undefined || b === undefined || c === undefined) return false;
  const ia = idOfInfo(a, memo);
  const ib = idOfInfo(b, memo);
  const ic = idOfInfo(c, memo);
  if (ia < 0 || ib < 0 || ic < 0) return false;
  return isTripleOf(memo.index!, ia, ib, ic);
}

function isLightlyDamaged(info: WordInfo, memo: Memo): boolean {
  if (info.lightlyDamaged === undefined) {
    info.lightlyDamaged = false;
    for (const cost of candidatesOf(info.word, memo).values()) {
      if (cost > 1) continue;
      info.lightlyDamaged = true;
      break;
    }
  }
  return info.lightlyDamaged;
}

// --- The text as slots ------------------------------------------------------

const EDITABLE = 1;
const LINKED_TO_PREVIOUS = 2;
const LINKED_TO_NEXT = 4;
/** The first slot, or one after a line break. */
const STARTS_LINE = 8;
const UNKNOWN_PAIR = -1;
const EMPTY_PAIRS = new Int8Array(0);

/** The letter runs of the text (parallel arrays) and what the repair makes of them. */
interface Slots {
  count: number;
  start: Int32Array;
  end: Int32Array;
  token: TokenInfo[];
  /** Current lower-case form (changes as repairs are made); empty until {@link withCurrent}. */
  current: WordInfo[];
  /** Per slot: it and the next form a known pair as they read now (1, 0; {@link UNKNOWN_PAIR} until asked). */
  pairsWithNext: Int8Array;
  /** {@link EDITABLE}, {@link LINKED_TO_PREVIOUS}, {@link LINKED_TO_NEXT}, {@link STARTS_LINE}. */
  flags: Uint8Array;
  /** Why the slot was changed, by slot. */
  reason: Map<number, string>;
  /** How often each pair of linked words occurs in the text as written (lower case); built on demand. */
  bigrams?: Bigrams;
}

const ROMAN_NUMERAL = /^[IVXLC]+$/;
const DIGIT = /\p{N}/u;
const ALNUM = /[\p{L}\p{N}]/u;
const CLASS_TABLE_SIZE = 0x3000;
const IS_DIGIT = 1;
const IS_ALNUM = 2;
const IS_JOINER = 4;
const IS_JOINER_IF_BETWEEN = 8;

/** Character classes below U+3000, looked up instead of matched. */
const CHAR_CLASS = (() => {
  const table = new Uint8Array(CLASS_TABLE_SIZE);
  for (let code = 0; code < CLASS_TABLE_SIZE; code++) {
    const char = String.fromCharCode(code);
    if (DIGIT.test(char)) table[code]! |= IS_DIGIT;
    if (ALNUM.test(char)) table[code]! |= IS_ALNUM;
  }
  for (const char of '/\\_@&') table[char.charCodeAt(0)]! |= IS_JOINER;
  for (const char of "-.'’") table[char.charCodeAt(0)]! |= IS_JOINER_IF_BETWEEN;
  return table;
})();

/** Classes of the code unit at `i`; outside the text it counts as a space. */
function classAt(text: string, i: number): number {
  if (i < 0 || i >= text.length) return 0;
  const code = text.charCodeAt(i);
  if (code < CLASS_TABLE_SIZE) return CHAR_CLASS[code]!;
  const char = String.fromCharCode(code);
  return (DIGIT.test(char) ? IS_DIGIT : 0) | (ALNUM.test(char) ? IS_ALNUM : 0);
}

/** Characters around the token that make it part of a code, number or address (57-KL/TW, TH5, b/c). */
function isJoinedToCode(text: string, start: number, end: number): boolean {
  const before = classAt(text, start - 1);
  const after = classAt(text, end);
  if (((before | after) & (IS_DIGIT | IS_JOINER)) !== 0) return true;
  if ((before & IS_JOINER_IF_BETWEEN) !== 0 && (classAt(text, start - 2) & IS_ALNUM) !== 0) return true;
  return (after & IS_JOINER_IF_BETWEEN) !== 0 && (classAt(text, end + 1) & IS_ALNUM) !== 0;
}

const LOWER_ROMAN_NUMERAL = /^[ivx]+$/;

/** A lower-case Roman numeral marking a list item: "(iii)", "ii)". */
function isListNumeral(text: string, end: number, token: TokenInfo): boolean {
  // Both forms close with ")".
  return token.lowerRoman && text.charCodeAt(end) === 41 /* ")" */;
}

function isEditableShape(word: string, lower: string): boolean {
  if (word.length < 2 || word.length > MAX_SYLLABLE_LENGTH) return false;
  if (word === lower) return true;
  return !ROMAN_NUMERAL.test(word) && (isTitleCase(word) || isAllCaps(word));
}

/** The typed arrays of {@link Slots}, kept for the next document once one is done with them. */
interface SlotBuffers {
  start: Int32Array;
  end: Int32Array;
  flags: Uint8Array;
}

/** Slots live only while their text is repaired, so their buffers are reused (up to a size). */
const freeBuffers: SlotBuffers[] = [];
const MAX_POOLED_CAPACITY = 1 << 18;

function buffersFor(capacity: number): SlotBuffers {
  for (let k = freeBuffers.length - 1; k >= 0; k--)
    if (freeBuffers[k]!.start.length >= capacity) return freeBuffers.splice(k, 1)[0]!;
  let size = capacity;
  if (capacity <= MAX_POOLED_CAPACITY) {
    size = 1024;
    while (size < capacity) size *= 2;
  }
  return { start: new Int32Array(size), end: new Int32Array(size), flags: new Uint8Array(size) };
}

function release(slots: Slots): void {
  if (slots.bigrams !== undefined && slots.bigrams.places.length <= MAX_SPARE_PLACES)
    spareBigrams = slots.bigrams;
  if (slots.start.length <= MAX_POOLED_CAPACITY && freeBuffers.length < 2)
    freeBuffers.push({ start: slots.start, end: slots.end, flags: slots.flags });
}

function toSlots(text: string, memo: Memo): Slots {
  const length = text.length;
  // Letter runs are separated, so there are at most half as many as characters (rounded up).
  const { start: starts, end: ends, flags } = buffersFor((length + 1) >>> 1);
  const tokens: TokenInfo[] = [];
  let count = 0;
  // What lies between the previous letter run and this one: only whitespace, a line break.
  let gapIsWhitespace = true;
  let gapHasLineBreak = false;
  for (let start = 0; start < length; start++) {
    let code = text.charCodeAt(start);
    if (code < TABLE_SIZE ? LETTER_TABLE[code] !== 1 : !isLetterAt(text, start)) {
      if (code === 10) gapHasLineBreak = true;
      else if (code !== 32 && code !== 13 && code !== 9 && code !== 0xa0) gapIsWhitespace = false;
      continue;
    }
    // The letter run (as letterRunEnd), hashing its code units on the way.
    let end = start;
    let hash = 0;
    for (;;) {
      if (code < TABLE_SIZE) {
        if (LETTER_TABLE[code] !== 1) break;
        hash = (Math.imul(hash, 31) + code) | 0;
        end++;
      } else {
        if (!isLetterAt(text, end)) break;
        hash = (Math.imul(hash, 31) + code) | 0;
        end++;
        if (code < 0xdc00 && code >= 0xd800) {
          hash = (Math.imul(hash, 31) + text.charCodeAt(end)) | 0;
          end++;
        }
      }
      if (end >= length) break;
      code = text.charCodeAt(end);
    }
    const token = tokenInfo(text, start, end, hash, memo);
    let flag = count === 0 || gapHasLineBreak ? STARTS_LINE : 0;
    if (count > 0 && gapIsWhitespace) {
      flag |= LINKED_TO_PREVIOUS;
      flags[count - 1]! |= LINKED_TO_NEXT;
    }
    if (token.editableShape && !isJoinedToCode(text, start, end) && !isListNumeral(text, end, token))
      flag |= EDITABLE;
    starts[count] = start;
    ends[count] = end;
    flags[count] = flag;
    tokens.push(token);
    count++;
    // The code unit at `end` ends the run: it belongs to the next gap.
    gapIsWhitespace = true;
    gapHasLineBreak = false;
    start = end - 1;
  }
  return {
    count,
    start: starts,
    end: ends,
    token: tokens,
    current: [],
    pairsWithNext: EMPTY_PAIRS,
    flags,
    reason: new Map(),
  };
}

// --- Names, loanwords and acronyms -----------------------------------------

function isLinkedCapitalised(slots: Slots, from: number, to: number): boolean {
  return to >= 0 && to < slots.count && slots.token[to]!.capitalised && linked(slots, from, to);
}

function linked(slots: Slots, from: number, to: number): boolean {
  const flags = slots.flags[from]!;
  return to === from - 1 ? (flags & LINKED_TO_PREVIOUS) !== 0 : (flags & LINKED_TO_NEXT) !== 0;
}

/** A token in Latin script that is no Vietnamese syllable and no light misreading of one ("Foundation", "SpaceX"). */
function isForeignToken(token: TokenInfo, memo: Memo): boolean {
  if (!token.ascii || token.lower.knownValid) return false;
  if (/[fjwz]/.test(token.lower.word)) return true;
  return !isLightlyDamaged(token.lower, memo);
}

/**
 * Whether slot `i` belongs to a run of capitalised words with a foreign
 * word in it ("Viet Nam Foundation", "Tập đoàn SpaceX"): a name in another
 * language, left as written.
 */
function inForeignName(slots: Slots, i: number, memo: Memo): boolean {
  if (!slots.token[i]!.capitalised) return false;
  let from = i;
  while (isLinkedCapitalised(slots, from, from - 1)) from--;
  let to = i;
  while (isLinkedCapitalised(slots, to, to + 1)) to++;
  if (from === to) return isForeignToken(slots.token[i]!, memo) && !slots.token[i]!.lowerCase;
  for (let j = from; j <= to; j++) if (isForeignToken(slots.token[j]!, memo)) return true;
  return false;
}

/** A title-case word next to another: part of a name ("Tô Lâm", "Nguyễn Văn An"). */
function isProperName(slots: Slots, i: number): boolean {
  if (!slots.token[i]!.titleCase) return false;
  const flags = slots.flags[i]!;
  return (
    ((flags & LINKED_TO_PREVIOUS) !== 0 && slots.token[i - 1]!.titleCase) ||
    ((flags & LINKED_TO_NEXT) !== 0 && slots.token[i + 1]!.titleCase)
  );
}

/** An acronym written in capitals without Vietnamese marks (IUU, KHCN), outside an all-caps heading. */
function isAcronym(slots: Slots, i: number): boolean {
  const token = slots.token[i]!;
  return token.ascii && !token.lowerCase && !token.titleCase && !inCapsContext(slots, i);
}

// --- Decisions --------------------------------------------------------------

/** The current lower-case forms of up to two linked neighbours on each side. */
interface Context {
  before2: WordInfo | undefined;
  before: WordInfo | undefined;
  after: WordInfo | undefined;
  after2: WordInfo | undefined;
}

/**
 * The neighbour of `i` at `j` as evidence may read it: a lower-case word
 * takes no evidence from a name ("Tô Lâm thăm" says nothing of "thăm").
 */
function neighbourOf(slots: Slots, i: number, j: number): WordInfo | undefined {
  if (!linked(slots, i, j)) return undefined;
  if (slots.token[i]!.lowerCase && isProperName(slots, j)) return undefined;
  return slots.current[j]!;
}

function contextOf(slots: Slots, i: number): Context {
  const before = neighbourOf(slots, i, i - 1);
  const after = neighbourOf(slots, i, i + 1);
  return {
    before,
    after,
    before2: before === undefined ? undefined : neighbourOf(slots, i - 1, i - 2),
    after2: after === undefined ? undefined : neighbourOf(slots, i + 1, i + 2),
  };
}

/** What the lexicon says for `syllable` standing between its neighbours. */
interface Evidence {
  /** The first known word or phrase it would form (triples first, then the pair before, the pair after). */
  firstWord: readonly WordInfo[] | undefined;
  /** Any pair or triple. */
  any: number;
  /**
   * Triples, and word pairs with a neighbour that is not already part of a
   * word on its other side ("dự báo cao" gives "cao" no claim to "báo").
   */
  strong: number;
  /** Pairs from the genre's own word list (the likelier reading where two are known). */
  genre: number;
}

/**
 * A pair with a function word ("tất là", "không dưng") is weak evidence:
 * function words stand next to anything, so a listed pair with one says
 * little unless the genre's own list has it ("đổi mới").
 */
function addPairEvidence(
  evidence: Evidence,
  memo: Memo,
  left: WordInfo,
  right: WordInfo,
  neighbour: WordInfo,
  neighbourIsFree: boolean,
): void {
  const flags = pairFlags(memo, left, right);
  const isWordPair = (flags & WORD_PAIR) !== 0;
  if (!isWordPair && (flags & PHRASE_PAIR) === 0) return;
  evidence.firstWord ??= [left, right];
  evidence.any += 1;
  const isGenrePair = (flags & GENRE_PAIR) !== 0;
  if (isGenrePair) evidence.genre += 1;
  const withFunctionWord = (neighbour.weight ?? 0) >= FUNCTION_WORD_WEIGHT;
  if (isWordPair && neighbourIsFree && (isGenrePair || !withFunctionWord)) evidence.strong += 1;
}

function addTripleEvidence(
  evidence: Evidence,
  memo: Memo,
  a: WordInfo | undefined,
  b: WordInfo | undefined,
  c: WordInfo | undefined,
): void {
  if (!isTriple(memo, a, b, c)) return;
  evidence.firstWord ??= [a!, b!, c!];
  evidence.any += 2;
  evidence.strong += 2;
}

function evidenceFor(syllable: WordInfo, context: Context, memo: Memo): Evidence {
  const { before2, before, after, after2 } = context;
  const evidence: Evidence = { firstWord: undefined, any: 0, strong: 0, genre: 0 };
  addTripleEvidence(evidence, memo, before2, before, syllable);
  addTripleEvidence(evidence, memo, before, syllable, after);
  addTripleEvidence(evidence, memo, syllable, after, after2);
  if (before !== undefined)
    addPairEvidence(evidence, memo, before, syllable, before, !isAnyPair(memo, before2, before));
  if (after !== undefined)
    addPairEvidence(evidence, memo, syllable, after, after, !isAnyPair(memo, after, after2));
  return evidence;
}

/** The text of {@link Evidence.firstWord} ("ngoại giao"). */
const firstWordOf = (evidence: Evidence): string => evidence.firstWord!.map((info) => info.word).join(' ');

interface Choice {
  syllable: string;
  reason: string;
}

interface Scored {
  syllable: string;
  info: WordInfo;
  cost: number;
  score: number;
  evidence: Evidence;
  weight: number;
}

/** Best by (score, -cost, genre words, weight); undefined when the runner-up is as good. */
function clearWinner(scored: Scored[]): Scored | undefined {
  scored.sort(
    (a, b) =>
      b.score - a.score || a.cost - b.cost || b.evidence.genre - a.evidence.genre || b.weight - a.weight,
  );
  const [best, second] = scored;
  if (best === undefined) return undefined;
  if (second === undefined) return best;
  if (best.score !== second.score || best.cost !== second.cost) return best;
  if (best.evidence.genre !== second.evidence.genre) return best;
  return best.weight >= WEIGHT_LEAD * second.weight ? best : undefined;
}

/**
 * Candidates of `word` up to `maxCost`, scored by their `any` evidence, or,
 * if `pairedOnly`, only those pairing with a neighbour, by their `strong` evidence.
 */
function scoreCandidates(
  word: WordInfo,
  context: Context,
  memo: Memo,
  maxCost: number,
  pairedOnly: boolean,
): Scored[] {
  const scored: Scored[] = [];
  for (const { info, cost } of candidateInfosOf(word, memo)) {
    if (cost > maxCost || (pairedOnly && !pairsWithNeighbour(memo, info, context))) continue;
    const evidence = evidenceFor(info, context, memo);
    scored.push({
      syllable: info.word,
      info,
      cost,
      evidence,
      score: pairedOnly ? evidence.strong : evidence.any,
      weight: info.weight ?? 1,
    });
  }
  return scored;
}

/** `syllable` is known to follow the syllable before, or to precede the one after. */
function pairsWithNeighbour(memo: Memo, syllable: WordInfo, context: Context): boolean {
  return isAnyPair(memo, context.before, syllable) || isAnyPair(memo, syllable, context.after);
}

/**
 * A repair for an invalid or unknown syllable, if one stands out. A word in
 * Latin script without Vietnamese marks ("chip", "Viet") may be a loanword
 * or a name: it needs a neighbour's word, never frequency alone.
 */
function repairInvalid(word: WordInfo, context: Context, memo: Memo, token: TokenInfo): Choice | undefined {
  const winner = clearWinner(scoreCandidates(word, context, memo, MAX_COST_INVALID, false));
  if (winner === undefined) return undefined;
  const valid = isValidSyllable(word.word);
  const why = valid ? 'not a known syllable' : 'not a valid syllable';
  if (winner.score > 0)
    return { syllable: winner.syllable, reason: `${why}; "${firstWordOf(winner.evidence)}" is a known word` };
  // Without a neighbour's word, only a lightly damaged lower-case token with Vietnamese marks
  // gets its most frequent reading: capitalised ones may be names or acronyms, unmarked ones
  // loanwords.
  if (!token.lowerCase || token.ascii || winner.cost > 1) return undefined;
  return { syllable: winner.syllable, reason: `${why}; the most frequent close syllable` };
}

/**
 * A repair for a valid syllable that forms no known word, if a one-mark
 * reading does; a reading rarer than the syllable itself needs more than
 * one word's evidence (a triple, or words on both sides) or a word of the
 * genre's own list.
 */
function repairOrphan(
  slots: Slots,
  i: number,
  info: WordInfo,
  context: Context,
  memo: Memo,
): Choice | undefined {
  // Only a candidate that pairs with a neighbour can have evidence (every triple's pairs are listed too).
  if (!someLightCandidatePairs(info, context, memo)) return functionWordReadingOf(info, memo);
  const scored = scoreCandidates(info, context, memo, MAX_COST_VALID, true);
  const winner = clearWinner(scored.filter((s) => s.score > 0));
  if (winner === undefined) return functionWordReadingOf(info, memo);
  const rarer = winner.weight <= (info.weight ?? 1);
  if (rarer && winner.score < STRONG_EVIDENCE && winner.evidence.genre === 0) return undefined;
  if (isTheDocumentsUsage(slots, i, winner.info)) return undefined;
  const around = [context.before?.word, info.word, context.after?.word]
    .filter((s) => s !== undefined)
    .join(' ');
  return {
    syllable: winner.syllable,
    reason: `"${around}" forms no known word; "${firstWordOf(winner.evidence)}" is a known word`,
  };
}

/**
 * OCR damage is sporadic, an author's wording is not: a pair of words that
 * recurs as written ("gọi tắt là" in every definition) while the repaired
 * pair never occurs is the document's usage, not a misreading.
 */
function isTheDocumentsUsage(slots: Slots, i: number, candidate: WordInfo): boolean {
  const bigrams = bigramsOf(slots);
  const word = slots.token[i]!.lower;
  const check = (left: WordInfo, right: WordInfo, repairedLeft: WordInfo, repairedRight: WordInfo) =>
    bigramCount(bigrams, left, right) >= 2 && bigramCount(bigrams, repairedLeft, repairedRight) === 0;
  if (linked(slots, i, i - 1)) {
    const before = slots.token[i - 1]!.lower;
    if (check(before, word, before, candidate)) return true;
  }
  if (linked(slots, i, i + 1)) {
    const after = slots.token[i + 1]!.lower;
    if (check(word, after, candidate, after)) return true;
  }
  return false;
}

/** Counts of pairs of forms, keyed by their serials (the third key unused). */
type Bigrams = IdTable;

function bigramCount(bigrams: Bigrams, left: WordInfo, right: WordInfo): number {
  return tableValue(bigrams, left.serial, right.serial, -1);
}

/** A bigram table no document uses any more (documents repeat their size, so it usually fits the next). */
let spareBigrams: Bigrams | undefined;
const MAX_SPARE_PLACES = 1 << 20;

function spareTable(entries: number): Bigrams {
  const spare = spareBigrams;
  spareBigrams = undefined;
  if (spare === undefined || !hasRoomFor(spare, entries)) return idTable(entries);
  clearTable(spare);
  return spare;
}

function bigramsOf(slots: Slots): Bigrams {
  if (slots.bigrams === undefined) {
    let linkedPairs = 0;
    for (let i = 1; i < slots.count; i++) if ((slots.flags[i]! & LINKED_TO_PREVIOUS) !== 0) linkedPairs++;
    const bigrams = spareTable(linkedPairs);
    for (let i = 1; i < slots.count; i++) {
      if ((slots.flags[i]! & LINKED_TO_PREVIOUS) === 0) continue;
      increment(bigrams, slots.token[i - 1]!.lower.serial, slots.token[i]!.lower.serial, -1);
    }
    slots.bigrams = bigrams;
  }
  return slots.bigrams;
}

function functionWordReadingOf(info: WordInfo, memo: Memo): Choice | undefined {
  if (info.functionWordReading === undefined)
    info.functionWordReading = functionWordReading(info.word, memo) ?? null;
  return info.functionWordReading ?? undefined;
}

/**
 * Function words form few listed words, so a damaged "của" or "về" finds no
 * neighbour to vouch for it; a rare syllable (in at most two listed words)
 * one mark away from exactly one function word is taken as that word.
 */
function functionWordReading(word: string, memo: Memo): Choice | undefined {
  const { weights } = memo.lexicon;
  if ((weights.get(word) ?? 1) > RARE_WEIGHT) return undefined;
  const functionWords = [...candidatesOf(word, memo)].filter(
    ([syllable, cost]) => cost === 1 && (weights.get(syllable) ?? 0) >= FUNCTION_WORD_WEIGHT,
  );
  if (functionWords.length !== 1) return undefined;
  const [[syllable]] = functionWords as [[string, number]];
  return {
    syllable,
    reason: `a rare syllable that forms no known word; "${syllable}" is a frequent function word`,
  };
}

/** Candidates a valid syllable may be repaired to (at most {@link MAX_COST_VALID}), in candidate order. */
/** Two serials below this make one small integer key. */
const SERIAL_LIMIT = 2 ** 15;

/**
 * Whether a light candidate of `info` pairs with the syllable before or after
 * it; asked once per distinct (before, syllable, after), since orphans recur.
 */
function someLightCandidatePairs(info: WordInfo, context: Context, memo: Memo): boolean {
  const { before, after } = context;
  const beforeKey = (before?.serial ?? -1) + 1;
  const afterKey = (after?.serial ?? -1) + 1;
  // Keys are small integers (no boxed numbers); neighbours of serials too large for one are not memoised.
  if (beforeKey >= SERIAL_LIMIT || afterKey >= SERIAL_LIMIT)
    return lightCandidatesOf(info, memo).some((syllable) => pairsWithNeighbour(memo, syllable, context));
  const key = beforeKey * SERIAL_LIMIT + afterKey;
  info.pairsAround ??= new Map();
  let pairs = info.pairsAround.get(key);
  if (pairs === undefined) {
    pairs = lightCandidatesOf(info, memo).some((syllable) => pairsWithNeighbour(memo, syllable, context));
    info.pairsAround.set(key, pairs);
    memo.contexts++;
  }
  return pairs;
}

function lightCandidatesOf(info: WordInfo, memo: Memo): readonly WordInfo[] {
  if (info.lightCandidates === undefined) {
    const light: WordInfo[] = [];
    for (const candidate of candidateInfosOf(info, memo))
      if (candidate.cost <= MAX_COST_VALID) light.push(candidate.info);
    info.lightCandidates = light;
  }
  return info.lightCandidates;
}

/** Whether slot `i` and the next form a known pair, as they read now; cached until either changes. */
function pairsWithNext(slots: Slots, i: number, memo: Memo): boolean {
  const cached = slots.pairsWithNext[i]!;
  if (cached !== UNKNOWN_PAIR) return cached === 1;
  const pairs = isAnyPair(memo, slots.current[i], slots.current[i + 1]);
  slots.pairsWithNext[i] = pairs ? 1 : 0;
  return pairs;
}

function decide(slots: Slots, i: number, memo: Memo): Choice | undefined {
  const current = slots.current[i]!;
  const token = slots.token[i]!;
  const flags = slots.flags[i]!;
  // Most syllables form a known word with a neighbour: that says "leave it" before anything else is asked
  // (every triple's pairs are listed too, so no pair means no evidence at all).
  if (
    current.knownValid &&
    (((flags & LINKED_TO_PREVIOUS) !== 0 && pairsWithNext(slots, i - 1, memo)) ||
      ((flags & LINKED_TO_NEXT) !== 0 && pairsWithNext(slots, i, memo)))
  )
    return undefined;
  if (isAcronym(slots, i) || inForeignName(slots, i, memo)) return undefined;
  if (!current.knownValid) return repairInvalid(current, contextOf(slots, i), memo, token);
  const before = (flags & LINKED_TO_PREVIOUS) !== 0 ? slots.current[i - 1] : undefined;
  const after = (flags & LINKED_TO_NEXT) !== 0 ? slots.current[i + 1] : undefined;
  const hasNeighbour = before?.knownValid === true || after?.knownValid === true;
  if (!hasNeighbour) return undefined;
  if ((current.weight ?? 0) >= FUNCTION_WORD_WEIGHT || isProperName(slots, i)) return undefined;
  return repairOrphan(slots, i, current, contextOf(slots, i), memo);
}

/** Upper-case a repair inside an all-caps heading ("NHIỆM yụ" → "NHIỆM VỤ"). */
function inCapsContext(slots: Slots, i: number): boolean {
  // Heading words, not acronyms: "NHIỆM yụ" is a heading, "UBND yà HĐND" is not.
  const caps = (j: number) => {
    const text = slots.token[j]?.text;
    return text !== undefined && text.length > 1 && isAllCaps(text) && isValidSyllable(text);
  };
  const flags = slots.flags[i]!;
  const linkedToPrevious = (flags & LINKED_TO_PREVIOUS) !== 0;
  const linkedToNext = (flags & LINKED_TO_NEXT) !== 0;
  const previous = linkedToPrevious && caps(i - 1);
  const next = linkedToNext && caps(i + 1);
  return (previous || next) && (!linkedToPrevious || previous) && (!linkedToNext || next);
}

// --- Words split by spaces ----------------------------------------------------

/**
 * Scans split the letters of a word with spaces ("L iên h i ệ p", "B AN",
 * "Ng o ại giao"). A run of short pieces on one line is joined when the
 * joined form is a known syllable and the pieces cannot stand as they are:
 * a piece that is no known syllable ("L", "ng", "ệp"), or a lone vowel that
 * is a rare syllable and forms no word with its neighbours ("hộ i"). One
 * such piece needs evidence (the joined syllable forms a known word with a
 * neighbour: "ngoại giao"); two or more are evidence enough. Valid
 * sequences ("đi ăn", "o ép"), list letters, Roman numerals and initials
 * never qualify: they join into no syllable, or stand as they are.
 */
const MAX_PIECE_LENGTH = 5;
const MAX_PIECES = 7;

/** Slots `first`..`last` (inclusive) read as one word. */
interface SplitWord {
  first: number;
  last: number;
  /** The pieces as written, with their spaces ("Ng o ại"). */
  written: string;
  /** The joined word as written ("Ngoại"). */
  text: string;
  word: WordInfo;
  reason: string;
}

/** One or two spaces or tabs, nothing else: the gap between pieces of one printed word. */
function isSpaceGap(text: string, slots: Slots, i: number): boolean {
  if ((slots.flags[i]! & LINKED_TO_NEXT) === 0) return false;
  const from = slots.end[i]!;
  const to = slots.start[i + 1]!;
  if (to - from > 2) return false;
  for (let k = from; k < to; k++) {
    const code = text.charCodeAt(k);
    if (code !== 32 && code !== 9) return false;
  }
  return true;
}

function isPiece(text: string, slots: Slots, i: number): boolean {
  const start = slots.start[i]!;
  const end = slots.end[i]!;
  return (
    end - start <= MAX_PIECE_LENGTH &&
    !isJoinedToCode(text, start, end) &&
    !isListNumeral(text, end, slots.token[i]!)
  );
}

/** A piece that cannot be read as it stands (see {@link splitWords}). */
function isImplausiblePiece(slots: Slots, i: number, memo: Memo): boolean {
  const token = slots.token[i]!;
  if (!token.lower.knownValid) return true;
  // A rare syllable, or a lone vowel short of a function word ("i", "y", "ủ"), standing in no known word.
  if (!mayBeImplausible(token)) return false;
  const word = token.lower;
  if (linked(slots, i, i - 1) && isAnyPair(memo, slots.token[i - 1]!.lower, word)) return false;
  return !(linked(slots, i, i + 1) && isAnyPair(memo, word, slots.token[i + 1]!.lower));
}

/** The pieces `first`..`last` joined, if they can spell one word in one case pattern. */
function joinedPieces(slots: Slots, first: number, last: number): string | undefined {
  let joined = '';
  for (let i = first; i <= last; i++) joined += slots.token[i]!.text;
  if (joined === joined.toLowerCase() || isTitleCase(joined)) return joined;
  // Capitals throughout ("B AN"), but never a Roman numeral ("II I", "V I").
  if (!isAllCaps(joined) || ROMAN_NUMERAL.test(joined)) return undefined;
  for (let i = first; i <= last; i++) if (!isAllCaps(slots.token[i]!.text)) return undefined;
  return joined;
}

/** A capitalised word next to the pieces that is an upper-case syllable: a heading, not an acronym. */
function hasCapsNeighbour(slots: Slots, first: number, last: number): boolean {
  const caps = (j: number) => {
    const text = slots.token[j]!.text;
    return text.length > 1 && isAllCaps(text) && slots.token[j]!.lower.knownValid;
  };
  return (
    (linked(slots, first, first - 1) && caps(first - 1)) || (linked(slots, last, last + 1) && caps(last + 1))
  );
}

/**
 * The chains of pieces in `text` that may hold a word split by spaces,
 * cheaply (no pair lookups): what they hold is read only if the damage gate
 * could be swayed by it (see {@link assessDamage}).
 */
function splitChains(text: string, slots: Slots, memo: Memo): Chain[] {
  const found: Chain[] = [];
  let i = 0;
  while (i < slots.count) {
    // Chains are only read around a piece that may not stand (rare in clean text: acronyms, rare syllables).
    if (!mayBeImplausible(slots.token[i]!) || !isPiece(text, slots, i)) {
      i++;
      continue;
    }
    let from = i;
    while (from > 0 && isSpaceGap(text, slots, from - 1) && isPiece(text, slots, from - 1)) from--;
    let to = i + 1;
    while (to < slots.count && isSpaceGap(text, slots, to - 1) && isPiece(text, slots, to)) to++;
    if (to - from >= 2) {
      const chain = chainOf(slots, from, to, memo);
      if (chain !== undefined) found.push(chain);
    }
    i = to;
  }
  return found;
}

/** What {@link isImplausiblePiece} may say yes to, without looking at the neighbours. */
function mayBeImplausible(token: TokenInfo): boolean {
  return token.mayBeImplausible;
}

function isMaybeImplausible(word: string, lower: WordInfo): boolean {
  if (!lower.knownValid) return true;
  return (lower.weight ?? 0) <= (word.length === 1 ? FUNCTION_WORD_WEIGHT - 1 : RARE_WEIGHT);
}

/** A way to read pieces `s`..`k - 1` of a chain as one known syllable. */
interface Window {
  s: number;
  k: number;
  joined: string;
  word: WordInfo;
  /** Implausible pieces it absorbs. */
  implausible: number;
  /** One of them is a lower-case piece without a vowel ("s ố", "n à y"): no syllable at all. */
  bareConsonant: boolean;
}

/** Syllables this frequent, spelled by a bare consonant and a syllable, need no neighbour's word. */
const FREQUENT_WEIGHT = 80;

function hasVowel(piece: string): boolean {
  for (const char of piece) if (letterInfo(char.toLowerCase())?.isVowel === true) return true;
  return false;
}

/** Slots `from`..`to - 1` and the known syllables their pieces can spell. */
interface Chain {
  from: number;
  to: number;
  /** Per piece: it cannot stand (at first: it may not). */
  implausible: boolean[];
  windowsEndingAt: Window[][];
  /** Most split words the chain can hold: pieces that may not stand inside some window. */
  bound: number;
}

function chainOf(slots: Slots, from: number, to: number, memo: Memo): Chain | undefined {
  const n = to - from;
  // First what may not stand (cheap); whether it stands in no known word is asked only where a window needs it.
  const implausible: boolean[] = [];
  for (let k = 0; k < n; k++) implausible.push(mayBeImplausible(slots.token[from + k]!));
  // Windows by their end k: every known syllable the pieces can spell that absorbs an implausible one.
  // Most chains have none, so the arrays are made for the first.
  let windowsEndingAt: Window[][] | undefined;
  let inWindow: Uint8Array | undefined;
  for (let k = 2; k <= n; k++) {
    let letters = slots.end[from + k - 1]! - slots.start[from + k - 1]!;
    for (let s = k - 2; s >= 0 && k - s <= MAX_PIECES; s--) {
      letters += slots.end[from + s]! - slots.start[from + s]!;
      if (letters > MAX_SYLLABLE_LENGTH) break;
      let count = 0;
      for (let j = s; j < k; j++) if (implausible[j]) count++;
      if (count === 0) continue;
      const joined = joinedPieces(slots, from + s, from + k - 1);
      if (joined === undefined) continue;
      const word = wordInfo(toLower(joined), memo);
      if (!word.knownValid) continue;
      if (isAllCaps(joined) && !hasCapsNeighbour(slots, from + s, from + k - 1)) continue;
      windowsEndingAt ??= Array.from({ length: n + 1 }, () => []);
      inWindow ??= new Uint8Array(n);
      windowsEndingAt[k]!.push({ s, k, joined, word, implausible: count, bareConsonant: false });
      inWindow.fill(1, s, k);
    }
  }
  if (windowsEndingAt === undefined || inWindow === undefined) return undefined;
  let bound = 0;
  for (let k = 0; k < n; k++) if (implausible[k] && inWindow[k] === 1) bound++;
  return { from, to, implausible, windowsEndingAt, bound };
}

/**
 * The best reading of a chain of pieces: each piece stands alone or joins
 * its neighbours into a known syllable. Best is the fewest implausible
 * pieces left, then the fewest words not vouched for by a known word with
 * the one before, then the fewest words, then the most frequent. A join
 * without enough evidence in that reading, or one that leaves a piece that
 * cannot stand beside it, is ruled out and the chain read again.
 */
function splitsInChain(text: string, slots: Slots, chain: Chain, memo: Memo): SplitWord[] {
  const { from, to, implausible, windowsEndingAt } = chain;
  const n = to - from;
  for (let k = 0; k < n; k++) if (implausible[k]) implausible[k] = isImplausiblePiece(slots, from + k, memo);
  for (const windows of windowsEndingAt) {
    for (let at = windows.length - 1; at >= 0; at--) {
      const w = windows[at]!;
      let count = 0;
      let bareConsonant = false;
      for (let j = w.s; j < w.k; j++) {
        if (!implausible[j]) continue;
        count++;
        const piece = slots.token[from + j]!.text;
        bareConsonant ||= piece === piece.toLowerCase() && !hasVowel(piece);
      }
      if (count === 0) windows.splice(at, 1);
      else Object.assign(w, { implausible: count, bareConsonant });
    }
  }
  const before = linked(slots, from, from - 1) ? slots.token[from - 1]!.lower : undefined;
  const after = linked(slots, to - 1, to) ? slots.token[to]!.lower : undefined;
  const forbidden = new Set<Window>();
  for (let attempt = 0; attempt < n; attempt++) {
    const reading = bestReading(slots, from, n, implausible, windowsEndingAt, forbidden, memo);
    // Words of the reading, with the chain's outer neighbours, for the evidence check.
    const words = [before, ...reading.map((r) => r.info), after];
    const out: SplitWord[] = [];
    let ruledOut = false;
    reading.forEach((r, index) => {
      const w = r.window;
      if (w === undefined) return;
      const word = w.word.word;
      const left = words[index];
      const right = words[index + 2];
      const pairsLeft = isAnyPair(memo, left, w.word);
      const pairsRight = isAnyPair(memo, w.word, right);
      const known = pairsLeft ? `${left!.word} ${word}` : pairsRight ? `${word} ${right!.word}` : undefined;
      const weight = w.word.weight ?? 0;
      // A piece that cannot stand left next to the join: the word is split elsewhere, or not at all.
      // One that forms a known word with the join stands after all ("ý t h ức" → "ý thức").
      const strandsPiece =
        (!pairsLeft && strands(slots, reading, index - 1, from + w.s - 1, from + w.k - 1, from + w.s - 1)) ||
        (!pairsRight && strands(slots, reading, index + 1, from + w.s, from + w.k, from + w.k));
      const enough =
        !strandsPiece &&
        (known !== undefined ||
          (w.implausible >= 2 && weight > RARE_WEIGHT) ||
          (w.bareConsonant && weight >= FREQUENT_WEIGHT));
      if (!enough) {
        forbidden.add(w);
        ruledOut = true;
        return;
      }
      out.push({
        first: from + w.s,
        last: from + w.k - 1,
        written: text.slice(slots.start[from + w.s]!, slots.end[from + w.k - 1]!),
        text: w.joined,
        word: w.word,
        reason:
          known === undefined
            ? `letters split by spaces; "${word}" is a known syllable, the pieces are not`
            : `letters split by spaces; "${known}" is a known word`,
      });
    });
    if (!ruledOut) return out;
  }
  return [];
}

/**
 * Whether the piece read at `neighbour` (slot `piece`) is one that cannot
 * stand and could belong to the word joined beside it (slots `first`..`last`
 * with it): a bare consonant or a lone letter, or a rhyme ("êu") after the
 * word, or a piece before a word that starts with a vowel, when the letters
 * together could spell a syllable. A whole damaged syllable beside it
 * ("đoàu n g oạ i", "tln đ ối") or an acronym ("l ý TTCP") is not.
 */
function strands(
  slots: Slots,
  reading: readonly Read[],
  neighbour: number,
  first: number,
  last: number,
  piece: number,
): boolean {
  if (reading[neighbour]?.implausible !== true || joinedPieces(slots, first, last) === undefined)
    return false;
  const text = slots.token[piece]!.text;
  const startsWithVowel = (t: string) => letterInfo(t[0]!.toLowerCase())?.isVowel === true;
  const mayBelong =
    text.length === 1 ||
    !hasVowel(text) ||
    (piece === last ? startsWithVowel(text) : startsWithVowel(slots.token[piece + 1]!.text));
  if (!mayBelong) return false;
  // It belongs to the word only if the letters together could spell a syllable ("c ó ưy", "tln đ ối" cannot).
  let letters = '';
  for (let i = first; i <= last; i++) letters += slots.token[i]!.text;
  return isValidSyllable(toLower(letters));
}

interface Read {
  /** Undefined before the first word. */
  info: WordInfo | undefined;
  window: Window | undefined;
  /** A piece left as it stands that cannot stand. */
  implausible: boolean;
}

/** Dynamic programme over (end, start of the last word); see {@link splitsInChain} for the order. */
function bestReading(
  slots: Slots,
  from: number,
  n: number,
  implausible: readonly boolean[],
  windowsEndingAt: readonly Window[][],
  forbidden: ReadonlySet<Window>,
  memo: Memo,
): Read[] {
  interface State {
    cost: number;
    pairs: number;
    words: number;
    weight: number;
    read: Read;
    previous: State | undefined;
  }
  const better = (a: State, b: State | undefined) =>
    b === undefined ||
    a.cost < b.cost ||
    (a.cost === b.cost &&
      (a.words - a.pairs < b.words - b.pairs ||
        (a.words - a.pairs === b.words - b.pairs &&
          (a.words < b.words || (a.words === b.words && a.weight > b.weight)))));
  // states[k]: the best reading of pieces 0..k-1 for each way its last word is read.
  const states: State[][] = Array.from({ length: n + 1 }, () => []);
  const start: State = {
    cost: 0,
    pairs: 0,
    words: 0,
    weight: 0,
    read: { info: undefined, window: undefined, implausible: false },
    previous: undefined,
  };
  for (let k = 1; k <= n; k++) {
    const piece = slots.token[from + k - 1]!.lower;
    const options: { s: number; read: Read; cost: number; weight: number }[] = [
      {
        s: k - 1,
        read: { info: piece, window: undefined, implausible: implausible[k - 1]! },
        cost: implausible[k - 1] ? 1 : 0,
        weight: piece.weight ?? 0,
      },
    ];
    for (const w of windowsEndingAt[k]!) {
      if (!forbidden.has(w))
        options.push({
          s: w.s,
          read: { info: w.word, window: w, implausible: false },
          cost: 0,
          weight: w.word.weight ?? 0,
        });
    }
    for (const option of options) {
      let best: State | undefined;
      for (const previous of option.s === 0 ? [start] : states[option.s]!) {
        const pair = isAnyPair(memo, previous.read.info, option.read.info);
        const state: State = {
          cost: previous.cost + option.cost,
          pairs: previous.pairs + (pair ? 1 : 0),
          words: previous.words + 1,
          weight: previous.weight + option.weight,
          read: option.read,
          previous,
        };
        if (better(state, best)) best = state;
      }
      states[k]!.push(best!);
    }
  }
  let best: State | undefined;
  for (const state of states[n]!) if (better(state, best)) best = state;
  const reading: Read[] = [];
  for (let state = best; state !== undefined && state !== start; state = state.previous)
    reading.push(state.read);
  return reading.reverse();
}

/** `text` with the split words joined, and the way back to offsets in `text`. */
function joinedText(text: string, slots: Slots, joins: readonly SplitWord[]) {
  const pieces: string[] = [];
  /** Per join: its start in the joined text, and the characters removed before it. */
  const starts: number[] = [];
  const removedBefore: number[] = [];
  let at = 0;
  let removed = 0;
  for (const join of joins) {
    const start = slots.start[join.first]!;
    const end = slots.end[join.last]!;
    pieces.push(text.slice(at, start));
    starts.push(start - removed);
    removedBefore.push(removed);
    pieces.push(join.text);
    removed += end - start - join.text.length;
    at = end;
  }
  pieces.push(text.slice(at));
  const toOriginal = (offset: number): number => {
    // The last join starting at or before `offset`; offsets inside a joined word map to its start.
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return offset;
    const joinedEnd = starts[found]! + joins[found]!.text.length;
    if (offset < joinedEnd) return starts[found]! + removedBefore[found]!;
    return (
      offset +
      removedBefore[found]! +
      (slots.end[joins[found]!.last]! - slots.start[joins[found]!.first]! - joins[found]!.text.length)
    );
  };
  return { text: pieces.join(''), starts, toOriginal, slots };
}

/** The joins as edits of the original text, with the repairs made on the joined text mapped back. */
function mergeJoins(
  joins: readonly SplitWord[],
  joined: ReturnType<typeof joinedText>,
  repairs: Edit[],
): Edit[] {
  const { slots } = joined;
  const repairAt = new Map(repairs.map((edit) => [edit.start, edit]));
  const edits: Edit[] = [];
  joins.forEach((join, k) => {
    const repair = repairAt.get(joined.starts[k]!);
    if (repair !== undefined) repairAt.delete(joined.starts[k]!);
    const replacement = repair?.text ?? join.text;
    const then =
      repair === undefined
        ? ''
        : `; then ${repair.reason!.replace(/^"[^"]*" → "[^"]*" \(/, '').replace(/\)$/, '')}`;
    edits.push({
      start: slots.start[join.first]!,
      end: slots.end[join.last]!,
      text: replacement,
      ruleId: OCR_REPAIR_RULE,
      reason: `"${join.written}" → "${replacement}" (${join.reason}${then})`,
    });
  });
  for (const edit of repairAt.values())
    edits.push({ ...edit, start: joined.toOriginal(edit.start), end: joined.toOriginal(edit.end - 1) + 1 });
  return edits.sort((a, b) => a.start - b.start);
}

// --- The damage gate ----------------------------------------------------------

/**
 * Whether slot `i` shows the trace of OCR or font damage: an invalid or
 * unknown syllable with Vietnamese marks one mark or glyph away from a
 * known one, or any invalid syllable whose close reading forms a known word
 * with a neighbour ("Ket luận"). Names, loanwords ("chip") and acronyms do
 * not count. The second kind needs the pair index, so it is only looked at
 * where it could change the decision.
 */
const NOT_SUSPECT = 0;
const SUSPECT = 1;
/** Invalid, unmarked, with close readings: suspect if a reading forms a known word with a neighbour. */
const SUSPECT_IF_PAIRED = 2;

/** Sets up the slots' current forms (the forms as written): clean text never needs them. */
function withCurrent(slots: Slots): Slots {
  if (slots.current.length !== slots.count) {
    slots.current = slots.token.map((token) => token.lower);
    slots.pairsWithNext = new Int8Array(slots.count).fill(UNKNOWN_PAIR);
  }
  return slots;
}

function suspicionOf(slots: Slots, i: number, memo: Memo): number {
  // The gate runs before any repair: the current form is the form as written.
  const current = slots.token[i]!.lower;
  if ((slots.flags[i]! & EDITABLE) === 0 || current.knownValid) return NOT_SUSPECT;
  if (isAcronym(slots, i) || inForeignName(slots, i, memo)) return NOT_SUSPECT;
  if (!slots.token[i]!.ascii && isLightlyDamaged(current, memo)) return SUSPECT;
  return candidatesOf(current.word, memo).size > 0 ? SUSPECT_IF_PAIRED : NOT_SUSPECT;
}

function readingPairsWithNeighbour(slots: Slots, i: number, memo: Memo): boolean {
  const context = contextOf(slots, i);
  for (const { info } of candidateInfosOf(slots.current[i]!, memo))
    if (pairsWithNeighbour(memo, info, context)) return true;
  return false;
}

/** A stretch of whole lines and what the gate found in it. */
export interface OcrRegion {
  /** Offsets into the text given to the repair. */
  start: number;
  end: number;
  syllables: number;
  /** Syllables showing the trace of OCR or font damage. */
  suspects: number;
  damaged: boolean;
  /** Up to {@link MAX_EXAMPLES} suspect words, as written. */
  examples: string[];
}

/** The gate's decision for a whole text, with its evidence. */
export interface OcrDamage {
  /** Some region is damaged (and was repaired). */
  damaged: boolean;
  syllables: number;
  suspects: number;
  regions: OcrRegion[];
}

interface RegionSlots extends OcrRegion {
  firstSlot: number;
  endSlot: number;
}

function assessDamage(
  text: string,
  slots: Slots,
  memo: Memo,
  chains: readonly Chain[] = [],
): { regions: RegionSlots[]; splits: SplitWord[] } {
  const regions: RegionSlots[] = [];
  /** The next chain to meet (chains come in text order). */
  let nextChain = 0;
  /** Chains that may hold split words (each one suspect), with their region. */
  const inChains: [Chain, RegionSlots][] = [];
  /** Slots that are suspect only if a reading pairs with a neighbour, with their region. */
  const ifPaired: [number, RegionSlots][] = [];
  let region: RegionSlots | undefined;
  for (let i = 0; i < slots.count; i++) {
    const startsLine = (slots.flags[i]! & STARTS_LINE) !== 0;
    if (region === undefined || (startsLine && region.syllables >= REGION_SYLLABLES)) {
      region = {
        start: i === 0 ? 0 : text.lastIndexOf('\n', slots.start[i]! - 1) + 1,
        end: text.length,
        syllables: 0,
        suspects: 0,
        damaged: false,
        examples: [],
        firstSlot: i,
        endSlot: i,
      };
      if (regions.length > 0) regions[regions.length - 1]!.end = region.start;
      regions.push(region);
    }
    region.endSlot = i + 1;
    if (nextChain < chains.length && chains[nextChain]!.from === i)
      inChains.push([chains[nextChain++]!, region]);
    if ((slots.flags[i]! & EDITABLE) === 0) continue;
    region.syllables++;
    const suspicion = suspicionOf(slots, i, memo);
    if (suspicion === SUSPECT) addSuspect(region, slots.token[i]!.text);
    else if (suspicion === SUSPECT_IF_PAIRED) ifPaired.push([i, region]);
  }
  // A short last region is judged with the one before.
  const last = regions[regions.length - 1];
  const previous = regions[regions.length - 2];
  if (last !== undefined && previous !== undefined && last.syllables < REGION_SYLLABLES / 2) {
    previous.end = last.end;
    previous.endSlot = last.endSlot;
    previous.syllables += last.syllables;
    previous.suspects += last.suspects;
    previous.examples = [...new Set([...previous.examples, ...last.examples])].slice(0, MAX_EXAMPLES);
    for (const entry of ifPaired) if (entry[1] === last) entry[1] = previous;
    for (const entry of inChains) if (entry[1] === last) entry[1] = previous;
    regions.pop();
  }
  if (ifPaired.length === 0 && inChains.length === 0) return { regions: decideRegions(regions), splits: [] };
  // Were every unmarked candidate and every possible split a suspect, would any region be
  // damaged? If not, they cannot matter (and the pair index is not needed).
  const bound = regions.map((r) => ({ ...r }));
  for (const [, r] of ifPaired) bound[regions.indexOf(r)]!.suspects++;
  for (const [chain, r] of inChains) bound[regions.indexOf(r)]!.suspects += chain.bound;
  if (!decideRegions(bound).some((r) => r.damaged)) return { regions: decideRegions(regions), splits: [] };
  // A split word is one suspect.
  const splits: SplitWord[] = [];
  for (const [chain, r] of inChains) {
    for (const split of splitsInChain(text, slots, chain, memo)) {
      addSuspect(r, split.written);
      splits.push(split);
    }
  }
  withCurrent(slots);
  for (const [i, r] of ifPaired)
    if (readingPairsWithNeighbour(slots, i, memo)) addSuspect(r, slots.token[i]!.text);
  return { regions: decideRegions(regions), splits };
}

function addSuspect(region: OcrRegion, example: string): void {
  region.suspects++;
  if (region.examples.length < MAX_EXAMPLES && !region.examples.includes(example))
    region.examples.push(example);
}

/** Sets `damaged` on each region from the suspects counted (see {@link DAMAGED_DOCUMENT_SUSPECTS}). */
function decideRegions<T extends OcrRegion>(regions: T[]): T[] {
  let syllables = 0;
  let suspects = 0;
  for (const r of regions) {
    syllables += r.syllables;
    suspects += r.suspects;
  }
  const documentDamaged =
    suspects >= DAMAGED_DOCUMENT_SUSPECTS && suspects >= DAMAGED_DOCUMENT_RATE * syllables;
  regions.forEach((r, k) => {
    // A region is judged with its neighbours, so one clean-looking stretch inside damage is not skipped.
    let near = 0;
    let nearSyllables = 0;
    for (let j = Math.max(0, k - 1); j <= Math.min(regions.length - 1, k + 1); j++) {
      near += regions[j]!.suspects;
      nearSyllables += regions[j]!.syllables;
    }
    r.damaged = documentDamaged
      ? near > 0
      : near >= DAMAGED_REGION_SUSPECTS && near >= DAMAGED_REGION_RATE * nearSyllables;
  });
  return regions;
}

// --- Repair -----------------------------------------------------------------

/** Decides the slots at `indices` in order; returns the indices whose neighbourhood changed. */
function runPass(slots: Slots, indices: readonly number[], memo: Memo): Set<number> {
  const revisit = new Set<number>();
  for (const i of indices) {
    if ((slots.flags[i]! & EDITABLE) === 0) continue;
    const choice = decide(slots, i, memo);
    if (choice === undefined || choice.syllable === slots.current[i]!.word) continue;
    slots.current[i] = wordInfo(choice.syllable, memo);
    slots.reason.set(i, choice.reason);
    slots.pairsWithNext[i] = UNKNOWN_PAIR;
    if (i > 0) slots.pairsWithNext[i - 1] = UNKNOWN_PAIR;
    // Decisions look two syllables either way.
    for (let j = Math.max(0, i - 2); j <= Math.min(slots.count - 1, i + 2); j++) revisit.add(j);
  }
  return revisit;
}

/** Repairs the syllables of the slots marked damaged; the edits, in text order. */
function repairSlots(slots: Slots, damagedAt: Uint8Array, memo: Memo): Edit[] {
  withCurrent(slots);
  let pending: number[] = [];
  for (let i = 0; i < slots.count; i++) if (damagedAt[i] === 1) pending.push(i);
  for (let pass = 0; pass < MAX_PASSES && pending.length > 0; pass++) {
    const revisit = runPass(slots, pending, memo);
    pending = [...revisit].filter((i) => damagedAt[i] === 1).sort((a, b) => a - b);
  }
  const edits: Edit[] = [];
  for (const i of [...slots.reason.keys()].sort((a, b) => a - b)) {
    const reason = slots.reason.get(i)!;
    const token = slots.token[i]!;
    const original = token.text;
    const current = slots.current[i]!.word;
    if (current === token.lower.word) continue;
    const replacement = matchCase(original, current, inCapsContext(slots, i));
    if (replacement === original) continue;
    edits.push({
      start: slots.start[i]!,
      end: slots.end[i]!,
      text: replacement,
      ruleId: OCR_REPAIR_RULE,
      reason: `"${original}" → "${replacement}" (${reason})`,
    });
  }
  return edits;
}

export interface OcrRepair {
  edits: Edit[];
  damage: OcrDamage;
}

/**
 * The damage gate's decision for `text` (NFC, tone marks in the plans'
 * style) and the edits that repair OCR and font-mapping damage in its
 * damaged regions. Each edit replaces one syllable, or the pieces of one
 * that the scan split with spaces, and says why.
 */
export function ocrRepair(text: string, lexicon: Lexicon): OcrRepair {
  const memo = memoFor(lexicon);
  const slots = toSlots(text, memo);
  try {
    return repairedText(text, slots, memo);
  } finally {
    release(slots);
  }
}

function repairedText(text: string, slots: Slots, memo: Memo): OcrRepair {
  const { regions, splits } = assessDamage(text, slots, memo, splitChains(text, slots, memo));
  // Where the gate found no damage nothing is repaired: the repair's passes are not set up at all.
  if (!regions.some((region) => region.damaged)) return { edits: [], damage: publicDamage(regions) };
  const damagedAt = new Uint8Array(slots.count);
  for (const region of regions) {
    if (region.damaged) damagedAt.fill(1, region.firstSlot, region.endSlot);
  }
  const joins = splits.filter((split) => damagedAt[split.first] === 1);
  let edits: Edit[];
  if (joins.length === 0) {
    edits = repairSlots(slots, damagedAt, memo);
  } else {
    // The joined text is tokenised again, so each joined word is one syllable with its neighbours.
    const joined = joinedText(text, slots, joins);
    const joinedSlots = toSlots(joined.text, memo);
    const joinedDamage = new Uint8Array(joinedSlots.count);
    let r = 0;
    for (let i = 0; i < joinedSlots.count; i++) {
      const at = joined.toOriginal(joinedSlots.start[i]!);
      while (r < regions.length - 1 && regions[r]!.end <= at) r++;
      joinedDamage[i] = regions[r]!.damaged ? 1 : 0;
    }
    edits = mergeJoins(joins, joined, repairSlots(joinedSlots, joinedDamage, memo));
    release(joinedSlots);
  }
  return { edits, damage: publicDamage(regions) };
}

/** The gate's decision as {@link OcrRepair} gives it (regions without their slot ranges). */
function publicDamage(regions: readonly RegionSlots[]): OcrDamage {
  const publicRegions = regions.map(({ start, end, syllables, suspects, damaged, examples }) => ({
    start,
    end,
    syllables,
    suspects,
    damaged,
    examples,
  }));
  return {
    damaged: publicRegions.some((r) => r.damaged),
    syllables: publicRegions.reduce((n, r) => n + r.syllables, 0),
    suspects: publicRegions.reduce((n, r) => n + r.suspects, 0),
    regions: publicRegions,
  };
}

/** A finding of the gate, offsets into the text given to the repair (none: the whole text). */
export interface OcrNote {
  ruleId: string;
  reason: string;
  start?: number;
  end?: number;
}

/** A count with thousands separators, as toLocaleString('en-US') writes it, without a number formatter per call. */
const withThousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const count = (n: number, what: string) => `${withThousands(n)} ${what}${n === 1 ? '' : 's'}`;
const quoted = (words: readonly string[]) => words.map((w) => `"${w}"`).join(', ');

/**
 * {@link ocrRepair} with the gate's decision as notes: one for the whole
 * text (damage found or not, with its evidence) and one per damaged region.
 */
export function ocrRepairReport(
  text: string,
  lexicon: Lexicon,
): { edits: Edit[]; notes: OcrNote[]; damage: OcrDamage } {
  const { edits, damage } = ocrRepair(text, lexicon);
  const damagedRegions = damage.regions.filter((r) => r.damaged);
  const examples = [...new Set(damage.regions.flatMap((r) => r.examples))].slice(0, MAX_EXAMPLES);
  const evidence =
    `${count(damage.suspects, 'suspect syllable')} in ${count(damage.syllables, 'syllable')}` +
    (examples.length > 0 ? ` (${quoted(examples)})` : '');
  const notes: OcrNote[] = [
    {
      ruleId: OCR_DAMAGE_RULE,
      reason: damage.damaged
        ? `OCR or font damage in ${damagedRegions.length} of ${count(damage.regions.length, 'region')}: ${evidence}; repaired there`
        : `no OCR or font damage: ${evidence}; OCR repair skipped`,
    },
  ];
  for (const region of damagedRegions) {
    notes.push({
      ruleId: OCR_DAMAGE_RULE,
      reason:
        region.suspects > 0
          ? `OCR or font damage here: ${count(region.suspects, 'suspect syllable')} in ${count(region.syllables, 'syllable')} (${quoted(region.examples)}); repaired`
          : `next to OCR or font damage: no suspect syllable in ${count(region.syllables, 'syllable')}; repaired with its neighbours`,
      start: region.start,
      end: region.end,
    });
  }
  return { edits, notes, damage };
}

/** The edits of {@link ocrRepair}. */
export function ocrRepairEdits(text: string, lexicon: Lexicon): Edit[] {
  return ocrRepair(text, lexicon).edits;
}
