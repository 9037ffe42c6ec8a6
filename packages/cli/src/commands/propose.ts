/**
 * A manifest entry proposed from the document itself, for `doichieu add`:
 * every value comes with the words it was read from and is marked
 * "extracted", not confirmed; what the document does not state stays
 * "unknown". Pure: an ingested plan in, an entry out.
 */
import type {
  Directive,
  IngestedPlan,
  PlanKind,
  PlanMeta,
  ProposedField,
  ValueProvenance,
} from '@doichieu/core';
import { fold } from '@doichieu/core';

const KINDS: readonly PlanKind[] = ['study-and-dissemination', 'implementation', 'conference', 'other'];

/** The level of a Party committee, from its name: tỉnh ủy → province, huyện/thị/quận ủy → district, xã/phường → commune. */
function levelOf(body: string): PlanMeta['level'] {
  const f = fold(body).toLowerCase();
  if (/\b(?:tinh|thanh pho truc thuoc trung uong) uy\b|\btinh uy\b/.test(f)) return 'province';
  if (/\b(?:huyen|thi|quan) uy\b/.test(f)) return 'district';
  if (/\b(?:dang uy|chi bo) (?:xa|phuong|thi tran)\b/.test(f)) return 'commune';
  if (/\b(?:bo chinh tri|ban bi thu|trung uong)\b/.test(f)) return 'central';
  return 'unknown';
}

/** The place a committee is named after: "Tỉnh ủy Quảng Ngãi" → "Quảng Ngãi". */
function namedPlace(body: string): string | undefined {
  const m = body.match(/(?:Tỉnh|Thành|Huyện|Thị|Quận)\s+[uủ]y\s+(\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*)*)$/u);
  return m?.[1];
}

export interface Proposal {
  meta: PlanMeta;
  /** One line per value, for the user to check. */
  found: string[];
}

export function proposeEntry(
  plan: IngestedPlan,
  base: Pick<PlanMeta, 'id' | 'file'> & Partial<PlanMeta>,
  directive: Directive,
): Proposal {
  const text = plan.source.text;
  const provenance: Partial<Record<ProposedField, ValueProvenance>> = {};
  const from = (field: ProposedField, span: [number, number] | undefined, note?: string): void => {
    provenance[field] = {
      status: 'extracted',
      ...(span ? { text: text.slice(span[0], span[1]), span } : {}),
      ...(note ? { note } : {}),
    };
  };
  const x = plan.extracted;
  const usable = (v: { garbled?: boolean } | undefined) => v !== undefined && !v.garbled;

  const documentNumber = usable(x.documentNumber) ? x.documentNumber!.value : 'unknown';
  if (x.documentNumber)
    from(
      'documentNumber',
      x.documentNumber.span,
      x.documentNumber.garbled ? 'garbled: left unknown' : undefined,
    );
  const date = x.date ? x.date.value : 'unknown';
  if (x.date) from('date', x.date.span);
  const signer = usable(x.signer) ? x.signer!.value : 'unknown';
  if (x.signer) from('signer', x.signer.span, x.signer.garbled ? 'damaged: left unknown' : undefined);

  // The organ that issues is the one the signature acts for ("T/M BAN THƯỜNG VỤ"), of the letterhead's committee.
  let issuingBody = 'unknown';
  if (x.issuingBody) {
    const tail = plan.units.filter((u) => u.role === 'signature').map((u) => fold(u.text).toLowerCase());
    const standing = tail.some((t) => /\bt\s*\/?\s*m\.?\s*ban thuong vu\b/.test(t));
    issuingBody =
      standing && !/^Ban Thường vụ/u.test(x.issuingBody.value)
        ? `Ban Thường vụ ${x.issuingBody.value}`
        : x.issuingBody.value;
    from('issuingBody', x.issuingBody.span);
  }
  const level = issuingBody === 'unknown' ? 'unknown' : levelOf(issuingBody);
  if (level !== 'unknown' && x.issuingBody) from('level', x.issuingBody.span);
  const committeePlace = issuingBody === 'unknown' ? undefined : namedPlace(issuingBody);
  let province = 'unknown';
  if (level === 'province' && committeePlace) {
    province = committeePlace;
    from('province', x.issuingBody!.span);
  }
  const kind =
    x.kind && (KINDS as readonly string[]).includes(x.kind.value) ? (x.kind.value as PlanKind) : 'unknown';
  if (x.kind) from('kind', x.kind.span);
  const title = x.title ? `Kế hoạch ${x.title.value.replace(/\s+/g, ' ').trim()}` : 'unknown';
  if (x.title) from('title', x.title.span);
  const cited = plan.references.find((r) => !r.self && !r.partial && r.number === directive.id);
  const cites = cited ? cited.number : 'unknown';
  if (cited) from('cites', cited.span);

  const meta: PlanMeta = {
    ...base,
    province,
    level,
    issuingBody,
    documentNumber,
    date,
    kind,
    title,
    signer,
    cites,
    provenance,
  } as PlanMeta;
  const found = (
    [
      'documentNumber',
      'date',
      'province',
      'level',
      'issuingBody',
      'kind',
      'title',
      'signer',
      'cites',
    ] as const
  ).map((f) => {
    const value = String(meta[f] ?? 'unknown');
    const p = provenance[f];
    const seen = p?.text !== undefined ? `  ← "${p.text.replace(/\s+/g, ' ').slice(0, 60)}"` : '';
    return `  ${f.padEnd(15)} ${value.length > 70 ? `${value.slice(0, 67)}…` : value}${seen}${p?.note ? ` (${p.note})` : ''}`;
  });
  return { meta, found };
}
