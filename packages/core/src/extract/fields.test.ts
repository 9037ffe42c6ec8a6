import { describe, expect, it } from 'vitest';
import { findFieldLabels, parseFieldLabel, splitAgencies } from './fields.ts';

describe('parseFieldLabel', () => {
  it('reads a labelled agency line and splits the agencies', () => {
    const line = '- Cơ quan chủ trì: Ban Tuyên giáo Tỉnh ủy; Sở Thông tin và Truyền thông, Sở Ngoại vụ.';
    const f = parseFieldLabel(line)!;
    expect(f).toMatchObject({ field: 'lead-agency', label: 'Cơ quan chủ trì' });
    expect(f.agencies).toEqual(['Ban Tuyên giáo Tỉnh ủy', 'Sở Thông tin và Truyền thông', 'Sở Ngoại vụ']);
    expect(line.slice(f.labelStart, f.labelEnd)).toBe(f.label);
    expect(line.slice(f.valueStart, f.valueStart + f.value.length)).toBe(f.value);
    for (const a of f.agencySpans!) expect(line.slice(a.start, a.end)).toBe(a.value);
  });

  it.each([
    ['Cơ quan chỉ đạo: Ban Thường vụ Tỉnh ủy.', 'directing-agency'],
    ['Cơ quan tham mưu, thực hiện: Ban cán sự đảng Ủy ban nhân dân tỉnh.', 'implementing-agency'],
    ['+ Cơ quan phối hợp: Sở Ngoại vụ', 'coordinating-agency'],
    ['Cơ quan thực hiện: Sở Ngoại vụ', 'implementing-agency'],
    ['Đơn vị chủ trì: Sở Ngoại vụ', 'lead-agency'],
    ['Thời gian thực hiện: Thường xuyên.', 'timing'],
    ['2. Thời gian: ½ ngày, dự kiến trong tháng 9/2023', 'timing'],
    ['Địa điểm: Hội trường Tỉnh ủy', 'place'],
    ['- Điểm cầu cấp tỉnh: Hội trường Thành ủy', 'place'],
    ['Thành phần: Các đồng chí Tỉnh ủy viên', 'attendees'],
    ['Chủ trì: Đồng chí Bí thư Tỉnh ủy', 'chair'],
    ['**Thời gian hoàn thành:** Quý IV/2023', 'timing'],
    ['Nơi nhận:', 'other'],
  ])('%s → %s', (line, field) => {
    expect(parseFieldLabel(line)?.field).toBe(field);
  });

  it('tolerates OCR noise in the label', () => {
    expect(parseFieldLabel('Cơ quan chù trì: Sở Ngoại vụ')).toMatchObject({
      field: 'lead-agency',
      label: 'Cơ quan chù trì',
    });
    expect(parseFieldLabel('Thòi gian hoàn thành: Quý IV/2023')?.deadline).toMatchObject({
      quarter: 'Q4-2023',
    });
  });

  it('reads the deadline of timing fields', () => {
    expect(parseFieldLabel('Thời gian thực hiện: Năm 2024 và những năm tiếp theo.')?.deadline).toEqual({
      text: 'Năm 2024 và những năm tiếp theo',
      iso: '2024',
      ongoing: true,
    });
  });

  it('rejects prose and long sentences with a colon', () => {
    expect(
      parseFieldLabel('Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan'),
    ).toBeUndefined();
    expect(
      parseFieldLabel('Căn cứ vào tình hình thực tế của địa phương các cơ quan đơn vị: triển khai'),
    ).toBeUndefined();
    expect(parseFieldLabel('')).toBeUndefined();
  });
});

describe('splitAgencies', () => {
  it('keeps commas that are inside one name and drops role words', () => {
    expect(
      splitAgencies('các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy; Ban Thường vụ Tỉnh đoàn').map(
        (a) => a.value,
      ),
    ).toEqual(['các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy', 'Ban Thường vụ Tỉnh đoàn']);
    expect(
      splitAgencies(
        'Ban Chỉ đạo Công tác thông tin đối ngoại tỉnh chủ trì, phối hợp với các cơ quan liên quan.',
      ).map((a) => a.value),
    ).toEqual(['Ban Chỉ đạo Công tác thông tin đối ngoại tỉnh', 'các cơ quan liên quan']);
  });
});

describe('findFieldLabels', () => {
  it('finds labels on separate lines with offsets into the text', () => {
    const text =
      'Nội dung nhiệm vụ.\n\nCơ quan chỉ đạo: Ban Thường vụ Tỉnh ủy.\n\nThời gian thực hiện: Thường xuyên.\n';
    const fields = findFieldLabels(text);
    expect(fields.map((f) => f.field)).toEqual(['directing-agency', 'timing']);
    for (const f of fields) {
      expect(text.slice(f.labelStart, f.labelEnd)).toBe(f.label);
      expect(text.slice(f.valueStart, f.valueStart + f.value.length)).toBe(f.value);
    }
  });

  it('finds several known labels in one joined paragraph', () => {
    const text =
      'Nâng cao hiệu quả. Cơ quan chỉ đạo: Ban Thường vụ Tỉnh ủy. Cơ quan tham mưu, thực hiện: Sở Ngoại vụ; Sở Thông tin và Truyền thông. Thời gian thực hiện: Thường xuyên. 2. Tăng cường phối hợp';
    const fields = findFieldLabels(text);
    expect(fields.map((f) => [f.field, f.value])).toEqual([
      ['directing-agency', 'Ban Thường vụ Tỉnh ủy'],
      ['implementing-agency', 'Sở Ngoại vụ; Sở Thông tin và Truyền thông'],
      ['timing', 'Thường xuyên'],
    ]);
  });
});
