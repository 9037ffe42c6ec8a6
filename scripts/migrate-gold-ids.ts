/**
 * Keeps the gold annotations keyed to the current unit ids after a change to
 * segmentation: a row whose unit id no longer exists is moved to the unit of
 * the same plan with the same text (whitespace and list marker aside); its
 * text column is refreshed. Nothing is dropped: rows that find no unit are
 * listed and the script fails.
 *
 *   npx tsx scripts/migrate-gold-ids.ts [corpus] [--check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestPlan, loadLexicon, Manifest } from '@doichieu/core';

const args = process.argv.slice(2);
const check = args.includes('--check');
const corpus = args.find((a) => !a.startsWith('--')) ?? 'corpus';
const manifest = Manifest.parse(JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')));
const lexicon = loadLexicon();
const units = new Map<string, { id: string; text: string }[]>();
for (const meta of manifest.plans) {
  const plan = ingestPlan(readFileSync(join(corpus, meta.file)), meta, { lexicon });
  units.set(
    meta.id,
    plan.units.map((u) => ({ id: u.id, text: u.text })),
  );
}

const key = (text: string): string =>
  text
    .replace(/^\s*(?:[-–—+*•·]\s*)+/u, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Minimal CSV reading and writing for the gold files (quoted fields, doubled quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;

let failed = false;
for (const file of ['annotations.csv', 'annotations-b.csv']) {
  const path = join(corpus, 'gold', file);
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch {
    continue;
  }
  const bom = raw.startsWith('\ufeff') ? '\ufeff' : '';
  const eol = raw.includes('\r\n') ? '\r\n' : '\n';
  const rows = parseCsv(raw.slice(bom.length));
  const header = rows[0]!;
  const col = (name: string): number => header.indexOf(name);
  const [planCol, idCol, textCol] = [col('plan_id'), col('unit_id'), col('text')];
  let moved = 0;
  const missing: string[] = [];
  for (const row of rows.slice(1)) {
    const planUnits = units.get(row[planCol]!) ?? [];
    if (planUnits.some((u) => u.id === row[idCol])) continue;
    const taken = new Set(rows.slice(1).map((r) => r[idCol]));
    const match = planUnits.find((u) => !taken.has(u.id) && key(u.text) === key(row[textCol] ?? ''));
    if (!match) {
      missing.push(row[idCol]!);
      continue;
    }
    console.log(`${file}: ${row[idCol]} → ${match.id}`);
    row[idCol] = match.id;
    row[textCol] = match.text;
    moved++;
  }
  console.log(`${file}: ${moved} row(s) moved, ${missing.length} without a unit`);
  if (missing.length > 0) {
    console.error(`${file}: no unit for ${missing.join(', ')}`);
    failed = true;
  }
  if (moved > 0 && !check)
    writeFileSync(path, `${bom}${rows.map((r) => r.map(quote).join(',')).join(eol)}${eol}`);
  if (moved > 0 && check) failed = true;
}
process.exitCode = failed ? 1 : 0;
