/**
 * Research outputs of an analysis: CSV exports for spreadsheets, the HTML
 * and Markdown reports, and the coverage heatmap SVG. Pure functions from
 * analysis.json to text; the CLI and notebooks write the files.
 */
export * from './export/index.ts';
export * from './html/index.ts';
export * from './markdown/index.ts';
