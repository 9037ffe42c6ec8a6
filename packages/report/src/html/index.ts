export { escapeXml, truncate } from './escape.ts';
export { coverageHeatmapSvg, type HeatmapOptions } from './heatmap.ts';
export {
  type GroupSummary,
  type PlanSummary,
  planDescription,
  planName,
  planSummaries,
} from './model.ts';
export { type ReportOptions, renderHtmlReport } from './report.ts';
