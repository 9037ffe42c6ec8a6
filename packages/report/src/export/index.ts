export { BOM, type Cell, neutraliseCell, restoreCell, toCsv } from './csv.ts';
export * from './findings.ts';
export * from './tables.ts';
