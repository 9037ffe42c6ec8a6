/**
 * segment: normalised blocks → a tree of units with roles and source spans.
 *
 * Each line of the normalised text is one block. A block's marker ("II.",
 * "2.1.", "(3)", "-", "+") gives its rank; a stack of open blocks gives the
 * tree. Roles come from the section a block sits in: the top-level heading
 * decides ("MỤC ĐÍCH, YÊU CẦU", "NHIỆM VỤ, GIẢI PHÁP", "TỔ CHỨC THỰC HIỆN",
 * "HÌNH THỨC, NỘI DUNG, THỜI GIAN"), matched on accent-folded text so that
 * OCR damage ("Nơi nhân") does not hide it.
 */
import type { Role, SkippedSpan, Span, Unit, UnitKind } from './model.ts';
import type { NormalisedText } from './normalise.ts';
import { fold, foldSameLength } from './text/fold.ts';
import { sourceSpan } from './text/mapped.ts';
import { type Marker, parseMarker, startsWithFieldLabel } from './text/markers.ts';

export interface Block {
  /** Range in the normalised text. */
  from: number;
  to: number;
  text: string;
  marker: Marker | undefined;
}

export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let from = 0;
  while (from <= text.length) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    if (to > from) {
      const line = text.slice(from, to);
      blocks.push({ from, to, text: line, marker: parseMarker(line) });
    }
    from = to + 1;
  }
  return blocks;
}

const MARKER_RANK: Record<Marker['kind'], number> = {
  roman: 1,
  arabic: 2,
  letter: 6,
  paren: 7,
  dash: 8,
  plus: 9,
};
function rankOf(marker: Marker): number {
  return marker.kind === 'arabic' ? MARKER_RANK.arabic + marker.depth - 1 : MARKER_RANK[marker.kind];
}

/** Section roles by keyword, in the order they are tried on a folded heading. */
const ROLE_KEYWORDS: [RegExp, Role][] = [
  [/\bnoi nha[nm]\b/, 'recipients'],
  [/\bto chuc thuc hien\b|\bphan cong\b|\btrach nhiem thuc hien\b/, 'organisation'],
  [/\bmuc dich\b/, 'purpose'],
  [/\byeu cau\b/, 'requirement'],
  [/\bmuc tieu\b/, 'objective'],
  [
    /\bhinh thuc\b|\bthoi gian\b|\bdia diem\b|\bthanh phan\b|\bmaket\b|\btai lieu\b|\bchuan bi\b|\bchuong trinh hoi nghi\b|\bkinh phi\b/,
    'logistics',
  ],
  [/\bnhiem vu\b|\bgiai phap\b|\bnoi dung\b|\bchuong trinh hanh dong\b/, 'task'],
];

export function roleOfHeading(heading: string): Role | undefined {
  const folded = fold(heading);
  let best: { at: number; role: Role } | undefined;
  for (const [pattern, role] of ROLE_KEYWORDS) {
    const m = pattern.exec(folded);
    if (m && (!best || m.index < best.at)) best = { at: m.index, role };
  }
  return best?.role;
}

const PREAMBLE_START = /^(?:thuc hien|can cu|ban thuong vu)\b/;
/** The grounds paragraph ("Thực hiện Kết luận…, Ban Thường vụ ban hành…") starts with a capital; a title line after "KẾ HOẠCH" does not. */
function isPreamble(text: string, folded: string): boolean {
  return /^\p{Lu}/u.test(text) && PREAMBLE_START.test(folded);
}
const SIGNATURE_LINE =
  /^(?:t\s*\/\s*m\b|tm\.|k\s*\/\s*t\b|kt\.|.{0,6}ban thuong vu$|.{0,6}(?:pho )?bi thu\b|.{0,6}chu tich\b)/;
const PLAN_TITLE = /^ke hoach$/;

function isAllCaps(s: string): boolean {
  return !/\p{Ll}/u.test(s) && /\p{Lu}/u.test(s);
}

/** A heading is a marked block that names a section rather than saying something: short, no full stop. */
function looksLikeHeading(block: Block, next: Block | undefined): boolean {
  if (!block.marker || block.marker.kind === 'dash' || block.marker.kind === 'plus') return false;
  const body = block.text.slice(block.marker.length).trim();
  if (block.marker.kind === 'roman') return true;
  if (isAllCaps(body)) return true;
  const words = body.split(/\s+/).length;
  const endsSentence = /[.;!?]["”)]*$/.test(body);
  const nextIsDeeper = next?.marker !== undefined && rankOf(next.marker) > rankOf(block.marker);
  const nextIsPlain = next !== undefined && next.marker === undefined && !startsWithFieldLabel(next.text);
  if (/:$/.test(body)) return words <= 12 || nextIsDeeper;
  return !endsSentence && words <= 30 && (nextIsDeeper || nextIsPlain || words <= 12);
}

/** Inside a conference's logistics: the agenda (talks, labelled by topic) and the attendees stand apart. */
function logisticsRole(headings: string[]): Role {
  for (let i = headings.length - 1; i >= 1; i--) {
    const f = fold(headings[i]!);
    if (/\b(?:thanh phan|dai bieu|doi tuong tham du|thanh vien tham du)\b/.test(f)) return 'attendees';
    if (/\b(?:noi dung|chuong trinh hoi nghi|chuong trinh)\b/.test(f)) return 'agenda';
  }
  const top = fold(headings[0] ?? '');
  if (/^(?:[ivxl]+[.\-–)]\s*)?(?:thanh phan|dai bieu)\b/.test(top)) return 'attendees';
  return 'logistics';
}

function headingTexts(stack: readonly OpenNode[]): string[] {
  return stack.filter((s) => s.heading).map((s) => s.unit.text);
}

export interface SegmentResult {
  units: Unit[];
  skipped: SkippedSpan[];
}

interface OpenNode {
  unit: Unit;
  rank: number;
  heading: boolean;
  childCounts: Map<string, number>;
}

export function segment(planId: string, normalised: NormalisedText, sourceText: string): SegmentResult {
  const blocks = splitBlocks(normalised.text);
  // Each heading's role is asked for by every block under it: decide it once.
  const roles = new Map<string, Role | undefined>();
  const roleOf = (heading: string): Role | undefined => {
    if (!roles.has(heading)) roles.set(heading, roleOfHeading(heading));
    return roles.get(heading);
  };
  const units: Unit[] = [];
  // One folding of the whole (NFC) text, sliced per block.
  const foldedText = foldSameLength(normalised.text);
  const folded = blocks.map((b) => foldedText.slice(b.from, b.to));
  const spanOf = (b: Block): Span => sourceSpan(normalised, b.from, b.to);

  // Header: up to and including the title that follows "KẾ HOẠCH", or until the first preamble/marked block.
  let bodyStart = 0;
  const titleAt = folded.findIndex((f, i) => i < 15 && PLAN_TITLE.test(f));
  if (titleAt >= 0) {
    bodyStart = titleAt + 1;
    while (
      bodyStart < blocks.length &&
      !blocks[bodyStart]!.marker &&
      !isPreamble(blocks[bodyStart]!.text, folded[bodyStart]!) &&
      bodyStart - titleAt <= 4
    )
      bodyStart++;
  } else {
    while (
      bodyStart < blocks.length &&
      bodyStart < 12 &&
      !blocks[bodyStart]!.marker &&
      !isPreamble(blocks[bodyStart]!.text, folded[bodyStart]!)
    )
      bodyStart++;
    if (bodyStart >= Math.min(blocks.length, 12)) bodyStart = 0;
  }

  // Tail: recipients ("Nơi nhận:" and its list) and the signature block, found from the end.
  let tailStart = blocks.length;
  for (let i = blocks.length - 1; i >= bodyStart; i--) {
    const f = folded[i]!;
    const isTailLine =
      /^noi nha[nm]\b/.test(f) ||
      (blocks[i]!.text.length < 70 && SIGNATURE_LINE.test(f)) ||
      (i > tailStart - 3 && blocks[i]!.text.length < 40 && !blocks[i]!.marker && tailStart < blocks.length);
    if (isTailLine) tailStart = i;
    else if (tailStart < blocks.length && blocks[i]!.marker?.kind === 'dash' && blocks.length - i < 40) {
      // Recipient bullets sit between "Nơi nhận:" and the signature in some layouts.
      const recipientsAhead = folded.slice(i, tailStart + 1).some((x) => /^noi nha[nm]\b/.test(x));
      if (!recipientsAhead) break;
      tailStart = i;
    } else break;
  }
  // Recipient bullets after "Nơi nhận:" belong to the tail even when they look like body bullets.
  const recipientsAt = folded.findIndex((f, i) => i >= bodyStart && /^noi nha[nm]\b/.test(f));
  if (recipientsAt >= 0 && recipientsAt < tailStart) tailStart = recipientsAt;

  const idCounts = new Map<string, number>();
  const uniqueId = (id: string): string => {
    const n = (idCounts.get(id) ?? 0) + 1;
    idCounts.set(id, n);
    return n === 1 ? id : `${id}~${n}`;
  };
  const flat = (prefix: string, from: number, to: number, role: Role): void => {
    for (let i = from; i < to; i++) {
      const b = blocks[i]!;
      units.push({
        id: uniqueId(`${planId}:${prefix}${i - from + 1}`),
        kind: 'paragraph',
        role,
        headingPath: [],
        depth: 0,
        text: b.text,
        span: spanOf(b),
      });
    }
  };

  flat('h', 0, bodyStart, 'header');

  // Body: a stack of open blocks.
  const stack: OpenNode[] = [];
  const rootCounts = new Map<string, number>();
  let sectionRole: Role = 'preamble';
  let seenSection = false;
  for (let i = bodyStart; i < tailStart; i++) {
    const b = blocks[i]!;
    const next = i + 1 < tailStart ? blocks[i + 1] : undefined;
    const isField =
      startsWithFieldLabel(b.text) && !(b.marker && b.marker.kind !== 'dash' && b.marker.kind !== 'plus');
    const heading = !isField && looksLikeHeading(b, next);
    let kind: UnitKind;
    let rank: number;
    if (isField) {
      kind = 'field';
      rank = Number.POSITIVE_INFINITY;
      // A field line belongs to the task item it follows: close bullets above it.
      while (
        stack.length > 0 &&
        !stack[stack.length - 1]!.heading &&
        stack[stack.length - 1]!.unit.kind !== 'item'
      )
        stack.pop();
    } else if (b.marker) {
      rank = rankOf(b.marker);
      kind = heading ? 'heading' : b.marker.kind === 'dash' || b.marker.kind === 'plus' ? 'bullet' : 'item';
      while (stack.length > 0 && stack[stack.length - 1]!.rank >= rank) stack.pop();
    } else {
      kind = 'paragraph';
      rank = Number.POSITIVE_INFINITY;
      // A plain paragraph continues the innermost heading or item, not a bullet.
      while (stack.length > 0 && stack[stack.length - 1]!.unit.kind === 'bullet') stack.pop();
      while (stack.length > 0 && stack[stack.length - 1]!.rank === Number.POSITIVE_INFINITY) stack.pop();
    }
    const parent = stack[stack.length - 1];
    if (b.marker?.kind === 'roman' || (!seenSection && heading)) {
      seenSection = true;
    }
    const counts = parent ? parent.childCounts : rootCounts;
    let segmentLabel: string;
    if (b.marker && b.marker.kind !== 'dash' && b.marker.kind !== 'plus') {
      segmentLabel = b.marker.kind === 'paren' ? `(${b.marker.label})` : b.marker.label;
    } else {
      const prefix =
        kind === 'field' ? 'f' : kind === 'bullet' ? (b.marker?.kind === 'plus' ? 'pl' : 'b') : 'p';
      const n = (counts.get(prefix) ?? 0) + 1;
      counts.set(prefix, n);
      segmentLabel = `${prefix}${n}`;
    }
    const path = parent ? `${parent.unit.id.slice(planId.length + 1)}/${segmentLabel}` : segmentLabel;
    const headingPath = stack.filter((s) => s.heading).map((s) => s.unit.text);

    // Role: the top-level section decides; a combined purpose/requirement section is refined by its sub-heading.
    const top = stack.find((s) => s.heading);
    let role: Role;
    if (!seenSection) role = 'preamble';
    else {
      const topRole = top ? roleOf(top.unit.text) : heading ? roleOf(b.text) : undefined;
      const inner = [...stack.filter((s) => s.heading).map((s) => s.unit.text), ...(heading ? [b.text] : [])]
        .map(roleOf)
        .filter((r): r is Role => r !== undefined);
      if (topRole === 'purpose' || topRole === 'requirement') role = inner[inner.length - 1] ?? topRole;
      else if (topRole === 'logistics')
        role = logisticsRole([...headingTexts(stack), ...(heading ? [b.text] : [])]);
      else role = topRole ?? inner[0] ?? sectionRole;
      if (!top && heading) role = roleOf(b.text) ?? sectionRole;
      if (!top && heading && role === 'logistics') role = logisticsRole([b.text]);
    }
    if (heading && !parent) sectionRole = role;

    const unit: Unit = {
      id: uniqueId(`${planId}:${path}`),
      kind,
      role,
      ...(b.marker && b.marker.kind !== 'dash' && b.marker.kind !== 'plus'
        ? { marker: { kind: b.marker.kind, label: b.marker.label } }
        : b.marker
          ? { marker: { kind: b.marker.kind, label: b.marker.label } }
          : {}),
      headingPath,
      ...(parent ? { parentId: parent.unit.id } : {}),
      depth: stack.length,
      text: b.text,
      span: spanOf(b),
    };
    units.push(unit);
    if (kind !== 'field') stack.push({ unit, rank, heading, childCounts: new Map() });
  }

  // Tail: recipients, then signature (in whichever order the file has them).
  let inRecipients = false;
  let r = 0;
  let s = 0;
  for (let i = tailStart; i < blocks.length; i++) {
    const f = folded[i]!;
    if (/^noi nha[nm]\b/.test(f)) inRecipients = true;
    else if (blocks[i]!.text.length < 70 && SIGNATURE_LINE.test(f)) inRecipients = false;
    const role: Role = inRecipients ? 'recipients' : 'signature';
    const b = blocks[i]!;
    units.push({
      id: uniqueId(`${planId}:${role === 'recipients' ? `r${++r}` : `s${++s}`}`),
      kind: inRecipients && b.marker?.kind === 'dash' ? 'bullet' : 'paragraph',
      role,
      headingPath: [],
      depth: 0,
      text: b.text,
      span: spanOf(b),
    });
  }

  return { units, skipped: skippedSpans(units, normalised, sourceText) };
}

/** Everything of the source outside the units, classified: blank space, markup, or a dropped artefact. */
export function skippedSpans(
  units: readonly Unit[],
  normalised: NormalisedText,
  sourceText: string,
): SkippedSpan[] {
  const spans = units.map((u) => u.span).sort((a, b) => a[0] - b[0]);
  const gaps: Span[] = [];
  let at = 0;
  for (const [start, end] of spans) {
    if (start > at) gaps.push([at, start]);
    at = Math.max(at, end);
  }
  if (at < sourceText.length) gaps.push([at, sourceText.length]);
  const out: SkippedSpan[] = [];
  const dropped = normalised.dropped;
  let next = 0;
  for (const [start, end] of gaps) {
    // Split each gap at the dropped artefacts it contains (both lists are in source order).
    let cursor = start;
    while (next < dropped.length && dropped[next]!.end <= start) next++;
    for (let k = next; k < dropped.length && dropped[k]!.start < end; k++) {
      const d = dropped[k]!;
      if (d.end <= start) continue;
      if (d.start > cursor) out.push(classifyGap(sourceText, cursor, d.start));
      out.push({
        span: [Math.max(d.start, start), Math.min(d.end, end)],
        reason: 'artefact',
        detail: d.reason,
      });
      cursor = Math.min(d.end, end);
    }
    if (cursor < end) out.push(classifyGap(sourceText, cursor, end));
  }
  return out;
}

function classifyGap(sourceText: string, start: number, end: number): SkippedSpan {
  const text = sourceText.slice(start, end);
  if (/^\s*$/u.test(text)) return { span: [start, end], reason: 'blank' };
  if (/^[\s*_#\u00ad\u200b-\u200d\u2060\ufeff]*$/u.test(text))
    return { span: [start, end], reason: 'markup' };
  return { span: [start, end], reason: 'artefact', detail: 'unclassified' };
}
