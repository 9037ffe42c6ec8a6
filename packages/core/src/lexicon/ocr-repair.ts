/**
 * Repairs of OCR misreadings and PDF font-mapping losses in Vietnamese text.
 *
 * A syllable is suspect when it breaks the orthography or is not in the
 * inventory, or when it is valid but forms no known word with either
 * neighbour. Candidates are the inventory syllables reachable by the kinds
 * of damage OCR and broken fonts do (tone and quality marks, look-alike
 * glyphs, lost "ô"/"oà"/"ò"); a candidate wins only with evidence: a known
 * word with a neighbour, or, for an invalid syllable, a clear lead in
 * frequency. Nothing here knows any particular file's typos.
 */
import type { Edit } from '../model.ts';
import { type Lexicon, pairKey } from './lexicon.ts';
import { isValidSyllable, letterInfo, skeletonOf, type Tone, withTone } from './orthography.ts';
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
/**
 * Share of broken syllables (with a close valid reading) above which a text
 * counts as damaged by OCR or a font: there one known word is enough to
 * replace a valid syllable. In clean text a valid syllable is replaced only
 * when it is rare next to the candidate, or the evidence is overwhelming.
 */
const DAMAGED_TEXT_RATE = 1 / 1000;
const CLEAN_TEXT_WEIGHT_RATIO = 3;
/** A syllable in at most one listed word. */
const RARE_WEIGHT = 3;
const OVERWHELMING_EVIDENCE = 3;
const MAX_SYLLABLE_LENGTH = 8;
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
}

/** What the lexicon says about a lower-case form, looked up once. */
interface WordInfo {
  word: string;
  /** In the inventory and a valid syllable. */
  knownValid: boolean;
  weight: number | undefined;
  followers: ReadonlySet<string> | undefined;
  /** Some repair candidate assumes at most one change (undefined until asked). */
  lightlyDamaged: boolean | undefined;
  /** Candidates up to {@link MAX_COST_VALID} (undefined until asked). */
  lightCandidates: string[] | undefined;
  /** {@link functionWordReading}, null for none (undefined until asked). */
  functionWordReading: Choice | null | undefined;
}

/** A token as written: its lower-case form and the checks on its shape. */
interface TokenInfo {
  text: string;
  lower: WordInfo;
  editableShape: boolean;
  titleCase: boolean;
  /** `text === text.toLowerCase()`. */
  lowerCase: boolean;
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
    memo.known.size + memo.candidates.size + memo.words.size + memo.tokens.size > MEMO_LIMIT
  ) {
    memo = {
      lexicon,
      known: new Map(),
      candidates: new Map(),
      words: new Map(),
      tokens: tokenTable(4096),
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
      knownValid: isKnownValid(word, memo),
      weight: lexicon.weights.get(word),
      followers: lexicon.followers.get(word),
      lightlyDamaged: undefined,
      lightCandidates: undefined,
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
  const lower = toLower(word);
  const info: TokenInfo = {
    text: word,
    lower: wordInfo(lower, memo),
    editableShape: isEditableShape(word, lower),
    titleCase: isTitleCase(word),
    lowerCase: word === word.toLowerCase(),
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

/** The letter runs of the text (parallel arrays) and what the repair makes of them. */
interface Slots {
  count: number;
  start: Int32Array;
  end: Int32Array;
  token: TokenInfo[];
  /** Current lower-case form (changes as repairs are made). */
  current: WordInfo[];
  /** {@link EDITABLE}, {@link LINKED_TO_PREVIOUS}, {@link LINKED_TO_NEXT}. */
  flags: Uint8Array;
  /** Why the slot was changed, by slot. */
  reason: Map<number, string>;
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

function isEditableShape(word: string, lower: string): boolean {
  if (word.length < 2 || word.length > MAX_SYLLABLE_LENGTH) return false;
  if (word === lower) return true;
  return !ROMAN_NUMERAL.test(word) && (isTitleCase(word) || isAllCaps(word));
}

function toSlots(text: string, memo: Memo): Slots {
  const length = text.length;
  // Letter runs are separated, so there are at most half as many as characters (rounded up).
  const capacity = (length + 1) >>> 1;
  const starts = new Int32Array(capacity);
  const ends = new Int32Array(capacity);
  const flags = new Uint8Array(capacity);
  const tokens: TokenInfo[] = [];
  const current: WordInfo[] = [];
  let count = 0;
  let previousEnd = -1;
  for (let start = 0; start < length; start++) {
    let code = text.charCodeAt(start);
    if (code < TABLE_SIZE ? LETTER_TABLE[code] !== 1 : !isLetterAt(text, start)) continue;
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
    let flag = 0;
    if (previousEnd >= 0 && isWhitespace(text, previousEnd, start)) {
      flag = LINKED_TO_PREVIOUS;
      flags[count - 1]! |= LINKED_TO_NEXT;
    }
    if (token.editableShape && !isJoinedToCode(text, start, end)) flag |= EDITABLE;
    starts[count] = start;
    ends[count] = end;
    flags[count] = flag;
    tokens.push(token);
    current.push(token.lower);
    count++;
    previousEnd = end;
    start = end;
  }
  return { count, start: starts, end: ends, token: tokens, current, flags, reason: new Map() };
}

function isWhitespace(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 10 && code !== 13 && code !== 9 && code !== 0xa0) return false;
  }
  return true;
}

// --- Decisions --------------------------------------------------------------

/** The current lower-case forms of up to two linked neighbours on each side. */
interface Context {
  before2: string | undefined;
  before: string | undefined;
  after: string | undefined;
  after2: string | undefined;
}

function previousOf(slots: Slots, i: number): string | undefined {
  return (slots.flags[i]! & LINKED_TO_PREVIOUS) !== 0 ? slots.current[i - 1]!.word : undefined;
}

function nextOf(slots: Slots, i: number): string | undefined {
  return (slots.flags[i]! & LINKED_TO_NEXT) !== 0 ? slots.current[i + 1]!.word : undefined;
}

function contextOf(slots: Slots, i: number): Context {
  const before = previousOf(slots, i);
  const after = nextOf(slots, i);
  return {
    before,
    after,
    before2: before === undefined ? undefined : previousOf(slots, i - 1),
    after2: after === undefined ? undefined : nextOf(slots, i + 1),
  };
}

function isAnyPair(lexicon: Lexicon, left: string | undefined, right: string | undefined): boolean {
  if (left === undefined || right === undefined) return false;
  return lexicon.followers.get(left)?.has(right) === true;
}

function isTriple(
  lexicon: Lexicon,
  a: string | undefined,
  b: string | undefined,
  c: string | undefined,
): boolean {
  return a !== undefined && b !== undefined && c !== undefined && lexicon.triples.has(`${a} ${b} ${c}`);
}

/** What the lexicon says for `syllable` standing between its neighbours. */
interface Evidence {
  /** Known words and phrases it would form, as text. */
  words: string[];
  /** Any pair or triple. */
  any: number;
  /**
   * Triples, and word pairs with a neighbour that is not already part of a
   * word on its other side ("dự báo cao" gives "cao" no claim to "báo").
   */
  strong: number;
}

function addPairEvidence(evidence: Evidence, lexicon: Lexicon, key: string, neighbourIsFree: boolean): void {
  const isWordPair = lexicon.pairs.has(key);
  if (!isWordPair && !lexicon.phrasePairs.has(key)) return;
  evidence.words.push(key);
  evidence.any += 1;
  if (isWordPair && neighbourIsFree) evidence.strong += 1;
}

function evidenceFor(syllable: string, context: Context, lexicon: Lexicon): Evidence {
  const { before2, before, after, after2 } = context;
  const evidence: Evidence = { words: [], any: 0, strong: 0 };
  const triples: [string | undefined, string | undefined, string | undefined][] = [
    [before2, before, syllable],
    [before, syllable, after],
    [syllable, after, after2],
  ];
  for (const [a, b, c] of triples) {
    if (!isTriple(lexicon, a, b, c)) continue;
    evidence.words.push(`${a} ${b} ${c}`);
    evidence.any += 2;
    evidence.strong += 2;
  }
  if (before !== undefined) {
    addPairEvidence(evidence, lexicon, pairKey(before, syllable), !isAnyPair(lexicon, before2, before));
  }
  if (after !== undefined) {
    addPairEvidence(evidence, lexicon, pairKey(syllable, after), !isAnyPair(lexicon, after, after2));
  }
  return evidence;
}

interface Choice {
  syllable: string;
  reason: string;
}

interface Scored {
  syllable: string;
  cost: number;
  score: number;
  evidence: Evidence;
  weight: number;
}

/** Best by (score, -cost, weight); undefined when the runner-up is as good. */
function clearWinner(scored: Scored[]): Scored | undefined {
  scored.sort((a, b) => b.score - a.score || a.cost - b.cost || b.weight - a.weight);
  const [best, second] = scored;
  if (best === undefined) return undefined;
  if (second === undefined) return best;
  if (best.score !== second.score || best.cost !== second.cost) return best;
  return best.weight >= WEIGHT_LEAD * second.weight ? best : undefined;
}

/**
 * Candidates of `word` up to `maxCost`, scored by their `any` evidence, or,
 * with `neighbours`, only those pairing with one, by their `strong` evidence.
 */
function scoreCandidates(
  word: string,
  context: Context,
  memo: Memo,
  maxCost: number,
  neighbours?: Neighbours,
): Scored[] {
  const { lexicon } = memo;
  const scored: Scored[] = [];
  for (const [syllable, cost] of candidatesOf(word, memo)) {
    if (cost > maxCost || (neighbours !== undefined && !pairsWithNeighbour(syllable, neighbours))) continue;
    const evidence = evidenceFor(syllable, context, lexicon);
    scored.push({
      syllable,
      cost,
      evidence,
      score: neighbours === undefined ? evidence.any : evidence.strong,
      weight: lexicon.weights.get(syllable) ?? 1,
    });
  }
  return scored;
}

/** Syllables known to follow the syllable before, and to precede the one after. */
interface Neighbours {
  followers: ReadonlySet<string> | undefined;
  leaders: ReadonlySet<string> | undefined;
}

function pairsWithNeighbour(syllable: string, { followers, leaders }: Neighbours): boolean {
  return followers?.has(syllable) === true || leaders?.has(syllable) === true;
}

/** A repair for an invalid or unknown syllable, if one stands out. */
function repairInvalid(word: string, context: Context, memo: Memo, isLowerCase: boolean): Choice | undefined {
  const winner = clearWinner(scoreCandidates(word, context, memo, MAX_COST_INVALID));
  if (winner === undefined) return undefined;
  const valid = isValidSyllable(word);
  const why = valid ? 'not a known syllable' : 'not a valid syllable';
  if (winner.score > 0)
    return { syllable: winner.syllable, reason: `${why}; "${winner.evidence.words[0]}" is a known word` };
  // Without a neighbour's word, only a broken, lightly damaged lower-case token gets its most frequent reading:
  // capitalised ones may be names or acronyms, valid ones rare words.
  if (valid || !isLowerCase || winner.cost > 1) return undefined;
  return { syllable: winner.syllable, reason: `${why}; the most frequent close syllable` };
}

/** A repair for a valid syllable that forms no known word, if a close one does. */
function repairOrphan(info: WordInfo, context: Context, memo: Memo, damaged: boolean): Choice | undefined {
  const { lexicon } = memo;
  const word = info.word;
  // Only a candidate that pairs with a neighbour can have evidence (every triple's pairs are listed too).
  const neighbours: Neighbours = {
    followers: context.before === undefined ? undefined : lexicon.followers.get(context.before),
    leaders: context.after === undefined ? undefined : lexicon.leaders.get(context.after),
  };
  if (!lightCandidatesOf(info, memo).some((syllable) => pairsWithNeighbour(syllable, neighbours)))
    return damaged ? functionWordReadingOf(info, memo) : undefined;
  const scored = scoreCandidates(word, context, memo, MAX_COST_VALID, neighbours);
  const winner = clearWinner(scored.filter((s) => s.score > 0));
  if (winner === undefined) return damaged ? functionWordReadingOf(info, memo) : undefined;
  if (!damaged && !isConvincingInCleanText(word, winner, lexicon)) return undefined;
  const around = [context.before, word, context.after].filter((s) => s !== undefined).join(' ');
  return {
    syllable: winner.syllable,
    reason: `"${around}" forms no known word; "${winner.evidence.words[0]}" is a known word`,
  };
}

/** Candidates a valid syllable may be repaired to (at most {@link MAX_COST_VALID}), in candidate order. */
function lightCandidatesOf(info: WordInfo, memo: Memo): readonly string[] {
  if (info.lightCandidates === undefined) {
    const light: string[] = [];
    for (const [syllable, cost] of candidatesOf(info.word, memo))
      if (cost <= MAX_COST_VALID) light.push(syllable);
    info.lightCandidates = light;
  }
  return info.lightCandidates;
}

function functionWordReadingOf(info: WordInfo, memo: Memo): Choice | undefined {
  if (info.functionWordReading === undefined)
    info.functionWordReading = functionWordReading(info.word, memo) ?? null;
  return info.functionWordReading ?? undefined;
}

/**
 * Function words form few listed words, so a damaged "của" or "về" finds no
 * neighbour to vouch for it; in damaged text a rare syllable one mark away
 * from exactly one function word is taken as that word.
 */
function functionWordReading(word: string, memo: Memo): Choice | undefined {
  const { weights } = memo.lexicon;
  if ((weights.get(word) ?? 1) > RARE_WEIGHT) return undefined;
  const functionWords = [...candidatesOf(word, memo)].filter(
    ([syllable, cost]) => cost === 1 && (weights.get(syllable) ?? 0) >= FUNCTION_WORD_WEIGHT,
  );
  if (functionWords.length !== 1) return undefined;
  const [[syllable]] = functionWords as [[string, number]];
  return { syllable, reason: `forms no known word; "${syllable}" is a frequent function word` };
}

function isConvincingInCleanText(word: string, winner: Scored, lexicon: Lexicon): boolean {
  const originalWeight = lexicon.weights.get(word) ?? 1;
  return winner.score >= OVERWHELMING_EVIDENCE || winner.weight >= CLEAN_TEXT_WEIGHT_RATIO * originalWeight;
}

function isProperName(slots: Slots, i: number): boolean {
  if (!slots.token[i]!.titleCase) return false;
  const flags = slots.flags[i]!;
  return (
    ((flags & LINKED_TO_PREVIOUS) !== 0 && slots.token[i - 1]!.titleCase) ||
    ((flags & LINKED_TO_NEXT) !== 0 && slots.token[i + 1]!.titleCase)
  );
}

function decide(slots: Slots, i: number, memo: Memo, damaged: boolean): Choice | undefined {
  const current = slots.current[i]!;
  const word = current.word;
  if (!current.knownValid) {
    return repairInvalid(word, contextOf(slots, i), memo, slots.token[i]!.lowerCase);
  }
  const flags = slots.flags[i]!;
  const before = (flags & LINKED_TO_PREVIOUS) !== 0 ? slots.current[i - 1] : undefined;
  const after = (flags & LINKED_TO_NEXT) !== 0 ? slots.current[i + 1] : undefined;
  // Every triple's pairs are listed too, so no pair means no evidence at all.
  if (before?.followers?.has(word) === true) return undefined;
  if (after !== undefined && current.followers?.has(after.word) === true) return undefined;
  const hasNeighbour = before?.knownValid === true || after?.knownValid === true;
  if (!hasNeighbour) return undefined;
  if ((current.weight ?? 0) >= FUNCTION_WORD_WEIGHT || isProperName(slots, i)) return undefined;
  return repairOrphan(current, contextOf(slots, i), memo, damaged);
}

/** Whether enough syllables are broken in a way a repair could explain (see {@link DAMAGED_TEXT_RATE}). */
function looksDamaged(slots: Slots, memo: Memo): boolean {
  let broken = 0;
  for (let i = 0; i < slots.count; i++) {
    const current = slots.current[i]!;
    if ((slots.flags[i]! & EDITABLE) === 0 || current.knownValid) continue;
    if (isLightlyDamaged(current, memo)) broken++;
  }
  return broken > 0 && broken >= DAMAGED_TEXT_RATE * slots.count;
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

/** Decides the slots at `indices` in order; returns the indices whose neighbourhood changed. */
function runPass(
  slots: Slots,
  indices: readonly number[] | undefined,
  memo: Memo,
  damaged: boolean,
): Set<number> {
  const revisit = new Set<number>();
  const count = indices === undefined ? slots.count : indices.length;
  for (let k = 0; k < count; k++) {
    const i = indices === undefined ? k : indices[k]!;
    if ((slots.flags[i]! & EDITABLE) === 0) continue;
    const choice = decide(slots, i, memo, damaged);
    if (choice === undefined || choice.syllable === slots.current[i]!.word) continue;
    slots.current[i] = wordInfo(choice.syllable, memo);
    slots.reason.set(i, choice.reason);
    // Decisions look two syllables either way.
    for (let j = Math.max(0, i - 2); j <= Math.min(slots.count - 1, i + 2); j++) revisit.add(j);
  }
  return revisit;
}

/**
 * Edits that repair OCR and font-mapping damage in `text` (NFC, tone marks
 * in the plans' style). Each edit replaces one syllable and says why.
 */
export function ocrRepairEdits(text: string, lexicon: Lexicon): Edit[] {
  const memo = memoFor(lexicon);
  const slots = toSlots(text, memo);
  const damaged = looksDamaged(slots, memo);
  let pending: number[] | undefined; // all slots
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const revisit = runPass(slots, pending, memo, damaged);
    if (revisit.size === 0) break;
    pending = [...revisit].sort((a, b) => a - b);
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
