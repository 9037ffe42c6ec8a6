/**
 * segment: normalised blocks → documents → a tree of units with roles and source spans.
 *
 * Each line of the normalised text is one block. A file may hold several
 * documents (a cover letter and its attachment, a decision and the plan it
 * issues, resolutions in a row): a new document starts where one document's
 * tail (recipients, signature) is followed by another's header (letterhead,
 * "Số …", a title such as "KẾ HOẠCH", "BÁO CÁO", "CHƯƠNG TRÌNH HÀNH ĐỘNG").
 * An annex after a signature ("PHỤ LỤC …") stays with its document.
 *
 * Within a document, a block's marker ("A.", "II.", "2.1.", "(3)", "-", "+")
 * gives its rank; a stack of open blocks gives the tree, whatever the numbers
 * say (III followed by V, a "1." with no Roman above it). Roles come from what
 * the headings above a block say (see roles.ts). Markdown tables become one
 * unit per row with their cells; header and separator rows are skipped spans.
 */
import type { Role, SkippedSpan, Span, Unit, UnitKind } from './model.ts';
import type { DroppedSpan, NormalisedText } from './normalise.ts';
import { isConferencePlan, roleFromHeadings, roleOfHeading } from './roles.ts';
import { isJsSpace } from './text/chars.ts';
import { foldSameLength } from './text/fold.ts';
import { sourceSpan } from './text/mapped.ts';
import {
  isCapitalsOnly,
  type Marker,
  parseMarker,
  romanValue,
  startsWithFieldLabel,
} from './text/markers.ts';

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
      blocks.push({ from, to, text: line, marker: line.startsWith('|') ? undefined : parseMarker(line) });
    }
    from = to + 1;
  }
  return blocks;
}

const MARKER_RANK: Record<Marker['kind'], number> = {
  part: 0,
  annex: 0,
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
/** Table rows nest below every marker: a group row ("I. | Nâng cao nhận thức…"), then numbered and plain rows. */
const ROW_RANK = { group: 20, numbered: 21, plain: 22 };

const PREAMBLE_START = /^(?:thuc hien|can cu|trien khai|ban thuong vu|xet de nghi|theo de nghi)\b/;
/** The grounds paragraph ("Thực hiện Kết luận…, Ban Thường vụ ban hành…") starts with a capital; a title line after "KẾ HOẠCH" does not. */
function isPreamble(text: string, folded: string): boolean {
  const words = text
    .replace(/^[*_\s]+/, '')
    .split(/\s+/, 2)
    .join(' ');
  // "Thực hiện Kết luận…" opens the body; "THỰC HIỆN CHỈ THỊ…" in capitals is the title.
  return /^\p{Lu}/u.test(words) && !isCapitalsOnly(words) && PREAMBLE_START.test(folded);
}
const SIGNATURE_LINE =
  /^(?:t\s*\/\s*m\b|tm\.|k\s*\/\s*t\b|kt\.|.{0,6}ban thuong vu$|.{0,6}(?:pho )?bi thu\b|.{0,6}chu tich\b)/;
/** Signers' titles, written in capitals in the signature block. */
const SIGNER_TITLE =
  /^(?:(?:q|kt|tm)\.?\s+)?(?:pho\s+)?(?:thu tuong|bo truong|chanh van phong|pho chanh van phong|truong ban|giam doc|chu nhiem|tong bi thu|vien truong|bi thu|chu tich)\b/;
/** The kind of a document, written in capitals at the head of its title. */
const KIND_TITLE =
  /^(?:du thao\s+)?(?:ke hoach|bao cao|chuong trinh|quyet dinh|nghi quyet|de an|quy che|quy dinh|huong dan|to trinh|thong bao|chi thi|ket luan|phuong an|thong tu|nghi dinh|chien luoc|dieu le)\b/;
const LETTERHEAD = /\b(?:dang cong san viet nam|cong hoa xa hoi chu nghia viet nam|doc lap\s*-\s*tu do)\b/;
const NUMBER_LINE = /^so\s*:?[\s\d.]*[-/]\s*[a-z]/;
const DATE_LINE = /^.{0,40}ngay\b.{0,8}\bthang\b.{0,8}\bnam\s+\d{4}\.?$/;
const RECIPIENTS = /^noi nha[nm]\b/;
const SEPARATOR_ROW = /^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$/;

/** Folded text of a block without leading markup ("**", "*", "|", "#"). */
function leadFolded(folded: string): string {
  const first = folded.charCodeAt(0);
  // Most blocks start with a letter or a digit: no markup to strip, no regex to run.
  if (first > 0x3e && first < 0x7f && first !== 0x5f && first !== 0x7c) return folded;
  return folded.replace(/^[\s*_|#>]+/, '');
}

/** The cells of a markdown table row. */
export function tableCells(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|')) s = s.slice(0, -1);
  return s.split('|').map((c) => c.replace(/[*_]{2}/g, '').trim());
}

/** A heading is a marked block that names a section rather than saying something: short, no full stop. */
function looksLikeHeading(block: Block, next: Block | undefined, foldedText: string): boolean {
  if (!block.marker || block.marker.kind === 'dash' || block.marker.kind === 'plus') return false;
  if (block.marker.kind === 'roman' || block.marker.kind === 'part' || block.marker.kind === 'annex')
    return true;
  const body = block.text.slice(block.marker.length).trim();
  if (isCapitalsOnly(body)) return true;
  // Only "up to 12", "up to 30" and "more" matter.
  const words = wordCount(body, 31);
  const nextIsDeeper =
    next?.marker !== undefined && next.marker.kind !== 'part' && rankOf(next.marker) > rankOf(block.marker);
  if (body.endsWith(':')) return words <= 12 || nextIsDeeper;
  if (endsSentence(body) || words > 30) return false;
  if (nextIsDeeper || words <= 12) return true;
  return next !== undefined && next.marker === undefined && !startsFieldLabelAt(next, foldedText);
}

/** `text.split(/\s+/).length` for a trimmed text, without the array, counted up to `limit`. */
export function wordCount(text: string, limit: number): number {
  let words = 1;
  let inSpace = false;
  for (let i = 0; i < text.length && words < limit; i++) {
    const space = isJsSpace(text.charCodeAt(i));
    if (space && !inSpace) words++;
    inSpace = space;
  }
  return words;
}

/** `/[.;!?]["”)]*$/`: a sentence stop, perhaps inside closing quotes or brackets. */
export function endsSentence(text: string): boolean {
  let end = text.length;
  for (let code = text.charCodeAt(end - 1); code === 0x22 || code === 0x201d || code === 0x29; )
    code = text.charCodeAt(--end - 1);
  const last = text.charCodeAt(end - 1);
  return last === 0x2e || last === 0x3b || last === 0x21 || last === 0x3f;
}

/** Field labels, sticky on the whole folded text: {@link startsWithFieldLabel} without folding the line again. */
const FIELD_HEADS_AT =
  /(?:co quan|don vi|thoi gian|thoi han|dia diem|thanh phan|chu tri|noi nhan|kinh phi|hinh thuc|phan cong|trach nhiem)\b[^:]{0,50}:/y;

/**
 * {@link startsWithFieldLabel} of a block, read on the text folded once: the label's colon
 * is the line's first one, within 62 code units, so the match never leaves the line.
 */
function startsFieldLabelAt(block: Block, foldedText: string): boolean {
  const colon = block.text.indexOf(':');
  if (colon < 0 || colon > 70) return false;
  FIELD_HEADS_AT.lastIndex = block.from;
  return FIELD_HEADS_AT.test(foldedText);
}

export interface SegmentResult {
  units: Unit[];
  skipped: SkippedSpan[];
}

interface OpenNode {
  unit: Unit;
  rank: number;
  heading: boolean;
  /** The role from the headings down to this node, for its children that are not headings (decided once). */
  childRole?: { role: Role | undefined };
  /** The text that names the section (an annex is named by its title line). */
  roleText: string;
  /** Counters of unnumbered children ("p3", "b2"), made when the first one comes. */
  childCounts?: Map<string, number>;
}

interface Context {
  planId: string;
  blocks: Block[];
  /** The whole normalised text folded. */
  foldedText: string;
  /** Folded block texts without leading markup. */
  folded: string[];
  units: Unit[];
  /** Table header and separator rows: skipped spans (source coordinates). */
  structural: DroppedSpan[];
  spanOf: (b: Block) => Span;
  uniqueId: (id: string) => string;
}

export function segment(
  planId: string,
  normalised: NormalisedText,
  sourceText: string,
  /** The whole (NFC) text folded, sliced per block; ingest folds it once for every stage. */
  foldedText: string = foldSameLength(normalised.text),
): SegmentResult {
  const blocks = splitBlocks(normalised.text);
  const idCounts = new Map<string, number>();
  const ctx: Context = {
    planId,
    blocks,
    foldedText,
    folded: blocks.map((b) => leadFolded(foldedText.slice(b.from, b.to))),
    units: [],
    structural: [],
    spanOf: (b) => sourceSpan(normalised, b.from, b.to),
    uniqueId: (id) => {
      const n = (idCounts.get(id) ?? 0) + 1;
      idCounts.set(id, n);
      return n === 1 ? id : `${id}~${n}`;
    },
  };
  const starts = documentStarts(ctx);
  for (let d = 0; d < starts.length; d++)
    segmentDocument(ctx, d, starts[d]!, d + 1 < starts.length ? starts[d + 1]! : blocks.length);
  return { units: ctx.units, skipped: skippedSpans(ctx.units, normalised, sourceText, ctx.structural) };
}

function isSignatureLine(ctx: Context, i: number): boolean {
  const b = ctx.blocks[i]!;
  // "- Ban Bí thư Trung ương Đảng (để b/c)," is a recipient, not a signature line.
  if (b.text.length >= 70 || b.marker?.kind === 'dash' || b.marker?.kind === 'plus') return false;
  const f = ctx.folded[i]!;
  return SIGNATURE_LINE.test(f) || (isCapitalsOnly(b.text) && SIGNER_TITLE.test(f));
}

/** A short line of a signature block that names no title: the signer's name, "(Đã ký)", a stamp. */
function isTrailer(ctx: Context, i: number): boolean {
  const b = ctx.blocks[i]!;
  if (b.text.length >= 60 || b.text.startsWith('|')) return false;
  if (b.marker && b.marker.kind !== 'dash') return false;
  // A name is written in mixed case ("Trần Văn Sơn"); a line in capitals is a title or the next letterhead.
  return (
    /^[([]/.test(b.text) ||
    (/^(?:\p{Lu}\p{Ll}*\s+){1,4}\p{Lu}\p{Ll}*$/u.test(b.text) && /\p{Ll}/u.test(b.text))
  );
}

function isKindTitle(ctx: Context, i: number): boolean {
  const b = ctx.blocks[i]!;
  const f = ctx.folded[i]!;
  if (b.marker || /:\s*$/.test(f) || !KIND_TITLE.test(f)) return false;
  const head = b.text
    .replace(/^[\s*_#|]+/, '')
    .split(/\s+/)
    .slice(0, 2)
    .join(' ');
  return isCapitalsOnly(head);
}

function isLetterheadLine(ctx: Context, i: number): boolean {
  const f = ctx.folded[i]!;
  return LETTERHEAD.test(f) || NUMBER_LINE.test(f);
}

/**
 * Where each document of the file starts: after a tail (recipients or a
 * signature in capitals, with the signer's name and stamp) that is followed,
 * within a few blocks, by a letterhead or a document title. An annex is not a
 * new document.
 */
function documentStarts(ctx: Context): number[] {
  const { blocks, folded } = ctx;
  const starts = [0];
  const n = blocks.length;
  for (let i = 0; i < n; i++) {
    // A signature line is shorter than 70 (isSignatureLine): longer blocks skip the capitals test.
    const anchor =
      RECIPIENTS.test(folded[i]!) ||
      (blocks[i]!.text.length < 70 && isCapitalsOnly(blocks[i]!.text) && isSignatureLine(ctx, i));
    if (!anchor) continue;
    let j = i + 1;
    while (
      j < n &&
      (RECIPIENTS.test(folded[j]!) ||
        isSignatureLine(ctx, j) ||
        isTrailer(ctx, j) ||
        blocks[j]!.marker?.kind === 'dash')
    )
      j++;
    if (j >= n - 2 || blocks[j]!.marker?.kind === 'annex') {
      i = j;
      continue;
    }
    let startsDocument = false;
    for (let k = j; k < Math.min(n, j + 6); k++) {
      if (blocks[k]!.marker?.kind === 'annex') break;
      if (isKindTitle(ctx, k) || isLetterheadLine(ctx, k)) {
        startsDocument = true;
        break;
      }
    }
    if (startsDocument && j > starts[starts.length - 1]!) starts.push(j);
    i = j - 1;
  }
  return starts;
}

/** A line of the letterhead or the title block. */
function isHeaderLine(ctx: Context, i: number): boolean {
  const b = ctx.blocks[i]!;
  const f = ctx.folded[i]!;
  if (b.marker) return false;
  if (isLetterheadLine(ctx, i) || DATE_LINE.test(f) || /^v\s*\/\s*v\b/.test(f) || /^kinh gui\b/.test(f))
    return true;
  if (b.text.startsWith('|')) return /\bso\s*:|\bngay\b/.test(f) || LETTERHEAD.test(f);
  return isCapitalsOnly(b.text) && b.text.length < 120 && roleOfHeading(b.text) === undefined;
}

/** End of a document's header: up to the title after its kind ("KẾ HOẠCH" + title), and the addressees. */
function headerEnd(ctx: Context, a: number, b: number): number {
  const { blocks, folded } = ctx;
  let end = a;
  let titleAt = -1;
  for (let i = a; i < Math.min(b, a + 15); i++) {
    if (blocks[i]!.marker && blocks[i]!.marker!.kind !== 'dash') break;
    if (isKindTitle(ctx, i)) {
      titleAt = i;
      break;
    }
  }
  if (titleAt >= 0) {
    end = titleAt + 1;
    let titleLines = 0;
    while (end < b && !blocks[end]!.marker) {
      if (isHeaderLine(ctx, end)) {
        end++;
        continue;
      }
      const text = blocks[end]!.text;
      // A title does not end a sentence; the opening paragraph does.
      const sentence = text.length > 400 || (/[.;:]$/.test(text) && text.length > 80);
      if (titleLines < 4 && !isPreamble(text, folded[end]!) && !sentence) {
        titleLines++;
        end++;
        continue;
      }
      break;
    }
  } else {
    while (end < b && end - a < 12 && !blocks[end]!.marker && !isPreamble(blocks[end]!.text, folded[end]!))
      end++;
    if (end >= Math.min(b, a + 12)) end = a;
  }
  // Addressees after "Kính gửi:" belong to the header.
  if (end > a && /^kinh gui\b/.test(folded[end - 1]!))
    while (end < b && blocks[end]!.marker?.kind === 'dash') end++;
  return end;
}

/** Start of a document's tail: its recipients and signature block, found from `limit` backwards. */
function tailStart(ctx: Context, from: number, limit: number): number {
  const { folded } = ctx;
  let t = limit;
  let i = limit - 1;
  let trailers = 0;
  while (i >= from && trailers < 4 && isTrailer(ctx, i)) {
    i--;
    trailers++;
  }
  let found = false;
  for (; i >= from; i--) {
    if (RECIPIENTS.test(folded[i]!) || isSignatureLine(ctx, i)) {
      t = i;
      found = true;
    } else if (found && t - i <= 2 && isTrailer(ctx, i)) {
      // A name or "(Đã ký)" between two signature lines.
    } else break;
  }
  if (!found) t = limit;
  // Recipients ("Nơi nhận:" and its list) near the end belong to the tail even when they look like body bullets.
  for (let k = Math.max(from, t - 60); k < t; k++)
    if (RECIPIENTS.test(folded[k]!)) {
      t = k;
      break;
    }
  return t;
}

function segmentDocument(ctx: Context, d: number, a: number, b: number): void {
  const { planId, blocks, folded, foldedText, units, spanOf, uniqueId } = ctx;
  const prefix = d === 0 ? '' : `d${d + 1}/`;
  const documentField = { document: d };

  /** Header, tail: flat units; table rows keep their cells, separator rows are skipped. */
  const flat = (idPrefix: string, from: number, to: number, roleAt: (i: number) => Role): void => {
    const counters = new Map<string, number>();
    for (let i = from; i < to; i++) {
      const block = blocks[i]!;
      if (SEPARATOR_ROW.test(block.text)) {
        const [start, end] = spanOf(block);
        ctx.structural.push({ start, end, reason: 'table separator row' });
        continue;
      }
      const role = roleAt(i);
      const row = block.text.startsWith('|');
      const letter = role === 'recipients' ? 'r' : role === 'signature' ? 's' : idPrefix;
      const n = (counters.get(letter) ?? 0) + 1;
      counters.set(letter, n);
      units.push({
        id: uniqueId(`${planId}:${prefix}${letter}${n}`),
        ...documentField,
        kind: row ? 'row' : role === 'recipients' && block.marker?.kind === 'dash' ? 'bullet' : 'paragraph',
        role,
        headingPath: [],
        depth: 0,
        text: block.text,
        ...(row ? { cells: tableCells(block.text) } : {}),
        span: spanOf(block),
      });
    }
  };

  const bodyStart = headerEnd(ctx, a, b);
  // An annex after the signature continues the document's body.
  let limit = b;
  for (let i = bodyStart; i < b; i++) {
    if (blocks[i]!.marker?.kind !== 'annex') continue;
    let tailBefore = false;
    for (let k = bodyStart; k < i && !tailBefore; k++)
      tailBefore =
        RECIPIENTS.test(folded[k]!) || (isCapitalsOnly(blocks[k]!.text) && isSignatureLine(ctx, k));
    if (tailBefore) {
      limit = i;
      break;
    }
  }
  const tail = tailStart(ctx, bodyStart, limit);

  // Is this document a conference plan? Decided from its title and its top-level sections.
  const topHeadings: string[] = [];
  for (let i = bodyStart; i < b; i++) {
    const m = blocks[i]!.marker;
    if (m && (m.kind === 'roman' || m.kind === 'part')) topHeadings.push(blocks[i]!.text);
  }
  const conference = isConferencePlan(
    blocks.slice(a, bodyStart).map((x) => x.text),
    topHeadings,
  );
  const roles = new Map<string, Role | undefined>();
  const roleOf = (heading: string): Role | undefined => {
    if (!roles.has(heading)) roles.set(heading, roleOfHeading(heading, conference));
    return roles.get(heading);
  };

  flat('h', a, bodyStart, () => 'header');

  // Body: a stack of open blocks.
  const stack: OpenNode[] = [];
  const rootCounts = new Map<string, number>();
  let sectionRole: Role = 'preamble';
  let seenSection = false;
  let lastRoman = 0;
  let columns: string[] | undefined;
  let tableRole: Role | undefined;

  const body = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const block = blocks[i]!;
      const next = i + 1 < to ? blocks[i + 1] : undefined;
      const isRow = block.text.startsWith('|');
      if (!isRow) {
        columns = undefined;
        tableRole = undefined;
      } else if (SEPARATOR_ROW.test(block.text)) {
        const [start, end] = spanOf(block);
        ctx.structural.push({ start, end, reason: 'table separator row' });
        continue;
      } else if (next && SEPARATOR_ROW.test(next.text)) {
        // The header row names the columns; it is not content.
        columns = tableCells(block.text);
        tableRole = tableRoleOf(columns);
        const [start, end] = spanOf(block);
        ctx.structural.push({ start, end, reason: 'table header row' });
        continue;
      }
      let marker = block.marker;
      // OCR reads "II." as "11.": after section I, a capitals-only "11." heading is section II.
      if (
        marker?.kind === 'arabic' &&
        /^1+$/.test(marker.label) &&
        lastRoman > 0 &&
        marker.label.length === lastRoman + 1 &&
        isCapitalsOnly(block.text.slice(marker.length))
      )
        marker = { ...marker, kind: 'roman', label: 'I'.repeat(marker.label.length) };
      const b2: Block = marker === block.marker ? block : { ...block, marker };
      if (marker?.kind === 'roman') lastRoman = romanValue(marker.label);

      let kind: UnitKind;
      let rank: number;
      let heading: boolean;
      let cells: string[] | undefined;
      let label: string | undefined;
      const isField =
        !isRow &&
        !(marker && marker.kind !== 'dash' && marker.kind !== 'plus') &&
        startsFieldLabelAt(block, foldedText);
      if (isRow) {
        cells = tableCells(block.text);
        const first = cells[0] ?? '';
        // Rows numbered I, II… (or A, B…) group the numbered rows below them.
        const group = /^([IVXL]{1,5}|[A-HĐ])[.)]?$/.exec(first);
        if (group) {
          rank = ROW_RANK.group;
          heading = true;
          label = group[1]!;
        } else if (/^\d{1,3}(?:\.\d{1,3})*\.?$/.test(first)) {
          rank = ROW_RANK.numbered;
          heading = false;
          label = first.replace(/\.$/, '');
        } else {
          rank = ROW_RANK.plain;
          heading = false;
        }
        kind = heading ? 'heading' : 'row';
        while (stack.length > 0 && stack[stack.length - 1]!.rank >= rank) stack.pop();
      } else if (isField) {
        heading = false;
        kind = 'field';
        rank = Number.POSITIVE_INFINITY;
        // A field line belongs to the task item it follows: close bullets and rows above it.
        while (
          stack.length > 0 &&
          !stack[stack.length - 1]!.heading &&
          stack[stack.length - 1]!.unit.kind !== 'item'
        )
          stack.pop();
      } else if (marker) {
        heading = looksLikeHeading(b2, next, foldedText);
        rank = rankOf(marker);
        kind = heading ? 'heading' : marker.kind === 'dash' || marker.kind === 'plus' ? 'bullet' : 'item';
        while (stack.length > 0 && stack[stack.length - 1]!.rank >= rank) stack.pop();
      } else {
        heading = false;
        kind = 'paragraph';
        rank = Number.POSITIVE_INFINITY;
        // A plain paragraph continues the innermost heading or item, not a bullet or a table row.
        while (
          stack.length > 0 &&
          (stack[stack.length - 1]!.unit.kind === 'bullet' || stack[stack.length - 1]!.rank >= ROW_RANK.group)
        )
          stack.pop();
      }
      const parent = stack[stack.length - 1];
      if (
        marker?.kind === 'roman' ||
        marker?.kind === 'part' ||
        marker?.kind === 'annex' ||
        (!seenSection && heading)
      )
        seenSection = true;
      let segmentLabel: string;
      if (isRow && label !== undefined) segmentLabel = label;
      else if (!isRow && marker && marker.kind !== 'dash' && marker.kind !== 'plus') {
        segmentLabel =
          marker.kind === 'paren'
            ? `(${marker.label})`
            : marker.kind === 'annex'
              ? `PL${marker.label}`
              : marker.label;
      } else {
        const p =
          kind === 'field'
            ? 'f'
            : kind === 'row'
              ? 't'
              : kind === 'bullet'
                ? marker?.kind === 'plus'
                  ? 'pl'
                  : 'b'
                : 'p';
        let counts = rootCounts;
        if (parent) {
          parent.childCounts ??= new Map();
          counts = parent.childCounts;
        }
        const k = (counts.get(p) ?? 0) + 1;
        counts.set(p, k);
        segmentLabel = `${p}${k}`;
      }
      const path = parent
        ? `${parent.unit.id.slice(planId.length + 1)}/${segmentLabel}`
        : `${prefix}${segmentLabel}`;
      const headingPath: string[] = [];
      for (const s of stack) if (s.heading) headingPath.push(s.unit.text);

      // An annex is named by its title: "PHỤ LỤC I" / "DANH MỤC CÁC CHỈ TIÊU CỤ THỂ".
      let roleText = block.text;
      if (marker?.kind === 'annex' && block.text.slice(marker.length).trim().length < 3) {
        for (let k = i + 1; k < Math.min(to, i + 3); k++)
          if (!blocks[k]!.marker && !blocks[k]!.text.startsWith('|')) {
            roleText = blocks[k]!.text;
            break;
          }
      }

      let role: Role;
      if (!seenSection) role = 'preamble';
      else {
        // Every block under the same parent and not a heading itself has the same headings above it.
        let fromHeadings: Role | undefined;
        if (!heading && parent?.childRole !== undefined) fromHeadings = parent.childRole.role;
        else {
          const names: string[] = [];
          for (const s of stack) if (s.heading) names.push(s.roleText);
          if (heading) names.push(roleText);
          fromHeadings = roleFromHeadings(names, roleOf, conference);
          if (!heading && parent) parent.childRole = { role: fromHeadings };
        }
        if (fromHeadings !== undefined) role = fromHeadings;
        else if (heading && !parent)
          // An unnamed section after the aims is the document's content; an unnamed annex is just an annex.
          role =
            marker?.kind === 'annex'
              ? 'other'
              : sectionRole === 'preamble' || AIMS.has(sectionRole)
                ? 'task'
                : sectionRole;
        else role = sectionRole;
      }
      if (isRow && tableRole && !heading) role = tableRole;
      if (heading && !parent) sectionRole = role;

      // Keys are set in the order of the serialised plan; spreads of optional keys cost more than this.
      const unit = { id: uniqueId(`${planId}:${path}`), document: d, kind, role } as Unit;
      if (!isRow && marker) unit.marker = { kind: marker.kind, label: marker.label };
      unit.headingPath = headingPath;
      if (parent) unit.parentId = parent.unit.id;
      unit.depth = stack.length;
      unit.text = block.text;
      if (cells) {
        unit.cells = cells;
        if (columns) unit.columns = columns;
      }
      unit.span = spanOf(block);
      units.push(unit);
      if (kind !== 'field') stack.push({ unit, rank, heading, roleText });
    }
  };

  body(bodyStart, tail);

  // Tail: recipients, then signature (in whichever order the file has them).
  let inRecipients = false;
  flat('s', tail, limit, (i) => {
    if (RECIPIENTS.test(folded[i]!)) inRecipients = true;
    else if (isSignatureLine(ctx, i)) inRecipients = false;
    return inRecipients ? 'recipients' : 'signature';
  });

  body(limit, b);
}

const AIMS: ReadonlySet<Role> = new Set(['purpose', 'requirement', 'objective', 'viewpoint']);

/** A table whose columns name a task and who carries it out, or when, is a task table; one of indicators lists objectives. */
function tableRoleOf(columns: readonly string[]): Role | undefined {
  const f = columns.map((c) => leadFolded(foldSameLength(c.normalize('NFC')))).join(' | ');
  const names = /\b(?:nhiem vu|noi dung|cong viec|hoat dong|de an|giai phap)\b/.test(f);
  const charged = /\b(?:chu tri|thuc hien|phoi hop|thoi gian|thoi han|hoan thanh|tien do)\b/.test(f);
  if (names && charged) return 'task';
  if (/\bchi tieu\b/.test(f)) return 'objective';
  return undefined;
}

/** Everything of the source outside the units, classified: blank space, markup, or a dropped artefact. */
export function skippedSpans(
  units: readonly Unit[],
  normalised: NormalisedText,
  sourceText: string,
  structural: readonly DroppedSpan[] = [],
): SkippedSpan[] {
  const spans = units.map((u) => u.span);
  // Units come in source order nearly always: sort (stable) only when they do not.
  let sorted = true;
  for (let i = 1; i < spans.length && sorted; i++) sorted = spans[i - 1]![0] <= spans[i]![0];
  if (!sorted) spans.sort((a, b) => a[0] - b[0]);
  const gaps: Span[] = [];
  let at = 0;
  for (const [start, end] of spans) {
    if (start > at) gaps.push([at, start]);
    at = Math.max(at, end);
  }
  if (at < sourceText.length) gaps.push([at, sourceText.length]);
  const out: SkippedSpan[] = [];
  const dropped =
    structural.length === 0
      ? normalised.dropped
      : [...normalised.dropped, ...structural].sort((x, y) => x.start - y.start || x.end - y.end);
  let next = 0;
  for (const [start, end] of gaps) {
    // Split each gap at the dropped artefacts it contains (both lists are in source order).
    let cursor = start;
    while (next < dropped.length && dropped[next]!.end <= start) next++;
    for (let k = next; k < dropped.length && dropped[k]!.start < end; k++) {
      const d = dropped[k]!;
      if (d.end <= start || d.end <= cursor) continue;
      if (d.start > cursor) out.push(classifyGap(sourceText, cursor, d.start));
      out.push({
        span: [Math.max(d.start, cursor), Math.min(d.end, end)],
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
  // Most gaps are the line break between two units: blank, told without a substring or a regex.
  let blank = true;
  for (let i = start; i < end && blank; i++) blank = isJsSpace(sourceText.charCodeAt(i));
  if (blank) return { span: [start, end], reason: 'blank' };
  const text = sourceText.slice(start, end);
  if (/^\s*$/u.test(text)) return { span: [start, end], reason: 'blank' };
  if (/^[\s*_#|\u00ad\u200b-\u200d\u2060\ufeff]*$/u.test(text))
    return { span: [start, end], reason: 'markup' };
  return { span: [start, end], reason: 'artefact', detail: 'unclassified' };
}
