/**
 * The report as one self-contained HTML file: inline CSS, inline SVG, no
 * scripts, fonts or images from elsewhere, laid out to print on A4. Pure:
 * analysis in, string out. Every string from the documents is escaped.
 */
import type { Analysis } from '../analysis-schema.ts';
import { coverageTotals, notCitingNotice } from '../directive-status.ts';
import type { AnalysisInput } from '../export/findings.ts';
import { PROFILE_NOTE, profileRows } from '../profiles-section.ts';
import { escapeXml as e, truncate } from './escape.ts';
import { coverageHeatmapSvg } from './heatmap.ts';
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
} from './model.ts';

/** " (+N more)" when a large corpus lists only the first plans that carry an omitted element. */
export function moreThanListed(o: { carriedBy: string[]; carriedByCount?: number | undefined }): string {
  const more = (o.carriedByCount ?? o.carriedBy.length) - o.carriedBy.length;
  return more > 0 ? ` (+${more} more)` : '';
}

export interface ReportOptions {
  title?: string;
  /** Shown in the footer; pass it to keep the output reproducible (default: none). */
  generatedAt?: string;
  /** Passages shown per finding (default 3). */
  maxPassages?: number;
  /** Reuse passages listed (default 12). */
  maxReuse?: number;
}

const CSS = `
@page { size: A4; margin: 16mm 14mm; }
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: 'Noto Sans', 'DejaVu Sans', 'Segoe UI', Arial, sans-serif; color: #1a1a1a; background: #fff;
  margin: 0 auto; max-width: 1060px; padding: 24px 28px 48px; font-size: 14px; line-height: 1.45; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 2px solid #1d4f86; }
h3 { font-size: 15.5px; margin: 20px 0 6px; }
p.lead { color: #444; margin: 0 0 12px; }
.meta { color: #555; font-size: 12.5px; }
table { border-collapse: collapse; margin: 8px 0 14px; width: 100%; font-size: 12.5px; }
th, td { border: 1px solid #d5dae1; padding: 4px 7px; text-align: left; vertical-align: top; }
th { background: #eef2f7; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.figure { overflow-x: auto; margin: 8px 0; }
.figure svg { max-width: 100%; height: auto; }
.plan { border: 1px solid #d5dae1; border-radius: 6px; padding: 10px 14px; margin: 12px 0; break-inside: avoid; }
.plan h3 { margin-top: 2px; }
.status-operationalised { color: #1d4f86; font-weight: 600; }
.status-mentioned { color: #8a5a00; }
.status-absent { color: #999; }
blockquote { margin: 4px 0 8px; padding: 4px 10px; border-left: 3px solid #c9d4e3; color: #333; background: #f8fafc; }
.na { color: #777; font-style: italic; }
.not-citing { border-left: 4px solid #b45309; background: #fff7ed; padding: 6px 10px; color: #7c2d12; }
.terms { color: #444; font-size: 12px; }
code { font-family: 'DejaVu Sans Mono', Consolas, monospace; font-size: 12px; }
footer { margin-top: 36px; color: #777; font-size: 11.5px; border-top: 1px solid #ddd; padding-top: 8px; }
nav ol { columns: 2; font-size: 13px; }
@media print {
  body { max-width: none; padding: 0; font-size: 11.5px; }
  h2 { break-after: avoid; }
  table, .figure, blockquote, tr { break-inside: avoid; }
  nav { display: none; }
  a { color: inherit; text-decoration: none; }
}
`;

function heading(analysis: Analysis): string {
  const d = analysis.directive;
  const counted = notCitingNotice(analysis).counted;
  const notice = notCitingSummary(analysis);
  return `<p class="lead">How ${counted} local plan${counted === 1 ? '' : 's'} implement ${e(d.title.vi)} (${e(d.id)}, ${e(d.issuer)}, ${e(d.date)}): <em>${e(d.title.en)}</em>.</p>${notice ? `\n<p class="not-citing" role="note">${e(notice)}</p>` : ''}`;
}

function planTable(summaries: PlanSummary[]): string {
  const rows = summaries
    .map(
      (s) =>
        `<tr><td><strong>${e(s.name)}</strong><br><code>${e(s.id)}</code></td><td>${e(s.description)}</td><td class="num">${s.units}</td><td class="num">${s.contentUnits}</td><td class="num">${s.labelledUnits}</td><td>${e(s.encoding)}</td><td class="num">${s.repairs.ocr + s.repairs.toneStyle + s.repairs.unicode}</td></tr>`,
    )
    .join('\n');
  return `<table><thead><tr><th>plan</th><th>kind</th><th class="num">units</th><th class="num">content</th><th class="num">labelled</th><th>encoding</th><th class="num">repairs</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function planSection(s: PlanSummary): string {
  const groupRows = s.groups
    .map(
      (g) =>
        `<tr><td><strong>${e(g.group)}</strong> ${e(g.label)}</td><td class="status-${g.status}">${STATUS_MARK[g.status]} ${e(g.status)}</td><td class="num">${pct(g.share)}</td><td class="num">${g.units} / ${g.operationalUnits}</td><td>${g.example ? `${e(truncate(g.example.text, 180))} <code>${e(g.example.unitId.split(':').pop() ?? '')}</code>` : '<span class="na">none</span>'}</td></tr>`,
    )
    .join('\n');
  const op = s.groups.filter((g) => g.status === 'operationalised').map((g) => g.group);
  const mentioned = s.groups.filter((g) => g.status === 'mentioned').map((g) => g.group);
  const absent = s.groups.filter((g) => g.status === 'absent').map((g) => g.group);
  const line = [
    op.length ? `turns ${op.join(', ')} into tasks` : 'turns no group into a task',
    mentioned.length ? `only mentions ${mentioned.join(', ')}` : '',
    absent.length ? `leaves out ${absent.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  return `<section class="plan" id="plan-${e(s.id)}">
<h3>${e(s.name)} <span class="meta">— ${e(s.description)}</span></h3>
<p class="meta">${e(s.issuingBody)}${s.signer ? `, signed ${e(s.signer)}` : ''}. ${s.units} units, ${s.contentUnits} with content. Cites ${s.references.length ? e(s.references.join(', ')) : 'nothing'}.${s.agencies.length ? ` Agencies named: ${e(s.agencies.join('; '))}.` : ''}</p>
${s.notCiting ? `<p class="not-citing" role="note">⚠ This plan ${e(s.notCiting)}. Its coverage is shown for information and is not counted in corpus totals.</p>\n` : ''}<p>The plan ${e(line)}.</p>
<table><thead><tr><th>group</th><th>status</th><th class="num">share</th><th class="num">units / tasks</th><th>strongest unit</th></tr></thead><tbody>${groupRows}</tbody></table>
</section>`;
}

const NA = (what: string) =>
  `<p class="na">${e(what)} not available: this analysis has no findings (the diff stage did not run).</p>`;

function passages(ps: readonly { unitId: string; text: string }[], n: number): string {
  const shown = ps
    .slice(0, n)
    .map((p) => `<blockquote>${e(truncate(p.text, 320))} <code>${e(p.unitId)}</code></blockquote>`)
    .join('\n');
  return ps.length > n ? `${shown}\n<p class="meta">… and ${ps.length - n} more</p>` : shown;
}

function additionsSection(analysis: AnalysisInput, maxPassages: number): string {
  const f = findingsSummary(analysis);
  if (!f) return NA('Additions');
  const names = planNames(analysis);
  if (f.findings.additions.length === 0)
    return '<p>No plan adds content without a counterpart elsewhere.</p>';
  const intro = `<p class="meta">Per plan, the ${TOP_ADDITIONS} most specific clusters (specificity: novelty × mean G² of the cluster's top key terms in this plan against the rest of the corpus; the CLI's <code>additions</code> and the viewer list them in the same order). Every cluster is in <code>csv/additions.csv</code>.</p>`;
  return `${intro}\n${reportAdditions(analysis)
    .map(
      ({ planId, clusters, more }) =>
        `${clusters
          .map(
            ({ cluster: c, rank }) =>
              `<h3>${e(names.get(planId) ?? planId)} #${rank}: ${e(c.label)}</h3>
<p class="meta">group ${e(c.group ?? 'none')} · specificity ${c.specificity === undefined ? '–' : fixed(c.specificity, 2)} · novelty ${fixed(c.novelty, 2)} · ${c.passages.length} passage${c.passages.length === 1 ? '' : 's'}</p>
<p class="terms">key terms: ${e(c.keyTerms.map((t) => t.term).join(', '))}</p>
${passages(c.passages, maxPassages)}`,
          )
          .join(
            '\n',
          )}${more > 0 ? `\n<p class="meta">… ${more} more cluster${more === 1 ? '' : 's'} of ${e(names.get(planId) ?? planId)} in csv/additions.csv</p>` : ''}`,
    )
    .join('\n')}`;
}

function omissionsSection(analysis: AnalysisInput): string {
  const f = findingsSummary(analysis);
  if (!f) return NA('Omissions');
  const names = planNames(analysis);
  if (f.findings.omissions.length === 0) return '<p>No omissions found.</p>';
  const rows = [...f.findings.omissions]
    .sort((a, b) => a.planId.localeCompare(b.planId) || a.group.localeCompare(b.group))
    .map(
      (o) =>
        `<tr><td>${e(names.get(o.planId) ?? o.planId)}</td><td>${e(o.group)}</td><td>${e(o.label)}<div class="terms">${e(o.keyTerms.map((t) => t.term).join(', '))}</div></td><td>${e(o.carriedBy.map((id) => names.get(id) ?? id).join('; '))}${moreThanListed(o)}</td><td>${o.inDirective ? 'yes' : 'no'}</td><td>${o.examples[0] ? e(truncate(o.examples[0].text, 160)) : ''}</td></tr>`,
    )
    .join('\n');
  return `<table><thead><tr><th>plan</th><th>group</th><th>element left out</th><th>carried by</th><th>in directive</th><th>example elsewhere</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function reuseSection(analysis: AnalysisInput, maxReuse: number): string {
  const f = findingsSummary(analysis);
  if (!f) return NA('Reuse and similarity');
  const names = planNames(analysis);
  const ids = f.findings.plans;
  const shade = (v: number) => `background: rgba(29, 79, 134, ${Math.max(0, Math.min(1, v)) * 0.55})`;
  const matrix = `<table><thead><tr><th>plan</th>${ids.map((id) => `<th class="num">${e(names.get(id) ?? id)}</th>`).join('')}</tr></thead><tbody>${ids
    .map(
      (a, i) =>
        `<tr><td>${e(names.get(a) ?? a)}</td>${ids
          .map((_, j) => {
            const v = f.findings.similarity[i]?.[j] ?? Number.NaN;
            return `<td class="num" style="${i === j ? '' : shade(v)}">${i === j ? '–' : fixed(v, 2)}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('\n')}</tbody></table>`;
  const comparisons = f.findings.comparisons
    .map(
      (c) =>
        `<tr><td>${e(names.get(c.a) ?? c.a)}</td><td>${e(names.get(c.b) ?? c.b)}</td><td class="num">${fixed(c.similarity, 2)}</td><td class="num">${c.pairs.length}</td><td class="num">${c.reuse.length}</td><td class="num">${c.reuse.reduce((s, r) => s + r.tokens, 0)}</td></tr>`,
    )
    .join('\n');
  const top = f.topReuse
    .slice(0, maxReuse)
    .map(
      (r) =>
        `<tr><td>${e(names.get(r.planA) ?? r.planA)} ↔ ${e(names.get(r.planB) ?? r.planB)}</td><td class="num">${r.tokens}</td><td>${e(truncate(r.text, 260))}</td></tr>`,
    )
    .join('\n');
  return `<h3>Similarity of whole plans</h3>${matrix}
<h3>Plan pairs compared</h3>${
    comparisons
      ? `<table><thead><tr><th>plan A</th><th>plan B</th><th class="num">similarity</th><th class="num">paired units</th><th class="num">shared passages</th><th class="num">shared syllables</th></tr></thead><tbody>${comparisons}</tbody></table>`
      : '<p>No plan pairs were compared.</p>'
  }
<h3>Longest passages shared word for word</h3>${
    top
      ? `<table><thead><tr><th>plans</th><th class="num">syllables</th><th>shared text (normalised)</th></tr></thead><tbody>${top}</tbody></table>`
      : '<p>No passage is shared word for word.</p>'
  }`;
}

function keynessSection(analysis: AnalysisInput): string {
  const f = findingsSummary(analysis);
  if (!f || f.findings.keyness.length === 0) return '';
  const names = planNames(analysis);
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
  return `<h3>Key terms of each plan (log-likelihood G² against the other plans)</h3><table><thead><tr><th>plan</th><th>top terms</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function evaluationSection(analysis: Analysis): string {
  const ev = analysis.evaluation;
  if (!ev)
    return '<p class="na">Evaluation not available: the analysis ran without hand annotations (or with --no-evaluate).</p>';
  const systems = [
    ['engine (supervised)', ev.engine],
    ['lexical layer alone', ev.lexical],
    ['baseline (TF-IDF cosine)', ev.baseline],
  ] as const;
  const overall = systems
    .map(
      ([name, s]) =>
        `<tr><td>${e(name)}</td><td class="num">${fixed(s.microF1)}</td><td class="num">${fixed(s.macroF1)}</td><td class="num">${fixed(s.exactMatch)}</td><td class="num">${s.units}</td></tr>`,
    )
    .join('\n');
  const groups = ev.engine.perGroup
    .map((g) => {
      const b = ev.baseline.perGroup.find((x) => x.group === g.group);
      return `<tr><td>${e(g.group)}</td><td class="num">${g.support}</td><td class="num">${g.predicted}</td><td class="num">${fixed(g.precision)}</td><td class="num">${fixed(g.recall)}</td><td class="num">${fixed(g.f1)}</td><td class="num">${b ? fixed(b.f1) : '–'}</td></tr>`;
    })
    .join('\n');
  const recorded = ev.model
    ? ` Figures of the model ${e(ev.model)}, recorded when it was built (<code>doichieu evaluate</code> recomputes them).`
    : '';
  return `<p>Protocol: ${e(ev.protocol)}: each plan's units are labelled by a model trained on the other plans' annotations only.${recorded}</p>
<table><thead><tr><th>system</th><th class="num">micro-F1</th><th class="num">macro-F1</th><th class="num">exact match</th><th class="num">units</th></tr></thead><tbody>${overall}</tbody></table>
<table><thead><tr><th>group</th><th class="num">support</th><th class="num">predicted</th><th class="num">precision</th><th class="num">recall</th><th class="num">F1</th><th class="num">baseline F1</th></tr></thead><tbody>${groups}</tbody></table>`;
}

function findingsMethod(analysis: AnalysisInput): string {
  const method = findingsSummary(analysis)?.findings.method;
  if (!method) return '';
  const rows = Object.entries(method)
    .map(([k, v]) => `<tr><td>${e(k)}</td><td>${e(v)}</td></tr>`)
    .join('\n');
  return `<p>How the findings (additions, omissions, reuse, similarity, key terms) were computed:</p>
<table><tbody>${rows}</tbody></table>`;
}

function methodSection(analysis: AnalysisInput): string {
  const groups = analysis.directive.taskGroups
    .map(
      (g) =>
        `<tr><td><strong>${e(g.id)}</strong></td><td>${e(g.label.vi)}<br><em>${e(g.label.en)}</em></td></tr>`,
    )
    .join('\n');
  return `<p>${e(analysis.method.description)}</p>
<p>Aligner: <strong>${e(analysis.method.aligner)}</strong>${analysis.method.model ? ` (model ${e(analysis.method.model.ref)}, the same for every corpus)` : ''}, trained on ${analysis.method.annotatedUnits} hand-annotated units. A unit is labelled with every task group whose score passes the threshold; headings, the header, recipients and signature are not labelled.</p>
<p>Coverage: for each plan and group, the share of the plan's content text in units that carry the group, and a status:</p>
<ul>${(Object.keys(STATUS_TEXT) as (keyof typeof STATUS_TEXT)[]).map((k) => `<li>${STATUS_MARK[k]} ${e(STATUS_TEXT[k])}</li>`).join('')}</ul>
<p>The task groups of the directive:</p>
<table><tbody>${groups}</tbody></table>
${findingsMethod(analysis)}
<p class="meta">Spans are UTF-16 offsets into each plan's decoded source text; unit ids are the plan id and the path of numbering markers.</p>`;
}

function profilesSection(analysis: AnalysisInput): string {
  const p = profileRows(analysis);
  const head = `<tr>${p.header.map((h) => `<th>${e(h)}</th>`).join('')}</tr>`;
  const rows = p.rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => (i === 0 ? `<th>${e(c)}</th>` : `<td class="num">${e(c)}</td>`)).join('')}</tr>`,
    )
    .join('\n');
  const more = p.more ? `<p class="meta">${p.more} more plans in plan-level.csv (doichieu export).</p>` : '';
  const checks = p.checks.length
    ? `<h3>Citation checks</h3><ul>${p.checks.map((c) => `<li><strong>${e(c.planId)}</strong>: ${e(c.message)} <span class="meta">(${e(c.where)})</span></li>`).join('')}</ul>`
    : '<p>No inconsistent citation found.</p>';
  return `<table class="profiles"><thead>${head}</thead><tbody>${rows}</tbody></table>\n<p class="meta">${e(PROFILE_NOTE)}</p>${more}\n${checks}`;
}

/** Per-group totals over the plans that cite the directive; the others are left out, as it says. */
function totalsParagraph(analysis: AnalysisInput): string {
  const { counted, flagged } = notCitingNotice(analysis);
  const totals = coverageTotals(analysis)
    .map((t) => `${e(t.group)} ${t.operationalised} / ${t.carried}`)
    .join(', ');
  const left = flagged.length
    ? ` The ${flagged.length} plan${flagged.length > 1 ? 's' : ''} marked ⚠ ${flagged.length > 1 ? 'do' : 'does'} not cite ${e(analysis.directive.id)} and ${flagged.length > 1 ? 'are' : 'is'} not counted.`
    : '';
  return `<p class="totals">Of the ${counted} plans citing ${e(analysis.directive.id)}, how many operationalise / carry each group: ${totals}.${left}</p>`;
}

/** The whole report as one HTML document. */
export function renderHtmlReport(analysis: AnalysisInput, options: ReportOptions = {}): string {
  const title = options.title ?? `${analysis.directive.id}: how the local plans implement it`;
  const summaries = planSummaries(analysis);
  const maxPassages = options.maxPassages ?? 3;
  const sections: [string, string, string][] = [
    ['coverage', 'Coverage of the task groups', ''],
    ['plans', 'The plans', ''],
    ['additions', 'What plans add', ''],
    ['omissions', 'What plans leave out', ''],
    ['reuse', 'Reuse between plans', ''],
    ['profiles', 'Implementation profiles', ''],
    ['method', 'Method', ''],
    ['evaluation', 'Evaluation', ''],
  ];
  const body: Record<string, string> = {
    coverage: `<div class="figure">${coverageHeatmapSvg(analysis)}</div>
<p class="meta">Shade: share of the plan's content text in units that carry the group. Mark: ${e(STATUS_TEXT.operationalised)}; ${e(STATUS_TEXT.mentioned)}; ${e(STATUS_TEXT.absent)}.</p>
${totalsParagraph(analysis)}`,
    plans: `${planTable(summaries)}\n${summaries.map(planSection).join('\n')}`,
    additions: additionsSection(analysis, maxPassages),
    omissions: omissionsSection(analysis),
    reuse: `${reuseSection(analysis, options.maxReuse ?? 12)}\n${keynessSection(analysis)}`,
    profiles: profilesSection(analysis),
    method: methodSection(analysis),
    evaluation: evaluationSection(analysis),
  };
  for (const s of sections) s[2] = body[s[0]] ?? '';
  return `<!doctype html>
<html lang="vi">
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
${heading(analysis)}
</header>
<nav><ol>${sections.map(([id, name]) => `<li><a href="#${id}">${e(name)}</a></li>`).join('')}</ol></nav>
${sections.map(([id, name, html]) => `<section id="${id}">\n<h2>${e(name)}</h2>\n${html}\n</section>`).join('\n')}
<footer>${e(analysis.tool.name)} ${e(analysis.tool.version)}${options.generatedAt ? ` · generated ${e(options.generatedAt)}` : ''} · aligner ${e(analysis.method.aligner)} · ${analysis.plans.length} plans</footer>
</body>
</html>
`;
}
