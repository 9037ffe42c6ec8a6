/**
 * extract: text-level finders over normalised plan text. Every function is
 * pure, takes a plain string and reports UTF-16 `[start, end)` offsets into
 * that string; the caller maps them back to the source.
 */
export { findAgencies } from './agencies.ts';
export { findDates, findQuarters, isoDate, parseDeadline } from './dates.ts';
export {
  type CitationMatch,
  checkDirectiveCitation,
  describeCited,
  directiveCheckMessage,
  directiveNumber,
  directiveTitlePhrases,
  matchCitation,
  type NumberParts,
  notCitingReason,
  numberParts,
} from './directive-check.ts';
export { findFieldLabels, parseFieldLabel, splitAgencies } from './fields.ts';
export { foldKeepLength } from './fold.ts';
export { parseHeader } from './header.ts';
export { findDocumentRefs } from './refs.ts';
export { parseSignature } from './signature.ts';
export type {
  AgencyMention,
  CommitteeLevel,
  DateMention,
  DocumentKind,
  DocumentRef,
  FieldLabel,
  HeaderFields,
  PlanKind,
  QuarterId,
  QuarterMention,
  SignatureFields,
  Spanned,
  TextSpan,
} from './types.ts';
