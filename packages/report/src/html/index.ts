export {
  PROFILE_ROWS,
  type ProfileRows,
  type ProfileRowsOptions,
  profileNote,
  profileRows,
} from '../profiles-section.ts';
export { escapeXml, truncate } from './escape.ts';
export { coverageHeatmapSvg, type HeatmapOptions, type ProvinceRow, provinceHeatmapSvg } from './heatmap.ts';
export {
  DEFAULT_REPORT_LANG,
  parseReportLang,
  REPORT_LANGS,
  type ReportLang,
  reportStrings,
} from './i18n.ts';
export {
  type GroupSummary,
  type PlanSummary,
  planDescription,
  planName,
  planSummaries,
} from './model.ts';
export {
  DETAIL_LIMIT,
  type ProvinceCoverage,
  provinceCoverage,
  type ReportLayout,
  reportLayout,
} from './provinces.ts';
export { type ReportOptions, renderHtmlReport } from './report.ts';
