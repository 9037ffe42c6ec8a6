/**
 * The report in Markdown (GitHub-flavoured tables): the same sections as the
 * HTML report, with the heatmap as a table of status marks and shares (and,
 * when `heatmapImage` is given, a link to the SVG written beside it). Pure.
 * Every string from the documents is escaped.
 */
import type { Analysis } from '../analysis-schema.ts';
import { countsInTotals, coverageTotals, notCitingNotice } from '../directive-status.ts';
import type { AnalysisInput } from '../export/findings.ts';
import { truncate } from '../html/escape.ts';
import {
  DEFAULT_REPORT_LANG,
  levelName,
  type ReportKey,
  type ReportLang,
  rt,
  rtn,
  statusName,
} from '../html/i18n.ts';
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
  statusText,
  TOP_ADDITIONS,
  TOP_OMISSIONS,
} from '../html/model.ts';
import { type ProvinceSummary, provinceSummaries, reportLayout } from '../html/provinces.ts';
import { checkText, clusterMeta, type ReportOptions } from '../html/report.ts';
import { profileNote, profileRows } from '../profiles-section.ts';

/** Escapes Markdown syntax (and table pipes) in text; newlines become spaces. */
export function escapeMarkdown(value: unknown): string {
  return String(value ?? '')
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`)
    .replace(/^([+\-=])(\s)/, '\\$1$2')
    .replace(/^(\d+)\.(\s)/, '$1\\.$2')
    .replace(/&/g, '&amp;');
}

const m = escapeMarkdown;

/** A GitHub-flavoured Markdown table; cells are escaped unless `raw`. */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align?: string,
): string {
  const sep = header.map((_, i) => (align?.[i] === 'r' ? '---:' : '---'));
  return [header, sep, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

export interface MarkdownReportOptions extends ReportOptions {
  /** Relative path of the heatmap SVG to link (written by the caller). */
  heatmapImage?: string;
}

/** The coverage matrix as a Markdown table: "● 65%" per plan × group, and a totals row. */
export function coverageMarkdown(analysis: AnalysisInput, lang: ReportLang = DEFAULT_REPORT_LANG): string {
  const groups = analysis.directive.taskGroups.map((g) => g.id);
  const names = planNames(analysis, lang);
  const rows = analysis.coverage.map((row) => {
    const cells = new Map(row.cells.map((c) => [c.group, c]));
    return [
      `${countsInTotals(row) ? '' : '⚠ '}${m(names.get(row.planId) ?? row.planId)}`,
      ...groups.map((g) => {
        const c = cells.get(g);
        return c ? `${STATUS_MARK[c.status]} ${pct(c.share)}` : '';
      }),
    ];
  });
  const counted = analysis.coverage.filter(countsInTotals).length;
  const totals = [
    `_${m(rt(lang, 'totalsRow', { directive: analysis.directive.id, n: counted }))}_`,
    ...coverageTotals(analysis).map((t) => `${t.operationalised} / ${t.carried}`),
  ];
  const table = markdownTable(
    [m(rt(lang, 'col.plan')), ...groups],
    [...rows, totals],
    `l${'r'.repeat(groups.length)}`,
  );
  const notice = notCitingSummary(analysis, lang);
  return notice ? `${table}\n\n${m(notice)}` : table;
}

const header = (lang: ReportLang, keys: ReportKey[]) => keys.map((k) => m(rt(lang, k)));

function planSection(s: PlanSummary, lang: ReportLang): string {
  const rows = s.groups.map((g) => [
    `**${m(g.group)}** ${m(g.label)}`,
    `${STATUS_MARK[g.status]} ${m(statusName(lang, g.status))}`,
    pct(g.share),
    `${g.units} / ${g.operationalUnits}`,
    g.example ? `${m(truncate(g.example.text, 160))} \`${m(g.example.unitId.split(':').pop())}\`` : '–',
  ]);
  const meta = rt(lang, 'planMeta', {
    body: s.issuingBody,
    signer: s.signer ? rt(lang, 'signedBy', { signer: s.signer }) : '',
    units: s.units,
    content: s.contentUnits,
    refs: s.references.length ? s.references.join(', ') : rt(lang, 'citesNothing'),
    agencies: s.agencies.length ? rt(lang, 'agenciesNamed', { agencies: s.agencies.join('; ') }) : '',
  });
  return `### ${m(s.name)} (${m(s.description)})

${s.notCiting ? `> ${m(rt(lang, 'notCitingPlan', { reason: s.notCiting }))}\n\n` : ''}${m(meta)}

${markdownTable(header(lang, ['col.group', 'col.status', 'col.share', 'col.unitsTasks', 'col.strongest']), rows, 'llrrl')}`;
}

const NA = (lang: ReportLang, what: ReportKey) => `_${m(rt(lang, 'noFindings', { what: rt(lang, what) }))}_`;

function additions(analysis: AnalysisInput, n: number, lang: ReportLang): string {
  const f = findingsSummary(analysis);
  if (!f) return NA(lang, 'what.additions');
  if (f.findings.additions.length === 0) return m(rt(lang, 'noAdditions'));
  const names = planNames(analysis, lang);
  const intro = `${m(rt(lang, 'additionsIntro', { n: TOP_ADDITIONS }))}\n\n${m(rt(lang, 'explain.specificity'))} ${m(rt(lang, 'explain.novelty'))}`;
  const parts = reportAdditions(analysis).flatMap(({ planId, clusters, more }) => {
    const name = names.get(planId) ?? planId;
    return [
      ...clusters.map(({ cluster: c, rank }) => {
        const quotes = c.passages
          .slice(0, n)
          .map((p) => `> ${m(truncate(p.text, 300))} \`${m(p.unitId)}\``)
          .join('\n>\n');
        const extra =
          c.passages.length > n ? `\n\n${m(rtn(lang, 'morePassages', c.passages.length - n))}` : '';
        return `### ${m(name)} #${rank}: ${m(c.label)}

${m(clusterMeta(c, lang))} · ${m(rt(lang, 'keyTerms', { terms: c.keyTerms.map((t) => t.term).join(', ') }))}

${quotes}${extra}`;
      }),
      ...(more > 0 ? [`_${m(rtn(lang, 'moreClusters', more, { plan: name }))}_`] : []),
    ];
  });
  return [intro, ...parts].join('\n\n');
}

function omissions(analysis: AnalysisInput, lang: ReportLang): string {
  const f = findingsSummary(analysis);
  if (!f) return NA(lang, 'what.omissions');
  if (f.findings.omissions.length === 0) return m(rt(lang, 'noOmissions'));
  const names = planNames(analysis, lang);
  const parts = reportOmissions(analysis).map(({ planId, omissions: list, more }) => {
    const name = names.get(planId) ?? planId;
    const rows = list.map((o) => {
      const listed = o.carriedBy.slice(0, 3).map((id) => names.get(id) ?? id);
      const extra = carriedCount(o) - listed.length;
      return [
        m(o.group),
        `${m(o.label)} (${m(o.keyTerms.map((t) => t.term).join(', '))})`,
        m(listed.join('; ') + (extra > 0 ? rtn(lang, 'morePlans', extra) : '')),
        m(rt(lang, o.inDirective ? 'yes' : 'no')),
      ];
    });
    return `### ${m(name)}\n\n${markdownTable(header(lang, ['col.group', 'col.element', 'col.carriedBy', 'col.inDirective']), rows)}${more > 0 ? `\n\n_${m(rtn(lang, 'moreOmissions', more, { plan: name }))}_` : ''}`;
  });
  return [m(rt(lang, 'omissionsIntro', { n: TOP_OMISSIONS })), ...parts].join('\n\n');
}

function longestReuse(analysis: AnalysisInput, maxReuse: number, lang: ReportLang): string {
  const f = findingsSummary(analysis)!;
  const names = planNames(analysis, lang);
  const top = f.topReuse
    .slice(0, maxReuse)
    .map((r) => [
      `${m(names.get(r.planA) ?? r.planA)} ↔ ${m(names.get(r.planB) ?? r.planB)}`,
      String(r.tokens),
      m(truncate(r.text, 220)),
    ]);
  return `### ${m(rt(lang, 'longestReuse'))}

${top.length ? markdownTable(header(lang, ['col.plans', 'col.syllables', 'col.sharedText']), top, 'lrl') : m(rt(lang, 'noReuse'))}`;
}

function reuse(analysis: AnalysisInput, maxReuse: number, lang: ReportLang): string {
  const f = findingsSummary(analysis);
  if (!f) return NA(lang, 'what.reuse');
  const names = planNames(analysis, lang);
  const ids = f.findings.plans;
  const matrix =
    ids.length <= 10
      ? `### ${m(rt(lang, 'similarityMatrix'))}\n\n${markdownTable(
          [m(rt(lang, 'col.plan')), ...ids.map((_, j) => String(j + 1))],
          ids.map((a, i) => [
            `${i + 1}\\. ${m(names.get(a) ?? a)}`,
            ...ids.map((_, j) =>
              i === j ? '–' : fixed(f.findings.similarity[i]?.[j] ?? Number.NaN, 2, lang),
            ),
          ]),
          `l${'r'.repeat(ids.length)}`,
        )}\n\n`
      : '';
  const sorted = [...f.findings.comparisons].sort(
    (x, y) =>
      y.similarity - x.similarity || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0),
  );
  const pairs = sorted
    .slice(0, 20)
    .map((c) => [
      m(names.get(c.a) ?? c.a),
      m(names.get(c.b) ?? c.b),
      fixed(c.similarity, 2, lang),
      String(c.pairs.length),
      String(c.reuse.length),
      String(c.reuse.reduce((s, r) => s + r.tokens, 0)),
    ]);
  const keyness = f.findings.keyness.length
    ? `\n\n### ${m(rt(lang, 'keynessTitle'))}\n\n${m(rt(lang, 'explain.g2'))}\n\n${markdownTable(
        header(lang, ['col.plan', 'col.topTerms']),
        f.findings.keyness.map((k) => [
          m(names.get(k.planId) ?? k.planId),
          m(
            k.terms
              .slice(0, 10)
              .map((t) => t.term)
              .join(', '),
          ),
        ]),
      )}`
    : '';
  return `${matrix}### ${m(rt(lang, 'pairsCompared'))}

${pairs.length ? markdownTable(header(lang, ['col.planA', 'col.planB', 'col.similarity', 'col.pairs', 'col.sharedPassages', 'col.sharedSyllables']), pairs, 'llrrrr') : m(rt(lang, 'noPairs'))}${sorted.length > 20 ? `\n\n${m(rt(lang, 'provincePairsNote'))}` : ''}

${longestReuse(analysis, maxReuse, lang)}${keyness}`;
}

function evaluation(analysis: Analysis, lang: ReportLang): string {
  const ev = analysis.evaluation;
  if (!ev) return `_${m(rt(lang, 'noEvaluation'))}_`;
  const f3 = (x: number) => fixed(x, 3, lang);
  const overall = (
    [
      ['system.engine', ev.engine],
      ['system.lexical', ev.lexical],
      ['system.baseline', ev.baseline],
    ] as const
  ).map(([k, s]) => [m(rt(lang, k)), f3(s.microF1), f3(s.macroF1), f3(s.exactMatch), String(s.units)]);
  const groups = ev.engine.perGroup.map((g) => {
    const b = ev.baseline.perGroup.find((x) => x.group === g.group);
    return [
      m(g.group),
      String(g.support),
      String(g.predicted),
      f3(g.precision),
      f3(g.recall),
      f3(g.f1),
      b ? f3(b.f1) : '–',
    ];
  });
  const recorded = ev.model ? rt(lang, 'recorded', { model: ev.model }) : '';
  const t = (k: ReportKey) => m(rt(lang, k));
  return `${m(rt(lang, 'protocol'))}${m(recorded)}

${markdownTable([t('col.system'), 'micro-F1', 'macro-F1', t('col.exactMatch'), t('col.units')], overall, 'lrrrr')}

${markdownTable([t('col.group'), t('col.support'), t('col.predicted'), t('col.precision'), t('col.recall'), 'F1', t('col.baselineF1')], groups, 'lrrrrrr')}`;
}

const FINDING_KEYS: Record<string, ReportKey> = {
  similarity: 'finding.similarity',
  candidates: 'finding.candidates',
  additions: 'finding.additions',
  omissions: 'finding.omissions',
  reuse: 'finding.reuse',
  keyness: 'finding.keyness',
};

function method(analysis: AnalysisInput, lang: ReportLang): string {
  const fm = findingsSummary(analysis)?.findings.method;
  const findingsItems = fm
    ? Object.entries(fm)
        .map(([k, v]) => (lang === 'en' ? v : FINDING_KEYS[k] ? rt(lang, FINDING_KEYS[k]) : ''))
        .filter(Boolean)
        .map((text) => `- ${m(text)}`)
        .join('\n')
    : '';
  const model = analysis.method.model ? rt(lang, 'modelRef', { ref: analysis.method.model.ref }) : '';
  const groupsTable =
    lang === 'en'
      ? markdownTable(
          ['group', 'Vietnamese', 'English'],
          analysis.directive.taskGroups.map((g) => [`**${m(g.id)}**`, m(g.label.vi), m(g.label.en)]),
        )
      : markdownTable(
          [m(rt(lang, 'col.group')), ''],
          analysis.directive.taskGroups.map((g) => [`**${m(g.id)}**`, m(g.label.vi)]),
        );
  return `${lang === 'en' ? `${m(analysis.method.description)}\n\n` : ''}${m(rt(lang, 'methodAligner', { model, n: analysis.method.annotatedUnits }))}

${m(rt(lang, 'methodRelative'))}

${m(rt(lang, 'methodCoverage'))} ${STATUSES.map((k) => `${STATUS_MARK[k]} ${m(statusText(lang, k))}`).join('; ')}.

${m(rt(lang, 'methodGroups'))}

${groupsTable}${findingsItems ? `\n\n${m(rt(lang, 'methodFindings'))}\n\n${findingsItems}` : ''}`;
}

function profilesMarkdown(analysis: AnalysisInput, lang: ReportLang): string {
  const p = profileRows(analysis, { lang });
  const names = planNames(analysis, lang);
  const rows = p.rows.map((r) => [`${m(names.get(r[0]!) ?? r[0])} \`${m(r[0])}\``, ...r.slice(1).map(m)]);
  const table = markdownTable(p.header.map(m), rows, `l${'r'.repeat(p.header.length - 1)}`);
  const more = p.more ? `\n\n${m(rtn(lang, 'moreProfiles', p.more))}` : '';
  const checks = p.checks.length
    ? `\n\n### ${m(rt(lang, 'citationChecks'))}\n\n${p.checks
        .map((c) => `- **${m(names.get(c.planId) ?? c.planId)}**: ${m(checkText(c, lang))} (${m(c.where)})`)
        .join('\n')}`
    : `\n\n${m(rt(lang, 'noCitationIssue'))}`;
  return `${table}\n\n${m(profileNote(lang))}${more}${checks}`;
}

function provincesMarkdown(analysis: AnalysisInput, provinces: ProvinceSummary[], lang: ReportLang): string {
  const groups = analysis.directive.taskGroups.map((g) => g.id);
  const rows = provinces.map((p) => [
    m(p.name),
    String(p.plans.length),
    ...p.totals.map((t) => `${t.operationalised} / ${t.carried}`),
  ]);
  return `${m(rt(lang, 'provinceTable'))}\n\n${markdownTable([m(rt(lang, 'province')), m(rt(lang, 'plansCount')), ...groups], rows, `lr${'r'.repeat(groups.length)}`)}`;
}

function provinceSectionsMarkdown(
  analysis: AnalysisInput,
  provinces: ProvinceSummary[],
  lang: ReportLang,
): string {
  const groups = analysis.directive.taskGroups.map((g) => g.id);
  const coverage = new Map(
    analysis.coverage.map((r) => [r.planId, new Map(r.cells.map((c) => [c.group, c]))]),
  );
  return provinces
    .map((p) => {
      const rows = p.plans.map((plan) => {
        const cells = coverage.get(plan.id);
        const notCiting = plan.directiveCheck !== undefined && plan.directiveCheck.status !== 'cites';
        return [
          `${notCiting ? '⚠ ' : ''}${m(planNameInProvince(plan, lang))}`,
          m(levelName(lang, plan.meta.level)),
          m(plan.meta.date && plan.meta.date !== 'unknown' ? plan.meta.date : ''),
          ...groups.map((g) => {
            const c = cells?.get(g);
            return c ? `${STATUS_MARK[c.status]} ${pct(c.share)}` : '';
          }),
        ];
      });
      const totals = p.totals.map((t) => `${t.group} ${t.operationalised} / ${t.carried}`).join(', ');
      const out = [
        `### ${m(p.name)}`,
        m(rtn(lang, 'provincePlans', p.plans.length, { totals })),
        markdownTable(
          [...header(lang, ['col.plan', 'col.level', 'col.date']), ...groups],
          rows,
          `lll${'r'.repeat(groups.length)}`,
        ),
      ];
      if (p.topAdditions.length)
        out.push(
          `**${m(rt(lang, 'provinceTopAdditions'))}**`,
          p.topAdditions
            .map(
              ({ cluster: c, rank, planName }, i) =>
                `${i + 1}. **${m(planName)} #${rank}: ${m(c.label)}** ${m(clusterMeta(c, lang))}`,
            )
            .join('\n'),
        );
      if (p.topOmissions.length)
        out.push(
          `**${m(rt(lang, 'provinceTopOmissions'))}**`,
          markdownTable(
            header(lang, ['col.group', 'col.element', 'plansOfProvince', 'col.inDirective']),
            p.topOmissions.map((o) => [
              m(o.group),
              m(o.label),
              `${o.plans} / ${p.plans.length}`,
              m(rt(lang, o.inDirective ? 'yes' : 'no')),
            ]),
            'llrl',
          ),
        );
      if (p.topPairs.length)
        out.push(
          `**${m(rt(lang, 'provinceTopPairs'))}**`,
          p.topPairs
            .map((c) => `- ${m(c.nameA)} ↔ ${m(c.nameB)}: ${fixed(c.similarity, 2, lang)}`)
            .join('\n'),
        );
      return out.join('\n\n');
    })
    .join('\n\n');
}

/** The whole report as a Markdown document. */
export function renderMarkdownReport(analysis: AnalysisInput, options: MarkdownReportOptions = {}): string {
  const lang = options.lang ?? DEFAULT_REPORT_LANG;
  const layout = reportLayout(analysis, options.layout);
  const d = analysis.directive;
  const title = options.title ?? rt(lang, 'title', { directive: d.shortTitle?.[lang] ?? d.id });
  const image = options.heatmapImage
    ? `\n\n![${m(rt(lang, 'heatmapTitle'))}](${encodeURI(options.heatmapImage)})`
    : '';
  const counted = notCitingNotice(analysis).counted;
  const h2 = (k: ReportKey) => `## ${m(rt(lang, k))}`;
  const legend = `${STATUSES.map((k) => `${STATUS_MARK[k]} ${m(statusText(lang, k))}`).join('; ')}. ${m(rt(lang, 'explain.share'))}`;
  let body: string;
  if (layout === 'detail') {
    const summaries = planSummaries(analysis, lang);
    const planRows = summaries.map((s) => [
      `**${m(s.name)}** \`${m(s.id)}\``,
      m(s.description),
      String(s.units),
      String(s.contentUnits),
      String(s.labelledUnits),
      m(s.encoding),
    ]);
    body = `${h2('section.coverage')}

${coverageMarkdown(analysis, lang)}

${legend}${image}

${h2('section.plans')}

${markdownTable(header(lang, ['col.plan', 'col.kind', 'col.units', 'col.content', 'col.labelled', 'col.encoding']), planRows, 'llrrrl')}

${summaries.map((s) => planSection(s, lang)).join('\n\n')}

${h2('section.additions')}

${additions(analysis, options.maxPassages ?? 1, lang)}

${h2('section.omissions')}

${omissions(analysis, lang)}

${h2('section.reuse')}

${reuse(analysis, options.maxReuse ?? 12, lang)}`;
  } else {
    const provinces = provinceSummaries(analysis, lang);
    const levels = new Map<string, number>();
    for (const p of analysis.plans) levels.set(p.meta.level, (levels.get(p.meta.level) ?? 0) + 1);
    const levelText = ['central', 'province', 'district', 'commune', 'unknown']
      .filter((l) => levels.has(l))
      .map((l) => rt(lang, 'levelCount', { n: levels.get(l)!, level: levelName(lang, l) }))
      .join(', ');
    const named = provinces.filter((p) => p.name !== rt(lang, 'noProvince')).length;
    const notice = notCitingSummary(analysis, lang);
    body = `${h2('section.summary')}

${m(rt(lang, 'summaryIntro', { n: analysis.plans.length, p: named, levels: levelText }))}

${m(
  rt(lang, 'totals', {
    n: counted,
    directive: d.id,
    totals: coverageTotals(analysis)
      .map((t) => `${t.group} ${t.operationalised} / ${t.carried}`)
      .join(', '),
  }),
)}${notice ? `\n\n${m(notice)}` : ''}

${legend}

${h2('section.provinces')}

${provincesMarkdown(analysis, provinces, lang)}

${h2('section.plans')}

${provinceSectionsMarkdown(analysis, provinces, lang)}

${h2('section.reuse')}

${findingsSummary(analysis) ? `${m(rt(lang, 'provincePairsNote'))}\n\n${longestReuse(analysis, options.maxReuse ?? 12, lang)}` : NA(lang, 'what.reuse')}`;
  }
  const footer = rtn(lang, 'footer', analysis.plans.length, {
    tool: analysis.tool.name,
    version: analysis.tool.version,
    generated: options.generatedAt ? rt(lang, 'generated', { date: options.generatedAt }) : '',
  });
  return `# ${m(title)}

${m(rtn(lang, 'lead', counted, { title: d.title[lang], id: d.id, issuer: d.issuer, date: d.date }))}

${body}

${h2('section.profiles')}

${profilesMarkdown(analysis, lang)}

${h2('section.method')}

${method(analysis, lang)}

${h2('section.evaluation')}

${evaluation(analysis, lang)}

---
${m(footer)}
`;
}
