/**
 * Word-level diff of two paired units: jsdiff's Myers engine on our own
 * tokens (accent-folded syllable ids), so tone style and OCR accent noise do
 * not show as changes; the original words are shown. Adjacent removals and
 * insertions, and the short equal islands between them, are merged into
 * whole-phrase changes. Budgets give a typed "gave up"; they are counted in
 * operations (edit length, and token positions × edit length for the work),
 * never in time, so the same units give the same result at any machine load.
 */
import { diffArrays } from 'diff';
import { type TokenSeq, tokenize, Vocabulary } from './tokens.ts';

export interface DiffPart {
  op: 'equal' | 'removed' | 'added';
  text: string;
}

export interface DiffUnitsOptions {
  /** Give up beyond this many edits (default: both lengths, at most 2000). */
  maxEditLength?: number;
  /**
   * Work budget: Myers explores at most (|A| + |B|) positions per edit, so the
   * edit length allowed is also capped at maxWork / (|A| + |B|) (default 4M:
   * about 2000 edits for units of 2000 syllables, fewer for longer ones).
   */
  maxWork?: number;
  /** Equal runs of at most this many syllables between two changes are folded into the change (default 1). */
  absorb?: number;
}

export type UnitDiff =
  | { status: 'ok'; parts: DiffPart[]; equalTokens: number }
  | { status: 'gave-up'; reason: 'max-edit-length' };

export const DEFAULT_MAX_WORK = 4_000_000;

interface Op {
  op: 'equal' | 'change';
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

/** Raw Myers ops on token ids, or undefined when a budget ran out. */
function rawOps(a: TokenSeq, b: TokenSeq, maxEditLength: number): Op[] | undefined {
  // No `timeout`: a wall-clock budget would make the output depend on the machine's load.
  const changes = diffArrays(Array.from(a.ids), Array.from(b.ids), { maxEditLength });
  if (!changes) return undefined;
  const ops: Op[] = [];
  let ia = 0;
  let ib = 0;
  for (const c of changes) {
    const n = c.count ?? c.value.length;
    const last = ops[ops.length - 1];
    if (!c.added && !c.removed) {
      ops.push({ op: 'equal', a0: ia, a1: ia + n, b0: ib, b1: ib + n });
      ia += n;
      ib += n;
    } else {
      const cur =
        last && last.op === 'change' ? last : { op: 'change' as const, a0: ia, a1: ia, b0: ib, b1: ib };
      if (cur !== last) ops.push(cur);
      if (c.removed) ia += n;
      else ib += n;
      cur.a1 = ia;
      cur.b1 = ib;
    }
  }
  return ops;
}

/** Folds short equal islands between changes into one change. */
function mergeOps(ops: Op[], absorb: number): Op[] {
  const out: Op[] = [];
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    const prev = out[out.length - 1];
    const next = ops[i + 1];
    const island =
      op.op === 'equal' && op.a1 - op.a0 <= absorb && prev?.op === 'change' && next?.op === 'change';
    if (island || (op.op === 'change' && prev?.op === 'change')) {
      prev!.a1 = op.a1;
      prev!.b1 = op.b1;
      continue;
    }
    out.push({ ...op });
  }
  return out;
}

/** Text of tokens `[from, to)` with the separators that follow them. */
function partText(seq: TokenSeq, from: number, to: number): string {
  if (to <= from) return '';
  const end = to < seq.ids.length ? seq.starts[to]! : seq.text.length;
  return seq.text.slice(seq.starts[from]!, end);
}

/** Diffs two tokenised texts (same vocabulary). Parts reassemble A (equal + removed) and B (equal + added). */
export function diffTokens(a: TokenSeq, b: TokenSeq, options: DiffUnitsOptions = {}): UnitDiff {
  const positions = a.ids.length + b.ids.length;
  const byWork = Math.floor((options.maxWork ?? DEFAULT_MAX_WORK) / Math.max(1, positions));
  const maxEditLength = Math.min(options.maxEditLength ?? Math.min(2000, positions), byWork);
  // At least |A| − |B| edits are needed: no need to run Myers to learn it does not fit.
  if (Math.abs(a.ids.length - b.ids.length) > maxEditLength)
    return { status: 'gave-up', reason: 'max-edit-length' };
  const ops = rawOps(a, b, maxEditLength);
  if (!ops) return { status: 'gave-up', reason: 'max-edit-length' };
  const parts: DiffPart[] = [];
  let equalTokens = 0;
  for (const op of mergeOps(ops, options.absorb ?? 1)) {
    if (op.op === 'equal') {
      equalTokens += op.a1 - op.a0;
      parts.push({ op: 'equal', text: partText(a, op.a0, op.a1) });
      continue;
    }
    if (op.a1 > op.a0) parts.push({ op: 'removed', text: partText(a, op.a0, op.a1) });
    if (op.b1 > op.b0) parts.push({ op: 'added', text: partText(b, op.b0, op.b1) });
  }
  return { status: 'ok', parts, equalTokens };
}

/** Diffs two unit texts on accent-folded syllables; see `diffTokens`. */
export function diffUnits(a: string, b: string, options: DiffUnitsOptions = {}): UnitDiff {
  const vocab = new Vocabulary();
  return diffTokens(tokenize(a, vocab), tokenize(b, vocab), options);
}

/** The diff as one marked-up string: `same [-old-]{+new+}`, for tests and terminals without colour. */
export function formatDiff(parts: readonly DiffPart[]): string {
  return parts
    .map((p) =>
      p.op === 'equal'
        ? p.text
        : p.op === 'removed'
          ? `[-${p.text.trimEnd()}-] `
          : `{+${p.text.trimEnd()}+} `,
    )
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
