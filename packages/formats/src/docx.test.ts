import { describe, expect, it } from 'vitest';
import { linesFromHtml } from './docx.ts';

describe('linesFromHtml (mammoth output)', () => {
  it('keeps headings, bold paragraphs, lists and table cells as hints with spans into the text', () => {
    const html =
      '<table><tr><td><p>TỈNH ỦY</p><p>Số 1-KH/TU</p></td><td><p>ĐẢNG CỘNG SẢN VIỆT NAM</p></td></tr></table>' +
      '<h1>KẾ HOẠCH</h1><p><strong>I. MỤC ĐÍCH</strong></p><p>Nội dung &amp; yêu cầu</p>' +
      '<ol><li>Việc một</li><li>Việc hai<ul><li>chi tiết</li></ul></li></ol>';
    const { text, hints } = linesFromHtml(html);
    expect(text.split('\n')).toEqual([
      'TỈNH ỦY',
      'Số 1-KH/TU',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'KẾ HOẠCH',
      'I. MỤC ĐÍCH',
      'Nội dung & yêu cầu',
      '1. Việc một',
      '2. Việc hai',
      '- chi tiết',
      '',
    ]);
    const of = (kind: string) =>
      hints.filter((h) => h.kind === kind).map((h) => text.slice(h.span[0], h.span[1]));
    expect(of('table-cell')).toEqual(['TỈNH ỦY', 'Số 1-KH/TU', 'ĐẢNG CỘNG SẢN VIỆT NAM']);
    expect(of('heading')).toEqual(['KẾ HOẠCH']);
    expect(of('bold')).toEqual(['I. MỤC ĐÍCH']);
    expect(of('list-item')).toEqual(['1. Việc một', '2. Việc hai', '- chi tiết']);
    expect(hints.find((h) => text.slice(h.span[0], h.span[1]) === '- chi tiết')?.level).toBe(2);
  });

  it('keeps empty paragraphs as blank lines between text', () => {
    expect(linesFromHtml('<p>một</p><p></p><p>hai</p><p></p>').text).toBe('một\n\nhai\n');
  });
});
