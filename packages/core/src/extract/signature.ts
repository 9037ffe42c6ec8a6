/**
 * The closing block of a plan: "Nơi nhận:" with its dashed recipients, then
 * "T/M BAN THƯỜNG VỤ", the signer's role ("PHÓ BÍ THƯ") and name. OCR forms
 * such as "Nơi nhân:", "T ỈM BAN THƯỜNG vụ" and "' BÍ THƯ" are accepted; a
 * name line that does not read as a name is reported raw with `garbled`.
 */
import { foldKeepLength, trimEndOf } from './fold.ts';
import type { SignatureFields, Spanned, TextSpan } from './types.ts';

/** The closing block sits in the last few thousand characters. */
const TAIL_SCAN = 8000;
const NAME_LINE_MAX = 60;

const RECIPIENTS = /(?<!\p{L})noi\s{1,3}nhan\s{0,3}:/gu;
/** "T/M", "TM.", OCR "T ỈM"; followed by the body signed for. */
const ON_BEHALF =
  /(?<!\p{L})t\s{0,2}[/i]?\s{0,2}m\.?\s{1,3}(ban\s{1,3}thuong\s{1,3}vu|ban\s{1,3}chap\s{1,3}hanh|(?:tinh|huyen|thanh|thi|dang)\s{1,3}uy)(?!\p{L})/gu;
const ROLE = /(?<!\p{L})(pho\s{1,3})?bi\s{1,3}thu(\s{1,3}thuong\s{1,3}truc)?(?!\p{L})/gu;
const NAME = /^\p{Lu}\p{Ll}{0,10}(?:\s{1,3}\p{Lu}\p{Ll}{0,10}){1,4}(?![\p{L}\p{N}])/u;
/** Separators that may precede the name: spaces, stray quotes, "(Đã ký)". */
const BEFORE_NAME = /^(?:[\s'"‘’`.,]|\(\s{0,2}đã\s{1,2}ký\s{0,2}\))*/iu;
/** A recipient item starts after a dash at the block start, a line start or after ",", ";" or ".". */
const ITEM_DASH = /(?:^|\n|[,;.])\s{0,4}[-–•+]\s{1,3}/gu;

const ON_BEHALF_VALUES: Record<string, string> = {
  'ban thuong vu': 'Ban Thường vụ',
  'ban chap hanh': 'Ban Chấp hành',
  'tinh uy': 'Tỉnh ủy',
  'huyen uy': 'Huyện ủy',
  'thanh uy': 'Thành ủy',
  'thi uy': 'Thị ủy',
  'dang uy': 'Đảng ủy',
};

const isUpper = (s: string): boolean => s === s.toUpperCase();

function lastMatch(folded: string, re: RegExp, from: number, accept: (m: RegExpExecArray) => boolean) {
  let last: RegExpExecArray | undefined;
  for (const m of folded.slice(from).matchAll(re)) if (accept(m)) last = m;
  return last;
}

function recipientItems(text: string, block: TextSpan): Spanned<string>[] {
  const body = text.slice(block.start, block.end);
  const dashes = [...body.matchAll(ITEM_DASH)].map((m) => ({ at: m.index, from: m.index + m[0].length }));
  return dashes
    .map((dash, i) => {
      const raw = body.slice(dash.from, dashes[i + 1]?.at ?? body.length);
      // Keep the item's own closing "," or "." out of the value.
      const value = trimEndOf(raw, ' \t\r\n,;.');
      return { value, start: block.start + dash.from, end: block.start + dash.from + value.length };
    })
    .filter((item) => item.value.length > 0);
}

function signerAfter(text: string, from: number, end: number): SignatureFields['signer'] {
  const rest = text.slice(from, end);
  const lead = BEFORE_NAME.exec(rest)![0].length;
  const start = from + lead;
  const after = text.slice(start, end);
  if (after.length === 0) return undefined;
  const name = NAME.exec(after);
  if (name) return { value: name[0], start, end: start + name[0].length };
  // Something name-like but unreadable: report it raw rather than guess a name.
  const line = /^[^\n]{1,60}/.exec(after)?.[0].trimEnd() ?? '';
  if (line.length === 0 || after.trimEnd().length > NAME_LINE_MAX || !/\p{L}/u.test(line)) return undefined;
  return { value: line, start, end: start + line.length, garbled: true };
}

function roleValue(m: RegExpExecArray): string {
  return `${m[1] ? 'Phó Bí thư' : 'Bí thư'}${m[2] ? ' Thường trực' : ''}`;
}

/** Signature and recipients from the end of a plan; `foldedText`: `text` folded, if the caller has it. */
export function parseSignature(text: string, foldedText?: string): SignatureFields {
  const from = Math.max(0, text.length - TAIL_SCAN);
  const tail = text.slice(from);
  const folded = foldedText === undefined ? foldKeepLength(tail) : foldedText.slice(from);
  const fields: SignatureFields = {};

  const onBehalf = lastMatch(folded, ON_BEHALF, 0, (m) => /\p{Lu}/u.test(tail.slice(m.index, m.index + 1)));
  if (onBehalf) {
    const start = from + onBehalf.index;
    const value = ON_BEHALF_VALUES[onBehalf[1]!.replace(/\s+/g, ' ')]!;
    fields.onBehalfOf = { value, start, end: start + onBehalf[0].length };
  }

  // The role is written in capitals; a lower-case "Phó Bí thư" is prose, not a signature.
  const roleFrom = onBehalf ? onBehalf.index + onBehalf[0].length : 0;
  const role = lastMatch(folded, ROLE, roleFrom, (m) =>
    isUpper(tail.slice(roleFrom + m.index, roleFrom + m.index + m[0].length)),
  );
  if (role) {
    const start = from + roleFrom + role.index;
    fields.role = { value: roleValue(role), start, end: start + role[0].length };
  }

  const recipients = lastMatch(folded, RECIPIENTS, 0, () => true);
  const signatureStart = fields.onBehalfOf?.start ?? fields.role?.start;
  if (recipients) {
    const start = from + recipients.index;
    const blockEnd = signatureStart !== undefined && signatureStart > start ? signatureStart : text.length;
    const end = start + text.slice(start, blockEnd).trimEnd().length;
    const items = recipientItems(text, { start: start + recipients[0].length, end });
    fields.recipients = { start, end, items };
  }

  if (fields.role) {
    // The name runs to the end, or to "Nơi nhận" when the recipients come after the signature.
    const nameEnd =
      fields.recipients && fields.recipients.start > fields.role.end ? fields.recipients.start : text.length;
    const signer = signerAfter(text, fields.role.end, nameEnd);
    if (signer) fields.signer = signer;
  }
  return fields;
}
