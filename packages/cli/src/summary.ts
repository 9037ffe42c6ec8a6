import { type DirectiveCheck, type IngestedPlan, notCitingReason, Role } from '@doichieu/core';
import { type AnalysedPlan, type Analysis, countsInTotals, coverageTotals } from '@doichieu/report';

/** Roles in document order, as the model lists them. */
const ROLE_ORDER: readonly Role[] = Role.options;

/** "cites 57-KL/TW (by number 22×, by title 3×)" or "⚠ does not cite 57-KL/TW; it cites …". */
export function formatDirectiveLine(check: DirectiveCheck): string {
  if (check.status !== 'cites') return `⚠ ${notCitingReason(check)}`;
  const count = (kind: DirectiveCheck['evidence'][number]['kind']) =>
    check.evidence.filter((e) => e.kind === kind).length;
  const by = [
    count('number') ? `by number ${count('number')}×` : '',
    count('short-number') ? `by number alone ${count('short-number')}×` : '',
    count('title') ? `by title ${count('title')}×` : '',
  ].filter(Boolean);
  return `cites ${check.directive} (${by.join(', ')})`;
}

export function formatPlanSummary(plan: IngestedPlan, check?: DirectiveCheck): string {
  const m = plan.meta;
  const roles = ROLE_ORDER.filter((r) => plan.stats.unitsByRole[r])
    .map((r) => `${r} ${plan.stats.unitsByRole[r]}`)
    .join(', ');
  const refs = new Map<string, number>();
  for (const r of plan.references) {
    if (r.self) continue;
    const key = r.garbled ? `${r.number}?` : r.number;
    refs.set(key, (refs.get(key) ?? 0) + 1);
  }
  const refList = [...refs.entries()].map(([n, c]) => (c > 1 ? `${n} ×${c}` : n)).join(', ');
  const warnings = plan.messages.filter((x) => x.severity === 'warning');
  const lines = [
    `${plan.id}  ${m.province} · ${m.kind} · ${m.documentNumber} · ${m.date}`,
    `  ${plan.source.encoding}, ${(plan.source.byteLength / 1024).toFixed(1)} KiB, ${plan.stats.units} units (${roles}), depth ${plan.stats.maxDepth}`,
    `  repairs: ${plan.stats.repairs.ocr} OCR, ${plan.stats.repairs.toneStyle} tone style, ${plan.stats.repairs.unicode} Unicode; warnings: ${warnings.length}; fields: ${plan.fields.length}`,
    `  cites: ${refList || 'nothing'}`,
    ...(check ? [`  directive: ${formatDirectiveLine(check)}`] : []),
  ];
  return lines.join('\n');
}

const STATUS_MARK = { operationalised: '●', mentioned: '○', absent: '·' } as const;
const NOT_CITED_MARK = {
  'cites-confusable': '⚠ cites a confusable',
  'no-citation': '⚠ does not cite',
} as const;

/**
 * The plan × task-group coverage table: status mark and share of the plan's
 * content text, and a totals line over the plans that cite the directive
 * (the others are marked and left out of it, as the footnote says).
 */
export function formatCoverageTable(analysis: Pick<Analysis, 'directive' | 'coverage'>): string {
  const groups = analysis.directive.taskGroups.map((g) => g.id);
  const width = Math.max(12, ...analysis.coverage.map((p) => p.planId.length));
  const lines = [`${'plan'.padEnd(width)}  ${groups.map((g) => g.padStart(9)).join(' ')}`];
  for (const row of analysis.coverage) {
    const cells = row.cells.map((c) =>
      `${STATUS_MARK[c.status]} ${(c.share * 100).toFixed(0).padStart(3)}%`.padStart(9),
    );
    const mark = row.directive && row.directive !== 'cites' ? `  ${NOT_CITED_MARK[row.directive]}` : '';
    lines.push(`${row.planId.padEnd(width)}  ${cells.join(' ')}${mark}`);
  }
  const counted = analysis.coverage.filter(countsInTotals);
  const left = analysis.coverage.length - counted.length;
  const totals = coverageTotals(analysis).map((t) => `${t.operationalised}/${t.carried}`.padStart(9));
  lines.push(`${'plans'.padEnd(width)}  ${totals.join(' ')}`);
  lines.push(
    `● operationalised (a task with an agency or timing)  ○ mentioned only  · absent; % of the plan's content text`,
  );
  lines.push(
    `plans: how many of the ${counted.length} plans citing ${analysis.directive.id} operationalise the group / carry it at all` +
      (left > 0
        ? `; ${left} plan${left > 1 ? 's' : ''} marked ⚠ do${left > 1 ? '' : 'es'} not cite ${analysis.directive.id} and ${left > 1 ? 'are' : 'is'} not counted`
        : ''),
  );
  return `${lines.join('\n')}\n`;
}

/** One line for a plan that does not cite the directive: `file:line:col: warning: …`, or undefined. */
export function formatDirectiveWarning(
  plan: Pick<AnalysedPlan, 'id' | 'meta' | 'source' | 'messages'>,
): string | undefined {
  const message = plan.messages.find((m) => m.ruleId.startsWith('directive:'));
  if (!message) return undefined;
  let where = plan.meta.file;
  if (message.start !== undefined) {
    const before = plan.source.text.slice(0, message.start);
    const line = before.split('\n').length;
    const column = message.start - before.lastIndexOf('\n');
    where += `:${line}:${column}`;
  }
  return `${where}: warning: plan ${plan.id} ${message.reason}`;
}
