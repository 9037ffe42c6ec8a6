/**
 * Shapes returned by the extract stage's text-level finders. Every `start` /
 * `end` is a UTF-16 offset into the string the finder was given, and
 * `text.slice(start, end)` is the reported surface (`text` or `value` where
 * the value is the surface; canonical values say so below).
 */

import type { Deadline, FieldKind } from '../model.ts';

/** A `[start, end)` span of the input (offsets, unlike the model's source-span tuple). */
export interface TextSpan {
  start: number;
  end: number;
}

/** A value found at a span. */
export interface Spanned<T> extends TextSpan {
  value: T;
}

export type DocumentKind =
  | 'ket-luan'
  | 'nghi-quyet'
  | 'huong-dan'
  | 'ke-hoach'
  | 'chi-thi'
  | 'quyet-dinh'
  | 'thong-bao'
  | 'cong-van'
  | 'other';

/** A reference to a party or state document: "Kết luận số 57-KL/TW ngày 15/6/2023". */
export interface DocumentRef extends TextSpan {
  /** Canonical number: "57-KL/TW", "02/2017/QĐ-UBND"; "57-KL" when the text gives no issuer ("Kết luận 57"). */
  number: string;
  kind: DocumentKind;
  /** Issuer code after the slash (or after the dash in state numbering), upper-case: "TW", "BTGTW". */
  issuer?: string;
  /** ISO date when "ngày …" follows the number. */
  date?: string;
  /** The matched surface, from the document word (when present) to the date (when present). */
  text: string;
  /** Only the number was given ("Kết luận 57"): issuer unknown, never guessed. */
  partial?: boolean;
  /** OCR noise glued to the number ("ĩ>57 - KH/TƯ"): the digits may be wrong. */
  garbled?: boolean;
}

/** A calendar date mention. */
export interface DateMention extends TextSpan {
  /** "YYYY-MM-DD", or "YYYY-MM" when the day is absent or left blank. */
  iso: string;
  text: string;
}

export type QuarterId = `Q${1 | 2 | 3 | 4}-${number}`;

/** "Quý IV/2023", "quý 3 năm 2024". */
export interface QuarterMention extends TextSpan {
  quarter: QuarterId;
  text: string;
}

export type PlanKind = 'study-and-dissemination' | 'implementation' | 'conference' | 'other';

export type CommitteeLevel = 'province' | 'district' | 'city' | 'town' | 'party-committee';

export interface HeaderFields {
  /** Canonical "222-KH/TU"; when OCR noise makes the digits unreliable, the raw surface with `garbled`. */
  documentNumber?: Spanned<string> & { garbled?: boolean };
  date?: DateMention;
  place?: Spanned<string>;
  /** "Tỉnh ủy Quảng Ngãi", or just "Huyện ủy" when the text does not name the district. */
  issuingBody?: Spanned<string> & { level: CommitteeLevel };
  /** Span of the title words that decided the kind. */
  kind?: Spanned<PlanKind>;
  /** The title after "KẾ HOẠCH" (surface). */
  title?: Spanned<string>;
}

export interface SignatureFields {
  /** "T/M BAN THƯỜNG VỤ" → value "Ban Thường vụ". */
  onBehalfOf?: Spanned<string>;
  /** "PHÓ BÍ THƯ THƯỜNG TRỰC" → value "Phó Bí thư Thường trực". */
  role?: Spanned<string>;
  /** The name line (surface); `garbled` when OCR noise makes it unreadable as a name. */
  signer?: Spanned<string> & { garbled?: boolean };
  /** From "Nơi nhận:" to the signature block or the end; `items` are the dashed recipient lines. */
  recipients?: TextSpan & { items: Spanned<string>[] };
}

/**
 * A labelled field line: "Cơ quan chủ trì: Ban Tuyên giáo Tỉnh ủy".
 * `line.slice(labelStart, labelEnd) === label` (without the colon) and
 * `line.slice(valueStart, valueStart + value.length) === value`.
 */
export interface FieldLabel {
  field: FieldKind;
  label: string;
  labelStart: number;
  labelEnd: number;
  value: string;
  valueStart: number;
  /** Agency names for the agency fields, split on ";" and sensible ",". */
  agencies?: string[];
  /** The same names with their spans in the line. */
  agencySpans?: Spanned<string>[];
  /** For timing fields; `quarter` is a QuarterId ("Q4-2023"), `ongoing` marks "thường xuyên", "hằng năm". */
  deadline?: Deadline;
}

/** A named body: "Ban Tuyên giáo Tỉnh ủy", "Sở Thông tin và Truyền thông". */
export interface AgencyMention extends TextSpan {
  text: string;
}
