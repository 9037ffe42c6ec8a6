/**
 * Valid Unicode that is really TCVN3 or VNI bytes shown as Latin-1 or
 * Windows-1252 ("Tæ chøc" for "Tổ chức", "Xin chaøo" for "Xin chào"), as
 * found in text copied out of old .VnTime / VNI-Times documents.
 *
 * Each suspicious line is scored as it stands and as repaired; a line is
 * mojibake only when the repaired reading is clearly more Vietnamese. Correct
 * Vietnamese shares letters (ô ê â à …) with mojibake, so comparing both
 * readings, not spotting characters, is what keeps real text untouched.
 */
import type { Message } from '../model.ts';
import { netScore, scoreVietnamese } from './score.ts';
import { tcvn3FromLatin1 } from './tcvn3.ts';
import { vniFromMojibake } from './vni.ts';

export type MojibakeKind = 'tcvn3' | 'vni';

const REPAIRS: Record<MojibakeKind, (text: string) => string> = {
  tcvn3: tcvn3FromLatin1,
  vni: vniFromMojibake,
};
const KINDS: readonly MojibakeKind[] = ['tcvn3', 'vni'];
const KIND_LABELS: Record<MojibakeKind, string> = { tcvn3: 'TCVN3 (ABC)', vni: 'VNI' };

/**
 * Latin-1 characters that are not Vietnamese letters (æ ø ö ¸ µ § …) and C1
 * controls: every mojibake line holds some, correct Vietnamese almost never.
 * No-break space is left out: real documents are full of it.
 */
const VIETNAMESE_LATIN1 = new Set('ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý');
const SUSPICIOUS = new RegExp(
  `[${Array.from({ length: 0x80 }, (_, i) => String.fromCharCode(0x80 + i))
    .filter((c) => c !== '\u00a0' && !VIETNAMESE_LATIN1.has(c))
    .join('')}]`,
);
const NON_ASCII = /[^\x00-\x7f]/;

/** How much more Vietnamese the repaired line must score to count as mojibake. */
const MARGIN = 2;
/** Share of non-ASCII lines that must be mojibake before the whole text is repaired. */
const WHOLE_TEXT_SHARE = 0.5;
const SNIPPET_LENGTH = 60;
/** Characters of text judged line by line; longer texts are surveyed on every n-th line. */
const SURVEY_BUDGET = 2_000_000;

interface Line {
  start: number;
  end: number;
  text: string;
}

function* lines(text: string): Generator<Line> {
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    yield { start, end, text: text.slice(start, end) };
    if (newline < 0) return;
    start = newline + 1;
  }
}

interface MojibakeLine extends Line {
  repaired: string;
}

interface Survey {
  /** Every n-th line was judged. */
  stride: number;
  nonAsciiLines: number;
  found: Record<MojibakeKind, MojibakeLine[]>;
}

/** The better repair of a line, if it is clearly more Vietnamese than the line as it stands. */
function judgeLine(line: Line): { kind: MojibakeKind; repaired: string } | undefined {
  const asIs = netScore(scoreVietnamese(line.text));
  let best: { kind: MojibakeKind; repaired: string; score: number } | undefined;
  for (const kind of KINDS) {
    const repaired = REPAIRS[kind](line.text);
    const score = netScore(scoreVietnamese(repaired));
    if (score > 0 && score - asIs >= MARGIN && (!best || score > best.score)) best = { kind, repaired, score };
  }
  return best;
}

function survey(text: string): Survey {
  const found: Record<MojibakeKind, MojibakeLine[]> = { tcvn3: [], vni: [] };
  let nonAsciiLines = 0;
  const stride = Math.max(1, Math.ceil(text.length / SURVEY_BUDGET));
  let index = 0;
  for (const line of lines(text)) {
    if (index++ % stride !== 0 || !NON_ASCII.test(line.text)) continue;
    nonAsciiLines++;
    if (!SUSPICIOUS.test(line.text)) continue;
    const verdict = judgeLine(line);
    if (verdict) found[verdict.kind].push({ ...line, repaired: verdict.repaired });
  }
  return { stride, nonAsciiLines, found };
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

export interface MojibakeResult {
  text: string;
  kind?: MojibakeKind;
  messages: Message[];
}

export function repairMojibake(text: string): MojibakeResult {
  if (!SUSPICIOUS.test(text)) return { text, messages: [] };
  const { stride, nonAsciiLines, found } = survey(text);
  const kind: MojibakeKind = found.vni.length > found.tcvn3.length ? 'vni' : 'tcvn3';
  const mojibake = found[kind];
  const first = mojibake[0];
  if (!first) return { text, messages: [] };
  const label = KIND_LABELS[kind];
  if (mojibake.length >= nonAsciiLines * WHOLE_TEXT_SHARE) {
    return {
      text: repairLines(text, kind),
      kind,
      messages: [
        {
          ruleId: 'decode:mojibake',
          severity: 'info',
          reason: `text was ${label} bytes shown as Latin-1 (mojibake); converted to Unicode`,
          actual: snippet(first.text),
          expected: snippet(first.repaired),
        },
        { ruleId: 'decode:legacy-encoding', severity: 'info', reason: `decoded as ${label} mojibake` },
      ],
    };
  }
  return {
    text,
    messages: [
      {
        ruleId: 'decode:mojibake',
        severity: 'warning',
        reason: `${mojibake.length} of ${nonAsciiLines} ${stride > 1 ? 'sampled ' : ''}lines with accents look like ${label} mojibake; left unchanged`,
        start: first.start,
        end: first.end,
        actual: snippet(first.text),
        expected: snippet(first.repaired),
      },
    ],
  };
}
