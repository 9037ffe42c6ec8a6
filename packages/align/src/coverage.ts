/**
 * Coverage: for one plan and each task group, the units that carry it, the
 * share of the plan's content text they make up, and whether the plan turns
 * the group into a task or only mentions it. A unit is a task someone is
 * charged with when it sits in the task section of a plan whose organisation
 * section names the bodies that carry the plan out, or when it (or its
 * section) has a lead-agency or timing field, names an actor, or sets a time.
 */
import { type Field, fold, type Unit } from '@doichieu/core';
import type { UnitAlignment } from './engine.ts';
import { stripListMarker } from './features.ts';

export type CoverageStatus = 'operationalised' | 'mentioned' | 'absent';

export interface CoverageCell {
  group: string;
  status: CoverageStatus;
  units: string[];
  /** Units that are tasks with an agency or timing. */
  operationalUnits: string[];
  /** Share of the plan's content characters in units carrying the group, 0..1. */
  share: number;
}

const TASK_ROLES = new Set(['task', 'organisation']);
/** A sentence whose subject is a body: "Các cấp ủy…", "Ban Tuyên giáo…", "Sở Ngoại vụ…". */
const ACTOR_START =
  /^(?:cac (?:cap uy|co quan|dia phuong|to chuc|don vi|so|ban|huyen uy|dang uy|co so)|ban |so |uy ban|mat tran|dang doan|dang uy|huyen uy|tinh uy|thanh uy|bao |dai |van phong|hoi |trung tam|co quan|thuong truc|tinh doan|cong an|bo chi huy|vien thong|ubnd|mttq)/;
const ACTOR_ANYWHERE = /\b(?:chu tri|phoi hop voi|giao (?:cho )?(?:ban|so|cac))\b/;
const TIMING =
  /\b(?:thoi gian (?:thuc hien|hoan thanh)|hoan thanh (?:truoc|trong)|truoc ngay|trong (?:thang|quy|nam) |quy [ivx]+\/\d{4})/;

/** Whether a unit is a task someone is charged with: an agency field, an actor, or a timing. */
export function operationalUnitIds(units: readonly Unit[], fields: readonly Field[]): Set<string> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const fieldUnitIds = new Set(fields.map((f) => f.unitId));
  // Sections (parents) that have agency or timing fields among their children.
  const sectionsWithFields = new Set<string>();
  for (const f of fields) {
    const u = byId.get(f.unitId);
    if (u?.parentId && (f.field.endsWith('agency') || f.field === 'timing'))
      sectionsWithFields.add(u.parentId);
  }
  // A plan whose organisation section charges named bodies with carrying it out assigns every task of it.
  const planAssigned = units.some(
    (u) => u.role === 'organisation' && ACTOR_START.test(fold(stripListMarker(u.text))),
  );
  const out = new Set<string>();
  for (const u of units) {
    if (!TASK_ROLES.has(u.role) || fieldUnitIds.has(u.id)) continue;
    if (u.role === 'task' && planAssigned) {
      out.add(u.id);
      continue;
    }
    let charged = false;
    for (let a: Unit | undefined = u; a && !charged; a = a.parentId ? byId.get(a.parentId) : undefined) {
      if (sectionsWithFields.has(a.id)) charged = true;
      const f = fold(stripListMarker(a.text));
      if (ACTOR_START.test(f) || (a === u && (ACTOR_ANYWHERE.test(f) || TIMING.test(f)))) charged = true;
    }
    if (charged) out.add(u.id);
  }
  return out;
}

export function coverageOfPlan(
  units: readonly Unit[],
  fields: readonly Field[],
  alignments: ReadonlyMap<string, UnitAlignment>,
  groups: readonly string[],
): CoverageCell[] {
  const content = units.filter((u) => alignments.get(u.id)?.content);
  const total = content.reduce((s, u) => s + u.text.length, 0) || 1;
  const operational = operationalUnitIds(units, fields);
  return groups.map((group) => {
    const carrying = content.filter((u) => alignments.get(u.id)!.labels.includes(group));
    const operationalUnits = carrying.filter((u) => operational.has(u.id)).map((u) => u.id);
    const share = carrying.reduce((s, u) => s + u.text.length, 0) / total;
    return {
      group,
      status: operationalUnits.length > 0 ? 'operationalised' : carrying.length > 0 ? 'mentioned' : 'absent',
      units: carrying.map((u) => u.id),
      operationalUnits,
      share: +share.toFixed(4),
    };
  });
}
