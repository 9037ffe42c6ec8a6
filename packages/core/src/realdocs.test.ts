/**
 * What a careful reader of each real document (../shared/realdocs) expects of
 * its structure: documents, sections, roles. Skipped, saying so, when the
 * folder is absent.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestText } from './ingest.ts';
import { type Lexicon, loadLexicon } from './lexicon/index.ts';
import type { Role, Unit } from './model.ts';
import type { IngestedPlan } from './plan-schema.ts';
import { planMeta } from './testing/corpus.ts';
import { REALDOCS_DIR, realDoc, realDocsPresent } from './testing/realdocs.ts';

if (!realDocsPresent)
  console.warn(`real documents not found at ${REALDOCS_DIR}: their structure tests are skipped`);

const plans = new Map<string, IngestedPlan>();
let lexicon: Lexicon;
beforeAll(() => {
  if (!realDocsPresent) return;
  lexicon = loadLexicon();
  const meta = planMeta('qnh-implementation');
  for (const id of ['01', '02', '05', '06', '07'])
    plans.set(id, ingestText(realDoc(id), { ...meta, id: `doc${id}` }, { lexicon }));
}, 120_000);

const plan = (id: string) => plans.get(id)!;
const unit = (p: IngestedPlan, path: string): Unit => {
  const u = p.units.find((x) => x.id === `${p.id}:${path}`);
  if (!u) throw new Error(`no unit ${path} in ${p.id}`);
  return u;
};
const under = (p: IngestedPlan, path: string): Unit[] =>
  p.units.filter((u) => u.id === `${p.id}:${path}` || u.id.startsWith(`${p.id}:${path}/`));
const children = (p: IngestedPlan, u: Unit) => p.units.filter((c) => c.parentId === u.id);
const roles = (units: readonly Unit[]) => new Set(units.map((u) => u.role));
const documents = (p: IngestedPlan) => new Set(p.units.map((u) => u.document ?? 0));
const CONFERENCE_ROLES: Role[] = ['agenda', 'attendees', 'logistics'];

describe.skipIf(!realDocsPresent)('real documents: structure from what the headings say', () => {
  it('01 (Party plan): II. PHÂN CÔNG NHIỆM VỤ is the tasks, I the aims, III the organisation', () => {
    const p = plan('01');
    expect(documents(p)).toEqual(new Set([0]));
    const tasks = under(p, 'II');
    expect(tasks.length).toBeGreaterThan(50);
    expect(roles(tasks)).toEqual(new Set(['task']));
    expect(roles(under(p, 'I/1'))).toEqual(new Set(['purpose']));
    expect(roles(under(p, 'I/2'))).toEqual(new Set(['requirement']));
    expect(roles(under(p, 'III'))).toEqual(new Set(['organisation']));
    // The Party cells charged in 2.2, a) to p), are points of that item, each with its bullets.
    const charged = children(p, unit(p, 'II/2/2.2'));
    expect(charged.map((c) => c.marker?.label).join('')).toBe('abcdeghiklmnop');
    for (const c of charged) expect(children(p, c).length).toBeGreaterThanOrEqual(1);
    // Markdown list items are bullets, one per recipient.
    expect(p.units.filter((u) => u.role === 'recipients').length).toBe(11);
    expect(p.units.filter((u) => u.role === 'signature').map((u) => u.text)).toEqual([
      'T/M ĐẢNG ĐOÀN QUỐC HỘI',
      'BÍ THƯ',
      'Trần Thanh Mẫn',
    ]);
    expect(p.extracted.signer?.value).toBe('Trần Thanh Mẫn');
  });

  it('02 (Government resolution issuing a programme): two documents; the annex tables are rows', () => {
    const p = plan('02');
    expect(documents(p)).toEqual(new Set([0, 1]));
    const resolution = p.units.filter((u) => u.document === 0);
    expect(resolution.filter((u) => /^Điều \d/.test(u.text))).toHaveLength(3);
    expect(resolution.at(-1)!.text).toBe('Nguyễn Hòa Bình');
    expect(unit(p, 'd2/h1').text).toBe('CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ');
    expect(roles(under(p, 'd2/I'))).toEqual(new Set(['objective']));
    expect(roles(under(p, 'd2/II'))).toEqual(new Set(['task']));
    expect(roles(under(p, 'd2/III'))).toEqual(new Set(['organisation']));
    expect(children(p, unit(p, 'd2/II')).filter((u) => u.marker?.kind === 'arabic')).toHaveLength(7);
    // Annex II: the task table, grouped by I–VII, one unit per task with its cells.
    const rows = under(p, 'd2/PLII').filter((u) => u.kind === 'row');
    expect(rows.length).toBeGreaterThanOrEqual(140);
    expect(roles(rows)).toEqual(new Set(['task']));
    const first = unit(p, 'd2/PLII/I/1');
    expect(first.cells?.[1]).toMatch(/^Xây dựng, trình Thủ tướng Chính phủ/);
    expect(first.columns).toEqual([
      'TT',
      'Tên nhiệm vụ',
      'Cơ quan chủ trì',
      'Cơ quan phối hợp',
      'Kết quả',
      'Thời gian hoàn thành',
    ]);
    expect(children(p, unit(p, 'd2/PLII')).filter((u) => u.kind === 'heading')).toHaveLength(7);
    // Annex I lists indicators: objectives. Header and separator rows are skipped spans, not units.
    expect(roles(under(p, 'd2/PLI').filter((u) => u.kind === 'row'))).toEqual(new Set(['objective']));
    expect(p.units.some((u) => /^\|\s*TT\s*\|/.test(u.text) || /^\|-/.test(u.text))).toBe(false);
    expect(p.skipped.filter((s) => s.detail === 'table header row').length).toBeGreaterThanOrEqual(2);
  });

  it('05 (cover letter with a draft report): two documents, each with its header and tail', () => {
    const p = plan('05');
    expect(documents(p)).toEqual(new Set([0, 1]));
    const tail = p.units.filter((u) => u.role === 'recipients' || u.role === 'signature');
    expect(tail.length / p.units.length).toBeLessThanOrEqual(0.1);
    for (const d of [0, 1]) {
      const doc = p.units.filter((u) => u.document === d);
      expect(doc[0]!.role).toBe('header');
      expect(roles(doc).has('recipients')).toBe(true);
      expect(roles(doc).has('signature')).toBe(true);
    }
    const letter = p.units.filter((u) => u.document === 0);
    expect(letter.some((u) => u.role === 'header' && /^Kính gửi/.test(u.text))).toBe(true);
    expect(letter.filter((u) => u.role === 'signature').map((u) => u.text)).toContain('Trần Văn Sơn');
    expect(unit(p, 'd2/h1').text).toMatch(/^DỰ THẢO BÁO CÁO/);
    // The report: part A (findings) with I, II, III, then V (the numbering jumps), VI; then part B.
    const partA = unit(p, 'd2/A');
    expect(children(p, partA).map((c) => c.marker?.label)).toEqual(['I', 'II', 'III', 'V', 'VI']);
    expect(roles(under(p, 'd2/A/II'))).toEqual(new Set(['assessment']));
    expect(roles(under(p, 'd2/A/III'))).toEqual(new Set(['assessment']));
    expect(roles(under(p, 'd2/A/V'))).toEqual(new Set(['task']));
    expect(unit(p, 'd2/B').kind).toBe('heading');
    // The annexes after the signature stay with the report.
    expect(unit(p, 'd2/PL1').document).toBe(1);
    expect(under(p, 'd2/PL1').filter((u) => u.kind === 'row').length).toBeGreaterThanOrEqual(30);
  });

  it('06 (decision issuing a plan): two documents; the plan keeps its I/II/III roles', () => {
    const p = plan('06');
    expect(documents(p)).toEqual(new Set([0, 1]));
    expect(p.units.filter((u) => u.document === 0).some((u) => u.role === 'recipients')).toBe(true);
    expect(unit(p, 'd2/h1').text).toBe('KẾ HOẠCH');
    expect(roles(under(p, 'd2/I/1'))).toEqual(new Set(['purpose']));
    expect(roles(under(p, 'd2/I/2'))).toEqual(new Set(['requirement']));
    expect(roles(under(p, 'd2/II'))).toEqual(new Set(['task']));
    expect(roles(under(p, 'd2/III'))).toEqual(new Set(['organisation']));
    // III names sixteen bodies and what each does.
    expect(children(p, unit(p, 'd2/III')).filter((u) => u.marker?.kind === 'arabic')).toHaveLength(16);
    // The repository's part labels ("# 773_2018_QĐ_TTg_appendix") are artefacts, not text.
    expect(p.units.some((u) => /773_2018/.test(u.text))).toBe(false);
  });

  it('07 (plan in parts A–D): no conference roles; resources are content; sections I–IX inside B', () => {
    const p = plan('07');
    expect(documents(p)).toEqual(new Set([0]));
    expect(p.units.filter((u) => CONFERENCE_ROLES.includes(u.role))).toEqual([]);
    const parts = p.units.filter((u) => u.marker?.kind === 'part');
    expect(parts.map((u) => u.marker?.label)).toEqual(['A', 'B', 'C', 'D']);
    for (const part of parts) expect(part.parentId).toBeUndefined();
    expect(children(p, unit(p, 'B')).map((c) => c.marker?.label)).toEqual([
      'I',
      'II',
      'III',
      'IV',
      'V',
      'VI',
      'VII',
      'VIII',
      'IX',
    ]);
    expect(roles(under(p, 'A/1'))).toEqual(new Set(['purpose']));
    expect(roles(under(p, 'A/2'))).toEqual(new Set(['requirement']));
    // "VIII. BẢO ĐẢM PHƯƠNG TIỆN, TRANG BỊ, KINH PHÍ…" is one of the plan's tasks.
    expect(roles(under(p, 'B'))).toEqual(new Set(['task']));
    expect(roles(under(p, 'C'))).toEqual(new Set(['task']));
    expect(roles(under(p, 'D/7'))).toEqual(new Set(['resources']));
    expect(unit(p, 'D').role).toBe('organisation');
    // Each task section says what, who leads and when.
    for (const section of children(p, unit(p, 'B')))
      expect(p.fields.some((f) => f.field === 'timing' && f.unitId.startsWith(`${section.id}/`))).toBe(true);
  });

  it('02 and 06 keep their I/II/III roles; no real document is a conference', () => {
    for (const id of ['01', '02', '05', '06', '07'])
      expect(plan(id).units.filter((u) => CONFERENCE_ROLES.includes(u.role))).toEqual([]);
  });
});
