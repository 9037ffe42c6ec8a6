import { resolve } from 'node:path';
import {
  coverageHeatmapSvg,
  DETAIL_LIMIT,
  parseReportLang,
  provinceCoverage,
  provinceHeatmapSvg,
  type ReportLayout,
  renderHtmlReport,
  renderMarkdownReport,
  reportLayout,
} from '@doichieu/report';
import { loadOrAnalyse } from '../analysis-file.ts';
import { reportView } from '../analysis-views.ts';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../commands.ts';
import { UserError } from '../errors.ts';
import { writeFileAtomic } from '../io.ts';

const HELP = `Usage: doichieu report [--analysis FILE | --corpus DIR] [--out DIR] [--lang vi|en]

Writes the report: DIR/report.html (one self-contained file: inline CSS and
SVG, no scripts or external assets, prints on A4), DIR/report.md (the same in
Markdown) and DIR/coverage-heatmap.svg. Up to ${DETAIL_LIMIT} plans: the coverage
heatmap, a summary of each plan, its most specific additions and main
omissions, reuse, the method and the evaluation figures. Above: a summary
(corpus totals, coverage per province, a section per province with its plans'
coverage and top findings), and the heatmap has a row per province; the CSV
files (doichieu export) have every row, the viewer every plan's heatmap row.

Options:
  --analysis FILE  analysis.json to read (default: out/analysis.json; when it
                   does not exist the corpus is analysed)
  --corpus DIR     analyse this corpus instead of reading analysis.json
  --out DIR        output folder (default: out)
  --lang vi|en     language of the report (default vi, as the viewer)
  --layout detail|summary
                   every plan in detail, or the summary by province
                   (default: summary above ${DETAIL_LIMIT} plans)
  --title TEXT     title of the report
                   (the date printed is today's, or SOURCE_DATE_EPOCH's when set)
  -h, --help       show this help
`;

/** Today, or SOURCE_DATE_EPOCH (seconds) when set, so a report can be rebuilt byte for byte. */
function reportDate(): string {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  const when = process.env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date();
  return when.toISOString().slice(0, 10);
}

export const reportCommand: Command = {
  summary: 'write the report: one self-contained HTML file, a Markdown version and the heatmap SVG',
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        analysis: { type: 'string' },
        corpus: { type: 'string' },
        out: { type: 'string' },
        title: { type: 'string' },
        lang: { type: 'string' },
        layout: { type: 'string' },
      },
      'report',
    );
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    if (positionals.length > 0) throw new UserError(`report: unexpected argument "${positionals[0]}"`, 2);
    const lang = parseReportLang(String(values.lang ?? 'vi'));
    if (!lang) throw new UserError(`report: --lang must be vi or en, not "${values.lang}"`, 2);
    const layout = values.layout === undefined ? undefined : String(values.layout);
    if (layout !== undefined && layout !== 'detail' && layout !== 'summary')
      throw new UserError(`report: --layout must be detail or summary, not "${layout}"`, 2);
    const analysis = loadOrAnalyse(values, 'report', reportView(layout as ReportLayout | undefined));
    const dir = resolve(String(values.out ?? 'out'));
    const options = {
      generatedAt: reportDate(),
      lang,
      ...(layout ? { layout: layout as ReportLayout } : {}),
      ...(values.title ? { title: String(values.title) } : {}),
    };
    // A national corpus's per-plan heatmap is thousands of rows: the summary's is one row a province.
    const heatmap =
      reportLayout(analysis, options.layout) === 'summary'
        ? provinceHeatmapSvg(analysis, provinceCoverage(analysis, lang), { lang })
        : coverageHeatmapSvg(analysis, { lang });
    writeFileAtomic(resolve(dir, 'coverage-heatmap.svg'), `${heatmap}\n`);
    writeFileAtomic(resolve(dir, 'report.html'), renderHtmlReport(analysis, options));
    writeFileAtomic(
      resolve(dir, 'report.md'),
      renderMarkdownReport(analysis, { ...options, heatmapImage: 'coverage-heatmap.svg' }),
    );
    process.stdout.write(`wrote ${resolve(dir, 'report.html')}, report.md and coverage-heatmap.svg\n`);
    return 0;
  },
};
