import { type IngestedPlan, Role } from '@doichieu/core';
import type { Analysis } from '@doichieu/report';

/** Roles in document order, as the model lists them. */
const ROLE_ORDER: readonly Role[] = Role.options;

export function formatPlanSummary(plan: IngestedPlan): string {
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
  ];
  return lines.join('\n');
}

const STATUS_MARK = { operationalised: '●', mentioned: '○', absent: '·' } as const;

/** The plan × task-group coverage table: status mark and share of the plan's content text. */
export function formatCoverageTable(analysis: Pick<Analysis, 'directive' | 'coverage'>): string {
  const groups = analysis.directive.taskGroups.map((g) => g.id);
  const width = Math.max(12, ...analysis.coverage.map((p) => p.planId.length));
  const lines = [`${'plan'.padEnd(width)}  ${groups.map((g) => g.padStart(9)).join(' ')}`];
  for (const row of analysis.coverage) {
    const cells = row.cells.map((c) =>
      `${STATUS_MARK[c.status]} ${(c.share * 100).toFixed(0).padStart(3)}%`.padStart(9),
    );
    lines.push(`${row.planId.padEnd(width)}  ${cells.join(' ')}`);
  }
  lines.push(
    `● operationalised (a task with an agency or timing)  ○ mentioned only  · absent; % of the plan's content text`,
  );
  return `${lines.join('\n')}\n`;
}
