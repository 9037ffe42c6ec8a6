/**
 * Why a unit is a task, or only mentions its groups: the charge analysis.json
 * carries on each content unit (packages/align coverage.ts), in words. The
 * coverage status follows from it, so the reader, the cell panel and the
 * tooltip say the same thing as the heatmap.
 */
import { h } from '../dom.ts';
import { roleName, t } from '../i18n.ts';
import type { Lang, Plan, Unit } from '../types.ts';

export type Charge = NonNullable<Unit['charge']>;

const FIELD_NAMES: Record<string, Record<Lang, string>> = {
  'lead-agency': { vi: 'cơ quan chủ trì', en: 'lead agency' },
  'directing-agency': { vi: 'cơ quan chỉ đạo', en: 'directing agency' },
  'implementing-agency': { vi: 'cơ quan tham mưu, thực hiện', en: 'implementing agency' },
  'coordinating-agency': { vi: 'cơ quan phối hợp', en: 'partner agency' },
  timing: { vi: 'thời hạn', en: 'deadline' },
  place: { vi: 'địa điểm', en: 'place' },
  attendees: { vi: 'thành phần', en: 'attendees' },
  chair: { vi: 'chủ trì hội nghị', en: 'chair' },
  other: { vi: 'trường khác', en: 'other field' },
};

/** Name of a field kind (`lead-agency` → "cơ quan chủ trì"). */
export function fieldName(field: string | undefined, lang: Lang): string {
  return (field && FIELD_NAMES[field]?.[lang]) ?? field ?? '';
}

/** The reason in a few words: "cơ quan chủ trì", "mục đích: không giao việc". */
export function chargeLabel(charge: Charge, lang: Lang): string {
  switch (charge.reason) {
    case 'section-field':
      return t(lang, 'charge.section-field', { field: fieldName(charge.field, lang) });
    case 'field-line':
      return t(lang, 'charge.field-line', { field: fieldName(charge.field, lang) });
    case 'not-task-section':
      return t(lang, 'charge.not-task-section', { role: roleName(charge.role ?? 'other', lang) });
    default:
      return t(lang, `charge.${charge.reason}`);
  }
}

/** The reason with its words and where they are: "cơ quan chủ trì: «Ban Tuyên giáo Tỉnh ủy» (đoạn II/1)". */
export function chargeSentence(charge: Charge, lang: Lang, selfId?: string): string {
  const status = t(lang, charge.task ? 'charge.isTask' : 'charge.notTask');
  const label = chargeLabel(charge, lang);
  const ev = charge.evidence;
  if (!ev) return `${status}: ${label}`;
  const where = ev.unitId === selfId ? '' : ` (${t(lang, 'unitId').toLowerCase()} ${shortId(ev.unitId)})`;
  return `${status}: ${label} — “${ev.text}”${where}`;
}

/** A unit id without its plan prefix ("qnh-implementation:II/1" → "II/1"). */
export function shortId(unitId: string): string {
  const i = unitId.indexOf(':');
  return i >= 0 ? unitId.slice(i + 1) : unitId;
}

/** A small tag for a unit: ● task / ○ not a task, with the reason; the full sentence as its title. */
export function chargeTag(unit: Unit, lang: Lang): HTMLElement | null {
  const c = unit.charge;
  if (!c || unit.alignment.labels.length === 0) return null;
  return h(
    'span',
    {
      class: c.task ? 'charge-tag task' : 'charge-tag not-task',
      title: chargeSentence(c, lang, unit.id),
      'data-reason': c.reason,
    },
    `${c.task ? '●' : '○'} ${chargeLabel(c, lang)}`,
  );
}

export interface ReasonCount {
  reason: Charge['reason'];
  task: boolean;
  /** The label (the field or role named). */
  label: string;
  units: string[];
  /** The first unit's evidence. */
  evidence?: Charge['evidence'];
}

/** A plan's units that carry a group, by reason (tasks first, most units first). */
export function reasonCounts(plan: Plan, lang: Lang): ReasonCount[] {
  const m = new Map<string, ReasonCount>();
  for (const u of plan.units) {
    const c = u.charge;
    if (!c || u.alignment.labels.length === 0) continue;
    const label = chargeLabel(c, lang);
    const key = `${c.task}|${label}`;
    const entry = m.get(key) ?? {
      reason: c.reason,
      task: c.task,
      label,
      units: [],
      ...(c.evidence ? { evidence: c.evidence } : {}),
    };
    entry.units.push(u.id);
    m.set(key, entry);
  }
  return [...m.values()].sort(
    (a, b) =>
      Number(b.task) - Number(a.task) || b.units.length - a.units.length || a.label.localeCompare(b.label),
  );
}
