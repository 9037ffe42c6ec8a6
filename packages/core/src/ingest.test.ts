import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeLegacy } from './decode/index.ts';
import { ingestPlan, ingestText } from './ingest.ts';
import { type Lexicon, loadLexicon } from './lexicon/index.ts';
import type { Unit } from './model.ts';
import type { IngestedPlan } from './plan-schema.ts';
import { planBytes, planMeta, planText, readManifest } from './testing/corpus.ts';

let lexicon: Lexicon;
const plans = new Map<string, IngestedPlan>();
beforeAll(() => {
  lexicon = loadLexicon();
  for (const meta of readManifest().plans) plans.set(meta.id, ingestPlan(planBytes(meta), meta, { lexicon }));
});
const plan = (id: string) => plans.get(id)!;
const unitById = (p: IngestedPlan, id: string) => p.units.find((u) => u.id === `${p.id}:${id}`);
const childrenOf = (p: IngestedPlan, u: Unit) => p.units.filter((c) => c.parentId === u.id);

describe('structure of the real plans', () => {
  it("finds Quảng Ninh's five task sections II.1–II.5 with their headings and content", () => {
    const p = plan('qnh-implementation');
    const section = unitById(p, 'II')!;
    expect(section.kind).toBe('heading');
    expect(section.text).toMatch(/NHIỆM VỤ, GIẢI PHÁP/);
    const tasks = childrenOf(p, section);
    expect(tasks.map((t) => t.marker?.label)).toEqual(['1', '2', '3', '4', '5']);
    expect(tasks[2]!.text).toMatch(/^3\. Tiếp tục đổi mới nội dung, phương thức thông tin đối ngoại/);
    expect(tasks[3]!.text).toMatch(/đấu tranh phản bác/);
    for (const t of tasks) {
      expect(t.role).toBe('task');
      expect(childrenOf(p, t).length).toBeGreaterThanOrEqual(2);
    }
  });

  it("finds Quảng Ngãi's implementation tasks III.1–III.5, each with lead agency and timing fields", () => {
    const p = plan('qng-implementation');
    const tasks = childrenOf(p, unitById(p, 'III')!).filter((u) => u.marker?.kind === 'arabic');
    expect(tasks.map((t) => t.marker?.label)).toEqual(['1', '2', '3', '4', '5']);
    expect(tasks[1]!.text).toMatch(/phối hợp giữa các cấp, các ngành/);
    expect(tasks[4]!.text).toMatch(/nguồn lực/);
    const fieldsUnder = (t: Unit) =>
      p.fields.filter((f) => {
        for (let u = p.units.find((x) => x.id === f.unitId); u; u = p.units.find((x) => x.id === u!.parentId))
          if (u.id === t.id) return true;
        return false;
      });
    expect(p.fields.filter((f) => f.taskId === tasks[0]!.id).map((f) => f.field)).toEqual([
      'directing-agency',
      'implementing-agency',
      'timing',
    ]);
    for (const t of tasks) {
      const kinds = new Set(fieldsUnder(t).map((f) => f.field));
      expect(kinds.has('timing')).toBe(true);
      expect([...kinds].some((k) => k.endsWith('agency'))).toBe(true);
    }
  });

  it("shows Lạng Sơn's conference plan with its agenda and attendee sections", () => {
    const p = plan('lso-135-conference');
    const headings = p.units.filter((u) => u.kind === 'heading');
    const agenda = headings.find((h) => /^4\. Nội dung/.test(h.text))!;
    expect(agenda.role).toBe('agenda');
    expect(childrenOf(p, agenda).length).toBeGreaterThanOrEqual(8);
    const attendees = headings.find((h) => /THÀNH PHẦN/.test(h.text))!;
    expect(attendees.role).toBe('attendees');
    expect(childrenOf(p, attendees).map((c) => c.text)).toEqual([
      '1. Cấp tỉnh',
      '2. Cấp huyện và tương đương',
      '3. Cấp xã và tương đương',
    ]);
    expect(p.units.some((u) => u.role === 'task')).toBe(false);
  });

  it('gives every plan a header or preamble, an organisation section and a signature', () => {
    for (const p of plans.values()) {
      const roles = new Set(p.units.map((u) => u.role));
      expect(roles.has('organisation')).toBe(true);
      expect(roles.has('signature')).toBe(true);
      expect(roles.has('recipients')).toBe(true);
    }
  });

  it('gives unit ids that are unique and do not depend on other sections', () => {
    for (const p of plans.values()) expect(new Set(p.units.map((u) => u.id)).size).toBe(p.units.length);
    const meta = planMeta('qng-implementation');
    const text = planText(meta);
    const extra = text.replace('II. MỤC TIÊU', '- Một đoạn mới thêm vào phần yêu cầu.\n\nII. MỤC TIÊU');
    const before = ingestText(text, meta, { lexicon }).units.filter((u) => u.id.includes(':III'));
    const after = ingestText(extra, meta, { lexicon }).units.filter((u) => u.id.includes(':III'));
    expect(after.map((u) => u.id)).toEqual(before.map((u) => u.id));
  });
});

describe('nothing is lost', () => {
  const assertCovered = (p: IngestedPlan) => {
    const spans = [
      ...p.units.map((u) => ({ span: u.span, what: 'unit' })),
      ...p.skipped.map((s) => ({ span: s.span, what: s.reason })),
    ].sort((a, b) => a.span[0] - b.span[0]);
    let at = 0;
    for (const s of spans) {
      expect(s.span[0]).toBe(at);
      expect(s.span[1]).toBeGreaterThanOrEqual(s.span[0]);
      at = s.span[1];
    }
    expect(at).toBe(p.source.text.length);
    for (const s of p.skipped) {
      const text = p.source.text.slice(s.span[0], s.span[1]);
      if (s.reason === 'blank') expect(text.trim()).toBe('');
      // Only recognised artefacts may hold letters outside a unit.
      if (s.reason !== 'artefact') expect(text).not.toMatch(/[\p{L}\p{N}]/u);
      else expect(s.detail).not.toBe('unclassified');
    }
  };

  it('accounts for every character of the real plans', () => {
    for (const p of plans.values()) assertCovered(p);
  });

  it('keeps a combining mark that follows an invisible character (found by fast-check)', () => {
    const p = ingestText('\ufeff\u0301', planMeta('qnh-implementation'), { lexicon });
    assertCovered(p);
  });

  it('accounts for every character of arbitrary input (fast-check)', () => {
    const meta = planMeta('qnh-implementation');
    const pieces = fc.constantFrom(
      'I. MỤC ĐÍCH',
      '1. Mục đích',
      '- Tăng cường ',
      'thông tin đối ngoại',
      '\n',
      '\n\n',
      '\r\n',
      '**',
      '-----',
      '*',
      '  ',
      'Cơ quan chủ trì: Sở',
      'KẾ HOẠCH',
      'Nơi nhận:',
      'hoá',
      'Ket luận',
      '\u0301',
      '\u00a0',
      '\ufeff',
    );
    const arbitrary = fc.oneof(
      fc
        .array(fc.oneof(pieces, fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 6 })), {
          maxLength: 40,
        })
        .map((a) => a.join('')),
      fc.string({ unit: 'binary', maxLength: 200 }),
    );
    fc.assert(
      fc.property(arbitrary, (text) => {
        const p = ingestText(text, meta, { lexicon });
        assertCovered(p);
        for (const u of p.units) expect(u.text).not.toBe('');
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });
});

describe('the same plan in other forms gives the same units', () => {
  const meta = planMeta('qng-222-study');
  const clean = () => ingestText(planText(meta), meta, { lexicon });
  const texts = (p: IngestedPlan) => p.units.map((u) => `${u.id} ${u.text}`);

  it('NFD text', () => {
    expect(texts(ingestText(planText(meta).normalize('NFD'), meta, { lexicon }))).toEqual(texts(clean()));
  });

  it('old-style tone marks (hoá, uỷ)', () => {
    const old = planText(meta).replace(/hóa/g, 'hoá').replace(/ủy/g, 'uỷ').replace(/Ủy/g, 'Uỷ');
    expect(old).not.toBe(planText(meta));
    expect(texts(ingestText(old, meta, { lexicon }))).toEqual(texts(clean()));
  });

  it('CRLF line ends and a byte-order mark', () => {
    const bytes = new TextEncoder().encode(`\ufeff${planText(meta).replace(/\n/g, '\r\n')}`);
    const p = ingestPlan(bytes, meta, { lexicon });
    expect(p.source.encoding).toBe('utf-8-bom');
    expect(texts(p)).toEqual(texts(clean()));
  });

  it.each(['tcvn3', 'vni'] as const)('the plan encoded in %s', (encoding) => {
    // The legacy code pages have no curly quotes or ellipsis: documents typed in them use "..." instead.
    const representable = planText(meta).normalize('NFC').replace(/[“”]/g, '"').replace(/…/g, '...');
    const p = ingestPlan(encodeLegacy(representable, encoding), meta, { lexicon });
    expect(p.source.encoding).toBe(encoding);
    expect(texts(p)).toEqual(texts(ingestText(representable, meta, { lexicon })));
    expect(p.units.length).toBe(clean().units.length);
  });

  it('refuses a file with a NUL byte, an empty file and an oversized file with one clear line', () => {
    const withNul = new Uint8Array([...new TextEncoder().encode('Kế hoạch'), 0, 65, 66]);
    for (const [bytes, pattern] of [
      [withNul, /binary/],
      [new Uint8Array(0), /empty/],
    ] as const) {
      expect(() => ingestPlan(bytes, meta, { lexicon })).toThrow(pattern);
    }
    expect(() => ingestPlan(new Uint8Array(2048), meta, { lexicon, maxBytes: 1024 })).toThrow(/limit|large/);
  });

  it('ingests a 20 MB plan', () => {
    const text = planText(meta);
    const big = text.repeat(Math.ceil((20 * 1024 * 1024) / Buffer.byteLength(text)));
    const p = ingestPlan(new TextEncoder().encode(big), meta, { lexicon });
    expect(p.source.byteLength).toBeGreaterThanOrEqual(20 * 1024 * 1024);
    expect(p.units.length).toBeGreaterThan(clean().units.length * 100);
    // A file of many documents in a row: each repetition is a document of its own.
    expect(new Set(p.units.map((u) => u.document)).size).toBeGreaterThan(100);
  }, 240_000);
});

describe('metadata', () => {
  it('finds number, date, place and signer in the text, and flags a manifest that disagrees', () => {
    const p = plan('qng-222-study');
    expect(p.extracted.documentNumber?.value).toBe('222-KH/TU');
    expect(p.extracted.date?.value).toBe('2023-09-14');
    expect(p.extracted.signer?.value).toBe('Đinh Thị Hồng Minh');
    expect(p.source.text.slice(...p.extracted.documentNumber!.span)).toBe('222-KH/TU');
    expect(p.messages.filter((m) => m.ruleId === 'extract:manifest-mismatch')).toEqual([]);
    const meta = { ...planMeta('qng-222-study'), documentNumber: '999-KH/TU' };
    const wrong = ingestText(planText(meta), meta, { lexicon });
    const mismatch = wrong.messages.find((m) => m.ruleId === 'extract:manifest-mismatch');
    expect(mismatch?.reason).toMatch(/999-KH\/TU.*222-KH\/TU/);
  });

  it('never invents what a document does not say', () => {
    const qnh = plan('qnh-implementation');
    expect(qnh.extracted.date?.value).toBe('2023-12');
    expect(qnh.extracted.documentNumber === undefined || qnh.extracted.documentNumber.garbled).toBe(true);
    expect(plan('district-study').extracted.documentNumber).toBeUndefined();
  });

  it('reports every OCR repair with its position in the source', () => {
    const qnh = plan('qnh-implementation');
    const repairs = qnh.messages.filter((m) => m.ruleId === 'normalise:ocr-repair');
    expect(repairs.length).toBeGreaterThan(20);
    for (const m of repairs) expect(qnh.source.text.slice(m.start, m.end)).toBe(m.actual);
    const pairs = new Set(repairs.map((m) => `${m.actual}→${m.expected}`));
    for (const expected of ['Ket→Kết', 'tồ→tổ', 'đồi→đổi', 'phưong→phương', 'inới→mới', 'yụ→VỤ', 'quôc→quốc'])
      expect(pairs.has(expected)).toBe(true);
  });
});

describe('references', () => {
  it('finds the cited documents with positions, and tells the plan’s own number apart', () => {
    const p = plan('lso-135-conference');
    const cited = new Set(p.references.filter((r) => !r.self).map((r) => r.number));
    for (const n of ['57-KL/TW', '111-HD/BTGTW', '16-KL/TW', '126-KL/TW']) expect(cited.has(n)).toBe(true);
    expect(p.references.find((r) => r.self)?.number).toBe('135-KH/TU');
    for (const r of p.references) expect(r.unitId).toBeDefined();
    const qnh = plan('qnh-implementation');
    expect(qnh.references.some((r) => r.number === '35-NQ/TW')).toBe(true);
    expect(qnh.references.filter((r) => r.self && !r.garbled)).toEqual([]);
  });
});
