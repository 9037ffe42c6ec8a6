/**
 * Every string the report prints, in Vietnamese (the default, as in the
 * viewer) and English. The Vietnamese wording follows the viewer's
 * (web/src/i18n.ts: "Mức độ bao phủ", "đã cụ thể hóa thành nhiệm vụ",
 * "độ đặc thù", "đoạn trùng nguyên văn", …); the table is the report's own
 * so that the viewer's bundle and the Node report do not depend on each
 * other. `{name}` placeholders are filled by `rt`; a key ending in `.one`
 * is the singular form `rtn` picks when the count is 1.
 */

export type ReportLang = 'vi' | 'en';
export const REPORT_LANGS: readonly ReportLang[] = ['vi', 'en'];
export const DEFAULT_REPORT_LANG: ReportLang = 'vi';

const vi = {
  title: '{directive}: các địa phương triển khai như thế nào',
  lead: 'Cách {n} kế hoạch của địa phương triển khai {title} ({id}, {issuer}, {date}).',
  contents: 'Mục lục',
  // sections
  'section.summary': 'Tổng quan toàn bộ kho văn bản',
  'section.coverage': 'Mức độ bao phủ các nhóm nhiệm vụ',
  'section.provinces': 'Mức độ bao phủ theo tỉnh, thành phố',
  'section.plans': 'Các kế hoạch',
  'section.additions': 'Nội dung bổ sung của các kế hoạch',
  'section.omissions': 'Nội dung còn thiếu so với các kế hoạch khác',
  'section.reuse': 'Nội dung dùng lại giữa các kế hoạch',
  'section.profiles': 'Hồ sơ triển khai',
  'section.method': 'Phương pháp',
  'section.evaluation': 'Đánh giá độ chính xác',
  // statuses
  'status.operationalised': 'đã cụ thể hóa thành nhiệm vụ',
  'status.mentioned': 'chỉ nhắc đến',
  'status.absent': 'không có',
  'statusLong.operationalised':
    'đã cụ thể hóa thành nhiệm vụ: có nhiệm vụ với cơ quan chủ trì, chủ thể thực hiện hoặc thời hạn',
  'statusLong.mentioned': 'chỉ nhắc đến: nội dung không giao cho ai thực hiện',
  'statusLong.absent': 'không có: không đoạn nào phục vụ nhóm',
  // plan names and descriptions
  'kind.implementation': 'kế hoạch thực hiện',
  'kind.study-and-dissemination': 'kế hoạch học tập, quán triệt',
  'kind.conference': 'kế hoạch hội nghị',
  'kind.other': 'kế hoạch khác',
  'level.province': 'cấp tỉnh',
  'level.district': 'cấp huyện',
  'level.commune': 'cấp xã',
  'level.central': 'trung ương',
  'level.unknown': 'không rõ cấp',
  unnamedDistrict: 'Huyện (không rõ tên)',
  unknownPlace: 'Không rõ địa phương',
  // heatmap
  heatmapTitle: 'Mức độ bao phủ các nhóm nhiệm vụ',
  heatmapNotCiting: '⚠ không trích dẫn {directive}',
  heatmapCitesInstead: ' · trích dẫn {doc}',
  heatmapCell: '{plan} · {group}: {status}, {share} nội dung, {units} đoạn ({op} là nhiệm vụ)',
  legendShare: 'tỉ lệ nội dung của kế hoạch phục vụ nhóm',
  legendOperationalised: 'đã cụ thể hóa thành nhiệm vụ (có cơ quan, chủ thể hoặc thời hạn)',
  coverageNote:
    'Màu: tỉ lệ nội dung của kế hoạch nằm trong các đoạn phục vụ nhóm. Ký hiệu: {op}; {me}; {ab}.',
  totals:
    'Trong {n} kế hoạch trích dẫn {directive}, số kế hoạch đã cụ thể hóa thành nhiệm vụ / có nhắc đến từng nhóm: {totals}.',
  totalsRow: '{n} kế hoạch trích dẫn {directive}: đã cụ thể hóa / có nhắc đến',
  totalsLeftOut: ' {n} kế hoạch đánh dấu ⚠ không trích dẫn {directive} nên không được tính.',
  // not citing
  notCitingCorpus:
    '⚠ {n} trong {total} kế hoạch không trích dẫn {directive}: {list}. Mức độ bao phủ của các kế hoạch này vẫn được trình bày, có dấu ⚠, nhưng không tính vào tổng của toàn bộ kho văn bản.',
  notCitingItem: '{plan} ({instead})',
  citesDocs: 'trích dẫn {docs}',
  listCitesNothing: 'không trích dẫn văn bản chỉ đạo nào',
  citesNoDirective: 'kế hoạch không trích dẫn văn bản chỉ đạo nào',
  notCitingPlan:
    '⚠ Kế hoạch này {reason}. Mức độ bao phủ của kế hoạch chỉ để tham khảo, không tính vào tổng của toàn bộ kho văn bản.',
  notCitingReason: 'không trích dẫn {directive}; {parts}',
  citesConfusable: 'kế hoạch trích dẫn {docs}, cùng số hiệu nhưng là văn bản khác',
  citesOther: 'kế hoạch trích dẫn {docs}',
  citesAlso: 'kế hoạch cũng trích dẫn {docs}',
  // summary (large corpus)
  summaryIntro:
    'Kho văn bản có {n} kế hoạch của {p} tỉnh, thành phố ({levels}). Báo cáo này là bản tóm tắt: mỗi tỉnh, thành phố có một mục với các kế hoạch của mình; các bảng đầy đủ nằm trong các tệp CSV (doichieu export).',
  levelCount: '{n} kế hoạch {level}',
  provinceTable:
    'Mỗi dòng cộng gộp các kế hoạch của một tỉnh, thành phố (cấp tỉnh và các huyện): số kế hoạch đã cụ thể hóa thành nhiệm vụ / số kế hoạch có nhắc đến từng nhóm; màu càng đậm, tỉ lệ kế hoạch đã cụ thể hóa càng cao.',
  province: 'Tỉnh, thành phố',
  plansCount: 'Số kế hoạch',
  noProvince: 'Không rõ tỉnh',
  provincePlans: '{n} kế hoạch; số kế hoạch đã cụ thể hóa thành nhiệm vụ / có nhắc đến từng nhóm: {totals}.',
  provinceTopAdditions: 'Nội dung bổ sung đặc thù nhất',
  provinceTopOmissions: 'Nội dung còn thiếu thường gặp nhất',
  provinceTopPairs: 'Các cặp kế hoạch giống nhau nhất',
  provincePairsNote: 'Độ tương đồng của từng cặp: pairs.csv và similarity.csv.',
  plansOfProvince: 'Số kế hoạch thiếu',
  // plan table
  'col.plan': 'Kế hoạch',
  'col.kind': 'Loại kế hoạch',
  'col.level': 'Cấp',
  'col.date': 'Ngày',
  'col.units': 'Số đoạn',
  'col.content': 'Đoạn nội dung',
  'col.labelled': 'Đoạn có nhóm',
  'col.encoding': 'Mã hóa tệp nguồn',
  'col.repairs': 'Sửa lỗi',
  'col.group': 'Nhóm nhiệm vụ',
  'col.status': 'Trạng thái',
  'col.share': 'Tỉ lệ',
  'col.unitsTasks': 'Đoạn / nhiệm vụ',
  'col.strongest': 'Đoạn tiêu biểu nhất',
  'col.element': 'Nội dung còn thiếu',
  'col.carriedBy': 'Có ở các kế hoạch',
  'col.inDirective': 'Có trong văn bản chỉ đạo',
  'col.example': 'Ví dụ ở kế hoạch khác',
  'col.planA': 'Kế hoạch A',
  'col.planB': 'Kế hoạch B',
  'col.similarity': 'Độ tương đồng',
  'col.pairs': 'Cặp đoạn tương ứng',
  'col.sharedPassages': 'Đoạn trùng nguyên văn',
  'col.sharedSyllables': 'Số âm tiết trùng',
  'col.plans': 'Hai kế hoạch',
  'col.syllables': 'Số âm tiết',
  'col.sharedText': 'Đoạn trùng (đã chuẩn hóa)',
  'col.topTerms': 'Từ ngữ đặc trưng',
  'col.system': 'Hệ thống',
  'col.exactMatch': 'Khớp hoàn toàn',
  'col.support': 'Số đoạn gán tay',
  'col.predicted': 'Số đoạn dự đoán',
  'col.precision': 'Độ chính xác (P)',
  'col.recall': 'Độ phủ (R)',
  'col.baselineF1': 'F1 của mốc so sánh',
  'col.finding': 'Kết quả',
  'col.howComputed': 'Cách tính',
  'col.vietnamese': 'Tiếng Việt',
  'col.english': 'Tiếng Anh',
  yes: 'có',
  no: 'không',
  none: 'không có',
  // plan section
  planMeta: '{body}{signer}. {units} đoạn, {content} đoạn có nội dung. Viện dẫn: {refs}.{agencies}',
  signedBy: ', người ký: {signer}',
  citesNothing: 'không có',
  agenciesNamed: ' Cơ quan được giao: {agencies}.',
  planLine: 'Kế hoạch {parts}.',
  turnsInto: 'cụ thể hóa thành nhiệm vụ các nhóm {groups}',
  turnsNone: 'không cụ thể hóa nhóm nào thành nhiệm vụ',
  onlyMentions: 'chỉ nhắc đến {groups}',
  leavesOut: 'không có {groups}',
  // findings
  noFindings: '{what}: chưa có, vì phân tích này không có kết quả so sánh (bước so sánh chưa chạy).',
  'what.additions': 'Nội dung bổ sung',
  'what.omissions': 'Nội dung còn thiếu',
  'what.reuse': 'Nội dung dùng lại và độ tương đồng',
  noAdditions: 'Không kế hoạch nào có nội dung không tìm thấy ở văn bản chỉ đạo hay kế hoạch khác.',
  additionsIntro:
    'Với mỗi kế hoạch, {n} cụm nội dung bổ sung đặc thù nhất, xếp theo độ đặc thù như lệnh additions và trình xem. Mọi cụm có trong csv/additions.csv.',
  'explain.specificity':
    'Độ đặc thù: mức mới × trung bình G² của ba từ khóa chính của cụm (số lần trong kế hoạch này so với phần còn lại của kho); xếp từ cao xuống.',
  'explain.novelty':
    'Mức mới: tỉ lệ âm tiết của đoạn không có trong văn bản chỉ đạo hay kế hoạch khác (0–1).',
  'explain.g2':
    'G²: thống kê log-likelihood (Dunning); càng cao thì từ ngữ càng tập trung ở kế hoạch này so với phần còn lại. Trên 3,84 là có ý nghĩa ở mức 5%.',
  'explain.share': 'Tỉ lệ: phần ký tự nội dung của kế hoạch nằm trong các đoạn phục vụ nhóm.',
  groupN: 'nhóm {group}',
  clusterMeta: '{group} · độ đặc thù {specificity} · mức mới {novelty} · {n} đoạn',
  noGroup: 'không thuộc nhóm nào',
  keyTerms: 'Từ khóa: {terms}',
  morePassages: '… và {n} đoạn khác',
  moreClusters: '… còn {n} cụm khác của {plan} trong csv/additions.csv',
  noOmissions: 'Không tìm thấy nội dung còn thiếu.',
  omissionsIntro:
    'Với mỗi kế hoạch, tối đa {n} nội dung mà văn bản chỉ đạo hoặc nhiều kế hoạch khác có nhưng kế hoạch này không có, theo nhóm nhiệm vụ, nội dung có ở nhiều kế hoạch nhất trước. Mọi nội dung có trong csv/omissions.csv.',
  moreOmissions: '… còn {n} nội dung khác của {plan} trong csv/omissions.csv',
  morePlans: ' (và {n} kế hoạch khác)',
  similarityMatrix: 'Độ tương đồng giữa các kế hoạch',
  pairsCompared: 'Các cặp kế hoạch đã so sánh',
  noPairs: 'Chưa so sánh cặp kế hoạch nào.',
  longestReuse: 'Các đoạn trùng nguyên văn dài nhất',
  noReuse: 'Không có đoạn nào trùng nguyên văn.',
  keynessTitle: 'Từ ngữ đặc trưng của từng kế hoạch (G² so với các kế hoạch khác)',
  // profiles
  'profile.lag': 'Độ trễ (ngày)',
  'profile.restated': 'Nhắc lại',
  'profile.own': 'Nội dung riêng',
  'profile.vertical': 'Theo cấp trên',
  'profile.horizontal': 'Theo tỉnh khác',
  'profile.boilerplate': 'Khuôn mẫu chung',
  'profile.depth': '{group}: mức',
  'profile.unknown': 'không rõ',
  profileNote:
    'Độ trễ: số ngày từ văn bản chỉ đạo đến kế hoạch (một khoảng khi chỉ biết tháng); * ngày đọc từ văn bản, chưa được danh mục xác nhận. Nhắc lại / nội dung riêng: phần nội dung nhắc lại văn bản chỉ đạo / của riêng kế hoạch. Theo cấp trên / theo tỉnh khác / khuôn mẫu chung: phần dùng lại từ kế hoạch cấp trên trong tỉnh, từ tỉnh khác, từ phần nhắc lại chung. Mức của mỗi nhóm: 0 không có, 1 chỉ nhắc đến, 2 có nhiệm vụ, 3 có cơ quan chủ trì, 4 có cơ quan chủ trì và thời hạn. Định nghĩa: docs/measures.md; từng số liệu và các đoạn phía sau: doichieu profile KẾ_HOẠCH.',
  moreProfiles: 'Còn {n} kế hoạch khác trong plan-level.csv (doichieu export).',
  citationChecks: 'Kiểm tra trích dẫn',
  noCitationIssue: 'Không thấy trích dẫn nào không nhất quán.',
  'check.date-differs': '{docs} được trích dẫn với các ngày khác nhau',
  'check.date-mismatch': '{docs} được trích dẫn với ngày khác ngày đã biết của văn bản',
  'check.number-differs': 'cùng một văn bản được trích dẫn với các số hiệu khác nhau: {docs}',
  'check.guidance-not-in-level-above':
    'trích dẫn hướng dẫn {docs}, văn bản mà kế hoạch cấp trên không nhắc đến',
  // method
  methodAligner:
    'Mỗi đoạn văn của mỗi kế hoạch được gán các nhóm nhiệm vụ của văn bản chỉ đạo bằng một mô hình học có giám sát (hồi quy logistic một-với-phần-còn-lại trên các n-gram âm tiết, điểm cụm từ của văn bản chỉ đạo ở đoạn và tiêu đề mục, phần văn bản và loại đoạn). Mô hình {model}được huấn luyện một lần trên {n} đoạn gán nhãn tay và dùng chung cho mọi kho văn bản. Một đoạn được gán mọi nhóm có điểm vượt ngưỡng; tiêu đề, phần đầu, nơi nhận và chữ ký không được gán.',
  modelRef: '({ref}) ',
  methodRelative:
    'Nhóm nhiệm vụ và mức độ bao phủ chỉ phụ thuộc vào từng kế hoạch và mô hình. Độ tương đồng, nội dung bổ sung, còn thiếu, dùng lại và từ ngữ đặc trưng là tương đối: đo so với các kế hoạch khác trong cùng phân tích.',
  methodCoverage:
    'Mức độ bao phủ: với mỗi kế hoạch và nhóm, tỉ lệ nội dung của kế hoạch nằm trong các đoạn phục vụ nhóm, và một trạng thái:',
  methodGroups: 'Các nhóm nhiệm vụ của văn bản chỉ đạo:',
  methodFindings: 'Cách tính các kết quả so sánh:',
  'finding.similarity':
    'Độ tương đồng: hệ số Jaccard giữa các tập 3-gram âm tiết (bỏ dấu) của phần nội dung hai kế hoạch.',
  'finding.candidates':
    'Các cặp được so sánh: mọi cặp khi kho nhỏ; với kho lớn, mỗi kế hoạch với kế hoạch cấp trên trong tỉnh và các kế hoạch cùng cấp gần nhất.',
  'finding.additions':
    'Nội dung bổ sung: các âm tiết không nằm trong 4-gram nào của văn bản chỉ đạo hay của kế hoạch khác, gom thành cụm, đặt tên bằng các từ ngữ trọn vẹn thường gặp trong cụm và hiếm ở kế hoạch khác.',
  'finding.omissions':
    'Nội dung còn thiếu: các từ ngữ đặc trưng của một nhóm (G²) có trong văn bản chỉ đạo hoặc ở ít nhất một nửa các kế hoạch khác mà kế hoạch này không có.',
  'finding.reuse':
    'Đoạn trùng nguyên văn: các chuỗi từ 12 âm tiết trở lên giống hệt nhau giữa hai đoạn; bỏ qua chuỗi chỉ gồm lời văn của văn bản chỉ đạo, đánh dấu khuôn mẫu khi chuỗi có ở hầu hết các kế hoạch.',
  'finding.keyness':
    'Từ ngữ đặc trưng: thống kê log-likelihood G² của các từ ngữ trọn vẹn trong kế hoạch so với phần còn lại của kho.',
  spansNote:
    'Vị trí (span) là chỉ số UTF-16 trong văn bản đã giải mã của từng kế hoạch; mã đoạn gồm mã kế hoạch và đường dẫn các số thứ tự mục.',
  // evaluation
  noEvaluation: 'Chưa có đánh giá: phân tích chạy không có dữ liệu gán nhãn tay (hoặc với --no-evaluate).',
  protocol:
    'Cách đánh giá: kiểm định chéo bỏ ra từng kế hoạch: các đoạn của mỗi kế hoạch được gán nhãn bằng một mô hình chỉ huấn luyện trên dữ liệu gán tay của các kế hoạch khác.',
  recorded: ' Số liệu của mô hình {model}, ghi lại khi xây dựng mô hình (doichieu evaluate tính lại).',
  'system.engine': 'mô hình có giám sát',
  'system.lexical': 'chỉ lớp từ vựng',
  'system.baseline': 'mốc so sánh (cosin TF-IDF)',
  // footer
  footer: '{tool} {version}{generated} · {n} kế hoạch',
  generated: ' · lập ngày {date}',
};

export type ReportKey = keyof typeof vi;
export const REPORT_KEYS = Object.keys(vi) as readonly ReportKey[];

const en: Record<ReportKey, string> = {
  title: '{directive}: how the local plans implement it',
  lead: 'How {n} local plans implement {title} ({id}, {issuer}, {date}).',
  contents: 'Contents',
  'section.summary': 'The corpus at a glance',
  'section.coverage': 'Coverage of the task groups',
  'section.provinces': 'Coverage by province',
  'section.plans': 'The plans',
  'section.additions': 'What plans add',
  'section.omissions': 'What plans leave out',
  'section.reuse': 'Reuse between plans',
  'section.profiles': 'Implementation profiles',
  'section.method': 'Method',
  'section.evaluation': 'Evaluation',
  'status.operationalised': 'operationalised as tasks',
  'status.mentioned': 'only mentioned',
  'status.absent': 'absent',
  'statusLong.operationalised': 'operationalised: a task with a lead agency, an actor or a timing',
  'statusLong.mentioned': 'only mentioned: carried by content that charges nobody',
  'statusLong.absent': 'absent: no unit carries the group',
  'kind.implementation': 'implementation plan',
  'kind.study-and-dissemination': 'study and dissemination plan',
  'kind.conference': 'conference plan',
  'kind.other': 'other plan',
  'level.province': 'province level',
  'level.district': 'district level',
  'level.commune': 'commune level',
  'level.central': 'central level',
  'level.unknown': 'level unknown',
  unnamedDistrict: 'District (not named)',
  unknownPlace: 'Unknown place',
  heatmapTitle: 'Coverage of the task groups',
  heatmapNotCiting: '⚠ does not cite {directive}',
  heatmapCitesInstead: ' · cites {doc}',
  heatmapCell: '{plan} · {group}: {status}, {share} of content text, {units} units ({op} tasks)',
  legendShare: "share of the plan's content text",
  legendOperationalised: 'operationalised (task with agency, actor or timing)',
  coverageNote:
    "Shade: share of the plan's content text in units that carry the group. Mark: {op}; {me}; {ab}.",
  totals: 'Of the {n} plans citing {directive}, how many operationalise / carry each group: {totals}.',
  totalsRow: 'plans citing {directive} ({n}): operationalise / carry',
  totalsLeftOut: ' The {n} plans marked ⚠ do not cite {directive} and are not counted.',
  notCitingCorpus:
    '⚠ {n} of the {total} plans do not cite {directive}: {list}. Their coverage is shown, marked ⚠, and is not counted in corpus totals.',
  notCitingItem: '{plan} ({instead})',
  citesDocs: 'cites {docs}',
  listCitesNothing: 'cites no directive',
  citesNoDirective: 'it cites no directive',
  notCitingPlan:
    '⚠ This plan {reason}. Its coverage is shown for information and is not counted in corpus totals.',
  notCitingReason: 'does not cite {directive}; {parts}',
  citesConfusable: 'it cites {docs}, the same number for another document',
  citesOther: 'it cites {docs}',
  citesAlso: 'it also cites {docs}',
  summaryIntro:
    'The corpus has {n} plans of {p} provinces ({levels}). This report is a summary: one section per province with its plans; the full tables are in the CSV files (doichieu export).',
  levelCount: '{n} at {level}',
  provinceTable:
    'Each row adds up the plans of one province (the province and its districts): plans that operationalise / plans that carry each group; the darker, the larger the share that operationalise it.',
  province: 'Province',
  plansCount: 'Plans',
  noProvince: 'Province unknown',
  provincePlans: '{n} plans; plans that operationalise / carry each group: {totals}.',
  provinceTopAdditions: 'Most specific additions',
  provinceTopOmissions: 'Most frequent omissions',
  provinceTopPairs: 'Most similar pairs of plans',
  provincePairsNote: 'The similarity of every pair: pairs.csv and similarity.csv.',
  plansOfProvince: 'Plans lacking it',
  'col.plan': 'Plan',
  'col.kind': 'Kind of plan',
  'col.level': 'Level',
  'col.date': 'Date',
  'col.units': 'Units',
  'col.content': 'Content units',
  'col.labelled': 'Labelled units',
  'col.encoding': 'Source encoding',
  'col.repairs': 'Repairs',
  'col.group': 'Task group',
  'col.status': 'Status',
  'col.share': 'Share',
  'col.unitsTasks': 'Units / tasks',
  'col.strongest': 'Strongest unit',
  'col.element': 'Element left out',
  'col.carriedBy': 'Carried by',
  'col.inDirective': 'In the directive',
  'col.example': 'Example elsewhere',
  'col.planA': 'Plan A',
  'col.planB': 'Plan B',
  'col.similarity': 'Similarity',
  'col.pairs': 'Paired units',
  'col.sharedPassages': 'Shared passages',
  'col.sharedSyllables': 'Shared syllables',
  'col.plans': 'Plans',
  'col.syllables': 'Syllables',
  'col.sharedText': 'Shared text (normalised)',
  'col.topTerms': 'Top terms',
  'col.system': 'System',
  'col.exactMatch': 'Exact match',
  'col.support': 'Support',
  'col.predicted': 'Predicted',
  'col.precision': 'Precision',
  'col.recall': 'Recall',
  'col.baselineF1': 'Baseline F1',
  'col.finding': 'Finding',
  'col.howComputed': 'How it is computed',
  'col.vietnamese': 'Vietnamese',
  'col.english': 'English',
  yes: 'yes',
  no: 'no',
  none: 'none',
  planMeta: '{body}{signer}. {units} units, {content} with content. Cites {refs}.{agencies}',
  signedBy: ', signed {signer}',
  citesNothing: 'nothing',
  agenciesNamed: ' Agencies named: {agencies}.',
  planLine: 'The plan {parts}.',
  turnsInto: 'turns {groups} into tasks',
  turnsNone: 'turns no group into a task',
  onlyMentions: 'only mentions {groups}',
  leavesOut: 'leaves out {groups}',
  noFindings: '{what} not available: this analysis has no findings (the diff stage did not run).',
  'what.additions': 'Additions',
  'what.omissions': 'Omissions',
  'what.reuse': 'Reuse and similarity',
  noAdditions: 'No plan adds content without a counterpart elsewhere.',
  additionsIntro:
    'Per plan, the {n} most specific addition clusters, ranked by specificity as the additions command and the viewer list them. Every cluster is in csv/additions.csv.',
  'explain.specificity':
    'Specificity: novelty × the mean G² of the cluster’s top three key terms (their count in this plan against the rest of the corpus); highest first.',
  'explain.novelty':
    'Novelty: the share of the passage’s syllables found neither in the directive nor in another plan (0–1).',
  'explain.g2':
    'G²: log-likelihood (Dunning); the higher, the more the term is concentrated in this plan against the rest. Above 3.84 is significant at 5%.',
  'explain.share': 'Share: the part of the plan’s content characters in units that serve the group.',
  groupN: 'group {group}',
  clusterMeta: '{group} · specificity {specificity} · novelty {novelty} · {n} passages',
  noGroup: 'no task group',
  keyTerms: 'Key terms: {terms}',
  morePassages: '… and {n} more passages',
  moreClusters: '… {n} more clusters of {plan} in csv/additions.csv',
  noOmissions: 'No omissions found.',
  omissionsIntro:
    'Per plan, at most {n} elements that the directive or many other plans carry and this plan does not, by task group, those carried by the most plans first. Every element is in csv/omissions.csv.',
  moreOmissions: '… {n} more elements left out by {plan} in csv/omissions.csv',
  morePlans: ' (and {n} more plans)',
  similarityMatrix: 'Similarity of whole plans',
  pairsCompared: 'Plan pairs compared',
  noPairs: 'No plan pairs were compared.',
  longestReuse: 'Longest passages shared word for word',
  noReuse: 'No passage is shared word for word.',
  keynessTitle: 'Key terms of each plan (G² against the other plans)',
  'profile.lag': 'Lag (days)',
  'profile.restated': 'Restated',
  'profile.own': 'Own',
  'profile.vertical': 'Vertical',
  'profile.horizontal': 'Horizontal',
  'profile.boilerplate': 'Boilerplate',
  'profile.depth': '{group} depth',
  'profile.unknown': 'unknown',
  profileNote:
    'Lag: days from the directive to the plan (an interval where only the month is known); * date read from the document, not confirmed in the manifest. Restated / own: share of the content restating the directive / the plan’s own. Vertical / horizontal / boilerplate: share reused from the level above in its province, from other provinces, from the common restatement. Depth per group: 0 absent, 1 mentioned, 2 tasks, 3 with a named agency, 4 with an agency and a deadline. Definitions: docs/measures.md; every figure with its units: doichieu profile PLAN.',
  moreProfiles: '{n} more plans in plan-level.csv (doichieu export).',
  citationChecks: 'Citation checks',
  noCitationIssue: 'No inconsistent citation found.',
  'check.date-differs': '{docs} is cited with different dates',
  'check.date-mismatch': '{docs} is cited with a date other than its known date',
  'check.number-differs': 'one document is cited under different numbers: {docs}',
  'check.guidance-not-in-level-above':
    'cites guidance {docs}, which the plan of the level above never mentions',
  methodAligner:
    'Every unit of every plan is labelled with the directive’s task groups by a supervised model (one-vs-rest logistic regression over syllable n-grams, the directive-phrase scores of the unit and its heading, its role and kind). The model {model}was trained once on {n} hand-annotated units and is the same for every corpus. A unit is labelled with every group whose score passes the threshold; headings, the header, recipients and signature are not labelled.',
  modelRef: '({ref}) ',
  methodRelative:
    'Labels and coverage depend only on each plan and the model. Similarity, additions, omissions, reuse and key terms are relative: measured against the other plans of the analysis.',
  methodCoverage:
    "Coverage: for each plan and group, the share of the plan's content text in units that carry the group, and a status:",
  methodGroups: 'The task groups of the directive:',
  methodFindings: 'How the findings were computed:',
  'finding.similarity':
    'Similarity: Jaccard of the two plans’ sets of accent-folded syllable 3-grams (content units only).',
  'finding.candidates':
    'Pairs compared: every pair in a small corpus; in a large one, each plan with the plans of the level above in its province and its closest plans of the same level.',
  'finding.additions':
    'Additions: syllables inside no 4-gram of the directive or of another plan, clustered, labelled by whole terms frequent in the cluster and rare in the other plans.',
  'finding.omissions':
    'Omissions: terms characteristic of a group (G²) that the directive or at least half the other plans carry and the plan does not.',
  'finding.reuse':
    'Verbatim reuse: runs of 12 or more identical syllables shared by two units; runs made only of the directive’s wording are ignored, runs found in most plans are marked boilerplate.',
  'finding.keyness':
    'Key terms: log-likelihood G² of whole terms in the plan against the rest of the corpus.',
  spansNote:
    "Spans are UTF-16 offsets into each plan's decoded source text; unit ids are the plan id and the path of numbering markers.",
  noEvaluation:
    'Evaluation not available: the analysis ran without hand annotations (or with --no-evaluate).',
  protocol:
    "Protocol: leave one plan out: each plan's units are labelled by a model trained on the other plans' annotations only.",
  recorded: ' Figures of the model {model}, recorded when it was built (doichieu evaluate recomputes them).',
  'system.engine': 'engine (supervised)',
  'system.lexical': 'lexical layer alone',
  'system.baseline': 'baseline (TF-IDF cosine)',
  footer: '{tool} {version}{generated} · {n} plans',
  generated: ' · generated {date}',
};

/** Singular forms where English needs them (Vietnamese nouns do not inflect). */
const enOne: Partial<Record<ReportKey, string>> = {
  lead: 'How {n} local plan implements {title} ({id}, {issuer}, {date}).',
  totalsLeftOut: ' The plan marked ⚠ does not cite {directive} and is not counted.',
  notCitingCorpus:
    '⚠ 1 of the {total} plans does not cite {directive}: {list}. Its coverage is shown, marked ⚠, and is not counted in corpus totals.',
  clusterMeta: '{group} · specificity {specificity} · novelty {novelty} · 1 passage',
  morePassages: '… and 1 more passage',
  moreClusters: '… 1 more cluster of {plan} in csv/additions.csv',
  moreOmissions: '… 1 more element left out by {plan} in csv/omissions.csv',
  morePlans: ' (and 1 more plan)',
  moreProfiles: '1 more plan in plan-level.csv (doichieu export).',
  footer: '{tool} {version}{generated} · 1 plan',
  provincePlans: '1 plan; plans that operationalise / carry each group: {totals}.',
};

const TABLES: Record<ReportLang, Record<ReportKey, string>> = { vi, en };

/** The string `key` in `lang` with `{name}` placeholders filled (values are not escaped). */
export function rt(lang: ReportLang, key: ReportKey, params: Record<string, string | number> = {}): string {
  return fill(TABLES[lang][key], params);
}

/** As `rt`, with the singular form when `n` is 1; `n` is also the `{n}` placeholder. */
export function rtn(
  lang: ReportLang,
  key: ReportKey,
  n: number,
  params: Record<string, string | number> = {},
): string {
  const text = n === 1 && lang === 'en' ? (enOne[key] ?? en[key]) : TABLES[lang][key];
  return fill(text, { n, ...params });
}

function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Every string of the report's table in `lang` (tests check that the two languages do not mix). */
export function reportStrings(lang: ReportLang): readonly string[] {
  return [...Object.values(TABLES[lang]), ...(lang === 'en' ? Object.values(enOne) : [])];
}

/** Reads a --lang value; undefined when it is not a report language. */
export function parseReportLang(value: string): ReportLang | undefined {
  return (REPORT_LANGS as readonly string[]).includes(value) ? (value as ReportLang) : undefined;
}

export const statusName = (lang: ReportLang, status: 'operationalised' | 'mentioned' | 'absent') =>
  rt(lang, `status.${status}`);

/** "kế hoạch thực hiện"; a kind the table does not know is named as "other". */
export function kindName(lang: ReportLang, kind: string): string {
  const key = `kind.${kind}` as ReportKey;
  return key in vi ? rt(lang, key) : rt(lang, 'kind.other');
}

export function levelName(lang: ReportLang, level: string): string {
  const key = `level.${level}` as ReportKey;
  return key in vi ? rt(lang, key) : rt(lang, 'level.unknown');
}
