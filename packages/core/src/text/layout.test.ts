import { describe, expect, it } from 'vitest';
import { rewrap } from '../testing/rewrap.ts';
import { layoutEdits } from './layout.ts';
import { applyEdits, mappedFromSource } from './mapped.ts';

const blocks = (text: string) => applyEdits(mappedFromSource(text), layoutEdits(text).edits).text.split('\n');

describe('layoutEdits', () => {
  it('joins PDF hard wraps, also across blank lines between wrapped lines', () => {
    const pdf = [
      'I. MỤC ĐÍCH, YÊU CẦU ',
      '',
      '- Nâng cao nhận thức, trách nhiệm của cấp ủy, tổ chức đảng, chính quyền ',
      '',
      'các cấp, người đứng đầu, cán bộ, đảng viên và Nhân dân về công tác thông ',
      '',
      'tin đối ngoại trong tình hình mới. ',
      '',
      '- Tăng cường hiệu quả đấu tranh, phản bác luận điệu sai trái, xuyên tạc, thù ',
      '',
      'địch chống phá Đảng, Nhà nước và chế độ. ',
    ].join('\n');
    expect(blocks(pdf)).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU',
      '- Nâng cao nhận thức, trách nhiệm của cấp ủy, tổ chức đảng, chính quyền các cấp, người đứng đầu, cán bộ, đảng viên và Nhân dân về công tác thông tin đối ngoại trong tình hình mới.',
      '- Tăng cường hiệu quả đấu tranh, phản bác luận điệu sai trái, xuyên tạc, thù địch chống phá Đảng, Nhà nước và chế độ.',
    ]);
  });

  it('rejoins a number split at its hyphen ("338-" / "KH/BTGTW")', () => {
    expect(blocks('Kế hoạch số 338-\nKH/BTGTW ngày 15/8/2023.')).toEqual([
      'Kế hoạch số 338-KH/BTGTW ngày 15/8/2023.',
    ]);
  });

  it('drops markdown markers and splits a heading glued to a bold item', () => {
    expect(blocks('I. MỤC ĐÍCH, YÊU CẦU**1. Mục đích**\n\nQuán triệt nghiêm túc.')).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Mục đích',
      'Quán triệt nghiêm túc.',
    ]);
  });

  it('drops rule lines, decorations and page numbers, and reports them', () => {
    const text = 'TỈNH ỦY QUẢNG NGÃI\n*\nSố 222-KH/TU\n-----\nThực hiện Kết luận.\n\n12\n\n- Một.';
    const result = layoutEdits(text);
    expect(result.dropped.map((d) => d.reason)).toEqual(['decoration', 'rule line', 'page number']);
    expect(blocks(text)).toEqual(['TỈNH ỦY QUẢNG NGÃI', 'Số 222-KH/TU', 'Thực hiện Kết luận.', '- Một.']);
  });

  it('keeps header lines apart and starts a block at a labelled field', () => {
    expect(
      blocks('ĐẢNG CỘNG SẢN VIỆT NAM\nQuảng Ngãi, ngày 14 tháng 9 năm 2023\nKẾ HOẠCH\nthực hiện Kết luận'),
    ).toEqual([
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Quảng Ngãi, ngày 14 tháng 9 năm 2023',
      'KẾ HOẠCH',
      'thực hiện Kết luận',
    ]);
    expect(
      blocks(
        '- Tuyên truyền sâu rộng về công tác thông tin đối ngoại trên địa bàn\nCơ quan chủ trì: Sở Ngoại vụ',
      ),
    ).toHaveLength(2);
  });

  it('treats CRLF like LF', () => {
    expect(blocks('- Một hai ba bốn năm sáu bảy tám chín mười một\r\nhai ba.\r\n- Hai.')).toEqual([
      '- Một hai ba bốn năm sáu bảy tám chín mười một hai ba.',
      '- Hai.',
    ]);
  });
});

/**
 * Re-wrapping at any width keeps the blocks: each case is a layout that a wrapping tool makes
 * ambiguous at some width (the next word does not fit, so the break looks like a wrap), after
 * a paragraph long enough for the wrap width to be measured.
 */
describe('layoutEdits: the blocks of a re-wrapped text', () => {
  const paragraph =
    'Các sở, ban, ngành và Ủy ban nhân dân các huyện, thị xã, thành phố căn cứ chức năng, nhiệm vụ được giao chủ động xây dựng kế hoạch cụ thể để triển khai thực hiện, bảo đảm đồng bộ, thống nhất, hiệu quả; định kỳ hằng quý báo cáo kết quả thực hiện về Sở Khoa học và Công nghệ để tổng hợp, báo cáo Ủy ban nhân dân tỉnh theo quy định; trong quá trình thực hiện nếu có khó khăn, vướng mắc, kịp thời phản ánh về Sở Khoa học và Công nghệ để được hướng dẫn, tháo gỡ hoặc tổng hợp, báo cáo cấp có thẩm quyền xem xét, quyết định.';
  const withParagraph = (body: string): string => `${paragraph}\n\n${body}`;
  const unwrapped = (text: string): string[] => {
    const all = blocks(text);
    expect(all[0]).toBe(paragraph);
    return all.slice(1);
  };
  const widths = Array.from({ length: 71 }, (_, k) => 50 + k);
  const expectSameAtEveryWidth = (body: string, expected: string[]): void => {
    expect(unwrapped(withParagraph(body))).toEqual(expected);
    for (const width of widths)
      for (const eol of ['\n', '\r\n'] as const)
        expect(unwrapped(rewrap(withParagraph(body), width, eol)), `at ${width} columns`).toEqual(expected);
  };

  it('rebuilds a table row broken anywhere, also its padded cells and a long delimiter row', () => {
    const table = [
      '| TT  | Chỉ tiêu                                                                  | Đơn vị       | Cơ quan chủ trì theo dõi              | Năm  |',
      '| --- | ------------------------------------------------------------------------- | ------------ | ------------------------------------- | ---- |',
      '| 1   | Tỉ lệ hồ sơ trực tuyến toàn trình trên tổng số hồ sơ thủ tục hành chính   | %            | Văn phòng Ủy ban nhân dân tỉnh        | 2025 |',
      '| 2   | Xây dựng đề án nghiên cứu, thử nghiệm các sản phẩm, dịch vụ số dùng chung  |              |                                       | 2026 |',
      '| 3   | Số doanh nghiệp công nghệ số trên một nghìn dân                            | Doanh nghiệp | Sở Thông tin và Truyền thông          | 2030 |',
    ].join('\n');
    const rows = blocks(table).map((row) => row.replace(/\s+/g, ' '));
    expect(rows).toHaveLength(5);
    expectSameAtEveryWidth(table, blocks(table));
  });

  it('keeps a table whose delimiter row follows a header made of separate pieces', () => {
    const header = [
      '| BAN CHỈ ĐẠO TỈNH VỀ KHOA HỌC, CÔNG NGHỆ VÀ ĐỔI MỚI SÁNG TẠO ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |',
      '|---|---|',
      '| Số: 15/KH-BCĐ | Quảng Ngãi, ngày 10 tháng 01 năm 2025 |',
    ].join('\n');
    expectSameAtEveryWidth(header, blocks(header));
    expect(blocks(header)).toHaveLength(3);
  });

  it('tells abbreviations in capitals ("KHCN, ĐMST", "NQ 66/NQ-CP") from a heading in capitals', () => {
    expectSameAtEveryWidth(
      [
        '6. Tăng cường phối hợp giữa các sở, ngành trong triển khai các nội dung về KHCN, ĐMST, CĐS.',
        '- Ban hành Nghị định số 15/2025/NĐ-CP (10/02/2025), NQ 12/NQ-CP (26/3/2025) và các văn bản hướng dẫn.',
      ].join('\n'),
      [
        '6. Tăng cường phối hợp giữa các sở, ngành trong triển khai các nội dung về KHCN, ĐMST, CĐS.',
        '- Ban hành Nghị định số 15/2025/NĐ-CP (10/02/2025), NQ 12/NQ-CP (26/3/2025) và các văn bản hướng dẫn.',
      ],
    );
  });

  it('continues a heading in capitals cut by a wrap, and ends it before a sentence or a note', () => {
    expectSameAtEveryWidth(
      [
        '## Phụ lục 2: DANH MỤC CÁC NHIỆM VỤ TRỌNG TÂM THỰC HIỆN KẾ HOẠCH SỐ 15-KH/UBND CỦA ỦY BAN NHÂN DÂN TỈNH NĂM 2025',
        '*(Kèm theo Kế hoạch số 15-KH/UBND ngày 10 tháng 01 năm 2025 của Ủy ban nhân dân tỉnh)*',
        '',
        'B. Ý KIẾN GÓP Ý ĐỐI VỚI DỰ THẢO CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI',
        'Ý kiến góp ý cụ thể của các sở, ngành tại phụ lục kèm theo văn bản này.',
      ].join('\n'),
      [
        'Phụ lục 2: DANH MỤC CÁC NHIỆM VỤ TRỌNG TÂM THỰC HIỆN KẾ HOẠCH SỐ 15-KH/UBND CỦA ỦY BAN NHÂN DÂN TỈNH NĂM 2025',
        '(Kèm theo Kế hoạch số 15-KH/UBND ngày 10 tháng 01 năm 2025 của Ủy ban nhân dân tỉnh)',
        'B. Ý KIẾN GÓP Ý ĐỐI VỚI DỰ THẢO CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI',
        'Ý kiến góp ý cụ thể của các sở, ngành tại phụ lục kèm theo văn bản này.',
      ],
    );
  });

  it('keeps a line in emphasis apart from a note in emphasis, and an open bracket or emphasis open', () => {
    expectSameAtEveryWidth(
      [
        '**II/ Các nhiệm vụ thường xuyên, định kỳ hằng năm của các sở, ban, ngành và địa phương**',
        '*(Các nhiệm vụ này được cập nhật hằng quý. Các cột chính là: STT, NHIỆM VỤ, CƠ QUAN CHỦ TRÌ, THỜI HẠN HOÀN THÀNH, TIẾN ĐỘ, KẾT QUẢ HIỆN NAY)*',
        '*   **Ví dụ mục 2:** Xây dựng chính sách hợp tác công tư cho khoa học, công nghệ. *Đề xuất:* Điều chỉnh thời hạn hoàn thành là tháng 9/2025.',
      ].join('\n'),
      [
        'II/ Các nhiệm vụ thường xuyên, định kỳ hằng năm của các sở, ban, ngành và địa phương',
        '(Các nhiệm vụ này được cập nhật hằng quý. Các cột chính là: STT, NHIỆM VỤ, CƠ QUAN CHỦ TRÌ, THỜI HẠN HOÀN THÀNH, TIẾN ĐỘ, KẾT QUẢ HIỆN NAY)',
        '- Ví dụ mục 2: Xây dựng chính sách hợp tác công tư cho khoa học, công nghệ. *Đề xuất:* Điều chỉnh thời hạn hoàn thành là tháng 9/2025.',
      ],
    );
  });

  it('starts the next number of the numbering as an item where the line above has no full stop', () => {
    expectSameAtEveryWidth(
      [
        '**II. Kết quả rà soát các nhiệm vụ chậm tiến độ của các sở, ban, ngành**',
        '1. Đề nghị điều chỉnh thời hạn của 03 nhiệm vụ thuộc danh mục các nhiệm vụ chưa hoàn thành',
        '2. Đề nghị bổ sung các nhiệm vụ về chuyển đổi số trong quản lý nhà nước ở cấp huyện và cấp xã',
        'a) Nhiệm vụ xây dựng cơ sở dữ liệu dùng chung của tỉnh về đất đai, dân cư và doanh nghiệp',
        'b) Nhiệm vụ kết nối, chia sẻ dữ liệu với các cơ sở dữ liệu quốc gia theo hướng dẫn của các bộ',
      ].join('\n'),
      [
        'II. Kết quả rà soát các nhiệm vụ chậm tiến độ của các sở, ban, ngành',
        '1. Đề nghị điều chỉnh thời hạn của 03 nhiệm vụ thuộc danh mục các nhiệm vụ chưa hoàn thành',
        '2. Đề nghị bổ sung các nhiệm vụ về chuyển đổi số trong quản lý nhà nước ở cấp huyện và cấp xã',
        'a) Nhiệm vụ xây dựng cơ sở dữ liệu dùng chung của tỉnh về đất đai, dân cư và doanh nghiệp',
        'b) Nhiệm vụ kết nối, chia sẻ dữ liệu với các cơ sở dữ liệu quốc gia theo hướng dẫn của các bộ',
      ],
    );
  });

  it('keeps an enumeration inside a sentence, and a number after the noun that takes it, in the sentence', () => {
    const lines = [
      '- Hiện nay, các loại giấy tờ đã được tích hợp trên ứng dụng định danh điện tử gồm: (1) Giấy khai sinh; (2) Giấy phép lái xe; (3) Căn cước công dân; (4) Đăng ký xe; (5) Thẻ bảo hiểm y tế.',
      '- Sở Ngoại vụ chủ trì, phối hợp với các cơ quan liên quan: (i) hỗ trợ kiều bào tham gia giảng dạy trực tuyến; (ii) tổ chức diễn đàn đổi mới sáng tạo; (iii) kết nối các trung tâm nghiên cứu.',
      '- Đề nghị đưa nhiệm vụ ra khỏi danh mục các nhiệm vụ chưa hoàn thành quy định tại mục 3 Phần II. Lý do: nhiệm vụ đang thực hiện theo lộ trình.',
    ];
    expectSameAtEveryWidth(lines.join('\n'), lines);
  });

  it('reads a dash item after a line with no stop as a sibling only in a list whose items have no stops', () => {
    const bare = [
      '- Tháo gỡ các khó khăn, vướng mắc, tạo hành lang pháp lý thuận lợi cho khoa học và công nghệ',
      '- Đơn giản hóa thủ tục hành chính, đẩy mạnh phân cấp, phân quyền trong công tác quản lý nhà nước',
      '- Tập trung nguồn lực đầu tư từ ngân sách nhà nước cho khoa học, công nghệ và đổi mới sáng tạo',
    ];
    expectSameAtEveryWidth(bare.join('\n'), bare);
    const stops = [
      '- Thời gian: Dự kiến tổ chức trong tháng 10 năm 2025, thời gian cụ thể sẽ có thông báo sau.',
      '- Địa điểm: Điểm cầu cấp tỉnh dự kiến tại Hội trường Tỉnh ủy - Ủy ban nhân dân tỉnh Quảng Ngãi.',
      '- Thành phần: Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy và lãnh đạo các sở, ban, ngành.',
    ];
    expectSameAtEveryWidth(stops.join('\n'), stops);
  });

  it('drops a part label glued to a sentence also where a wrap left its "#" behind', () => {
    const glued =
      '- Vận động các tầng lớp nhân dân chăm lo đời sống vật chất và tinh thần người có công với cách mạng.# 12_2020_QĐ_UBND_phu_luc_2';
    expectSameAtEveryWidth(glued, [
      '- Vận động các tầng lớp nhân dân chăm lo đời sống vật chất và tinh thần người có công với cách mạng.',
    ]);
  });
});
