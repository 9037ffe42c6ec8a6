/**
 * Text that remembers where each of its characters came from.
 *
 * Every UTF-16 code unit `i` of `text` maps to the source span
 * `[starts[i], ends[i])` of the original decoded text, like a source map.
 * Stages never rewrite text directly: they propose `Edit`s, and `applyEdits`
 * composes the map, so a unit found in the normalised text can always be
 * traced back to the span of the file it came from.
 */
import type { Edit } from '../model.ts';

export interface MappedText {
  readonly text: string;
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  /** Length of the source text the map points into. */
  readonly sourceLength: number;
}

/** The identity map: the source text mapped onto itself. */
export function mappedFromSource(source: string): MappedText {
  const n = source.length;
  const starts = new Uint32Array(n);
  const ends = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    starts[i] = i;
    ends[i] = i + 1;
  }
  return { text: source, starts, ends, sourceLength: n };
}

/** Checks that edits are sorted, non-overlapping and inside `length`; throws on a programming error. */
export function assertEditsWellFormed(edits: readonly Edit[], length: number): void {
  let previousEnd = 0;
  for (const edit of edits) {
    if (edit.start < previousEnd || edit.end < edit.start || edit.end > length) {
      throw new RangeError(
        `edits must be sorted, non-overlapping and within [0, ${length}): got [${edit.start}, ${edit.end}) after ${previousEnd}`,
      );
    }
    previousEnd = edit.end;
  }
}

/**
 * Applies sorted, non-overlapping edits. A replacement of the same length maps
 * character by character (tone moves, letter repairs keep exact positions);
 * otherwise every new character maps to the whole replaced source span. An
 * insertion maps to an empty span at its position.
 */
export function applyEdits(input: MappedText, edits: readonly Edit[]): MappedText {
  if (edits.length === 0) return input;
  assertEditsWellFormed(edits, input.text.length);
  let outLength = input.text.length;
  for (const edit of edits) outLength += edit.text.length - (edit.end - edit.start);
  const starts = new Uint32Array(outLength);
  const ends = new Uint32Array(outLength);
  const pieces: string[] = [];
  let read = 0;
  let write = 0;
  const copy = (from: number, to: number): void => {
    if (to <= from) return;
    pieces.push(input.text.slice(from, to));
    starts.set(input.starts.subarray(from, to), write);
    ends.set(input.ends.subarray(from, to), write);
    write += to - from;
  };
  for (const edit of edits) {
    copy(read, edit.start);
    const replaced = edit.end - edit.start;
    const spanStart = replaced > 0 ? input.starts[edit.start]! : positionBefore(input, edit.start);
    const spanEnd = replaced > 0 ? input.ends[edit.end - 1]! : spanStart;
    pieces.push(edit.text);
    for (let k = 0; k < edit.text.length; k++) {
      if (replaced === edit.text.length) {
        starts[write] = input.starts[edit.start + k]!;
        ends[write] = input.ends[edit.start + k]!;
      } else {
        starts[write] = spanStart;
        ends[write] = spanEnd;
      }
      write++;
    }
    read = edit.end;
  }
  copy(read, input.text.length);
  return { text: pieces.join(''), starts, ends, sourceLength: input.sourceLength };
}

function positionBefore(input: MappedText, index: number): number {
  if (index < input.text.length) return input.starts[index]!;
  if (index > 0) return input.ends[index - 1]!;
  return 0;
}

/** The source span `[start, end)` covered by the text range `[from, to)`; an empty range maps to an empty span. */
export function sourceSpan(mapped: MappedText, from: number, to: number): [number, number] {
  if (to <= from) {
    const at = positionBefore(mapped, from);
    return [at, at];
  }
  let start = mapped.starts[from]!;
  let end = mapped.ends[to - 1]!;
  // Characters that came from a reordering-free pipeline are monotonic, but a
  // replacement maps many characters to one span: take the hull to be safe.
  if (start > end) [start, end] = [end, start];
  return [start, end];
}
