import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withCpuLoad } from '../../../tests/cpu-load.ts';
import { diffTokens, diffUnits, formatDiff } from './diff-units.ts';
import { tokenize, Vocabulary } from './tokens.ts';

const folded = (text: string, v: Vocabulary) => Array.from(tokenize(text, v).ids);

describe('diffUnits', () => {
  it('diffUnits(a, a) is one equal part', () => {
    const r = diffUnits('Tăng cường phối hợp', 'Tăng cường phối hợp');
    expect(r.status).toBe('ok');
    if (r.status === 'ok') expect(formatDiff(r.parts)).toBe('Tăng cường phối hợp');
  });

  it('tone-mark style and OCR accent noise do not show as changes', () => {
    const r = diffUnits(
      'Tiếp tục đổi mới nội dung, phương thức; cụ thể hóa Kết luận',
      'Tiêp tục đồi mới nội dung, phưong thức; cụ thể hoá Ket luận',
    );
    expect(r.status).toBe('ok');
    if (r.status === 'ok') expect(r.parts.map((p) => p.op)).toEqual(['equal']);
  });

  it('merges adjacent removals and insertions into whole-phrase changes', () => {
    const r = diffUnits(
      'Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan',
      'Ban Tuyên giáo Huyện ủy tham mưu, phối hợp với các cơ quan liên quan',
    );
    expect(r.status).toBe('ok');
    if (r.status === 'ok')
      expect(formatDiff(r.parts)).toBe(
        'Ban Tuyên giáo [-Tỉnh ủy chủ trì,-] {+Huyện ủy tham mưu,+} phối hợp với các cơ quan liên quan',
      );
  });

  it('shows the original words, not the folded tokens', () => {
    const r = diffUnits('Quảng Ngãi', 'Quảng Ninh');
    expect(r.status === 'ok' && formatDiff(r.parts)).toBe('Quảng [-Ngãi-] {+Ninh+}');
  });

  describe('given options.maxEditLength', () => {
    it('gives up with a typed result on long dissimilar texts instead of hanging', () => {
      const a = Array.from({ length: 3000 }, (_, i) => `a${i}`).join(' ');
      const b = Array.from({ length: 3000 }, (_, i) => `b${i}`).join(' ');
      const r = diffUnits(a, b, { maxEditLength: 100 });
      expect(r).toEqual({ status: 'gave-up', reason: 'max-edit-length' });
    });
    it('succeeds when the edit fits the budget', () => {
      expect(diffUnits('một hai ba', 'một hai bốn', { maxEditLength: 5 }).status).toBe('ok');
    });
  });

  describe('given options.maxWork', () => {
    it('gives up on long units by counted work, not by time', () => {
      const a = Array.from({ length: 20000 }, (_, i) => `x${i % 97}`).join(' ');
      const b = Array.from({ length: 20000 }, (_, i) => `x${(i * 7) % 89}`).join(' ');
      expect(diffUnits(a, b)).toEqual({ status: 'gave-up', reason: 'max-edit-length' });
      expect(diffUnits(a, b, { maxWork: 1e6 })).toEqual({ status: 'gave-up', reason: 'max-edit-length' });
    });
    it('still diffs long units that differ by a few edits', () => {
      const a = Array.from({ length: 20000 }, (_, i) => `x${i}`).join(' ');
      const r = diffUnits(a, a.replace('x500 ', 'y500 '));
      expect(r.status).toBe('ok');
      if (r.status === 'ok') expect(r.equalTokens).toBe(19999);
    });
  });

  it('property: parts reassemble both sides (equal + removed = A, equal + added = B, on folded syllables)', () => {
    const word = fc.constantFrom(
      'thông',
      'tin',
      'đối',
      'ngoại',
      'hóa',
      'hoá',
      'tỉnh',
      'cửa',
      'khẩu',
      'biên',
      'giới',
      '35',
    );
    const text = fc.array(word, { maxLength: 30 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(text, text, fc.integer({ min: 0, max: 3 }), (a, b, absorb) => {
        const v = new Vocabulary();
        const r = diffTokens(tokenize(a, v), tokenize(b, v), { absorb });
        if (r.status !== 'ok') return false;
        const side = (ops: string[]) =>
          r.parts.filter((p) => ops.includes(p.op)).flatMap((p) => folded(p.text, v));
        expect(side(['equal', 'removed'])).toEqual(folded(a, v));
        expect(side(['equal', 'added'])).toEqual(folded(b, v));
        return true;
      }),
    );
  });
});

describe('determinism under load', () => {
  // Pairs whose budgets run out: with a wall-clock budget their status depended on the machine's load.
  const pairs = [20000, 9000, 3000].map((n) => [
    Array.from({ length: n }, (_, i) => `x${i % 97}`).join(' '),
    Array.from({ length: n }, (_, i) => `x${(i * 7) % 89}`).join(' '),
  ]);
  const run = () => JSON.stringify(pairs.map(([a, b]) => diffUnits(a!, b!)));

  it('gives the same bytes with busy processes on every core', async () => {
    const idle = run();
    const loaded = await withCpuLoad(run);
    expect(loaded).toBe(idle);
    expect(idle).not.toMatch(/timeout/);
  }, 120_000);
});
