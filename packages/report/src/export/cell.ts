/**
 * CSV cells neutralised against formula injection, and the CSV text itself
 * without a parser library: small enough for the viewer's bundle, so that a
 * table exported from the browser is the same CSV as the CLI writes (every
 * field quoted, CRLF line ends, a UTF-8 byte-order mark). See csv.ts.
 */
export const BOM = '\uFEFF';

// Full-width and small forms too (＝＋－＠ ﹦﹢﹣﹫): some spreadsheets fold them to ASCII before parsing.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B]/;

export type Cell = string | number | boolean | null | undefined;

/** Neutralises a cell against formula injection: a single quote before = + - @ tab CR. */
export function neutraliseCell(value: Cell): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The inverse of `neutraliseCell` for text cells read back from a CSV. */
export function restoreCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

const quote = (v: string | number) => `"${String(v).replace(/"/g, '""')}"`;

/** One CSV file as `toCsv` writes it (BOM, quoted header and rows, CRLF), with no library. */
export function csvText(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [header, ...rows].map((r) => r.map((c) => quote(neutraliseCell(c))).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
