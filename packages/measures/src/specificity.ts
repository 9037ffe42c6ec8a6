/**
 * Specificity of a plan per task group: the agencies charged with the
 * group's tasks, deadlines and periods, quantified targets, and the named
 * programmes and documents, each with the unit that states it, and an
 * operationalisation depth (0-4) a reader can check unit by unit.
 *
 * Agencies come from labelled field lines ("Cơ quan chủ trì: …") that sit on
 * or above a unit of the group, and from running text where a named body is
 * the actor of the sentence ("Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp …").
 */
import { type Field, findAgencies, findDates, findQuarters, foldSameLength, type Span } from '@doichieu/core';
import type { Evidence, GroupSpecificity } from './schema.ts';
import { locate } from './text.ts';
import type { MeasuredCell, MeasuredPlan, MeasuredUnit } from './types.ts';

const NOT_TASK_ROLES = new Set(['logistics', 'agenda', 'attendees', 'header', 'recipients', 'signature']);

const FIELD_ROLE: Partial<Record<Field['field'], GroupSpecificity['agencies'][number]['role']>> = {
  'lead-agency': 'lead',
  'coordinating-agency': 'coordinating',
  'implementing-agency': 'implementing',
  'directing-agency': 'directing',
};

/** Verbs that make a named body the actor of a task (folded). */
const ACTOR_VERB =
  /^[\s,;:()–-]*(?:\([^)]*\)\s*)?(chu tri|chiu trach nhiem|tham muu|thuc hien|trien khai|huong dan|chi dao|theo doi|to chuc|xay dung|phoi hop|bien soan|tuyen truyen|kiem tra|nghien cuu|de xuat|lam dau moi)(?![\p{L}])/u;
const COORDINATING_BEFORE = /phoi hop (?:voi|cung)\s*(?:cac\s+)?$/u;
const CHARGED_BEFORE = /(?:^|[^\p{L}])(?:giao|de nghi|yeu cau|phan cong)\s*(?:cho\s+)?$/u;

function descendsFrom(
  unit: MeasuredUnit,
  ancestorId: string,
  byId: ReadonlyMap<string, MeasuredUnit>,
): boolean {
  if (unit.id === ancestorId || unit.id.startsWith(`${ancestorId}/`)) return true;
  let parent = unit.parentId;
  for (let hops = 0; parent && hops < 32; hops++) {
    if (parent === ancestorId) return true;
    parent = byId.get(parent)?.parentId;
  }
  return false;
}

function stripMarker(text: string): string {
  return text.replace(/^[\s\-–+*•·]*(?:\(?[\dIVXivx]+[.)]|[a-zđ]\))?\s*/u, '');
}

function evidenceOf(plan: MeasuredPlan, unit: MeasuredUnit, text: string): Evidence {
  return { unitId: unit.id, span: locate(plan.source.text, unit.span, text), text };
}

function fieldEvidence(plan: MeasuredPlan, field: Field, text: string): Evidence {
  return { unitId: field.unitId, span: field.span, text };
}

/** Agencies named as the actor of a unit's sentence. */
export function actorAgencies(
  text: string,
): { name: string; role: GroupSpecificity['agencies'][number]['role'] }[] {
  const folded = foldSameLength(text);
  const out: { name: string; role: GroupSpecificity['agencies'][number]['role'] }[] = [];
  for (const m of findAgencies(text)) {
    const before = folded.slice(Math.max(0, m.start - 24), m.start);
    const after = folded.slice(m.end, m.end + 40);
    const subject = /^[\s\-–+*•·.)(\d]*$/.test(folded.slice(0, m.start));
    if (COORDINATING_BEFORE.test(before)) out.push({ name: m.text, role: 'coordinating' });
    else if (/^[\s,]*(?:\([^)]*\)\s*)?[,\s]*chu tri/u.test(after)) out.push({ name: m.text, role: 'lead' });
    else if (CHARGED_BEFORE.test(before) || ((subject || /[,;:]\s*$/.test(before)) && ACTOR_VERB.test(after)))
      out.push({ name: m.text, role: 'charged' });
  }
  return out;
}

/** A date right after a document number ("57-KL/TW, ngày 15/6/2023") dates the document, not a task. */
const CITATION_BEFORE =
  /(?:[\p{Lu}Đ]{2,}|\d{4})\s*(?:\/\s*[\p{Lu}Đ\d-]+)*\s*[,;]?\s*(?:ngày|ban hành ngày|ngày ký)?\s*$/u;

const RECURRING =
  /(?<![\p{L}])(hang nam|hang quy|hang thang|dinh ky (?:hang )?(?:nam|quy|thang|\d+ thang))(?![\p{L}])/gu;
const YEAR = /(?<![\p{L}])(?:trong|den|truoc|cuoi|dau|tu|nam)\s+(?:nam\s+)?(20\d\d)(?![\d/-])/gu;
const PERIOD = /(?<![\p{L}])(?:giai doan|nhiem ky|tu nam)\s+(20\d\d)\s*(?:[-–]|den(?: nam)?)\s*(20\d\d)/gu;

/** Deadlines and periods in a unit's text. */
export function deadlinesIn(
  text: string,
): { text: string; kind: GroupSpecificity['deadlines'][number]['kind'] }[] {
  const out: { text: string; kind: GroupSpecificity['deadlines'][number]['kind']; start: number }[] = [];
  const taken: Span[] = [];
  const add = (start: number, end: number, kind: GroupSpecificity['deadlines'][number]['kind']): void => {
    if (taken.some(([s, e]) => start < e && end > s)) return;
    taken.push([start, end]);
    out.push({ text: text.slice(start, end), kind, start });
  };
  for (const q of findQuarters(text)) add(q.start, q.end, 'quarter');
  for (const d of findDates(text))
    if (!CITATION_BEFORE.test(text.slice(Math.max(0, d.start - 40), d.start))) add(d.start, d.end, 'date');
  const folded = foldSameLength(text);
  for (const m of folded.matchAll(PERIOD)) add(m.index, m.index + m[0].length, 'period');
  for (const m of folded.matchAll(YEAR)) add(m.index, m.index + m[0].length, 'year');
  for (const m of folded.matchAll(RECURRING)) add(m.index, m.index + m[0].length, 'recurring');
  return out.sort((a, b) => a.start - b.start).map(({ text: t, kind }) => ({ text: t, kind }));
}

/**
 * A number with its unit: "100% cán bộ", "02 lớp", "ít nhất 5 bài". Not a
 * year, a date, a document number ("57-KL/TW"), an item marker or a legal
 * reference ("Điều 5").
 */
const QUANTITY =
  /(?<![\p{L}\p{N}/.,-])(\d{1,3}(?:[.,]\d{3})*(?:[.,]\d+)?)(\s?%|\s+(?:phần trăm\s+)?\p{Ll}+(?:\s+\p{Ll}+)?)/gu;
const NOT_A_QUANTITY_BEFORE =
  /(?:số|ngày|tháng|năm|khóa|khoá|điều|khoản|mục|điểm|quý|lần thứ|giai đoạn|kết luận|nghị quyết|chỉ thị|quyết định|hướng dẫn|kế hoạch|thông báo|công văn|nghị định|thông tư|luật|chương|phần|phụ lục|tại)\s*$/iu;
const NOT_A_UNIT = /^\s+(?:năm|tháng|ngày|giờ|quý)\b/iu;

export function targetsIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(QUANTITY)) {
    const number = m[1]!;
    const start = m.index;
    if (start === 0 && !m[2]!.includes('%')) continue; // an item marker, "1 Tổ chức …" after OCR loses the dot
    if (/^(?:19|20)\d\d$/.test(number)) continue;
    if (NOT_A_QUANTITY_BEFORE.test(text.slice(Math.max(0, start - 16), start))) continue;
    if (!m[2]!.includes('%') && NOT_A_UNIT.test(m[2]!)) continue;
    out.push(`${number}${m[2]}`.replace(/\s+/g, ' '));
  }
  return out;
}

/**
 * "Đề án “…”", "Chương trình Chuyển đổi số": a programme word, then a quoted
 * name or a name in sentence case (a capital, then words up to punctuation;
 * at most ten words).
 */
const PROGRAMME =
  /(?<![\p{L}])(?:Chương trình|Đề án|Dự án|Cuộc thi|Giải thưởng|Phong trào|Chiến lược)\s+(?:số\s+[\p{N}\p{L}/-]+\s+)?(?:["“]([^"”\n]{3,160})["”]|(\p{Lu}[\p{L}\p{N}]*(?:[ \t]+[\p{L}\p{N}]+){0,9}))/gu;

/** Named programmes, projects, contests and strategies in a unit's text. */
export function programmesIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(PROGRAMME)) out.push(m[0].replace(/\s+/g, ' ').trim());
  return out;
}

export function specificityOf(
  plan: MeasuredPlan,
  cells: readonly MeasuredCell[],
  directiveId: string,
): GroupSpecificity[] {
  const byId = new Map(plan.units.map((u) => [u.id, u]));
  // Fields of a conference's logistics (its date, its hall) do not time a task.
  const onTask = (f: Field): boolean => !NOT_TASK_ROLES.has(byId.get(f.unitId)?.role ?? '');
  const agencyFields = plan.fields.filter((f) => FIELD_ROLE[f.field] && onTask(f));
  const timingFields = plan.fields.filter((f) => f.field === 'timing' && onTask(f));
  const fieldsOn = (unit: MeasuredUnit, fields: readonly Field[]): Field[] =>
    fields.filter(
      (f) => f.unitId === unit.id || (f.taskId !== undefined && descendsFrom(unit, f.taskId, byId)),
    );

  return cells.map((cell) => {
    const units = cell.units.map((id) => byId.get(id)).filter((u): u is MeasuredUnit => u !== undefined);
    const operational = new Set(cell.operationalUnits);
    const agencies: GroupSpecificity['agencies'] = [];
    const deadlines: GroupSpecificity['deadlines'] = [];
    const targets: GroupSpecificity['targets'] = [];
    const documents: GroupSpecificity['documents'] = [];
    const seen = new Set<string>();
    const once = (key: string): boolean => (seen.has(key) ? false : (seen.add(key), true));
    const unitChecks: GroupSpecificity['unitChecks'] = [];
    for (const unit of units) {
      let agency = false;
      let deadline = false;
      for (const f of fieldsOn(unit, agencyFields)) {
        agency = true;
        for (const name of f.agencies?.length ? f.agencies : [f.value])
          if (once(`a|${FIELD_ROLE[f.field]}|${name}`))
            agencies.push({ name, role: FIELD_ROLE[f.field]!, evidence: fieldEvidence(plan, f, name) });
      }
      const actors = actorAgencies(unit.text);
      for (const a of actors) {
        agency = true;
        if (once(`a|${a.role}|${a.name}`)) agencies.push({ ...a, evidence: evidenceOf(plan, unit, a.name) });
      }
      // "Ban Tuyên giáo Tỉnh ủy: - Chủ trì …": the actor is named in the lead-in line above the bullet.
      const parent = unit.parentId ? byId.get(unit.parentId) : undefined;
      if (
        actors.length === 0 &&
        parent &&
        /:\s*$/.test(parent.text) &&
        ACTOR_VERB.test(foldSameLength(stripMarker(unit.text)))
      ) {
        const head = findAgencies(parent.text).find((m) =>
          /^[\s\-–+*•·.)(\dIVXivx]*$/.test(parent.text.slice(0, m.start)),
        );
        if (head) {
          agency = true;
          const role = /^chu tri/.test(foldSameLength(stripMarker(unit.text))) ? 'lead' : 'charged';
          if (once(`a|${role}|${head.text}`))
            agencies.push({ name: head.text, role, evidence: evidenceOf(plan, parent, head.text) });
        }
      }
      for (const f of fieldsOn(unit, timingFields)) {
        deadline = true;
        const text = f.deadline?.text ?? f.value;
        const kind = f.deadline?.ongoing
          ? 'recurring'
          : f.deadline?.quarter
            ? 'quarter'
            : f.deadline?.iso
              ? 'date'
              : 'period';
        if (once(`d|${text}`)) deadlines.push({ text, kind, evidence: fieldEvidence(plan, f, text) });
      }
      for (const d of deadlinesIn(unit.text)) {
        deadline = true;
        if (once(`d|${d.text}`)) deadlines.push({ ...d, evidence: evidenceOf(plan, unit, d.text) });
      }
      const found = targetsIn(unit.text);
      for (const t of found)
        if (once(`t|${t}|${unit.id}`)) targets.push({ text: t, evidence: evidenceOf(plan, unit, t) });
      for (const p of programmesIn(unit.text))
        if (once(`p|${p}`)) documents.push({ name: p, evidence: evidenceOf(plan, unit, p) });
      for (const r of plan.references)
        if (r.unitId === unit.id && !r.self && r.number !== directiveId && once(`p|${r.number}`))
          documents.push({ name: r.number, evidence: { unitId: unit.id, span: r.span, text: r.text } });
      unitChecks.push({
        unitId: unit.id,
        task: operational.has(unit.id),
        agency,
        deadline,
        target: found.length > 0,
      });
    }
    const tasks = unitChecks.filter((c) => c.task);
    const depth =
      cell.status === 'absent'
        ? 0
        : cell.status === 'mentioned' || tasks.length === 0
          ? 1
          : !tasks.some((c) => c.agency)
            ? 2
            : tasks.some((c) => c.agency && c.deadline)
              ? 4
              : 3;
    return { group: cell.group, agencies, deadlines, targets, documents, depth, unitChecks };
  });
}
