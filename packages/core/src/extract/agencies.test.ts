import { describe, expect, it } from 'vitest';
import { readDirective } from '../testing/corpus.ts';
import { findAgencies } from './agencies.ts';

/** The topic's phrases come from the directive file, not from the code. */
const topicPhrases = readDirective().topic?.agencyPhrases ?? [];
const names = (text: string, phrases = topicPhrases) => findAgencies(text, phrases).map((a) => a.text);

describe('findAgencies', () => {
  it('finds named bodies with compound and lower-case parts', () => {
    expect(
      names(
        'Ban Tuyên giáo Tỉnh ủy phối hợp Sở Thông tin và Truyền thông, Ban Chỉ đạo công tác thông tin đối ngoại tỉnh và Bộ Chính trị về',
      ),
    ).toEqual([
      'Ban Tuyên giáo Tỉnh ủy',
      'Sở Thông tin và Truyền thông',
      'Ban Chỉ đạo công tác thông tin đối ngoại tỉnh',
      'Bộ Chính trị',
    ]);
  });

  it("takes the topic's phrases from the directive file: another topic, other names", () => {
    const text =
      'Ban Chỉ đạo công tác thông tin đối ngoại tỉnh; Ban Chỉ đạo phổ biến, giáo dục pháp luật tỉnh';
    expect(names(text, [])).toEqual(['Ban Chỉ đạo', 'Ban Chỉ đạo']);
    expect(names(text)).toEqual(['Ban Chỉ đạo công tác thông tin đối ngoại tỉnh', 'Ban Chỉ đạo']);
    expect(names('Ban Chỉ đạo phổ biến giáo dục pháp luật tỉnh', ['phổ biến giáo dục pháp luật'])).toEqual([
      'Ban Chỉ đạo phổ biến giáo dục pháp luật tỉnh',
    ]);
  });

  it('keeps place names and stops before the verb', () => {
    expect(names('Ban Thường vụ Tỉnh ủy Quảng Ngãi ban hành')).toEqual(['Ban Thường vụ Tỉnh ủy Quảng Ngãi']);
    expect(names('Uỷ ban nhân dân thành phố Lạng Sơn.')).toEqual(['Uỷ ban nhân dân thành phố Lạng Sơn']);
    expect(names('Đài Phát thanh và Truyền hình tỉnh; Ban cán sự đảng Ủy ban nhân dân tỉnh')).toEqual([
      'Đài Phát thanh và Truyền hình tỉnh',
      'Ban cán sự đảng Ủy ban nhân dân tỉnh',
    ]);
  });

  it('does not join two bodies on "và" or read common words as bodies', () => {
    expect(names('Văn phòng Tỉnh ủy và Ban Tuyên giáo Tỉnh ủy')).toEqual([
      'Văn phòng Tỉnh ủy',
      'Ban Tuyên giáo Tỉnh ủy',
    ]);
    expect(names('Báo cáo kết quả Hội nghị; Số 135-KH/TU; Ban hành kèm theo')).toEqual([]);
  });

  it('skips headings and signatures in capitals', () => {
    expect(names('T/M BAN THƯỜNG VỤ PHÓ BÍ THƯ')).toEqual([]);
  });
});
