/**
 * Valid Unicode that is really TCVN3 or VNI bytes shown as Latin-1 or
 * Windows-1252 ("Tæ chøc" for "Tổ chức", "Xin chaøo" for "Xin chào"), as
 * found in text copied out of old .VnTime / VNI-Times documents.
 *
 * The text (or, when long, every n-th line of it) is scored as it stands and
 * as repaired, in total and line by line. Correct Vietnamese shares letters
 * (ô ê â à …) with mojibake, so comparing both readings, not spotting
 * characters, is what keeps real text untouched: a repair turns its "à" and
 * "ô" into nonsense and scores far worse.
 */
import type { Message } from '../model.ts';
import { addScore, emptyScore, netScore, scoreVietnamese, type VietnameseScore } from './score.ts';
import { tcvn3FromLatin1 } from './tcvn3.ts';
import { hasVniPair, vniFromMojibake } from './vni.ts';

export type MojibakeKind = 'tcvn3' | 'vni';

const REPAIRS: Record<MojibakeKind, (text: string) => string> = {
  tcvn3: tcvn3FromLatin1,
  vni: vniFromMojibake,
};
const KINDS: readonly MojibakeKind[] = ['tcvn3', 'vni'];
const KIND_LABELS: Record<MojibakeKind, string> = { tcvn3: 'TCVN3 (ABC)', vni: 'VNI' };

/** Lines a repair can change: TCVN3 also puts capitals such as Ứ Ụ in C0 control positions. */
const NON_ASCII = /[^\t\r\x20-\x7e]/;

/** How much more Vietnamese a repaired reading must score to count as mojibake. */
const MARGIN = 2;
const SNIPPET_LENGTH = 60;
/** Characters of text judged; longer texts are judged on evenly spaced windows. */
const SURVEY_BUDGET = 500_000;
const SURVEY_WINDOWS = 50;

interface Line {
  start: number;
  end: number;
  text: string;
}

/** Lines of `text` between `from` and `to` (offsets stay those of `text`). */
function* lines(text: string, from = 0, to = text.length): Generator<Line> {
  let start = from;
  while (start <= to) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 || newline > to ? to : newline;
    yield { start, end, text: text.slice(start, end) };
    if (end === to) return;
    start = end + 1;
  }
}

/**
 * The lines to judge: all of them, or for a long text evenly spaced windows
 * of whole lines (a window cuts a line only when one line fills it).
 */
function* sampleLines(text: string): Generator<Line> {
  if (text.length <= SURVEY_BUDGET) {
    yield* lines(text);
    return;
  }
  const size = Math.floor(SURVEY_BUDGET / SURVEY_WINDOWS);
  for (let k = 0; k < SURVEY_WINDOWS; k++) {
    const at = Math.floor((k * (text.length - size)) / (SURVEY_WINDOWS - 1));
    const lineStart = text.indexOf('\n', at) + 1;
    const start = lineStart > 0 && lineStart < at + size / 2 ? lineStart : at;
    const lastNewline = text.lastIndexOf('\n', start + size);
    const end = lastNewline > start ? lastNewline : Math.min(text.length, start + size);
    yield* lines(text, start, end);
  }
}

/** Mojibake breaks words: a repair must mend some, not merely swap valid words for more frequent ones. */
function clearlyMoreVietnamese(repaired: VietnameseScore, asIs: VietnameseScore): boolean {
  const net = netScore(repaired);
  return net > 0 && net - netScore(asIs) >= MARGIN && repaired.bad < asIs.bad;
}

interface MojibakeLine extends Line {
  repaired: string;
}

export interface Survey {
  /** Only part of the text was judged. */
  sampled: boolean;
  /** Judged lines holding non-ASCII characters. */
  judged: number;
  /** Lines of a long text with accents but no sign character: correct Unicode, not scored. */
  unicodeLines: number;
  /** Whether any judged line holds a VNI vowel + accent pair. */
  vniPairs: boolean;
  asIs: VietnameseScore;
  repaired: Record<MojibakeKind, VietnameseScore>;
  /** Lines that on their own are clearly mojibake of that kind. */
  lines: Record<MojibakeKind, MojibakeLine[]>;
}

/**
 * Score non-ASCII lines as they stand and repaired each way, in total and one by one.
 * `bySearch: false` reads a long text line by line as {@link surveyBySearch} must match (for tests).
 */
export function survey(text: string, bySearch = true): Survey {
  const result: Survey = {
    sampled: text.length > SURVEY_BUDGET,
    judged: 0,
    unicodeLines: 0,
    vniPairs: false,
    asIs: emptyScore(),
    repaired: { tcvn3: emptyScore(), vni: emptyScore() },
    lines: { tcvn3: [], vni: [] },
  };
  // In a long text only lines showing a sign character can be mojibake (see couldBeMojibake):
  // the others are correct Unicode, counted but not scored.
  const long = text.length >= SHORT_TEXT;
  if (long && !result.sampled && bySearch) {
    surveyBySearch(text, result);
    return result;
  }
  for (const line of sampleLines(text)) {
    if (!NON_ASCII.test(line.text)) continue;
    if (long && !MOJIBAKE_SIGN.test(line.text)) {
      result.unicodeLines++;
      continue;
    }
    judgeLine(line, result);
  }
  return result;
}

/**
 * The loop of {@link survey} over all lines of a long text, without reading it line by line:
 * the next non-ASCII character finds the next line that counts, the next sign character
 * whether that line is judged.
 */
function surveyBySearch(text: string, result: Survey): void {
  const nonAscii = NON_ASCII_OR_NEWLINE_SEARCH;
  const sign = MOJIBAKE_SIGN_SEARCH;
  /** Where the next sign character is, -1 when none is left; stale when before the line. */
  let nextSign = -2;
  for (let from = 0; from <= text.length; ) {
    nonAscii.lastIndex = from;
    const hit = nonAscii.exec(text);
    if (!hit) return;
    const start = text.lastIndexOf('\n', hit.index) + 1;
    const newline = text.indexOf('\n', hit.index);
    const end = newline < 0 ? text.length : newline;
    if (nextSign !== -1 && nextSign < start) {
      sign.lastIndex = start;
      nextSign = sign.exec(text)?.index ?? -1;
    }
    if (nextSign >= start && nextSign < end) judgeLine({ start, end, text: text.slice(start, end) }, result);
    else result.unicodeLines++;
    from = end + 1;
  }
}

/** Scores one line of {@link survey} as it stands and repaired each way. */
function judgeLine(line: Line, result: Survey): void {
  result.judged++;
  const vniPair = hasVniPair(line.text);
  result.vniPairs ||= vniPair;
  const asIs = scoreVietnamese(line.text);
  addScore(result.asIs, asIs);
  for (const kind of KINDS) {
    const repaired = REPAIRS[kind](line.text);
    const score = scoreVietnamese(repaired);
    addScore(result.repaired[kind], score);
    const possible = kind === 'tcvn3' || vniPair;
    if (possible && clearlyMoreVietnamese(score, asIs)) result.lines[kind].push({ ...line, repaired });
  }
}

/** Repair every line whose repaired reading is at least as Vietnamese (lines already in Unicode stay). */
function repairLines(text: string, kind: MojibakeKind): string {
  const out: string[] = [];
  for (const line of lines(text)) {
    if (!NON_ASCII.test(line.text)) {
      out.push(line.text);
      continue;
    }
    const repaired = REPAIRS[kind](line.text);
    const better = netScore(scoreVietnamese(repaired)) >= netScore(scoreVietnamese(line.text));
    out.push(better ? repaired : line.text);
  }
  return out.join('\n');
}

const snippet = (text: string) => text.trim().slice(0, SNIPPET_LENGTH);
const gain = (s: Survey, kind: MojibakeKind) => netScore(s.repaired[kind]) - netScore(s.asIs);

export interface MojibakeResult {
  text: string;
  kind?: MojibakeKind;
  messages: Message[];
}

/**
 * Characters that correct Vietnamese Unicode never needs but TCVN3 and VNI
 * mojibake cannot avoid: Latin-1 symbols and letters outside the Vietnamese
 * alphabet (æ ø Ö Õ Ë ¸ ¹ µ …) and C0 controls. Text without any cannot be
 * mojibake, and skips the (costly) survey.
 */
const VIETNAMESE_LATIN1 = 'àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ';
export const MOJIBAKE_SIGN = new RegExp(
  `[\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f${Array.from({ length: 0x80 }, (_, i) => String.fromCharCode(0x80 + i))
    .filter((c) => !VIETNAMESE_LATIN1.includes(c))
    .map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .join('')}]`,
);

/** Searches (lastIndex set before each use) for {@link surveyBySearch}; a line's text holds no "\n". */
const NON_ASCII_OR_NEWLINE_SEARCH = new RegExp(NON_ASCII.source.replace('[^', '[^\\n'), 'g');
const MOJIBAKE_SIGN_SEARCH = new RegExp(MOJIBAKE_SIGN.source, 'g');

/** Latin-1 capitals: TCVN3 capitals can read as them alone ("KẾ" shows as "KÚ"). */
const LATIN1_CAPITAL = /[\u00c0-\u00dd]/;

/** Above this length a text of real sentences shows its mojibake in sign characters. */
const SHORT_TEXT = 2000;

/**
 * Could this text be mojibake at all? Mojibake of real sentences shows sign
 * characters: TCVN3's letters sit on Latin-1 symbols, and VNI's huyền, hỏi
 * and nặng marks are ø û ï. A short text may not ("KẾ" in TCVN3 reads "KÚ",
 * "KẾ" in VNI "KEÁ"), so it is always surveyed. Anything else is correct
 * Unicode and skips the costly survey.
 */
function couldBeMojibake(text: string, hasSign: boolean): boolean {
  return hasSign || (text.length < SHORT_TEXT && (LATIN1_CAPITAL.test(text) || hasVniPair(text)));
}

/**
 * @param hasSign whether `text` holds a {@link MOJIBAKE_SIGN} character, when the caller
 * already knows (the UTF-8 decoder sees every character anyway).
 */
export function repairMojibake(text: string, hasSign = MOJIBAKE_SIGN.test(text)): MojibakeResult {
  if (!couldBeMojibake(text, hasSign)) return { text, messages: [] };
  const found = survey(text);
  if (found.judged === 0) return { text, messages: [] };
  // VNI mojibake always holds vowel + accent pairs ("aø"); without them an "ô" is just "ô".
  const kinds = found.vniPairs ? KINDS : (['tcvn3'] as const);
  const kind = kinds.reduce((a, b) => (gain(found, b) > gain(found, a) ? b : a));
  const label = KIND_LABELS[kind];
  // The whole text is converted only when the lines that could be mojibake are the majority.
  if (found.judged >= found.unicodeLines && clearlyMoreVietnamese(found.repaired[kind], found.asIs)) {
    const repaired = repairLines(text, kind);
    const first = found.lines[kind][0];
    return {
      text: repaired,
      kind,
      messages: [
        {
          ruleId: 'decode:mojibake',
          severity: 'info',
          reason: `text was ${label} bytes shown as Latin-1 (mojibake); converted to Unicode`,
          ...(first ? { actual: snippet(first.text), expected: snippet(first.repaired) } : {}),
        },
        { ruleId: 'decode:legacy-encoding', severity: 'info', reason: `decoded as ${label} mojibake` },
      ],
    };
  }
  const flagged = found.vniPairs && found.lines.vni.length > found.lines.tcvn3.length ? 'vni' : 'tcvn3';
  const first = found.lines[flagged][0];
  if (!first) return { text, messages: [] };
  const sampled = found.sampled ? 'sampled ' : '';
  return {
    text,
    messages: [
      {
        ruleId: 'decode:mojibake',
        severity: 'warning',
        reason: `${found.lines[flagged].length} of ${found.judged} ${sampled}lines with accents look like ${KIND_LABELS[flagged]} mojibake; left unchanged`,
        start: first.start,
        end: first.end,
        actual: snippet(first.text),
        expected: snippet(first.repaired),
      },
    ],
  };
}
