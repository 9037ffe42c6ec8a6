import type { IngestedPlan, Role } from '@doichieu/core';

const ROLE_ORDER: Role[] = [
  'header', 'preamble', 'purpose', 'requirement', 'objective', 'task', 'organisation', 'logistics', 'recipients', 'signature', 'other',
];

export function formatPlanSummary(plan: IngestedPlan): string {
  const m = plan.meta;
  const roles = ROLE_ORDER.filter((r) => plan.stats.unitsByRole[r])
    .map((r) => `${r} ${plan.stats.unitsByRole[r]}`)
    .join(', ');
  const refs = new Map<string, number>();
  for (const r of plan.references) refs.set(r.number, (refs.get(r.number) ?? 0) + 1);
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
