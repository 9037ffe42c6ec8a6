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
  findingsSummary,
  fixed,
  notCitingSummary,
  type PlanSummary,
  pct,
  planNames,
  planSummaries,
  reportAdditions,
  STATUS_MARK,
  STATUS_TEXT,
  TOP_ADDITIONS,
} from '../html/model.ts';
import { moreThanListed, type ReportOptions } from '../html/report.ts';
import { PROFILE_NOTE, profileRows } from '../profiles-section.ts';

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

/** The coverage matrix as a Markdown table: "● 65%" per plan × group. */
export function coverageMarkdown(analysis: AnalysisInput): string {
  const groups = analysis.directive.taskGroups.map((g) => g.id);
  const names = planNames(analysis);
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
    `_plans citing ${m(analysis.directive.id)} (${counted}): operationalise / carry_`,
    ...coverageTotals(analysis).map((t) => `${t.operationalised} / ${t.carried}`),
  ];
  const table = markdownTable(['plan', ...groups], [...rows, totals], `l${'r'.repeat(groups.length)}`);
  const notice = notCitingSummary(analysis);
  return notice ? `${table}\n\n${m(notice)}` : table;
}

function planSection(s: PlanSummary): string {
  const rows = s.groups.map((g) => [
    `**${m(g.group)}** ${m(g.label)}`,
    `${STATUS_MARK[g.status]} ${g.status}`,
    pct(g.share),
    `${g.units} / ${g.operationalUnits}`,
    g.example ? `${m(truncate(g.example.text, 160))} \`${m(g.example.unitId.split(':').pop())}\`` : '–',
  ]);
  return `### ${m(s.name)} (${m(s.description)})

${s.notCiting ? `> ⚠ This plan ${m(s.notCiting)}. Its coverage is shown for information and is not counted in corpus totals.\n\n` : ''}${m(s.issuingBody)}${s.signer ? `, signed ${m(s.signer)}` : ''}. ${s.units} units, ${s.contentUnits} with content. Cites ${s.references.length ? m(s.references.join(', ')) : 'nothing'}.${s.agencies.length ? ` Agencies named: ${m(s.agencies.join('; '))}.` : ''}

${markdownTable(['group', 'status', 'share', 'units / tasks', 'strongest unit'], rows, 'llrrl')}`;
}

const NA = (what: string) =>
  `_${what} not available: this analysis has no findings (the diff stage did not run)._`;

function additions(analysis: AnalysisInput, n: number): string {
  const f = findingsSummary(analysis);
  if (!f) return NA('Additions');
  if (f.findings.additions.length === 0) return 'No plan adds content without a counterpart elsewhere.';
  const names = planNames(analysis);
  const intro = `Per plan, the ${TOP_ADDITIONS} most specific clusters (specificity: novelty × mean G² of the cluster's top key terms in this plan against the rest of the corpus; the CLI's \`additions\` and the viewer list them in the same order). Every cluster is in \`csv/additions.csv\`.`;
  const parts = reportAdditions(analysis).flatMap(({ planId, clusters, more }) => [
    ...clusters.map(({ cluster: c, rank }) => {
      const quotes = c.passages
        .slice(0, n)
        .map((p) => `> ${m(truncate(p.text, 300))} \`${m(p.unitId)}\``)
        .join('\n>\n');
      const extra = c.passages.length > n ? `\n\n… and ${c.passages.length - n} more` : '';
      return `### ${m(names.get(planId) ?? planId)} #${rank}: ${m(c.label)}

Group ${m(c.group ?? 'none')} · specificity ${c.specificity === undefined ? '–' : fixed(c.specificity, 2)} · novelty ${fixed(c.novelty, 2)} · key terms: ${m(c.keyTerms.map((t) => t.term).join(', '))}

${quotes}${extra}`;
    }),
    ...(more > 0
      ? [
          `_… ${more} more cluster${more === 1 ? '' : 's'} of ${m(names.get(planId) ?? planId)} in csv/additions.csv_`,
        ]
      : []),
  ]);
  return [intro, ...parts].join('\n\n');
}

function omissions(analysis: AnalysisInput): string {
  const f = findingsSummary(analysis);
  if (!f) return NA('Omissions');
  if (f.findings.omissions.length === 0) return 'No omissions found.';
  const names = planNames(analysis);
  const rows = [...f.findings.omissions]
    .sort((a, b) => a.planId.localeCompare(b.planId) || a.group.localeCompare(b.group))
    .map((o) => [
      m(names.get(o.planId) ?? o.planId),
      m(o.group),
      `${m(o.label)} (${m(o.keyTerms.map((t) => t.term).join(', '))})`,
      m(o.carriedBy.map((id) => names.get(id) ?? id).join('; ') + moreThanListed(o)),
      o.inDirective ? 'yes' : 'no',
    ]);
  return markdownTable(['plan', 'group', 'element left out', 'carried by', 'in directive'], rows);
}

function reuse(analysis: AnalysisInput, maxReuse: number): string {
  const f = findingsSummary(analysis);
  if (!f) return NA('Reuse and similarity');
  const names = planNames(analysis);
  const ids = f.findings.plans;
  const matrix = markdownTable(
    ['plan', ...ids.map((id) => m(names.get(id) ?? id))],
    ids.map((a, i) => [
      m(names.get(a) ?? a),
      ...ids.map((_, j) => (i === j ? '–' : fixed(f.findings.similarity[i]?.[j] ?? Number.NaN, 2))),
    ]),
    `l${'r'.repeat(ids.length)}`,
  );
  const pairs = f.findings.comparisons.map((c) => [
    m(names.get(c.a) ?? c.a),
    m(names.get(c.b) ?? c.b),
    fixed(c.similarity, 2),
    String(c.pairs.length),
    String(c.reuse.length),
    String(c.reuse.reduce((s, r) => s + r.tokens, 0)),
  ]);
  const top = f.topReuse
    .slice(0, maxReuse)
    .map((r) => [
      `${m(names.get(r.planA) ?? r.planA)} ↔ ${m(names.get(r.planB) ?? r.planB)}`,
      String(r.tokens),
      m(truncate(r.text, 220)),
    ]);
  const keyness = f.findings.keyness.length
    ? `\n\n### Key terms of each plan (G² against the other plans)\n\n${markdownTable(
        ['plan', 'top terms'],
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
  return `### Similarity of whole plans

${matrix}

### Plan pairs compared

${pairs.length ? markdownTable(['plan A', 'plan B', 'similarity', 'paired units', 'shared passages', 'shared syllables'], pairs, 'llrrrr') : 'No plan pairs were compared.'}

### Longest passages shared word for word

${top.length ? markdownTable(['plans', 'syllables', 'shared text (normalised)'], top, 'lrl') : 'No passage is shared word for word.'}${keyness}`;
}

function evaluation(analysis: Analysis): string {
  const ev = analysis.evaluation;
  if (!ev)
    return '_Evaluation not available: the analysis ran without hand annotations (or with --no-evaluate)._';
  const overall = (
    [
      ['engine (supervised)', ev.engine],
      ['lexical layer alone', ev.lexical],
      ['baseline (TF-IDF cosine)', ev.baseline],
    ] as const
  ).map(([n, s]) => [n, fixed(s.microF1), fixed(s.macroF1), fixed(s.exactMatch), String(s.units)]);
  const groups = ev.engine.perGroup.map((g) => {
    const b = ev.baseline.perGroup.find((x) => x.group === g.group);
    return [
      m(g.group),
      String(g.support),
      String(g.predicted),
      fixed(g.precision),
      fixed(g.recall),
      fixed(g.f1),
      b ? fixed(b.f1) : '–',
    ];
  });
  const recorded = ev.model
    ? ` Figures of the model ${m(ev.model)}, recorded when it was built (\`doichieu evaluate\` recomputes them).`
    : '';
  return `Protocol: ${m(ev.protocol)}: each plan's units are labelled by a model trained on the other plans' annotations only.${recorded}

${markdownTable(['system', 'micro-F1', 'macro-F1', 'exact match', 'units'], overall, 'lrrrr')}

${markdownTable(['group', 'support', 'predicted', 'precision', 'recall', 'F1', 'baseline F1'], groups, 'lrrrrrr')}`;
}

function method(analysis: AnalysisInput): string {
  const fm = findingsSummary(analysis)?.findings.method;
  const findingsRows = fm
    ? `\n\nHow the findings were computed:\n\n${markdownTable(
        ['finding', 'method'],
        Object.entries(fm).map(([k, v]) => [m(k), m(v)]),
      )}`
    : '';
  return `${m(analysis.method.description)}

Aligner: **${m(analysis.method.aligner)}**${analysis.method.model ? ` (model ${m(analysis.method.model.ref)}, the same for every corpus)` : ''}, trained on ${analysis.method.annotatedUnits} hand-annotated units. Headings, the header, recipients and signature are not labelled.

Coverage status: ${(Object.keys(STATUS_TEXT) as (keyof typeof STATUS_TEXT)[]).map((k) => `${STATUS_MARK[k]} ${m(STATUS_TEXT[k])}`).join('; ')}.

${markdownTable(
  ['group', 'Vietnamese', 'English'],
  analysis.directive.taskGroups.map((g) => [`**${m(g.id)}**`, m(g.label.vi), m(g.label.en)]),
)}${findingsRows}`;
}

function profilesMarkdown(analysis: AnalysisInput): string {
  const p = profileRows(analysis);
  const table = markdownTable(p.header, p.rows, `l${'r'.repeat(p.header.length - 1)}`);
  const more = p.more ? `\n\n${p.more} more plans in plan-level.csv (doichieu export).` : '';
  const checks = p.checks.length
    ? `\n\n### Citation checks\n\n${p.checks.map((c) => `- **${m(c.planId)}**: ${m(c.message)} (${m(c.where)})`).join('\n')}`
    : '\n\nNo inconsistent citation found.';
  return `${table}\n\n${m(PROFILE_NOTE)}${more}${checks}`;
}

const localPlans = (n: number) => `${n} local plan${n === 1 ? '' : 's'}`;

/** The whole report as a Markdown document. */
export function renderMarkdownReport(analysis: AnalysisInput, options: MarkdownReportOptions = {}): string {
  const d = analysis.directive;
  const title = options.title ?? `${d.id}: how the local plans implement it`;
  const summaries = planSummaries(analysis);
  const image = options.heatmapImage ? `\n\n![Coverage heatmap](${encodeURI(options.heatmapImage)})` : '';
  const planRows = summaries.map((s) => [
    `**${m(s.name)}** \`${m(s.id)}\``,
    m(s.description),
    String(s.units),
    String(s.contentUnits),
    String(s.labelledUnits),
    m(s.encoding),
  ]);
  return `# ${m(title)}

How ${localPlans(notCitingNotice(analysis).counted)} implement ${m(d.title.vi)} (${m(d.id)}, ${m(d.issuer)}, ${m(d.date)}): _${m(d.title.en)}_.

## Coverage of the task groups

${coverageMarkdown(analysis)}

${STATUS_MARK.operationalised} ${m(STATUS_TEXT.operationalised)}; ${STATUS_MARK.mentioned} ${m(STATUS_TEXT.mentioned)}; ${STATUS_MARK.absent} ${m(STATUS_TEXT.absent)}. Percentages: share of the plan's content text.${image}

## The plans

${markdownTable(['plan', 'kind', 'units', 'content', 'labelled', 'encoding'], planRows, 'llrrrl')}

${summaries.map(planSection).join('\n\n')}

## What plans add

${additions(analysis, options.maxPassages ?? 3)}

## What plans leave out

${omissions(analysis)}

## Reuse between plans

${reuse(analysis, options.maxReuse ?? 12)}

## Implementation profiles

${profilesMarkdown(analysis)}

## Method

${method(analysis)}

## Evaluation

${evaluation(analysis)}

---
${m(analysis.tool.name)} ${m(analysis.tool.version)}${options.generatedAt ? ` · generated ${m(options.generatedAt)}` : ''} · aligner ${m(analysis.method.aligner)} · ${analysis.plans.length} plans
`;
}
