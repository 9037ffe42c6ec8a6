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

/** How the characters of one piece of a pass's output map to the pass's input (see {@link EditedText}). */
const COPY = 0; // output char k ↔ input char from + k (text kept, or replaced by text of the same length)
const SPAN = 1; // every output char ↔ the input chars [from, to) together (a replacement of another length)
const POINT = 2; // every output char ↔ the empty span before input char `from` (an insertion)

/** One edit pass as pieces of its output, in output order; empty pieces (deletions) are left out. */
interface Pass {
  inputLength: number;
  outStart: number[];
  kind: number[];
  from: number[];
  to: number[];
}

function passOf(inputLength: number, edits: readonly Edit[]): Pass {
  const pass: Pass = { inputLength, outStart: [], kind: [], from: [], to: [] };
  let write = 0;
  const add = (kind: number, length: number, from: number, to: number): void => {
    if (length === 0) return;
    const last = pass.kind.length - 1;
    // Kept text beside a same-length replacement maps character by character too: one piece.
    if (kind === COPY && last >= 0 && pass.kind[last] === COPY && pass.to[last] === from) pass.to[last] = to;
    else {
      pass.outStart.push(write);
      pass.kind.push(kind);
      pass.from.push(from);
      pass.to.push(to);
    }
    write += length;
  };
  let read = 0;
  for (const edit of edits) {
    add(COPY, edit.start - read, read, edit.start);
    const replaced = edit.end - edit.start;
    if (replaced === edit.text.length) add(COPY, replaced, edit.start, edit.end);
    else if (replaced > 0) add(SPAN, edit.text.length, edit.start, edit.end);
    else add(POINT, edit.text.length, edit.start, edit.start);
    read = edit.end;
  }
  add(COPY, inputLength - read, read, inputLength);
  return pass;
}

/** Index of the piece of `pass` that holds output char `at`. */
function pieceAt(pass: Pass, at: number): number {
  let lo = 0;
  let hi = pass.outStart.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (pass.outStart[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Text after several passes of edits, each pass applied as {@link applyEdits}
 * would, but the offset map is not copied per pass: each pass keeps only its
 * pieces (runs of kept text and the edits), spans are looked up through them,
 * and the per-character map is built once, by {@link EditedText.toMapped}.
 */
export class EditedText {
  private readonly passes: Pass[] = [];
  private current: string;

  constructor(readonly source: string) {
    this.current = source;
  }

  get text(): string {
    return this.current;
  }

  /** Applies sorted, non-overlapping edits to the current text (see {@link applyEdits}). */
  apply(edits: readonly Edit[]): void {
    if (edits.length === 0) return;
    assertEditsWellFormed(edits, this.current.length);
    const pieces: string[] = [];
    let read = 0;
    for (const edit of edits) {
      pieces.push(this.current.slice(read, edit.start), edit.text);
      read = edit.end;
    }
    pieces.push(this.current.slice(read));
    this.passes.push(passOf(this.current.length, edits));
    this.current = pieces.join('');
  }

  /** {@link sourceSpan} of the current text. */
  sourceSpan(from: number, to: number): [number, number] {
    const top = this.passes.length;
    if (to <= from) {
      const at = this.positionBefore(top, from);
      return [at, at];
    }
    let start = this.startOf(top, from);
    let end = this.endOf(top, to - 1);
    if (start > end) [start, end] = [end, start];
    return [start, end];
  }

  /** The current text with its per-character map, built in one pass over it. */
  toMapped(): MappedText {
    const length = this.current.length;
    // One allocation for both arrays: a large typed array costs more to allocate than to fill.
    const both = new Uint32Array(length * 2);
    const starts = both.subarray(0, length);
    const ends = both.subarray(length);
    const identity = identityUpTo(this.source.length + 1);
    this.fill(this.passes.length, 0, length, starts, ends, 0, identity);
    return { text: this.current, starts, ends, sourceLength: this.source.length };
  }

  /** Length of the text after `level` passes (0: the source). */
  private lengthAt(level: number): number {
    return level === this.passes.length
      ? this.current.length
      : level === 0
        ? this.source.length
        : this.passes[level]!.inputLength;
  }

  private startOf(level: number, at: number): number {
    if (level === 0) return at;
    const pass = this.passes[level - 1]!;
    const p = pieceAt(pass, at);
    const kind = pass.kind[p]!;
    if (kind === COPY) return this.startOf(level - 1, pass.from[p]! + at - pass.outStart[p]!);
    if (kind === SPAN) return this.startOf(level - 1, pass.from[p]!);
    return this.positionBefore(level - 1, pass.from[p]!);
  }

  private endOf(level: number, at: number): number {
    if (level === 0) return at + 1;
    const pass = this.passes[level - 1]!;
    const p = pieceAt(pass, at);
    const kind = pass.kind[p]!;
    if (kind === COPY) return this.endOf(level - 1, pass.from[p]! + at - pass.outStart[p]!);
    if (kind === SPAN) return this.endOf(level - 1, pass.to[p]! - 1);
    return this.positionBefore(level - 1, pass.from[p]!);
  }

  private positionBefore(level: number, at: number): number {
    if (at < this.lengthAt(level)) return this.startOf(level, at);
    if (at > 0) return this.endOf(level, at - 1);
    return 0;
  }

  /** Writes the map of chars [from, to) of the text after `level` passes into starts/ends at `write`. */
  private fill(
    level: number,
    from: number,
    to: number,
    starts: Uint32Array,
    ends: Uint32Array,
    write: number,
    identity: Uint32Array | undefined,
  ): void {
    if (to <= from) return;
    if (level === 0) {
      if (identity !== undefined && to - from >= LONG_RUN) {
        // Char i of the source maps to [i, i + 1): copied from 0, 1, 2, … instead of counted.
        starts.set(identity.subarray(from, to), write);
        ends.set(identity.subarray(from + 1, to + 1), write);
        return;
      }
      for (let i = from; i < to; i++, write++) {
        starts[write] = i;
        ends[write] = i + 1;
      }
      return;
    }
    const pass = this.passes[level - 1]!;
    for (let p = pieceAt(pass, from); p < pass.outStart.length && pass.outStart[p]! < to; p++) {
      const pieceStart = pass.outStart[p]!;
      const pieceEnd = p + 1 < pass.outStart.length ? pass.outStart[p + 1]! : this.lengthAt(level);
      const s = Math.max(from, pieceStart);
      const e = Math.min(to, pieceEnd);
      const at = write + s - from;
      const kind = pass.kind[p]!;
      if (kind === COPY) {
        const inputFrom = pass.from[p]! + s - pieceStart;
        this.fill(level - 1, inputFrom, inputFrom + e - s, starts, ends, at, identity);
      } else {
        const span =
          kind === SPAN
            ? [this.startOf(level - 1, pass.from[p]!), this.endOf(level - 1, pass.to[p]! - 1)]
            : [this.positionBefore(level - 1, pass.from[p]!), this.positionBefore(level - 1, pass.from[p]!)];
        starts.fill(span[0]!, at, at + e - s);
        ends.fill(span[1]!, at, at + e - s);
      }
    }
  }
}

/** Runs at least this long are copied from the identity array; shorter ones are counted (cheaper than two views). */
const LONG_RUN = 256;
/** Longest identity array kept between calls: 4 M entries (16 MB); longer texts count instead. */
const MAX_IDENTITY = 1 << 22;
let identityArray = new Uint32Array(0);

/** 0, 1, 2, …, length - 1, shared between calls; undefined past {@link MAX_IDENTITY}. */
function identityUpTo(length: number): Uint32Array | undefined {
  if (length > MAX_IDENTITY) return undefined;
  if (identityArray.length < length) {
    const grown = new Uint32Array(Math.min(MAX_IDENTITY, Math.max(length, identityArray.length * 2)));
    for (let i = 0; i < grown.length; i++) grown[i] = i;
    identityArray = grown;
  }
  return identityArray;
}
