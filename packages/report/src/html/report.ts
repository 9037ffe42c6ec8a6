/**
 * The report as one self-contained HTML file: inline CSS, inline SVG, no
 * scripts, fonts or images from elsewhere, laid out to print on A4, in
 * Vietnamese or English. Up to `DETAIL_LIMIT` plans it describes every plan;
 * above, it is a summary (corpus totals, a roll-up per province, a section
 * per province with its plans' coverage rows and top findings) that opens in
 * seconds at thousands of plans; the CSV files have everything. Pure:
 * analysis in, string out. Every string from the documents is escaped.
 */
import type { Analysis } from '../analysis-schema.ts';
import { coverageTotals, notCitingNotice } from '../directive-status.ts';
import type { AnalysisInput, OmissionView } from '../export/findings.ts';
import { profileNote, profileRows } from '../profiles-section.ts';
import { escapeXml as e, truncate } from './escape.ts';
import { coverageHeatmapSvg } from './heatmap.ts';
import {
  DEFAULT_REPORT_LANG,
  levelName,
  REPORT_KEYS,
  type ReportKey,
  type ReportLang,
  rt,
  rtn,
  statusName,
} from './i18n.ts';
import {
  carriedCount,
  findingsSummary,
  fixed,
  notCitingSummary,
  type PlanSummary,
  pct,
  planNameInProvince,
  planNames,
  planSummaries,
  reportAdditions,
  reportOmissions,
  STATUS_MARK,
  STATUSES,
  type Status,
  statusText,
  TOP_ADDITIONS,
  TOP_OMISSIONS,
} from './model.ts';
import { type ProvinceSummary, provinceSummaries, type ReportLayout, reportLayout } from './provinces.ts';

/** " (+N more)" when a large corpus lists only the first plans that carry an omitted element. */
export function moreThanListed(
  o: { carriedBy: string[]; carriedByCount?: number | undefined },
  lang: ReportLang = 'en',
): string {
  const more = (o.carriedByCount ?? o.carriedBy.length) - o.carriedBy.length;
  if (more <= 0) return '';
  return lang === 'en' ? ` (+${more} more)` : rtn(lang, 'morePlans', more);
}

export interface ReportOptions {
  title?: string;
  /** Shown in the footer; pass it to keep the output reproducible (default: none). */
  generatedAt?: string;
  /** Passages shown per addition cluster (default 1; the CSV has them all). */
  maxPassages?: number;
  /** Reuse passages listed (default 12). */
  maxReuse?: number;
  /** Language of the report (default Vietnamese, as the viewer). */
  lang?: ReportLang;
  /** 'detail' describes every plan; 'summary' groups them by province (default: summary above DETAIL_LIMIT plans). */
  layout?: ReportLayout;
}

/** Plans named in a list of plans that carry an element; the count says how many more. */
const LISTED_PLANS = 3;
/** Plan pairs listed in the detail report (the most similar first); similarity.csv has every pair. */
const LISTED_PAIRS = 20;
/** The similarity matrix is drawn up to this many plans (it fits A4); above, the pairs list and the CSV. */
const MATRIX_PLANS = 10;

const CSS = `
@page { size: A4; margin: 14mm 12mm; }
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: 'Noto Sans', 'DejaVu Sans', 'Segoe UI', Arial, sans-serif; color: #1a1a1a; background: #fff;
  margin: 0 auto; max-width: 1060px; padding: 24px 28px 48px; font-size: 14px; line-height: 1.45; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 30px 0 8px; padding-bottom: 4px; border-bottom: 2px solid #1d4f86; }
h3 { font-size: 15.5px; margin: 18px 0 6px; }
h4 { font-size: 13.5px; margin: 12px 0 4px; }
p { margin: 6px 0; }
p.lead { color: #333; margin: 0 0 12px; }
.meta, .explain { color: #555; font-size: 12.5px; }
table { border-collapse: collapse; margin: 6px 0 12px; width: 100%; font-size: 12.5px; }
th, td { border: 1px solid #d5dae1; padding: 3px 6px; text-align: left; vertical-align: top; }
td { overflow-wrap: anywhere; }
th { background: #eef2f7; font-weight: 600; overflow-wrap: break-word; }
thead { display: table-header-group; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
th .sub { display: block; font-weight: 400; font-size: 11px; color: #444; }
.figure { overflow-x: auto; margin: 8px 0; }
.figure svg { max-width: 100%; height: auto; }
.plan { border: 1px solid #d5dae1; border-radius: 6px; padding: 8px 12px; margin: 10px 0; }
.plan h3 { margin-top: 2px; }
.st-operationalised { color: #1d4f86; font-weight: 600; }
.st-mentioned { color: #7a4f00; }
.st-absent { color: #5f6670; }
td.date { white-space: nowrap; }
td.c { white-space: nowrap; text-align: right; font-variant-numeric: tabular-nums; }
td.s0 { background: #f1f5fb; } td.s1 { background: #d3e0f0; } td.s2 { background: #a9c3e2; }
td.s3 { background: #3f6fa5; color: #fff; } td.s4 { background: #1d4f86; color: #fff; }
td.ab { background: #fff; color: #5f6670; }
blockquote { margin: 4px 0 6px; padding: 3px 10px; border-left: 3px solid #c9d4e3; color: #333; background: #f8fafc; }
.cluster { margin: 8px 0 10px; }
.cluster h3, .cluster h4 { margin: 6px 0 2px; }
.na { color: #5f6670; font-style: italic; }
.not-citing { border-left: 4px solid #b45309; background: #fff7ed; padding: 6px 10px; color: #7c2d12; }
.terms { color: #444; font-size: 12px; }
code { font-family: 'DejaVu Sans Mono', Consolas, monospace; font-size: 11.5px; overflow-wrap: anywhere; }
footer { margin-top: 36px; color: #5f6670; font-size: 11.5px; border-top: 1px solid #ddd; padding-top: 8px; }
nav ol { columns: 2; font-size: 13px; }
ol.legend { font-size: 12px; columns: 2; margin: 4px 0; }
@media screen {
  section.province { content-visibility: auto; contain-intrinsic-size: auto 900px; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 10.5px; line-height: 1.35; }
  table { font-size: 9.5px; margin: 4px 0 8px; }
  th .sub, .meta, .explain, .terms, code, footer { font-size: 9px; }
  blockquote { font-size: 9.5px; margin: 2px 0 4px; }
  h1 { font-size: 19px; }
  h2 { font-size: 15px; margin: 18px 0 6px; break-after: avoid; }
  h3 { font-size: 12px; margin: 10px 0 3px; }
  h4 { font-size: 11px; }
  h3, h4 { break-after: avoid; }
  tr, blockquote, .cluster, figure, .figure { break-inside: avoid; }
  .plan { break-inside: auto; border: none; padding: 0; }
  nav { display: none; }
  a { color: inherit; text-decoration: none; }
}
`;

/** A shaded coverage cell: the status mark and the share, the shade by the share. */
function coverageCell(status: Status, share: number, lang: ReportLang): string {
  const shade =
    status === 'absent'
      ? 'ab'
      : `s${share < 0.05 ? 0 : share < 0.15 ? 1 : share < 0.3 ? 2 : share < 0.5 ? 3 : 4}`;
  return `<td class="c ${shade}" title="${e(statusName(lang, status))}">${STATUS_MARK[status]} ${pct(share)}</td>`;
}

/** Column heads of the task groups: the id and the short name. */
function groupHeads(analysis: AnalysisInput, lang: ReportLang): string {
  return analysis.directive.taskGroups
    .map((g) => `<th class="num">${e(g.id)}<span class="sub">${e(g.short[lang])}</span></th>`)
    .join('');
}

function lead(analysis: AnalysisInput, lang: ReportLang): string {
  const d = analysis.directive;
  const counted = notCitingNotice(analysis).counted;
  const notice = notCitingSummary(analysis, lang);
  return `<p class="lead">${e(rtn(lang, 'lead', counted, { title: d.title[lang], id: d.id, issuer: d.issuer, date: d.date }))}</p>${notice ? `\n<p class="not-citing" role="note">${e(notice)}</p>` : ''}`;
}

function totalsParagraph(analysis: AnalysisInput, lang: ReportLang): string {
  const { counted, flagged } = notCitingNotice(analysis);
  const totals = coverageTotals(analysis)
    .map((t) => `${t.group} ${t.operationalised} / ${t.carried}`)
    .join(', ');
  const left = flagged.length
    ? rtn(lang, 'totalsLeftOut', flagged.length, { directive: analysis.directive.id })
    : '';
  return `<p class="totals">${e(rt(lang, 'totals', { n: counted, directive: analysis.directive.id, totals }))}${e(left)}</p>`;
}

function statusLegend(lang: ReportLang): string {
  return `<ul>${STATUSES.map((k) => `<li>${STATUS_MARK[k]} ${e(statusText(lang, k))}</li>`).join('')}</ul>`;
}

function coverageSection(analysis: AnalysisInput, lang: ReportLang): string {
  return `<div class="figure">${coverageHeatmapSvg(analysis, { lang })}</div>
<p class="meta">${e(rt(lang, 'coverageNote', { op: statusText(lang, 'operationalised'), me: statusText(lang, 'mentioned'), ab: statusText(lang, 'absent') }))}</p>
${totalsParagraph(analysis, lang)}`;
}

function planTable(summaries: PlanSummary[], lang: ReportLang): string {
  const rows = summaries
    .map(
      (s) =>
        `<tr><td><strong>${e(s.name)}</strong><br><code>${e(s.id)}</code></td><td>${e(s.description)}</td><td class="num">${s.units}</td><td class="num">${s.contentUnits}</td><td class="num">${s.labelledUnits}</td><td>${e(s.encoding)}</td><td class="num">${s.repairs.ocr + s.repairs.toneStyle + s.repairs.unicode}</td></tr>`,
    )
    .join('\n');
  const h = (k: ReportKey, num = false) => `<th${num ? ' class="num"' : ''}>${e(rt(lang, k))}</th>`;
  return `<table><thead><tr>${h('col.plan')}${h('col.kind')}${h('col.units', true)}${h('col.content', true)}${h('col.labelled', true)}${h('col.encoding')}${h('col.repairs', true)}</tr></thead><tbody>${rows}</tbody></table>`;
}

function planSection(s: PlanSummary, lang: ReportLang): string {
  const groupRows = s.groups
    .map(
      (g) =>
        `<tr><td><strong>${e(g.group)}</strong> ${e(g.label)}</td><td class="st-${g.status}">${STATUS_MARK[g.status]} ${e(statusName(lang, g.status))}</td><td class="num">${pct(g.share)}</td><td class="num">${g.units} / ${g.operationalUnits}</td><td>${g.example ? `${e(truncate(g.example.text, 160))} <code>${e(g.example.unitId.split(':').pop() ?? '')}</code>` : `<span class="na">${e(rt(lang, 'none'))}</span>`}</td></tr>`,
    )
    .join('\n');
  const ids = (status: Status) =>
    s.groups
      .filter((g) => g.status === status)
      .map((g) => g.group)
      .join(', ');
  const op = ids('operationalised');
  const parts = [
    op ? rt(lang, 'turnsInto', { groups: op }) : rt(lang, 'turnsNone'),
    ids('mentioned') ? rt(lang, 'onlyMentions', { groups: ids('mentioned') }) : '',
    ids('absent') ? rt(lang, 'leavesOut', { groups: ids('absent') }) : '',
  ]
    .filter(Boolean)
    .join('; ');
  const meta = rt(lang, 'planMeta', {
    body: s.issuingBody,
    signer: s.signer ? rt(lang, 'signedBy', { signer: s.signer }) : '',
    units: s.units,
    content: s.contentUnits,
    refs: s.references.length ? s.references.join(', ') : rt(lang, 'citesNothing'),
    agencies: s.agencies.length ? rt(lang, 'agenciesNamed', { agencies: s.agencies.join('; ') }) : '',
  });
  const h = (k: ReportKey, num = false) => `<th${num ? ' class="num"' : ''}>${e(rt(lang, k))}</th>`;
  return `<section class="plan" id="plan-${e(s.id)}">
<h3>${e(s.name)} <span class="meta">— ${e(s.description)}</span></h3>
<p class="meta">${e(meta)}</p>
${s.notCiting ? `<p class="not-citing" role="note">${e(rt(lang, 'notCitingPlan', { reason: s.notCiting }))}</p>\n` : ''}<p>${e(rt(lang, 'planLine', { parts }))}</p>
<table><thead><tr>${h('col.group')}${h('col.status')}${h('col.share', true)}${h('col.unitsTasks', true)}${h('col.strongest')}</tr></thead><tbody>${groupRows}</tbody></table>
</section>`;
}

const NA = (lang: ReportLang, what: ReportKey) =>
  `<p class="na">${e(rt(lang, 'noFindings', { what: rt(lang, what) }))}</p>`;

function passages(ps: readonly { unitId: string; text: string }[], n: number, lang: ReportLang): string {
  const shown = ps
    .slice(0, n)
    .map((p) => `<blockquote>${e(truncate(p.text, 300))} <code>${e(p.unitId)}</code></blockquote>`)
    .join('\n');
  return ps.length > n
    ? `${shown}\n<p class="meta">${e(rtn(lang, 'morePassages', ps.length - n))}</p>`
    : shown;
}

/** The line under a cluster's label: its task group, specificity, novelty and passage count (HTML and Markdown). */
export function clusterMeta(
  c: {
    group?: string | null | undefined;
    specificity?: number | undefined;
    novelty: number;
    passages: unknown[];
  },
  lang: ReportLang,
): string {
  return rtn(lang, 'clusterMeta', c.passages.length, {
    group: c.group ? rt(lang, 'groupN', { group: c.group }) : rt(lang, 'noGroup'),
    specificity: c.specificity === undefined ? '–' : fixed(c.specificity, 2, lang),
    novelty: fixed(c.novelty, 2, lang),
  });
}

function explain(lang: ReportLang, ...keys: ReportKey[]): string {
  return `<p class="explain">${keys.map((k) => e(rt(lang, k))).join(' ')}</p>`;
}

function additionsSection(analysis: AnalysisInput, maxPassages: number, lang: ReportLang): string {
  const f = findingsSummary(analysis);
  if (!f) return NA(lang, 'what.additions');
  const names = planNames(analysis, lang);
  if (f.findings.additions.length === 0) return `<p>${e(rt(lang, 'noAdditions'))}</p>`;
  const intro = `<p class="meta">${e(rt(lang, 'additionsIntro', { n: TOP_ADDITIONS }))}</p>\n${explain(lang, 'explain.specificity', 'explain.novelty', 'explain.g2')}`;
  return `${intro}\n${reportAdditions(analysis)
    .map(({ planId, clusters, more }) => {
      const name = names.get(planId) ?? planId;
      return `${clusters
        .map(
          ({ cluster: c, rank }) => `<div class="cluster">
<h3>${e(name)} #${rank}: ${e(c.label)}</h3>
<p class="meta">${e(clusterMeta(c, lang))} · ${e(rt(lang, 'keyTerms', { terms: c.keyTerms.map((t) => t.term).join(', ') }))}</p>
${passages(c.passages, maxPassages, lang)}
</div>`,
        )
        .join(
          '\n',
        )}${more > 0 ? `\n<p class="meta">${e(rtn(lang, 'moreClusters', more, { plan: name }))}</p>` : ''}`;
    })
    .join('\n')}`;
}

function carriedByText(o: OmissionView, names: Map<string, string>, lang: ReportLang): string {
  const listed = o.carriedBy.slice(0, LISTED_PLANS).map((id) => names.get(id) ?? id);
  const more = carriedCount(o) - listed.length;
  return listed.join('; ') + (more > 0 ? rtn(lang, 'morePlans', more) : '');
}

/** The element's key terms, when they say more than its label. */
function extraTerms(o: OmissionView): string {
  const extra = o.keyTerms.map((t) => t.term).filter((t) => !o.label.includes(t));
  return extra.length ? `<div class="terms">${e(extra.join(', '))}</div>` : '';
}

function omissionsSection(analysis: AnalysisInput, lang: ReportLang): string {
  const f = findingsSummary(analysis);
  if (!f) return NA(lang, 'what.omissions');
  if (f.findings.omissions.length === 0) return `<p>${e(rt(lang, 'noOmissions'))}</p>`;
  const names = planNames(analysis, lang);
  const groups = new Map(analysis.directive.taskGroups.map((g) => [g.id, g.short[lang]]));
  const h = (k: ReportKey) => `<th>${e(rt(lang, k))}</th>`;
  const head = `<thead><tr>${h('col.group')}${h('col.element')}${h('col.carriedBy')}${h('col.inDirective')}${h('col.example')}</tr></thead>`;
  const perPlan = reportOmissions(analysis)
    .map(({ planId, omissions, more }) => {
      const name = names.get(planId) ?? planId;
      const rows = omissions
        .map(
          (o) =>
            `<tr><td><strong>${e(o.group)}</strong> ${e(groups.get(o.group) ?? '')}</td><td>${e(o.label)}${extraTerms(o)}</td><td>${e(carriedByText(o, names, lang))}</td><td>${e(rt(lang, o.inDirective ? 'yes' : 'no'))}</td><td>${o.examples[0] ? e(truncate(o.examples[0].text, 140)) : ''}</td></tr>`,
        )
        .join('\n');
      return `<h3>${e(name)}</h3>
<table>${head}<tbody>${rows}</tbody></table>${more > 0 ? `\n<p class="meta">${e(rtn(lang, 'moreOmissions', more, { plan: name }))}</p>` : ''}`;
    })
    .join('\n');
  return `<p class="meta">${e(rt(lang, 'omissionsIntro', { n: TOP_OMISSIONS }))}</p>\n${perPlan}`;
}

function reuseSection(analysis: AnalysisInput, maxReuse: number, lang: ReportLang): string {
  const f = findingsSummary(analysis);
  if (!f) return NA(lang, 'what.reuse');
  const names = planNames(analysis, lang);
  const ids = f.findings.plans;
  const h = (k: ReportKey, num = false) => `<th${num ? ' class="num"' : ''}>${e(rt(lang, k))}</th>`;
  // Numbered columns, named in the rows: the matrix fits A4 whatever the names' length.
  const shade = (v: number) =>
    `background: rgba(29, 79, 134, ${(Math.max(0, Math.min(1, v)) * 0.5).toFixed(3)})`;
  const matrix =
    ids.length <= MATRIX_PLANS
      ? `<h3>${e(rt(lang, 'similarityMatrix'))}</h3><table class="matrix"><thead><tr>${h('col.plan')}${ids.map((_, j) => `<th class="num">${j + 1}</th>`).join('')}</tr></thead><tbody>${ids
          .map(
            (a, i) =>
              `<tr><td>${i + 1}. ${e(names.get(a) ?? a)}</td>${ids
                .map((_, j) => {
                  const v = f.findings.similarity[i]?.[j] ?? Number.NaN;
                  return `<td class="num" style="${i === j ? '' : shade(v)}">${i === j ? '–' : fixed(v, 2, lang)}</td>`;
                })
                .join('')}</tr>`,
          )
          .join('\n')}</tbody></table>`
      : '';
  const sorted = [...f.findings.comparisons].sort(
    (x, y) =>
      y.similarity - x.similarity || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0),
  );
  const comparisons = sorted
    .slice(0, LISTED_PAIRS)
    .map(
      (c) =>
        `<tr><td>${e(names.get(c.a) ?? c.a)}</td><td>${e(names.get(c.b) ?? c.b)}</td><td class="num">${fixed(c.similarity, 2, lang)}</td><td class="num">${c.pairs.length}</td><td class="num">${c.reuse.length}</td><td class="num">${c.reuse.reduce((s, r) => s + r.tokens, 0)}</td></tr>`,
    )
    .join('\n');
  const top = f.topReuse
    .slice(0, maxReuse)
    .map(
      (r) =>
        `<tr><td>${e(names.get(r.planA) ?? r.planA)} ↔ ${e(names.get(r.planB) ?? r.planB)}</td><td class="num">${r.tokens}</td><td>${e(truncate(r.text, 240))}</td></tr>`,
    )
    .join('\n');
  return `${matrix}
<h3>${e(rt(lang, 'pairsCompared'))}</h3>${
    comparisons
      ? `<table><thead><tr>${h('col.planA')}${h('col.planB')}${h('col.similarity', true)}${h('col.pairs', true)}${h('col.sharedPassages', true)}${h('col.sharedSyllables', true)}</tr></thead><tbody>${comparisons}</tbody></table>${sorted.length > LISTED_PAIRS ? `<p class="meta">${e(rt(lang, 'provincePairsNote'))}</p>` : ''}`
      : `<p>${e(rt(lang, 'noPairs'))}</p>`
  }
${longestReuse(top, lang)}`;
}

function longestReuse(rows: string, lang: ReportLang): string {
  const h = (k: ReportKey, num = false) => `<th${num ? ' class="num"' : ''}>${e(rt(lang, k))}</th>`;
  return `<h3>${e(rt(lang, 'longestReuse'))}</h3>${
    rows
      ? `<table><thead><tr>${h('col.plans')}${h('col.syllables', true)}${h('col.sharedText')}</tr></thead><tbody>${rows}</tbody></table>`
      : `<p>${e(rt(lang, 'noReuse'))}</p>`
  }`;
}

function keynessSection(analysis: AnalysisInput, lang: ReportLang): string {
  const f = findingsSummary(analysis);
  if (!f || f.findings.keyness.length === 0) return '';
  const names = planNames(analysis, lang);
  const rows = f.findings.keyness
    .map(
      (k) =>
        `<tr><td>${e(names.get(k.planId) ?? k.planId)}</td><td>${e(
          k.terms
            .slice(0, 10)
            .map((t) => t.term)
            .join(', '),
        )}</td></tr>`,
    )
    .join('\n');
  return `<h3>${e(rt(lang, 'keynessTitle'))}</h3>${explain(lang, 'explain.g2')}<table><thead><tr><th>${e(rt(lang, 'col.plan'))}</th><th>${e(rt(lang, 'col.topTerms'))}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function evaluationSection(analysis: Analysis, lang: ReportLang): string {
  const ev = analysis.evaluation;
  if (!ev) return `<p class="na">${e(rt(lang, 'noEvaluation'))}</p>`;
  const systems = [
    ['system.engine', ev.engine],
    ['system.lexical', ev.lexical],
    ['system.baseline', ev.baseline],
  ] as const;
  const f3 = (x: number) => fixed(x, 3, lang);
  const overall = systems
    .map(
      ([key, s]) =>
        `<tr><td>${e(rt(lang, key))}</td><td class="num">${f3(s.microF1)}</td><td class="num">${f3(s.macroF1)}</td><td class="num">${f3(s.exactMatch)}</td><td class="num">${s.units}</td></tr>`,
    )
    .join('\n');
  const groups = ev.engine.perGroup
    .map((g) => {
      const b = ev.baseline.perGroup.find((x) => x.group === g.group);
      return `<tr><td>${e(g.group)}</td><td class="num">${g.support}</td><td class="num">${g.predicted}</td><td class="num">${f3(g.precision)}</td><td class="num">${f3(g.recall)}</td><td class="num">${f3(g.f1)}</td><td class="num">${b ? f3(b.f1) : '–'}</td></tr>`;
    })
    .join('\n');
  const recorded = ev.model ? rt(lang, 'recorded', { model: ev.model }) : '';
  const h = (k: ReportKey | string, num = true) => `<th${num ? ' class="num"' : ''}>${e(k)}</th>`;
  return `<p>${e(rt(lang, 'protocol'))}${e(recorded)}</p>
<table><thead><tr>${h(rt(lang, 'col.system'), false)}${h('micro-F1')}${h('macro-F1')}${h(rt(lang, 'col.exactMatch'))}${h(rt(lang, 'col.units'))}</tr></thead><tbody>${overall}</tbody></table>
<table><thead><tr>${h(rt(lang, 'col.group'), false)}${h(rt(lang, 'col.support'))}${h(rt(lang, 'col.predicted'))}${h(rt(lang, 'col.precision'))}${h(rt(lang, 'col.recall'))}${h('F1')}${h(rt(lang, 'col.baselineF1'))}</tr></thead><tbody>${groups}</tbody></table>`;
}

const FINDING_KEYS: Record<string, ReportKey> = {
  similarity: 'finding.similarity',
  candidates: 'finding.candidates',
  additions: 'finding.additions',
  omissions: 'finding.omissions',
  reuse: 'finding.reuse',
  keyness: 'finding.keyness',
};

/** How the findings were computed: the diff stage's own words in English, the report's table in Vietnamese. */
function findingsMethod(analysis: AnalysisInput, lang: ReportLang): string {
  const method = findingsSummary(analysis)?.findings.method;
  if (!method) return '';
  const items = Object.entries(method)
    .map(([k, v]) => (lang === 'en' ? v : FINDING_KEYS[k] ? rt(lang, FINDING_KEYS[k]) : ''))
    .filter(Boolean)
    .map((text) => `<li>${e(text)}</li>`)
    .join('\n');
  return `<p>${e(rt(lang, 'methodFindings'))}</p>\n<ul>${items}</ul>`;
}

function methodSection(analysis: AnalysisInput, lang: ReportLang): string {
  const groups = analysis.directive.taskGroups
    .map(
      (g) =>
        `<tr><td><strong>${e(g.id)}</strong></td><td>${e(g.label.vi)}${lang === 'en' ? `<br><em>${e(g.label.en)}</em>` : ''}</td></tr>`,
    )
    .join('\n');
  const model = analysis.method.model ? rt(lang, 'modelRef', { ref: analysis.method.model.ref }) : '';
  const description = lang === 'en' ? `<p>${e(analysis.method.description)}</p>\n` : '';
  return `${description}<p>${e(rt(lang, 'methodAligner', { model, n: analysis.method.annotatedUnits }))}</p>
<p>${e(rt(lang, 'methodRelative'))}</p>
<p>${e(rt(lang, 'methodCoverage'))}</p>
${statusLegend(lang)}
<p>${e(rt(lang, 'methodGroups'))}</p>
<table><tbody>${groups}</tbody></table>
${findingsMethod(analysis, lang)}
<p class="meta">${e(rt(lang, 'spansNote'))}</p>`;
}

/** A citation check in the report's words (the measures' message names internal kinds), with the citations as written. */
export function checkText(
  c: { check: string; message: string; documents: string[]; quotes: string[] },
  lang: ReportLang,
): string {
  const key = `check.${c.check}` as ReportKey;
  const known = (REPORT_KEYS as readonly string[]).includes(key);
  const text = known ? rt(lang, key, { docs: c.documents.join(', ') }) : c.message;
  return c.quotes.length ? `${text}: ${c.quotes.map((q) => `“${q}”`).join('; ')}` : text;
}

function profilesSection(analysis: AnalysisInput, lang: ReportLang): string {
  const p = profileRows(analysis, { lang });
  const names = planNames(analysis, lang);
  const head = `<tr>${p.header.map((h, i) => `<th${i ? ' class="num"' : ''}>${e(h)}</th>`).join('')}</tr>`;
  const rows = p.rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => (i === 0 ? `<td>${e(names.get(c) ?? c)} <code>${e(c)}</code></td>` : `<td class="num">${e(c)}</td>`)).join('')}</tr>`,
    )
    .join('\n');
  const more = p.more ? `<p class="meta">${e(rtn(lang, 'moreProfiles', p.more))}</p>` : '';
  const checks = p.checks.length
    ? `<h3>${e(rt(lang, 'citationChecks'))}</h3><ul>${p.checks.map((c) => `<li><strong>${e(names.get(c.planId) ?? c.planId)}</strong>: ${e(checkText(c, lang))} <span class="meta">(<code>${e(c.where)}</code>)</span></li>`).join('')}</ul>`
    : `<p>${e(rt(lang, 'noCitationIssue'))}</p>`;
  return `<table class="profiles"><thead>${head}</thead><tbody>${rows}</tbody></table>\n<p class="meta">${e(profileNote(lang))}</p>${more}\n${checks}`;
}

// ——— the summary of a large corpus ———

function summarySection(analysis: AnalysisInput, provinces: ProvinceSummary[], lang: ReportLang): string {
  const levels = new Map<string, number>();
  for (const p of analysis.plans) levels.set(p.meta.level, (levels.get(p.meta.level) ?? 0) + 1);
  const levelText = ['central', 'province', 'district', 'commune', 'unknown']
    .filter((l) => levels.has(l))
    .map((l) => rt(lang, 'levelCount', { n: levels.get(l)!, level: levelName(lang, l) }))
    .join(', ');
  const named = provinces.filter((p) => p.name !== rt(lang, 'noProvince')).length;
  return `<p>${e(rt(lang, 'summaryIntro', { n: analysis.plans.length, p: named, levels: levelText }))}</p>
${totalsParagraph(analysis, lang)}
${statusLegend(lang)}`;
}

function rollupCells(p: ProvinceSummary): string {
  return p.totals
    .map((t) => {
      const share = p.counted ? t.operationalised / p.counted : 0;
      const shade = `s${share < 0.05 ? 0 : share < 0.25 ? 1 : share < 0.5 ? 2 : share < 0.75 ? 3 : 4}`;
      return `<td class="c ${shade}">${t.operationalised} / ${t.carried}</td>`;
    })
    .join('');
}

function provincesTable(analysis: AnalysisInput, provinces: ProvinceSummary[], lang: ReportLang): string {
  const rows = provinces
    .map(
      (p) =>
        `<tr><td><a href="#${p.anchor}">${e(p.name)}</a></td><td class="num">${p.plans.length}</td>${rollupCells(p)}</tr>`,
    )
    .join('\n');
  return `<p class="meta">${e(rt(lang, 'provinceTable'))}</p>
<table class="rollup"><thead><tr><th>${e(rt(lang, 'province'))}</th><th class="num">${e(rt(lang, 'plansCount'))}</th>${groupHeads(analysis, lang)}</tr></thead><tbody>${rows}</tbody></table>`;
}

function provinceSection(
  analysis: AnalysisInput,
  p: ProvinceSummary,
  coverage: Map<string, Map<string, { status: Status; share: number }>>,
  lang: ReportLang,
): string {
  const groups = analysis.directive.taskGroups.map((g) => g.id);
  const rows = p.plans
    .map((plan) => {
      const cells = coverage.get(plan.id);
      const notCiting = plan.directiveCheck !== undefined && plan.directiveCheck.status !== 'cites';
      const date = plan.meta.date && plan.meta.date !== 'unknown' ? plan.meta.date : '';
      return `<tr><td>${notCiting ? '⚠ ' : ''}${e(planNameInProvince(plan, lang))}</td><td>${e(levelName(lang, plan.meta.level))}</td><td class="date">${e(date)}</td>${groups
        .map((g) => {
          const c = cells?.get(g);
          return coverageCell(c?.status ?? 'absent', c?.share ?? 0, lang);
        })
        .join('')}</tr>`;
    })
    .join('\n');
  const totals = p.totals.map((t) => `${t.group} ${t.operationalised} / ${t.carried}`).join(', ');
  const parts = [
    `<section class="province" id="${p.anchor}">`,
    `<h3>${e(p.name)}</h3>`,
    `<p class="meta">${e(rtn(lang, 'provincePlans', p.plans.length, { totals }))}</p>`,
    `<table class="cov"><thead><tr><th>${e(rt(lang, 'col.plan'))}</th><th>${e(rt(lang, 'col.level'))}</th><th>${e(rt(lang, 'col.date'))}</th>${groupHeads(analysis, lang)}</tr></thead><tbody>${rows}</tbody></table>`,
  ];
  if (p.topAdditions.length)
    parts.push(
      `<h4>${e(rt(lang, 'provinceTopAdditions'))}</h4><ol class="additions">${p.topAdditions
        .map(
          ({ cluster: c, rank, planName }) =>
            `<li><strong>${e(planName)} #${rank}: ${e(c.label)}</strong> <span class="meta">${e(clusterMeta(c, lang))}</span>${c.passages[0] ? `<blockquote>${e(truncate(c.passages[0].text, 220))} <code>${e(c.passages[0].unitId)}</code></blockquote>` : ''}</li>`,
        )
        .join('')}</ol>`,
    );
  if (p.topOmissions.length)
    parts.push(
      `<h4>${e(rt(lang, 'provinceTopOmissions'))}</h4><table><thead><tr><th>${e(rt(lang, 'col.group'))}</th><th>${e(rt(lang, 'col.element'))}</th><th class="num">${e(rt(lang, 'plansOfProvince'))}</th><th>${e(rt(lang, 'col.inDirective'))}</th></tr></thead><tbody>${p.topOmissions
        .map(
          (o) =>
            `<tr><td>${e(o.group)}</td><td>${e(o.label)}</td><td class="num">${o.plans} / ${p.plans.length}</td><td>${e(rt(lang, o.inDirective ? 'yes' : 'no'))}</td></tr>`,
        )
        .join('')}</tbody></table>`,
    );
  if (p.topPairs.length)
    parts.push(
      `<h4>${e(rt(lang, 'provinceTopPairs'))}</h4><ul>${p.topPairs
        .map(
          (c) =>
            `<li>${e(c.nameA)} ↔ ${e(c.nameB)}: ${e(rt(lang, 'col.similarity').toLowerCase())} ${fixed(c.similarity, 2, lang)}</li>`,
        )
        .join('')}</ul>`,
    );
  parts.push('</section>');
  return parts.join('\n');
}

function provinceSections(analysis: AnalysisInput, provinces: ProvinceSummary[], lang: ReportLang): string {
  const coverage = new Map(
    analysis.coverage.map((r) => [
      r.planId,
      new Map(r.cells.map((c) => [c.group, { status: c.status, share: c.share }])),
    ]),
  );
  const pairsNote = findingsSummary(analysis)
    ? `<p class="meta">${e(rt(lang, 'provincePairsNote'))}</p>`
    : NA(lang, 'what.reuse');
  return `${explain(lang, 'explain.share', 'explain.specificity', 'explain.novelty')}\n${pairsNote}\n${provinces
    .map((p) => provinceSection(analysis, p, coverage, lang))
    .join('\n')}`;
}

function summaryReuse(analysis: AnalysisInput, maxReuse: number, lang: ReportLang): string {
  const f = findingsSummary(analysis);
  if (!f) return NA(lang, 'what.reuse');
  const names = planNames(analysis, lang);
  const top = f.topReuse
    .slice(0, maxReuse)
    .map(
      (r) =>
        `<tr><td>${e(names.get(r.planA) ?? r.planA)} ↔ ${e(names.get(r.planB) ?? r.planB)}</td><td class="num">${r.tokens}</td><td>${e(truncate(r.text, 240))}</td></tr>`,
    )
    .join('\n');
  return `<p class="meta">${e(rt(lang, 'provincePairsNote'))}</p>\n${longestReuse(top, lang)}`;
}

/** The whole report as one HTML document. */
export function renderHtmlReport(analysis: AnalysisInput, options: ReportOptions = {}): string {
  const lang = options.lang ?? DEFAULT_REPORT_LANG;
  const layout = reportLayout(analysis, options.layout);
  const title =
    options.title ??
    rt(lang, 'title', { directive: analysis.directive.shortTitle?.[lang] ?? analysis.directive.id });
  const maxPassages = options.maxPassages ?? 1;
  const maxReuse = options.maxReuse ?? 12;
  let sections: [string, ReportKey, () => string][];
  if (layout === 'detail') {
    const summaries = planSummaries(analysis, lang);
    sections = [
      ['coverage', 'section.coverage', () => coverageSection(analysis, lang)],
      [
        'plans',
        'section.plans',
        () => `${planTable(summaries, lang)}\n${summaries.map((s) => planSection(s, lang)).join('\n')}`,
      ],
      ['additions', 'section.additions', () => additionsSection(analysis, maxPassages, lang)],
      ['omissions', 'section.omissions', () => omissionsSection(analysis, lang)],
      [
        'reuse',
        'section.reuse',
        () => `${reuseSection(analysis, maxReuse, lang)}\n${keynessSection(analysis, lang)}`,
      ],
      ['profiles', 'section.profiles', () => profilesSection(analysis, lang)],
      ['method', 'section.method', () => methodSection(analysis, lang)],
      ['evaluation', 'section.evaluation', () => evaluationSection(analysis, lang)],
    ];
  } else {
    const provinces = provinceSummaries(analysis, lang);
    sections = [
      ['summary', 'section.summary', () => summarySection(analysis, provinces, lang)],
      ['coverage', 'section.provinces', () => provincesTable(analysis, provinces, lang)],
      ['plans', 'section.plans', () => provinceSections(analysis, provinces, lang)],
      ['reuse', 'section.reuse', () => summaryReuse(analysis, maxReuse, lang)],
      ['profiles', 'section.profiles', () => profilesSection(analysis, lang)],
      ['method', 'section.method', () => methodSection(analysis, lang)],
      ['evaluation', 'section.evaluation', () => evaluationSection(analysis, lang)],
    ];
  }
  const footer = rtn(lang, 'footer', analysis.plans.length, {
    tool: analysis.tool.name,
    version: analysis.tool.version,
    generated: options.generatedAt ? rt(lang, 'generated', { date: options.generatedAt }) : '',
  });
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${e(`${analysis.tool.name} ${analysis.tool.version}`)}">
<title>${e(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${e(title)}</h1>
${lead(analysis, lang)}
</header>
<nav aria-label="${e(rt(lang, 'contents'))}"><ol>${sections.map(([id, key]) => `<li><a href="#${id}">${e(rt(lang, key))}</a></li>`).join('')}</ol></nav>
<main>
${sections.map(([id, key, html]) => `<section id="${id}">\n<h2>${e(rt(lang, key))}</h2>\n${html()}\n</section>`).join('\n')}
</main>
<footer>${e(footer)}</footer>
</body>
</html>
`;
}
