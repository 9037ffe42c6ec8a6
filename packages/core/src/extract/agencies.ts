/**
 * Named bodies in running text: "Ban Tuyên giáo Tỉnh ủy", "Sở Thông tin và
 * Truyền thông", "Ban Chỉ đạo công tác <topic> tỉnh". A head word
 * (Ban, Sở, Ủy ban, …) is extended word by word: capitalised words, the one
 * lower-case syllable that completes a compound ("Tuyên giáo", "Tỉnh ủy"),
 * "và" between capitalised parts, a few fixed lower-case phrases, and a
 * closing place word ("tỉnh", "thành phố Lạng Sơn"). One pass over word
 * tokens: linear time.
 */
import { forEachRun, hasTwoCapitals } from '../text/runs.ts';
import { foldKeepLength } from './fold.ts';
import type { AgencyMention } from './types.ts';

interface Token {
  start: number;
  end: number;
  word: string;
  /** Folded form, for lexicon checks (tolerates OCR accents). */
  key: string;
  /** Lower-case form with accents, for head words ("sở" is not "số"). */
  lower: string;
  capital: boolean;
  /** All capitals and longer than an acronym: a heading or signature line, not running text. */
  shouting: boolean;
}

/** Heads that name a body on their own ("Huyện ủy") or need a name after them ("Sở …"). */
const STANDALONE_HEADS = new Set([
  'tỉnh ủy',
  'huyện ủy',
  'thành ủy',
  'thị ủy',
  'đảng ủy',
  'tỉnh đoàn',
  'huyện đoàn',
  'đảng đoàn',
  'ủy ban',
  'văn phòng',
  'mặt trận',
  'công an',
]);
const NAMED_HEADS = new Set([
  'ban',
  'sở',
  'bộ',
  'cục',
  'hội',
  'báo',
  'đài',
  'viện',
  'trường',
  'trung tâm',
  'viễn thông',
  'học viện',
]);
/** Compounds that close a name: after "Bộ Chính trị" or "Tỉnh ủy" only a place name may follow. */
const CLOSING = new Set(['chinh tri', 'tinh uy', 'huyen uy', 'thanh uy', 'thi uy', 'trung uong']);
/**
 * Lower-case phrases that belong inside body names of any administrative
 * text. The directive's topic adds its own ("Ban Chỉ đạo công tác … tỉnh"),
 * from the directive file: see {@link findAgencies}.
 */
const GENERIC_LEXICON = ['can su dang', 'nhan dan', 'chi dao', 'thuong vu', 'tuyen giao', 'chinh tri'];

/** The lexicon with the given extra phrases, folded, longest first; the last one built is kept. */
let lastLexicon: { key: string; phrases: string[][] } | undefined;
function lexiconWith(extra: readonly string[]): string[][] {
  const key = extra.join('\n');
  if (lastLexicon?.key !== key) {
    const folded = extra.map((p) => foldKeepLength(p).trim().split(/\s+/).join(' '));
    const phrases = [...new Set([...folded, ...GENERIC_LEXICON])]
      .filter((p) => p.length > 0)
      .map((p) => p.split(' '))
      .sort((a, b) => b.length - a.length);
    lastLexicon = { key, phrases };
  }
  return lastLexicon.phrases;
}
const PLACE_WORDS = new Set(['tinh', 'huyen', 'xa']);
const MAX_WORDS = 16;

// forEachRun, not /[…]+/gu: one multi-megabyte word would overflow the regex stack.
const WORD = '[\\p{L}\\p{N}]';

function tokenize(text: string): Token[] {
  const folded = foldKeepLength(text);
  const tokens: Token[] = [];
  forEachRun(text, WORD, (index, word) => {
    const end = index + word.length;
    tokens.push({
      start: index,
      end,
      word,
      key: folded.slice(index, end),
      lower: word.toLowerCase().replace(/uỷ/g, 'ủy'),
      capital: /^\p{Lu}/u.test(word),
      shouting: word.length > 5 && word === word.toUpperCase() && hasTwoCapitals(word),
    });
  });
  return tokens;
}

/** Tokens i and j are adjacent words: only spaces, or a hyphen without spaces ("VNPT-Lạng Sơn"), between them. */
function adjacent(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  return /^ {1,2}$/.test(gap) || gap === '-';
}

/** Length of the lexicon phrase starting at token i, or 0. */
function lexiconAt(text: string, tokens: Token[], i: number, lexicon: readonly string[][]): number {
  for (const phrase of lexicon) {
    let n = 0;
    while (
      n < phrase.length &&
      tokens[i + n]?.key === phrase[n] &&
      (n === 0 || adjacent(text, tokens[i + n - 1]!, tokens[i + n]!))
    )
      n++;
    if (n === phrase.length) return n;
  }
  return 0;
}

/** Number of head tokens at i (1 or 2), or 0 when no head starts there. */
function headAt(text: string, tokens: Token[], i: number): { size: number; standalone: boolean } | undefined {
  const first = tokens[i]!;
  // Headings and signatures in capitals ("BAN THƯỜNG VỤ") are not running text.
  if (!first.capital || (first.word.length > 1 && first.word === first.word.toUpperCase())) return undefined;
  const second = tokens[i + 1];
  if (second && adjacent(text, first, second)) {
    const pair = `${first.lower} ${second.lower}`;
    if (STANDALONE_HEADS.has(pair)) return { size: 2, standalone: true };
    if (NAMED_HEADS.has(pair)) return { size: 2, standalone: false };
  }
  return NAMED_HEADS.has(first.lower) ? { size: 1, standalone: false } : undefined;
}

/** "và" joins two halves of one name ("Thông tin và Truyền thông"), not two bodies ("… và Ban …"). */
function joinsName(text: string, tokens: Token[], next: number): boolean {
  const t = tokens[next];
  return t?.capital === true && !t.shouting && headAt(text, tokens, next) === undefined;
}

/** Index just past the body name that starts with a head of `size` tokens at i. */
function extend(
  text: string,
  tokens: Token[],
  i: number,
  size: number,
  lexicon: readonly string[][],
): number {
  let j = i + size;
  let capitalRun = 0;
  let lastWasLower = false;
  let closed = size === 2 && CLOSING.has(`${tokens[i]!.key} ${tokens[i + 1]!.key}`);
  while (j < tokens.length && j - i < MAX_WORDS && adjacent(text, tokens[j - 1]!, tokens[j]!)) {
    const t = tokens[j]!;
    if (t.shouting) break;
    const pair = `${t.key} ${tokens[j + 1]?.key ?? ''}`;
    const phrase = t.capital || closed ? 0 : lexiconAt(text, tokens, j, lexicon);
    if (t.key === 'trung' && tokens[j + 1]?.key === 'uong') {
      j += 2;
      closed = true;
      capitalRun = 0;
    } else if (t.capital || /^\p{N}+$/u.test(t.word)) {
      capitalRun++;
      lastWasLower = false;
      j++;
    } else if (closed) {
      break;
    } else if (phrase > 0) {
      j += phrase;
      capitalRun = 0;
      lastWasLower = true;
    } else if (capitalRun === 1 && !lastWasLower) {
      // The lower-case syllable of a compound: "Tuyên giáo", "Tỉnh ủy".
      if (CLOSING.has(`${tokens[j - 1]!.key} ${t.key}`)) closed = true;
      capitalRun = 0;
      lastWasLower = true;
      j++;
    } else if (t.key === 'va' && joinsName(text, tokens, j + 1)) {
      j++;
    } else if (PLACE_WORDS.has(t.key) || pair === 'thanh pho') {
      j += pair === 'thanh pho' ? 2 : 1;
      while (
        j < tokens.length &&
        tokens[j]!.capital &&
        !tokens[j]!.shouting &&
        adjacent(text, tokens[j - 1]!, tokens[j]!)
      )
        j++;
      break;
    } else break;
  }
  return j;
}

/**
 * Every named body, in order, non-overlapping. `topicPhrases` are lower-case
 * phrases that occur inside the names of bodies of the directive's topic
 * (the directive file's `topic.agencyPhrases`).
 */
export function findAgencies(text: string, topicPhrases: readonly string[] = []): AgencyMention[] {
  const lexicon = lexiconWith(topicPhrases);
  const tokens = tokenize(text);
  const found: AgencyMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const head = headAt(text, tokens, i);
    if (!head) {
      i++;
      continue;
    }
    const end = extend(text, tokens, i, head.size, lexicon);
    // "Ban", "Hội" or "Báo" alone is a common word ("Báo cáo", "Hội nghị"), not a body.
    if (end === i + head.size && !head.standalone) {
      i++;
      continue;
    }
    const start = tokens[i]!.start;
    const stop = tokens[end - 1]!.end;
    found.push({ start, end: stop, text: text.slice(start, stop) });
    i = end;
  }
  return found;
}
