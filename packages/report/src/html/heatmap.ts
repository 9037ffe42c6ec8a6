/**
 * The coverage heatmap as an SVG string: plans down, task groups across,
 * each cell shaded by the share of the plan's content text that carries the
 * group and marked with its status (● operationalised, ○ mentioned only,
 * · absent). Laid out with d3 scales in Node, written as a string: no DOM.
 * Every document string is escaped.
 */
import { max } from 'd3-array';
import { format } from 'd3-format';
import { scaleBand, scaleLinear } from 'd3-scale';
import type { AnalysisInput } from '../export/findings.ts';
import { escapeXml, truncate } from './escape.ts';
import { DEFAULT_REPORT_LANG, kindName, levelName, type ReportLang, rt, statusName } from './i18n.ts';
import { planName, STATUS_MARK } from './model.ts';

const known = (s: string) => (s && s !== 'unknown' ? s : undefined);

export interface HeatmapOptions {
  /** Width of one cell (px). */
  cellWidth?: number;
  cellHeight?: number;
  /** Colours of the lowest and highest share. */
  colors?: [string, string];
  /** Only these plans, in this order (default: all). */
  planIds?: readonly string[];
  title?: string;
  /** Language of the labels (default Vietnamese). */
  lang?: ReportLang;
}

const FONT = "'Noto Sans', 'DejaVu Sans', 'Segoe UI', Arial, sans-serif";

/** The task-group columns, right of the row labels. */
function groupColumns(groups: AnalysisInput['directive']['taskGroups'], labelWidth: number, cw: number) {
  return scaleBand<string>()
    .domain(groups.map((g) => g.id))
    .range([labelWidth, labelWidth + cw * groups.length])
    .paddingInner(0.06);
}

/** Column heads: each group's id, and its short name with the full label as a tooltip. */
function groupHeads(
  groups: AnalysisInput['directive']['taskGroups'],
  x: ReturnType<typeof groupColumns>,
  top: number,
  lang: ReportLang,
): string[] {
  return groups.flatMap((g) => {
    const cx = (x(g.id) ?? 0) + x.bandwidth() / 2;
    return [
      `<text x="${cx}" y="${top - 28}" text-anchor="middle" font-size="13" font-weight="700" fill="#1a1a1a">${escapeXml(g.id)}</text>`,
      `<text x="${cx}" y="${top - 12}" text-anchor="middle" font-size="10.5" fill="#555"><title>${escapeXml(g.label[lang])}</title>${escapeXml(truncate(g.short[lang], 24))}</text>`,
    ];
  });
}

export function coverageHeatmapSvg(analysis: AnalysisInput, options: HeatmapOptions = {}): string {
  const lang = options.lang ?? DEFAULT_REPORT_LANG;
  const cw = options.cellWidth ?? 118;
  const ch = options.cellHeight ?? 46;
  const [low, high] = options.colors ?? ['#f1f5fb', '#1d4f86'];
  const groups = analysis.directive.taskGroups;
  const byId = new Map(analysis.plans.map((p) => [p.id, p]));
  const plans = (options.planIds ?? analysis.plans.map((p) => p.id))
    .map((id) => byId.get(id))
    .filter((p) => p !== undefined);
  const coverage = new Map(
    analysis.coverage.map((r) => [r.planId, new Map(r.cells.map((c) => [c.group, c]))]),
  );

  const labelWidth = 270;
  const top = options.title ? 84 : 58;
  const legendHeight = 70;
  const x = groupColumns(groups, labelWidth, cw);
  const y = scaleBand<string>()
    .domain(plans.map((p) => p.id))
    .range([top, top + ch * plans.length])
    .paddingInner(0.08);
  const shares = plans.flatMap((p) => [...(coverage.get(p.id)?.values() ?? [])].map((c) => c.share));
  const maxShare = Math.max(0.05, max(shares) ?? 0);
  const color = scaleLinear<string>().domain([0, maxShare]).range([low, high]).clamp(true);
  const width = labelWidth + cw * groups.length + 12;
  const height = top + ch * plans.length + legendHeight;
  const percent = format('.0%');

  const parts: string[] = [];
  const title = options.title ?? rt(lang, 'heatmapTitle');
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="hm-title" font-family="${escapeXml(FONT)}">`,
    `<title id="hm-title">${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
  );
  if (options.title)
    parts.push(
      `<text x="8" y="24" font-size="16" font-weight="600" fill="#1a1a1a">${escapeXml(options.title)}</text>`,
    );
  parts.push(...groupHeads(groups, x, top, lang));
  for (const plan of plans) {
    const py = y(plan.id) ?? 0;
    const bh = y.bandwidth();
    // A plan that does not cite the directive is marked on its row, and says what it cites.
    const check = plan.directiveCheck;
    const notCiting = check !== undefined && check.status !== 'cites';
    const second = notCiting
      ? `${rt(lang, 'heatmapNotCiting', { directive: check.directive })}${check.citesInstead[0] ? rt(lang, 'heatmapCitesInstead', { doc: check.citesInstead[0].number }) : ''}`
      : [kindName(lang, plan.meta.kind), known(plan.meta.date), levelName(lang, plan.meta.level)]
          .filter(Boolean)
          .join(' · ');
    parts.push(
      `<text x="8" y="${py + bh / 2 - 3}" font-size="12.5" font-weight="600" fill="#1a1a1a">${escapeXml(truncate(`${notCiting ? '⚠ ' : ''}${planName(plan, lang)}`, 34))}</text>`,
      `<text x="8" y="${py + bh / 2 + 12}" font-size="10" fill="${notCiting ? '#b45309' : '#666'}" class="${notCiting ? 'not-citing' : 'plan-meta'}">${escapeXml(truncate(second, 50))}</text>`,
    );
    const cells = coverage.get(plan.id);
    for (const g of groups) {
      const cell = cells?.get(g.id);
      const cx = x(g.id) ?? 0;
      const share = cell?.share ?? 0;
      const status = cell?.status ?? 'absent';
      const fill = status === 'absent' ? '#ffffff' : color(share);
      const dark = status !== 'absent' && share > maxShare * 0.5;
      const ink = dark ? '#ffffff' : '#1a1a1a';
      const tip = rt(lang, 'heatmapCell', {
        plan: planName(plan, lang),
        group: g.id,
        status: statusName(lang, status),
        share: percent(share),
        units: cell?.units.length ?? 0,
        op: cell?.operationalUnits.length ?? 0,
      });
      parts.push(
        `<g class="cell" data-plan="${escapeXml(plan.id)}" data-group="${escapeXml(g.id)}" data-status="${status}">`,
        `<title>${escapeXml(tip)}</title>`,
        `<rect x="${cx}" y="${py}" width="${x.bandwidth()}" height="${bh}" rx="3" fill="${fill}" stroke="${status === 'absent' ? '#c9ced6' : 'none'}" ${status === 'absent' ? 'stroke-dasharray="3 3"' : ''}/>`,
        `<text x="${cx + 10}" y="${py + bh / 2 + 5}" font-size="15" fill="${ink}">${STATUS_MARK[status]}</text>`,
        `<text x="${cx + x.bandwidth() - 10}" y="${py + bh / 2 + 5}" text-anchor="end" font-size="13" fill="${ink}">${escapeXml(percent(share))}</text>`,
        `</g>`,
      );
    }
  }
  // Legend: the colour ramp with ticks, then the status marks.
  const ly = top + ch * plans.length + 18;
  const rampWidth = 180;
  parts.push(
    `<defs><linearGradient id="hm-ramp" x1="0" x2="1" y1="0" y2="0"><stop offset="0" stop-color="${low}"/><stop offset="1" stop-color="${high}"/></linearGradient></defs>`,
    `<text x="14" y="${ly + 10}" font-size="10.5" fill="#444">${escapeXml(rt(lang, 'legendShare'))}</text>`,
    `<rect x="14" y="${ly + 16}" width="${rampWidth}" height="10" fill="url(#hm-ramp)" stroke="#c9ced6"/>`,
  );
  const ramp = scaleLinear()
    .domain([0, maxShare])
    .range([14, 14 + rampWidth]);
  for (const t of ramp.ticks(4))
    parts.push(
      `<text x="${ramp(t)}" y="${ly + 40}" text-anchor="middle" font-size="9.5" fill="#444">${escapeXml(percent(t))}</text>`,
    );
  const marks = [
    `${STATUS_MARK.operationalised} ${rt(lang, 'legendOperationalised')}`,
    `${STATUS_MARK.mentioned} ${statusName(lang, 'mentioned')}`,
    `${STATUS_MARK.absent} ${statusName(lang, 'absent')}`,
  ];
  marks.forEach((m, i) => {
    parts.push(
      `<text x="${labelWidth + 10}" y="${ly + 10 + i * 14}" font-size="10.5" fill="#444">${escapeXml(m)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}

/** The province roll-up as a heatmap: what the summary report's coverage table shows, one row a province. */
export interface ProvinceRow {
  name: string;
  plans: readonly unknown[];
  /** Plans counted in the totals (they cite the directive). */
  counted: number;
  totals: readonly { group: string; operationalised: number; carried: number }[];
}

/**
 * The coverage heatmap of a large corpus: provinces down, task groups
 * across, each cell "operationalise / carry" out of the province's counted
 * plans, shaded by the share that operationalise. A national corpus's
 * per-plan heatmap is thousands of rows (24 MB of SVG at 7,000 plans); the
 * viewer draws that one, this one fits a page.
 */
export function provinceHeatmapSvg(
  analysis: Pick<AnalysisInput, 'directive'>,
  provinces: readonly ProvinceRow[],
  options: Pick<HeatmapOptions, 'cellWidth' | 'cellHeight' | 'colors' | 'lang'> = {},
): string {
  const lang = options.lang ?? DEFAULT_REPORT_LANG;
  const cw = options.cellWidth ?? 118;
  const ch = options.cellHeight ?? 30;
  const [low, high] = options.colors ?? ['#f1f5fb', '#1d4f86'];
  const groups = analysis.directive.taskGroups;
  const labelWidth = 270;
  const top = 58;
  const legendHeight = 48;
  const x = groupColumns(groups, labelWidth, cw);
  const color = scaleLinear<string>().domain([0, 1]).range([low, high]).clamp(true);
  const width = labelWidth + cw * groups.length + 12;
  const height = top + ch * provinces.length + legendHeight;
  const percent = format('.0%');
  const title = rt(lang, 'section.provinces');
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="hm-title" font-family="${escapeXml(FONT)}">`,
    `<title id="hm-title">${escapeXml(title)}</title>`,
    `<desc>${escapeXml(rt(lang, 'provinceTable'))}</desc>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  parts.push(...groupHeads(groups, x, top, lang));
  provinces.forEach((province, row) => {
    const py = top + row * ch;
    const bh = ch - 3;
    parts.push(
      `<text x="8" y="${py + bh / 2 + 4}" font-size="12" fill="#1a1a1a">${escapeXml(truncate(`${province.name} (${province.plans.length})`, 40))}</text>`,
    );
    for (const g of groups) {
      const total = province.totals.find((t) => t.group === g.id);
      const op = total?.operationalised ?? 0;
      const share = province.counted > 0 ? op / province.counted : 0;
      const cx = x(g.id) ?? 0;
      const ink = share > 0.5 ? '#ffffff' : '#1a1a1a';
      const text = `${op} / ${total?.carried ?? 0}`;
      parts.push(
        `<g class="cell" data-province="${escapeXml(province.name)}" data-group="${escapeXml(g.id)}">`,
        `<title>${escapeXml(`${province.name} · ${g.id}: ${rt(lang, 'provincePlans', { n: province.counted, totals: text })}`)}</title>`,
        `<rect x="${cx}" y="${py}" width="${x.bandwidth()}" height="${bh}" rx="3" fill="${color(share)}"/>`,
        `<text x="${cx + x.bandwidth() / 2}" y="${py + bh / 2 + 4}" text-anchor="middle" font-size="12" fill="${ink}">${escapeXml(text)}</text>`,
        `</g>`,
      );
    }
  });
  // Legend: the ramp of the share of counted plans that operationalise the group.
  const ly = top + ch * provinces.length + 12;
  const rampWidth = 180;
  parts.push(
    `<defs><linearGradient id="hm-ramp" x1="0" x2="1" y1="0" y2="0"><stop offset="0" stop-color="${low}"/><stop offset="1" stop-color="${high}"/></linearGradient></defs>`,
    `<rect x="14" y="${ly}" width="${rampWidth}" height="10" fill="url(#hm-ramp)" stroke="#c9ced6"/>`,
  );
  for (const t of [0, 0.5, 1])
    parts.push(
      `<text x="${14 + t * rampWidth}" y="${ly + 24}" text-anchor="middle" font-size="9.5" fill="#444">${percent(t)}</text>`,
    );
  parts.push('</svg>');
  return parts.join('\n');
}
