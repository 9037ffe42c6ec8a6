export {
  coverageMarkdown,
  escapeMarkdown,
  type MarkdownReportOptions,
  markdownTable,
  renderMarkdownReport,
} from './report.ts';
