/**
 * Gold annotations: a CSV a researcher edits in a spreadsheet
 * (corpus/gold/annotations.csv). Columns: plan_id, unit_id, status
 * (unit | skip), labels ("TG1;TG4", empty for none), uncertain, note, text.
 */
import Papa from 'papaparse';

export interface GoldRow {
  planId: string;
  unitId: string;
  status: 'unit' | 'skip';
  labels: string[];
  uncertain: boolean;
  note: string;
  text: string;
}

export class GoldFormatError extends Error {}

const REQUIRED = ['plan_id', 'unit_id', 'status', 'labels'];

/** Parses the annotations CSV; `groups` are the valid labels. Throws one-line GoldFormatErrors with the row number. */
export function parseGold(csv: string, groups: readonly string[]): GoldRow[] {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
  });
  const fields = parsed.meta.fields ?? [];
  const missing = REQUIRED.filter((f) => !fields.includes(f));
  if (missing.length) throw new GoldFormatError(`missing column(s): ${missing.join(', ')}`);
  const bad = parsed.errors.find((e) => e.type !== 'FieldMismatch' || e.code !== 'TooFewFields');
  if (bad) throw new GoldFormatError(`row ${(bad.row ?? 0) + 2}: ${bad.message}`);
  const valid = new Set(groups);
  const seen = new Set<string>();
  return parsed.data.map((row, i) => {
    const line = i + 2;
    const status = (row.status ?? '').trim().toLowerCase();
    if (status !== 'unit' && status !== 'skip')
      throw new GoldFormatError(`row ${line}: status must be "unit" or "skip", got "${row.status}"`);
    const labels = (row.labels ?? '')
      .split(/[;,\s]+/)
      .map((l) => l.trim().toUpperCase())
      .filter(Boolean);
    for (const l of labels)
      if (!valid.has(l))
        throw new GoldFormatError(`row ${line}: unknown label "${l}" (expected one of ${groups.join(', ')})`);
    const unitId = (row.unit_id ?? '').trim();
    if (!unitId) throw new GoldFormatError(`row ${line}: empty unit_id`);
    if (seen.has(unitId)) throw new GoldFormatError(`row ${line}: unit ${unitId} annotated twice`);
    seen.add(unitId);
    return {
      planId: (row.plan_id ?? '').trim(),
      unitId,
      status,
      labels: [...new Set(labels)].sort(),
      uncertain: /^(yes|y|1|true|x)$/i.test((row.uncertain ?? '').trim()),
      note: row.note ?? '',
      text: row.text ?? '',
    };
  });
}
