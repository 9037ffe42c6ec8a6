/**
 * Splits a large JSON document into pieces without parsing it whole: the
 * bytes of each element of chosen arrays (`plans`, `findings.comparisons`…)
 * and of every other member on the way to them are handed over one by one,
 * as they stream past. A 1 GB analysis.json never becomes one string (V8
 * caps strings at 2^29 characters) and memory stays at one piece at a time.
 *
 * Works on bytes: JSON's structural characters are ASCII and never occur
 * inside a UTF-8 multibyte sequence, so a piece is cut exactly and decoded
 * once, whole.
 */
import { createReadStream } from 'node:fs';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJ = 0x7b;
const CLOSE_OBJ = 0x7d;
const OPEN_ARR = 0x5b;
const CLOSE_ARR = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

export class JsonSplitError extends Error {}

/**
 * A piece: `path` is the member's dotted path (`tool`, `findings.method`),
 * or the array's path for an element (`plans`, with `index`).
 */
export type PieceHandler = (path: string, index: number | undefined, bytes: Buffer) => void;

interface Frame {
  kind: 'obj' | 'arr';
  path: string;
  /** An array whose elements are handed over one by one. */
  split: boolean;
  key: string | undefined;
  index: number;
  /** What the next non-space byte must be. */
  expect: 'key' | 'colon' | 'value' | 'comma';
}

interface Capture {
  path: string;
  index: number | undefined;
  pieces: Buffer[];
  depth: number;
  inString: boolean;
  escape: boolean;
  /** A number, true, false or null: ends at the next delimiter. */
  primitive: boolean;
}

/** The incremental splitter; feed it chunks, then `end()`. */
export class JsonSplitter {
  private readonly stack: Frame[] = [];
  private capture: Capture | undefined;
  private keyPieces: Buffer[] | undefined;
  private keyEscape = false;
  private done = false;
  private readonly descend: Set<string>;

  constructor(
    private readonly splitPaths: ReadonlySet<string>,
    private readonly onPiece: PieceHandler,
    /** Called when one of the split arrays opens (an empty one hands over no piece). */
    private readonly onOpen?: (path: string) => void,
  ) {
    this.descend = new Set();
    for (const p of splitPaths) {
      const parts = p.split('.');
      for (let i = 0; i < parts.length; i++) this.descend.add(parts.slice(0, i).join('.'));
    }
  }

  write(chunk: Buffer): void {
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      if (this.capture) {
        i = this.scanCapture(chunk, i);
        continue;
      }
      if (this.keyPieces) {
        i = this.scanKey(chunk, i);
        continue;
      }
      const b = chunk[i]!;
      if (isSpace(b)) {
        i++;
        continue;
      }
      if (this.done) throw new JsonSplitError('unexpected data after the end of the document');
      const top = this.stack[this.stack.length - 1];
      if (!top) {
        if (b !== OPEN_OBJ) throw new JsonSplitError('expected a JSON object');
        this.stack.push({ kind: 'obj', path: '', split: false, key: undefined, index: 0, expect: 'key' });
        i++;
        continue;
      }
      switch (top.expect) {
        case 'key':
          if (b === QUOTE) {
            this.keyPieces = [];
            this.keyEscape = false;
            i++;
          } else if (b === CLOSE_OBJ && top.key === undefined) i = this.close(i);
          else throw new JsonSplitError(`expected a member name in ${top.path || '(root)'}`);
          break;
        case 'colon':
          if (b !== COLON) throw new JsonSplitError(`expected ':' after ${top.key}`);
          top.expect = 'value';
          i++;
          break;
        case 'comma':
          if (b === COMMA) {
            top.expect = top.kind === 'obj' ? 'key' : 'value';
            if (top.kind === 'arr') top.index++;
            i++;
          } else if (b === (top.kind === 'obj' ? CLOSE_OBJ : CLOSE_ARR)) i = this.close(i);
          else throw new JsonSplitError(`expected ',' in ${top.path || '(root)'}`);
          break;
        case 'value': {
          if (top.kind === 'arr' && b === CLOSE_ARR && top.index === 0) {
            i = this.close(i);
            break;
          }
          const path = top.kind === 'obj' ? (top.path ? `${top.path}.${top.key}` : top.key!) : top.path;
          top.expect = 'comma';
          if (top.kind === 'obj' && b === OPEN_ARR && this.splitPaths.has(path)) {
            this.stack.push({ kind: 'arr', path, split: true, key: undefined, index: 0, expect: 'value' });
            this.onOpen?.(path);
            i++;
          } else if (top.kind === 'obj' && b === OPEN_OBJ && this.descend.has(path)) {
            this.stack.push({ kind: 'obj', path, split: false, key: undefined, index: 0, expect: 'key' });
            i++;
          } else {
            this.capture = {
              path,
              index: top.kind === 'arr' ? top.index : undefined,
              pieces: [],
              depth: 0,
              inString: false,
              escape: false,
              primitive: b !== OPEN_OBJ && b !== OPEN_ARR && b !== QUOTE,
            };
            i = this.scanCapture(chunk, i);
          }
          break;
        }
      }
    }
  }

  end(): void {
    if (this.capture?.primitive && this.stack.length === 0) return;
    if (!this.done || this.capture || this.keyPieces)
      throw new JsonSplitError('the document ends early (truncated file?)');
  }

  private close(i: number): number {
    this.stack.pop();
    if (this.stack.length === 0) this.done = true;
    return i + 1;
  }

  private scanKey(chunk: Buffer, i: number): number {
    const n = chunk.length;
    let j = i;
    while (j < n) {
      const b = chunk[j]!;
      if (this.keyEscape) this.keyEscape = false;
      else if (b === BACKSLASH) this.keyEscape = true;
      else if (b === QUOTE) {
        this.keyPieces!.push(chunk.subarray(i, j));
        const raw = Buffer.concat(this.keyPieces!).toString('utf8');
        this.keyPieces = undefined;
        const top = this.stack[this.stack.length - 1]!;
        top.key = JSON.parse(`"${raw}"`) as string;
        top.expect = 'colon';
        return j + 1;
      }
      j++;
    }
    this.keyPieces!.push(Buffer.from(chunk.subarray(i, n)));
    return n;
  }

  /** Scans the captured value from `i`; hands it over when it ends. Returns where scanning stopped. */
  private scanCapture(chunk: Buffer, i: number): number {
    const c = this.capture!;
    const n = chunk.length;
    const start = i;
    let j = i;
    let backslash = -2;
    while (j < n) {
      if (c.inString) {
        if (c.escape) {
          c.escape = false;
          j++;
          continue;
        }
        // Most of the bytes are string content: jump to the next quote or backslash.
        const q = chunk.indexOf(QUOTE, j);
        // The next backslash is looked up again only once passed (a search per string would scan to the chunk's end each time).
        if (backslash !== -1 && backslash < j) backslash = chunk.indexOf(BACKSLASH, j);
        const next = q < 0 ? backslash : backslash < 0 ? q : Math.min(q, backslash);
        if (next < 0) {
          j = n;
          break;
        }
        j = next;
        if (chunk[j] === BACKSLASH) c.escape = true;
        else {
          c.inString = false;
          if (c.depth === 0) return this.finish(chunk, start, j + 1);
        }
        j++;
        continue;
      }
      const b = chunk[j]!;
      if (c.primitive) {
        if (b === COMMA || b === CLOSE_ARR || b === CLOSE_OBJ || isSpace(b))
          return this.finish(chunk, start, j);
        j++;
        continue;
      }
      if (b === QUOTE) c.inString = true;
      else if (b === OPEN_OBJ || b === OPEN_ARR) c.depth++;
      else if (b === CLOSE_OBJ || b === CLOSE_ARR) {
        c.depth--;
        if (c.depth === 0) return this.finish(chunk, start, j + 1);
      }
      j++;
    }
    c.pieces.push(Buffer.from(chunk.subarray(start, n)));
    return n;
  }

  private finish(chunk: Buffer, start: number, end: number): number {
    const c = this.capture!;
    c.pieces.push(chunk.subarray(start, end));
    this.capture = undefined;
    const bytes = c.pieces.length === 1 ? c.pieces[0]! : Buffer.concat(c.pieces);
    this.onPiece(c.path, c.index, bytes);
    return end;
  }
}

/** Streams `file` through a splitter; `onPiece` runs synchronously for each piece, in document order. */
export async function splitJsonFile(
  file: string,
  splitPaths: ReadonlySet<string>,
  onPiece: PieceHandler,
): Promise<void> {
  const splitter = new JsonSplitter(splitPaths, onPiece);
  for await (const chunk of createReadStream(file, { highWaterMark: 4 * 2 ** 20 }))
    splitter.write(chunk as Buffer);
  splitter.end();
}
