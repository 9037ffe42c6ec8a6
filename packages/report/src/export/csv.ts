/**
 * CSV text for spreadsheets: papaparse `unparse`, every field quoted, CRLF
 * line ends, and a UTF-8 byte-order mark so that Excel reads the file as
 * UTF-8 and shows Vietnamese letters correctly (LibreOffice and papaparse
 * ignore or strip the mark).
 *
 * Formula injection: a spreadsheet treats a cell that starts with `=`, `+`,
 * `-` or `@` (their full-width forms ＝＋－＠ included, and, in some, a tab or
 * carriage return) as a formula. Every
 * string cell that starts with one of those characters gets a single quote
 * in front, which spreadsheets show as text. Numbers are written as numbers
 * and never get the quote. Note that this also catches plan text: a bullet unit
 * "- Tăng cường …" is written as "'- Tăng cường …". Strip one leading quote
 * (`restoreCell`) when reading such a cell back as text.
 */
import Papa from 'papaparse';
import { type Cell, neutraliseCell } from './cell.ts';

export { BOM, type Cell, csvText, neutraliseCell, restoreCell } from './cell.ts';

/** One CSV file: BOM, the header row, then the rows, every cell neutralised. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const body = Papa.unparse(
    {
      fields: header.map((h) => String(neutraliseCell(h))),
      data: rows.map((r) => r.map(neutraliseCell)),
    },
    { quotes: true, newline: '\r\n', escapeFormulae: false },
  );
  return `\uFEFF${body}\r\n`;
}

/** Rounds a score for a spreadsheet cell (4 decimals). */
export function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
