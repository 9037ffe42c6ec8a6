import { ingestPlan, ingestText, type Lexicon, loadLexicon } from '@doichieu/core';
import { planBytes, planMeta, readManifest } from '@doichieu/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { operationalUnitIds, unitCharges } from './coverage.ts';

let lexicon: Lexicon;
beforeAll(() => {
  lexicon = loadLexicon();
}, 120_000);

const plan = (text: string) => ingestText(text, planMeta('qng-implementation'), { lexicon });
const unitWith = (p: ReturnType<typeof plan>, words: string) => p.units.find((u) => u.text.includes(words))!;

describe('why a unit is a task (its charge)', () => {
  const text = [
    'KẾ HOẠCH',
    'thực hiện công tác đối ngoại',
    'I. MỤC ĐÍCH, YÊU CẦU',
    '1. Nâng cao nhận thức của cán bộ, đảng viên về công tác đối ngoại.',
    'II. NHIỆM VỤ VÀ GIẢI PHÁP',
    '1. Tăng cường tuyên truyền về đối ngoại nhân dân.',
    'Cơ quan chủ trì: Ban Tuyên giáo Tỉnh ủy.',
    'Thời gian thực hiện: Quý IV/2024.',
    '2. Sở Ngoại vụ tham mưu xây dựng quy chế quản lý đoàn ra, đoàn vào.',
    '3. Đổi mới hợp tác quốc tế, hoàn thành trước ngày 30/6/2025.',
    '4. Nâng cao chất lượng thông tin đối ngoại trên báo chí.',
    '',
  ].join('\n');

  it('names the reason and the words that decided it, at their place in the unit', () => {
    const p = plan(text);
    const charges = unitCharges(p.units, p.fields);
    const purpose = charges.get(unitWith(p, 'Nâng cao nhận thức').id)!;
    expect(purpose).toMatchObject({ task: false, reason: 'not-task-section', role: 'purpose' });

    const field = unitWith(p, 'Tăng cường tuyên truyền');
    const fieldCharge = charges.get(field.id)!;
    expect(fieldCharge).toMatchObject({ task: true, reason: 'section-field', field: 'lead-agency' });
    const fieldLine = unitWith(p, 'Cơ quan chủ trì');
    expect(fieldCharge.evidence!.unitId).toBe(fieldLine.id);
    expect(fieldCharge.evidence!.text).toContain('Ban Tuyên giáo Tỉnh ủy');
    expect(charges.get(fieldLine.id)).toMatchObject({ task: false, reason: 'field-line' });

    const actor = unitWith(p, 'Sở Ngoại vụ');
    const actorCharge = charges.get(actor.id)!;
    expect(actorCharge).toMatchObject({ task: true, reason: 'actor' });
    const [s, e] = actorCharge.evidence!.at!;
    expect(actor.text.slice(s, e)).toBe(actorCharge.evidence!.text);
    expect(actorCharge.evidence!.text.startsWith('Sở Ngoại vụ')).toBe(true);

    const timed = unitWith(p, 'hoàn thành trước');
    const timedCharge = charges.get(timed.id)!;
    expect(timedCharge).toMatchObject({ task: true, reason: 'timing' });
    const [ts, te] = timedCharge.evidence!.at!;
    expect(timed.text.slice(ts, te).toLowerCase()).toContain('hoàn thành trước');

    expect(charges.get(unitWith(p, 'chất lượng thông tin').id)).toMatchObject({
      task: false,
      reason: 'no-actor',
    });
    // The coverage's operational units are exactly the units charged as tasks.
    expect([...operationalUnitIds(p.units, p.fields)].sort()).toEqual(
      [...charges]
        .filter(([, c]) => c.task)
        .map(([id]) => id)
        .sort(),
    );
  });

  it('a plan whose organisation section charges bodies: its tasks cite that passage', () => {
    const assigned = `${text.replace(/Cơ quan chủ trì.*\n|Thời gian thực hiện.*\n/g, '')}III. TỔ CHỨC THỰC HIỆN\n1. Các cấp ủy, tổ chức đảng xây dựng kế hoạch thực hiện.\n`;
    const p = plan(assigned);
    const charges = unitCharges(p.units, p.fields);
    const task = charges.get(unitWith(p, 'chất lượng thông tin').id)!;
    expect(task).toMatchObject({ task: true, reason: 'plan-assigned' });
    const org = unitWith(p, 'Các cấp ủy');
    expect(task.evidence!.unitId).toBe(org.id);
    const [s, e] = task.evidence!.at!;
    expect(org.text.slice(s, e)).toBe(task.evidence!.text);
    expect(task.evidence!.text.startsWith('Các cấp ủy')).toBe(true);
  });

  it('on the bundled plans: every operationalised cell has a task unit with a reason and its words', () => {
    for (const meta of readManifest().plans) {
      const p = ingestPlan(planBytes(meta), meta, { lexicon });
      const charges = unitCharges(p.units, p.fields);
      const byId = new Map(p.units.map((u) => [u.id, u]));
      for (const [id, c] of charges) {
        expect(byId.has(id)).toBe(true);
        if (!c.task) continue;
        expect(c.evidence, `${id} ${c.reason}`).toBeDefined();
        const source = byId.get(c.evidence!.unitId)!;
        if (c.evidence!.at) expect(source.text.slice(...c.evidence!.at)).toBe(c.evidence!.text);
      }
    }
  });
});
