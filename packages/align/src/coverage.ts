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

/** Where a reason was read: a unit and the words of its text (UTF-16 offsets into that unit's `text`). */
export interface ChargeEvidence {
  unitId: string;
  /** `[start, end)` in the unit's text; absent when the words could not be placed. */
  at?: [number, number];
  text: string;
}

/**
 * Why a unit is, or is not, a task someone is charged with. Tasks:
 * `plan-assigned` (a task of a plan whose organisation section charges named
 * bodies with carrying it out), `section-field` (a lead-agency or timing field
 * line in its section), `actor` (it or a section above it opens with a named
 * body), `actor-phrase` ("chủ trì", "phối hợp với", "giao cho …"), `timing`
 * (it sets a time). Not tasks: `not-task-section` (a purpose, requirement,
 * objective, viewpoint… clause: the section it sits in, `role`, assigns
 * nothing), `field-line` (it is itself a field line, counted with its
 * section), `no-actor` (a task section, but no body, field or time).
 */
export type ChargeReason =
  | 'plan-assigned'
  | 'section-field'
  | 'actor'
  | 'actor-phrase'
  | 'timing'
  | 'not-task-section'
  | 'field-line'
  | 'no-actor';

export interface UnitCharge {
  task: boolean;
  reason: ChargeReason;
  /** The unit's section role (for `not-task-section`). */
  role?: string;
  /** The field's kind (for `section-field` and `field-line`). */
  field?: string;
  evidence?: ChargeEvidence;
}

/** Offsets of `match` (found in the folded, marker-stripped text) in the unit's own text, when they carry over. */
function placed(unit: Unit, stripped: string, folded: string, index: number, length: number): ChargeEvidence {
  const offset = unit.text.length - stripped.length;
  const at: [number, number] = [offset + index, offset + index + length];
  // fold() keeps the length of NFC text; when it did not, the words are given without a position.
  const exact = folded.length === stripped.length && stripped.length <= unit.text.length;
  return exact
    ? { unitId: unit.id, at, text: unit.text.slice(at[0], at[1]) }
    : { unitId: unit.id, text: unit.text.slice(0, 80) };
}

function firstMatch(re: RegExp, unit: Unit): ChargeEvidence | undefined {
  const stripped = stripListMarker(unit.text);
  const folded = fold(stripped);
  const m = re.exec(folded);
  if (!m) return undefined;
  return placed(unit, stripped, folded, m.index, m[0].length);
}

/** The words of an actor that opens the text ("Ban Tuyên giáo Tỉnh ủy …"): the match and the rest of its first clause. */
function actorEvidence(unit: Unit): ChargeEvidence | undefined {
  const stripped = stripListMarker(unit.text);
  const folded = fold(stripped);
  const m = ACTOR_START.exec(folded);
  if (!m) return undefined;
  const clause = folded
    .slice(0, 90)
    .search(/[,;:.]|\s(?:chu tri|phoi hop|tham muu|thuc hien|to chuc|trien khai|chi dao)\b/);
  const end = clause >= m[0].length ? clause : Math.min(folded.length, Math.max(m[0].length, 40));
  return placed(unit, stripped, folded, 0, end);
}

function fieldEvidence(field: Field, byId: ReadonlyMap<string, Unit>): ChargeEvidence {
  const unit = byId.get(field.unitId);
  const value = field.agencies?.join('; ') || field.deadline?.text || field.value;
  const at = unit ? unit.text.indexOf(field.value) : -1;
  return at >= 0
    ? { unitId: field.unitId, at: [at, at + field.value.length], text: `${field.label}: ${field.value}` }
    : { unitId: field.unitId, text: `${field.label}: ${value}` };
}

/**
 * Each unit's charge: whether it is a task someone is charged with, and why
 * (see `ChargeReason`), with the words that decided it. The coverage
 * status follows from it: a group is operationalised when one of its units
 * is a task.
 */
export function unitCharges(units: readonly Unit[], fields: readonly Field[]): Map<string, UnitCharge> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const fieldByUnit = new Map(fields.map((f) => [f.unitId, f]));
  // Sections (parents) that have agency or timing fields among their children: the first such field.
  const sectionField = new Map<string, Field>();
  for (const f of fields) {
    const u = byId.get(f.unitId);
    if (u?.parentId && (f.field.endsWith('agency') || f.field === 'timing') && !sectionField.has(u.parentId))
      sectionField.set(u.parentId, f);
  }
  // A plan whose organisation section charges named bodies with carrying it out assigns every task of it.
  const assigning = units.find(
    (u) => u.role === 'organisation' && ACTOR_START.test(fold(stripListMarker(u.text))),
  );
  const assignedBy = assigning ? actorEvidence(assigning) : undefined;
  const out = new Map<string, UnitCharge>();
  for (const u of units) {
    const own = fieldByUnit.get(u.id);
    if (!TASK_ROLES.has(u.role)) {
      out.set(u.id, { task: false, reason: 'not-task-section', role: u.role });
      continue;
    }
    if (own) {
      out.set(u.id, {
        task: false,
        reason: 'field-line',
        field: own.field,
        evidence: fieldEvidence(own, byId),
      });
      continue;
    }
    if (u.role === 'task' && assignedBy) {
      out.set(u.id, { task: true, reason: 'plan-assigned', evidence: assignedBy });
      continue;
    }
    let charge: UnitCharge | undefined;
    for (let a: Unit | undefined = u; a && !charge; a = a.parentId ? byId.get(a.parentId) : undefined) {
      const f = sectionField.get(a.id);
      if (f) {
        charge = { task: true, reason: 'section-field', field: f.field, evidence: fieldEvidence(f, byId) };
        break;
      }
      const actor = actorEvidence(a);
      if (actor) {
        charge = { task: true, reason: 'actor', evidence: actor };
        break;
      }
      if (a === u) {
        const phrase = firstMatch(ACTOR_ANYWHERE, u);
        if (phrase) charge = { task: true, reason: 'actor-phrase', evidence: phrase };
        const time = phrase ? undefined : firstMatch(TIMING, u);
        if (time) charge = { task: true, reason: 'timing', evidence: time };
      }
    }
    out.set(u.id, charge ?? { task: false, reason: 'no-actor' });
  }
  return out;
}

/** Whether a unit is a task someone is charged with: an agency field, an actor, or a timing. */
export function operationalUnitIds(units: readonly Unit[], fields: readonly Field[]): Set<string> {
  const out = new Set<string>();
  for (const [id, c] of unitCharges(units, fields)) if (c.task) out.add(id);
  return out;
}

export function coverageOfPlan(
  units: readonly Unit[],
  fields: readonly Field[],
  alignments: ReadonlyMap<string, UnitAlignment>,
  groups: readonly string[],
): CoverageCell[] {
  return coverageWithCharges(units, alignments, groups, unitCharges(units, fields));
}

/** The same, from charges already computed (the analysis writes them on the units too). */
export function coverageWithCharges(
  units: readonly Unit[],
  alignments: ReadonlyMap<string, UnitAlignment>,
  groups: readonly string[],
  charges: ReadonlyMap<string, UnitCharge>,
): CoverageCell[] {
  const content = units.filter((u) => alignments.get(u.id)?.content);
  const total = content.reduce((s, u) => s + u.text.length, 0) || 1;
  const operational = new Set([...charges].filter(([, c]) => c.task).map(([id]) => id));
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
