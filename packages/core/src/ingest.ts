/**
 * The ingestion pipeline, composed from the pure stages:
 * decode → normalise → segment → extract. No I/O: bytes in, a plan out.
 */
import { decode } from './decode/index.ts';
import { findDocumentRefs, parseFieldLabel, parseHeader, parseSignature } from './extract/index.ts';
import type { DocumentLayout } from './layout-schema.ts';
import { canonicalToneEdits, type Lexicon, ocrRepairReport } from './lexicon/index.ts';
import { locateUnits } from './locate.ts';
import type { PlanMeta } from './manifest.ts';
import type { DocumentRefFound, EncodingName, Field, Message, Role, Span, Unit } from './model.ts';
import { type NormalisedText, normalise } from './normalise.ts';
import type { ExtractedMeta, IngestedPlan } from './plan-schema.ts';
import { segment } from './segment.ts';
import { foldSameLength } from './text/fold.ts';
import { sourceSpan } from './text/mapped.ts';

export interface IngestOptions {
  lexicon: Lexicon;
  maxBytes?: number;
  /** Where the text sits in its original PDF or image (`@doichieu/formats`): units get a location. */
  layout?: DocumentLayout;
}

export function ingestPlan(bytes: Uint8Array, meta: PlanMeta, options: IngestOptions): IngestedPlan {
  const source = decode(bytes, options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes });
  return ingestText(source.text, meta, options, source.encoding, source.messages, bytes.byteLength);
}

/** Ingest already-decoded text (tests, notebooks, the browser). */
export function ingestText(
  text: string,
  meta: PlanMeta,
  options: IngestOptions,
  encoding: EncodingName = 'utf-8',
  decodeMessages: Message[] = [],
  byteLength = text.length,
): IngestedPlan {
  const normalised = normalise(
    { text, encoding, messages: decodeMessages },
    { toneStyle: canonicalToneEdits, ocrRepair: (t) => ocrRepairReport(t, options.lexicon) },
  );
  return ingestNormalised(normalised, text, meta, options, encoding, decodeMessages, byteLength);
}

/** The stages after normalise: segment and extract (split out so they can be timed on their own). */
export function ingestNormalised(
  normalised: NormalisedText,
  text: string,
  meta: PlanMeta,
  options: Pick<IngestOptions, 'layout'>,
  encoding: EncodingName,
  decodeMessages: Message[],
  byteLength: number,
): IngestedPlan {
  // One folding of the text for every stage that matches on folded text.
  const folded = foldSameLength(normalised.text);
  const segmented = segment(meta.id, normalised, text, folded);
  const units = options.layout ? locateUnits(segmented.units, options.layout) : segmented.units;
  const { skipped } = segmented;
  const fields = extractFields(units);
  const extracted = extractMeta(normalised, folded, units);
  const references = extractReferences(normalised, folded, units, extracted.documentNumber?.span);
  const messages = [...decodeMessages, ...normalised.messages, ...manifestMismatches(meta, extracted)];
  const unitsByRole: Partial<Record<Role, number>> = {};
  for (const u of units) unitsByRole[u.role] = (unitsByRole[u.role] ?? 0) + 1;
  return {
    id: meta.id,
    meta,
    source: { encoding, length: text.length, byteLength, text },
    units,
    skipped,
    fields,
    references,
    extracted,
    messages,
    stats: {
      units: units.length,
      unitsByRole,
      maxDepth: units.reduce((m, u) => Math.max(m, u.depth), 0),
      repairs: {
        ocr: normalised.stats.ocrRepairs,
        toneStyle: normalised.stats.toneRepairs,
        unicode: normalised.stats.unicodeFixes,
      },
      warnings: messages.filter((m) => m.severity !== 'info').length,
      sourceLength: text.length,
    },
  };
}

/** Labelled fields: field lines, and bullets that carry a label ("- Thời gian hoàn thành: …"). */
function extractFields(units: readonly Unit[]): Field[] {
  const out: Field[] = [];
  for (const unit of units) {
    if (unit.kind === 'heading' || unit.kind === 'paragraph') continue;
    if (unit.role === 'recipients' || unit.role === 'signature' || unit.role === 'header') continue;
    // A labelled field has its colon near the start; most bullets have none there.
    const colon = unit.text.indexOf(':');
    if (colon < 0 || colon > 90) continue;
    // Items and bullets carry a marker before their label ("2. Thời gian: ½ ngày").
    const parsed = parseFieldLabel(
      unit.kind === 'field'
        ? unit.text
        : unit.text.replace(/^\s*(?:\(?[0-9a-zđIVXL.]{1,8}[.)\-–]|[-–—+•·])\s*/u, ''),
    );
    if (!parsed || parsed.field === 'other') continue;
    out.push({
      field: parsed.field,
      label: parsed.label,
      value: parsed.value,
      ...(parsed.agencies && parsed.agencies.length > 0 ? { agencies: parsed.agencies } : {}),
      ...(parsed.deadline ? { deadline: parsed.deadline } : {}),
      unitId: unit.id,
      ...(unit.parentId ? { taskId: unit.parentId } : {}),
      span: unit.span,
    });
  }
  return out;
}

/** The unit whose span contains `span`; units are in source order, so a binary search finds it. */
function unitAt(units: readonly Unit[], span: Span): string | undefined {
  let lo = 0;
  let hi = units.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const u = units[mid]!;
    if (u.span[1] <= span[0]) lo = mid + 1;
    else if (u.span[0] > span[0]) hi = mid - 1;
    else return span[1] <= u.span[1] ? u.id : undefined;
  }
  return undefined;
}

/** Cited documents; the plan's own number (where the header gives it) is marked `self`, not a citation. */
function extractReferences(
  normalised: NormalisedText,
  folded: string,
  units: readonly Unit[],
  ownNumber?: Span,
): DocumentRefFound[] {
  return findDocumentRefs(normalised.text, folded).map((ref) => {
    const span = sourceSpan(normalised, ref.start, ref.end);
    const unitId = unitAt(units, span);
    const self = ownNumber !== undefined && span[0] < ownNumber[1] && ownNumber[0] < span[1];
    // Keys in the serialised order; optional ones only when set (no spreads: this runs per reference).
    const found = { number: ref.number, kind: ref.kind } as DocumentRefFound;
    if (ref.issuer) found.issuer = ref.issuer;
    if (ref.date) found.date = ref.date;
    found.text = ref.text;
    found.span = span;
    if (unitId) found.unitId = unitId;
    if (self) found.self = self;
    if (ref.garbled) found.garbled = true;
    if (ref.partial) found.partial = true;
    return found;
  });
}

function extractMeta(normalised: NormalisedText, folded: string, units: readonly Unit[]): ExtractedMeta {
  const out: ExtractedMeta = {};
  const toSpan = (s: { start: number; end: number }, offset: number): Span =>
    sourceSpan(normalised, s.start + offset, s.end + offset);
  // parseHeader reads only the opening of the text (the letterhead, or the opening sentence that names the issuer).
  const header = parseHeader(normalised.text, folded);
  if (header.documentNumber)
    out.documentNumber = {
      value: header.documentNumber.value,
      span: toSpan(header.documentNumber, 0),
      ...(header.documentNumber.garbled ? { garbled: true } : {}),
    };
  if (header.date) out.date = { value: header.date.iso, span: toSpan(header.date, 0) };
  if (header.place) out.place = { value: header.place.value, span: toSpan(header.place, 0) };
  if (header.issuingBody)
    out.issuingBody = { value: header.issuingBody.value, span: toSpan(header.issuingBody, 0) };
  if (header.kind) out.kind = { value: header.kind.value, span: toSpan(header.kind, 0) };
  if (header.title) out.title = { value: header.title.value, span: toSpan(header.title, 0) };
  const tail = units.find((u) => u.role === 'recipients' || u.role === 'signature');
  if (tail) {
    const offset = normalisedOffsetOf(normalised, tail.span[0]);
    const signature = parseSignature(normalised.text.slice(offset), folded.slice(offset));
    if (signature.signer)
      out.signer = {
        value: signature.signer.value,
        span: toSpan(signature.signer, offset),
        ...(signature.signer.garbled ? { garbled: true } : {}),
      };
    if (signature.role)
      out.signerRole = { value: signature.role.value, span: toSpan(signature.role, offset) };
  }
  return out;
}

/** The first normalised offset whose source start is at or after `sourceOffset`. */
function normalisedOffsetOf(normalised: NormalisedText, sourceOffset: number): number {
  let lo = 0;
  let hi = normalised.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (normalised.starts[mid]! < sourceOffset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where the manifest and the document disagree, say so (the manifest is not corrected: a person decides). */
function manifestMismatches(meta: PlanMeta, extracted: ExtractedMeta): Message[] {
  const out: Message[] = [];
  const check = (field: 'documentNumber' | 'date', found: ExtractedMeta['documentNumber']): void => {
    const stated = meta[field];
    if (!found || found.garbled || stated === 'unknown' || stated === found.value) return;
    out.push({
      ruleId: 'extract:manifest-mismatch',
      severity: 'warning',
      reason: `the manifest gives ${field} "${stated}", the document says "${found.value}"`,
      start: found.span[0],
      end: found.span[1],
      actual: found.value,
      expected: stated,
    });
  };
  check('documentNumber', extracted.documentNumber);
  check('date', extracted.date);
  return out;
}
