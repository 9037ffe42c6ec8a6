import { describe, expect, it } from 'vitest';
import { actorAgencies, deadlinesIn, programmesIn, targetsIn } from './specificity.ts';

describe('targetsIn', () => {
  it('finds percentages and counts with their unit', () => {
    expect(targetsIn('Phấn đấu 100% cán bộ, đảng viên được quán triệt; mở 02 lớp bồi dưỡng')).toEqual([
      '100%',
      '02 lớp bồi',
    ]);
  });
  it('does not take years, dates, document numbers or legal references for targets', () => {
    const text =
      'Thực hiện Kết luận số 57-KL/TW ngày 15/6/2023, Nghị quyết 35 của Bộ Chính trị, Điều 5, năm 2025 và giai đoạn 2023 - 2025';
    expect(targetsIn(text)).toEqual([]);
  });
  it('does not read an item marker as a count', () => {
    expect(targetsIn('1 Tổ chức hội nghị quán triệt')).toEqual([]);
  });
});

describe('deadlinesIn', () => {
  it('finds quarters, dates, years, periods and recurring deadlines', () => {
    const found = deadlinesIn(
      'Hoàn thành trước ngày 30/9/2023; trong quý IV/2023; đến năm 2030; giai đoạn 2023 - 2025; hằng năm báo cáo',
    );
    expect(found.map((d) => d.kind)).toEqual(['date', 'quarter', 'year', 'period', 'recurring']);
  });
  it('does not take the date of a cited document for a deadline', () => {
    expect(deadlinesIn('Thực hiện Kết luận số 57-KL/TW, ngày 15/6/2023 của Bộ Chính trị')).toEqual([]);
  });
});

describe('actorAgencies', () => {
  it('names the body that leads and the bodies that coordinate', () => {
    const found = actorAgencies(
      'Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Sở Thông tin và Truyền thông tổ chức tuyên truyền',
    );
    expect(found).toEqual([
      { name: 'Ban Tuyên giáo Tỉnh ủy', role: 'lead' },
      { name: 'Sở Thông tin và Truyền thông', role: 'coordinating' },
    ]);
  });
  it('does not take a body mentioned in passing for an actor', () => {
    expect(actorAgencies('Tuyên truyền về kết quả hoạt động của Sở Ngoại vụ trên báo chí')).toEqual([]);
  });
});

describe('programmesIn', () => {
  it('finds named programmes and projects, quoted or capitalised', () => {
    expect(
      programmesIn('Triển khai Đề án “Tuyên truyền, quảng bá hình ảnh tỉnh” và Chương trình Chuyển đổi số'),
    ).toEqual(['Đề án “Tuyên truyền, quảng bá hình ảnh tỉnh”', 'Chương trình Chuyển đổi số']);
  });
});
