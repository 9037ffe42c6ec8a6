/**
 * Runs of one character class (letters and digits, marks, …) found without
 * a greedy `+` over the whole run: V8's regex engine keeps a backtrack entry
 * per character of a `/[…]+/u` match and overflows its stack on runs of a few
 * million characters (one long "word" in a damaged or hostile file). Matching
 * bounded pieces and joining adjacent ones gives the same runs on any input.
 */

/** Longest piece matched at once; far below the engine's limit. */
const PIECE = 4096;

export interface Run {
  index: number;
  text: string;
}

const cache = new Map<string, RegExp>();

function piecesOf(classSource: string): RegExp {
  let re = cache.get(classSource);
  if (!re) {
    re = new RegExp(`${classSource}{1,${PIECE}}`, 'gu');
    cache.set(classSource, re);
  }
  return re;
}

/**
 * Calls `visit` with each maximal run of `classSource` (a character class
 * such as `[\p{L}\p{N}]`), in order: what `text.matchAll(/class+/gu)` finds.
 */
export function forEachRun(
  text: string,
  classSource: string,
  visit: (index: number, run: string) => void,
): void {
  const pieces = piecesOf(classSource);
  // The shared regex is only used within this synchronous loop (visit must not re-enter with the same class).
  pieces.lastIndex = 0;
  let start = -1;
  let end = -1;
  let run = '';
  for (let m = pieces.exec(text); m; m = pieces.exec(text)) {
    if (m.index === end) {
      // Greedy pieces of one class touch only where the cap split a run.
      run += m[0];
      end += m[0].length;
      continue;
    }
    if (start >= 0) visit(start, run);
    start = m.index;
    end = m.index + m[0].length;
    run = m[0];
  }
  pieces.lastIndex = 0;
  if (start >= 0) visit(start, run);
}

/** The runs with their offsets. */
export function runsOf(text: string, classSource: string): Run[] {
  const out: Run[] = [];
  forEachRun(text, classSource, (index, run) => out.push({ index, text: run }));
  return out;
}

/** The runs' texts, as `text.match(/class+/gu) ?? []` would give them. */
export function runTexts(text: string, classSource: string): string[] {
  const out: string[] = [];
  forEachRun(text, classSource, (_index, run) => out.push(run));
  return out;
}

const CAPITAL = /\p{Lu}/u;

/** Whether a word or line holds two capitals or more: `/\p{Lu}.*\p{Lu}/u` without a loop over the whole text. */
export function hasTwoCapitals(line: string): boolean {
  const first = line.search(CAPITAL);
  if (first < 0) return false;
  const width = line.codePointAt(first)! > 0xffff ? 2 : 1;
  return CAPITAL.test(line.slice(first + width));
}
