/**
 * Interface strings in Vietnamese (default) and English. Task-group names
 * come from the directive in analysis.json, which carries both languages.
 */
import { foldQuery } from './fold.ts';
import type { Analysis, Lang, Plan, TaskGroup } from './types.ts';

const vi = {
  appName: 'Đối chiếu',
  appTitle: 'Đối chiếu {directive}',
  appSubtitle: 'Các tỉnh triển khai {directive}{about} như thế nào',
  about: ' về {topic}',
  notCitingMark: 'không trích dẫn {directive}',
  notCitingCount: '{n} kế hoạch không trích dẫn {directive}, không tính vào tổng',
  notCitingLegend:
    'kế hoạch không trích dẫn {directive} ({n} kế hoạch): mức độ bao phủ chỉ để tham khảo, không tính vào tổng; rê chuột lên tên để xem lý do.',
  notCitingPlan:
    'Kế hoạch này không trích dẫn {directive}{instead}. Mức độ bao phủ của kế hoạch chỉ để tham khảo, không tính vào tổng của toàn bộ kho văn bản.',
  citesConfusable: '; kế hoạch trích dẫn {docs} (cùng số hiệu, văn bản khác)',
  citesOther: '; kế hoạch trích dẫn {docs}',
  citesNothing: '; kế hoạch không trích dẫn văn bản chỉ đạo nào',
  skip: 'Bỏ qua đến nội dung',
  language: 'Ngôn ngữ',
  switchLang: 'English',
  switchLangLabel: 'Switch the interface to English',
  'view.coverage': 'Mức độ bao phủ',
  'view.reader': 'Đọc văn bản',
  'view.compare': 'So sánh',
  'view.corpus': 'Toàn bộ văn bản',
  'view.profiles': 'Hồ sơ triển khai',
  loading: 'Đang tải dữ liệu phân tích…',
  loadError: 'Không tải được dữ liệu phân tích ({url}): {error}',
  plans: '{n} kế hoạch',
  plansCounted: '{n} kế hoạch, {k} tính vào tổng',
  plan: 'Kế hoạch',
  group: 'Nhóm nhiệm vụ',
  unknown: 'không rõ',
  // coverage
  coverageIntro:
    'Mỗi ô cho biết phần nội dung của kế hoạch phục vụ một nhóm nhiệm vụ (tỉ lệ %) và nhóm đó đã được cụ thể hóa thành nhiệm vụ hay chỉ được nhắc đến. Chọn một ô để xem các đoạn văn tương ứng.',
  sortBy: 'Sắp xếp theo',
  sortPlan: 'Tên kế hoạch',
  sortDate: 'Ngày ban hành',
  descending: 'giảm dần',
  ascending: 'tăng dần',
  'status.operationalised': 'đã cụ thể hóa thành nhiệm vụ',
  'status.mentioned': 'chỉ nhắc đến',
  'status.absent': 'không có',
  legendShare: 'Tỉ lệ nội dung phục vụ nhóm',
  legendStatus: 'Trạng thái',
  cellLabel: '{plan}, {group}: {share} nội dung, {status}, {n} đoạn',
  cellHint:
    'Chọn một ô của bảng (chuột, hoặc Tab rồi Enter; phím mũi tên để di chuyển) để xem các đoạn văn phía sau.',
  cellUnits: '{n} đoạn văn phục vụ nhóm này ({op} là nhiệm vụ cụ thể)',
  noUnits: 'Kế hoạch này không có đoạn nào phục vụ nhóm này.',
  openReader: 'Mở trong trình đọc',
  operational: 'nhiệm vụ',
  'charge.isTask': 'nhiệm vụ',
  'charge.notTask': 'chưa là nhiệm vụ',
  'charge.plan-assigned': 'kế hoạch giao các cơ quan thực hiện ở mục tổ chức thực hiện',
  'charge.section-field': '{field} nêu trong mục',
  'charge.actor': 'nêu chủ thể thực hiện',
  'charge.actor-phrase': 'nêu cơ quan chủ trì, phối hợp',
  'charge.timing': 'nêu thời hạn',
  'charge.not-task-section': 'phần {role}: không giao việc',
  'charge.field-line': 'dòng {field} (tính cho mục chứa nó)',
  'charge.no-actor': 'không nêu chủ thể, cơ quan hay thời hạn',
  chargeReasons: 'Vì sao là nhiệm vụ',
  chargeReasonsHint:
    'Một nhóm “đã cụ thể hóa thành nhiệm vụ” khi ít nhất một đoạn của nhóm là nhiệm vụ: có cơ quan chủ trì hay thời hạn trong mục, nêu chủ thể thực hiện, hoặc kế hoạch giao việc ở mục tổ chức thực hiện. Số đoạn theo lý do:',
  // reader
  choosePlan: 'Chọn kế hoạch',
  outline: 'Dàn ý',
  metadata: 'Thông tin văn bản',
  agencies: 'Cơ quan chủ trì, phối hợp',
  deadlines: 'Thời hạn',
  citedDocs: 'Văn bản được viện dẫn',
  none: 'Không tìm thấy.',
  showOriginal: 'Hiện văn bản gốc (chưa chuẩn hóa)',
  originalNote: 'Văn bản gốc như tệp nguồn, với cùng các đánh dấu.',
  normalisedNote: 'Văn bản đã chuẩn hóa (Unicode, dấu thanh, lỗi OCR), từng đoạn một.',
  legendGroups: 'Màu theo nhóm nhiệm vụ',
  noGroup: 'không thuộc nhóm nào',
  notContent: 'không phải nội dung (tiêu đề, nơi nhận, chữ ký)',
  scores: 'Điểm theo nhóm',
  evidence: 'Căn cứ',
  confidence: 'Độ tin cậy',
  role: 'Vai trò',
  kind: 'Loại',
  unitId: 'Mã đoạn',
  'meta.documentNumber': 'Số hiệu',
  'meta.date': 'Ngày',
  'meta.province': 'Tỉnh',
  'meta.level': 'Cấp',
  'meta.issuingBody': 'Cơ quan ban hành',
  'meta.kind': 'Loại kế hoạch',
  'meta.title': 'Trích yếu',
  'meta.signer': 'Người ký',
  'meta.encoding': 'Mã hóa tệp nguồn',
  'meta.units': 'Số đoạn',
  'meta.repairs': 'Sửa lỗi (OCR / dấu thanh / Unicode)',
  ongoing: 'thường xuyên',
  times: '{n} lần',
  // compare
  compareIntro:
    'Hai kế hoạch đặt cạnh nhau theo từng nhóm nhiệm vụ. Phần bị bỏ được gạch, phần thêm được gạch chân; đoạn trùng nguyên văn được đánh dấu.',
  planA: 'Kế hoạch A',
  planB: 'Kế hoạch B',
  swap: 'Đổi chỗ A và B',
  noFindings:
    'Dữ liệu phân tích này chưa có kết quả so sánh (trường findings): chưa thể hiện so sánh từng từ, đoạn trùng nguyên văn, phần thêm và phần thiếu. Hãy chạy lại phân tích với phiên bản có mô-đun so sánh.',
  noComparison: 'Cặp kế hoạch này không có trong kết quả so sánh; chỉ hiện các đoạn theo nhóm.',
  statusDiffs: 'Khác biệt về trạng thái nhóm nhiệm vụ',
  noStatusDiffs: 'Hai kế hoạch có cùng trạng thái ở cả năm nhóm.',
  similarity: 'Độ tương đồng',
  pairs: 'Cặp đoạn tương ứng',
  reuse: 'Đoạn trùng nguyên văn',
  verbatim: 'trùng nguyên văn',
  syllables: '{n} âm tiết',
  onlyIn: 'Chỉ có trong {plan}',
  additions: 'Nội dung bổ sung (không có ở chỉ thị hay kế hoạch khác)',
  omissions: 'Nội dung còn thiếu (các kế hoạch khác có)',
  novelty: 'mức mới',
  specificity: 'độ đặc thù',
  carriedByPlans: 'Các kế hoạch có nội dung này',
  'explain.specificity':
    'Độ đặc thù: mức mới × trung bình G² của ba từ khóa chính của cụm (số lần trong kế hoạch này so với phần còn lại của kho); xếp từ cao xuống.',
  'explain.novelty': 'Mức mới: tỉ lệ âm tiết của đoạn không có trong chỉ thị hay kế hoạch khác (0–1).',
  'explain.g2':
    'G²: thống kê log-likelihood (Dunning); càng cao thì từ ngữ càng tập trung ở kế hoạch này so với phần còn lại. Trên 3,84 là có ý nghĩa ở mức 5%.',
  'explain.share': 'Tỉ lệ: phần ký tự nội dung của kế hoạch nằm trong các đoạn phục vụ nhóm.',
  carriedBy: 'có ở {n} kế hoạch khác',
  inDirective: 'có trong chỉ thị',
  removedLegend: 'chỉ có ở A',
  addedLegend: 'chỉ có ở B',
  samePlan: 'Hãy chọn hai kế hoạch khác nhau.',
  unitsOfGroup: '{n} đoạn',
  // corpus
  corpusIntro:
    'Mức tương đồng giữa các kế hoạch, từ ngữ đặc trưng của từng kế hoạch, và tìm kiếm trong mọi đoạn văn.',
  similarityMatrix: 'Ma trận tương đồng giữa các kế hoạch',
  keyness: 'Từ ngữ đặc trưng của từng kế hoạch',
  search: 'Tìm kiếm trong mọi đoạn văn',
  searchPlaceholder: 'ví dụ: {example} (không cần dấu)',
  searchHint:
    'Tìm không phân biệt dấu và hoa thường; mọi từ, theo thứ tự bất kỳ, trong cùng một đoạn: “{example}” tìm thấy “{accented}”; đặt cụm từ trong ngoặc kép để tìm đúng cụm.',
  hits: '{n} kết quả trong {p} kế hoạch',
  noHits: 'Không có kết quả.',
  showMore: 'Hiện thêm {n} kết quả',
  notAvailable: 'Không có trong dữ liệu phân tích này (chưa có trường findings).',
  term: 'Từ ngữ',
  g2: 'G²',
  inPlan: 'trong KH',
  inRest: 'còn lại',
  openCompare: 'So sánh hai kế hoạch này',
  keynessOf: 'Từ ngữ đặc trưng của {plan}',
  searchTerm: 'Tìm “{term}” trong mọi đoạn văn',
  similarityScale:
    'Độ tương đồng: hệ số Jaccard giữa tập cụm 3 âm tiết (bỏ dấu) của hai kế hoạch, 0–100%; màu càng đậm càng giống nhau, thang màu đến giá trị cao nhất ({max}).',
  similarityScaleSparse:
    'Độ tương đồng: hệ số Jaccard giữa tập cụm 3 âm tiết (bỏ dấu) của hai kế hoạch, 0–100%, thang màu đến {max}; với kho lớn, mỗi kế hoạch chỉ được so với kế hoạch cấp trên trong tỉnh và các kế hoạch gần nhất, các ô khác để xám.',
  notCompared: 'cặp không được so sánh',
  samePlanCell: 'cùng một kế hoạch',
  clusteredOrder: 'Thứ tự theo phân cụm: kế hoạch giống nhau nằm cạnh nhau.',
  similarityCanvasLabel:
    'Ma trận tương đồng của {n} kế hoạch theo thứ tự phân cụm; bảng các cặp giống nhau nhất ở dưới là bản thay thế dùng bàn phím.',
  zoomBack: 'Quay lại',
  zoomReset: 'Toàn bộ ma trận',
  zoomStatus: 'hàng {from}–{to}, cột {c0}–{c1} / {n}',
  zoomHint:
    'Rê chuột để xem tên hai kế hoạch và độ tương đồng; kéo chuột chọn một vùng để phóng to (Esc hoặc “Quay lại” để trở lại); nhấp một ô để so sánh hai kế hoạch.',
  clickCompare: 'nhấp để so sánh',
  topPairs: '{n} cặp kế hoạch giống nhau nhất',
  filterAll: 'tất cả',
  exportCsv: 'Xuất CSV',
  hitsPerPlan: 'Số kết quả theo kế hoạch ({p} kế hoạch)',
  kwic: 'Từ khóa trong ngữ cảnh (50 kết quả đầu)',
  filters: 'Lọc',
  export: 'Xuất',
  groupByProvince: 'Xếp huyện theo tỉnh',
  expandAll: 'Mở tất cả',
  collapseAll: 'Thu gọn tất cả',
  plansShown: 'hiện {n} / {total} kế hoạch',
  rollupLabel:
    '{province}, {group}: {op} trên {n} kế hoạch đã cụ thể hóa thành nhiệm vụ, {me} chỉ nhắc đến, {ab} không có. Enter để mở hoặc thu gọn.',
  rollupTitle: '{op} cụ thể hóa · {me} chỉ nhắc đến · {ab} không có',
  copyLink: 'Sao chép liên kết trích dẫn',
  copyLinkShort: 'trích dẫn',
  copied: 'Đã sao chép.',
  scrollSideways:
    'Bảng rộng hơn màn hình: vuốt ngang trên bảng (hoặc dùng phím mũi tên) để xem các nhóm còn lại.',
  unknownInManifest: 'không rõ (theo danh mục)',
  readFromText: 'đọc từ văn bản',
  readGarbled: 'đọc từ văn bản bị hỏng, chưa kiểm chứng',
  'ev.heading': 'nằm dưới tiêu đề mục thuộc {group}',
  'ev.role': 'phần văn bản: {role}',
  'ev.kind': 'loại đoạn: {kind}',
  'ev.directive': 'cụm từ của chỉ thị “{term}”',
  'model.heldOut': 'mô hình huấn luyện không có kế hoạch này (kiểm định chéo)',
  'explain.confidence':
    'Độ tin cậy: mức chắc chắn của quyết định có/không kém chắc nhất trong các nhóm, min max(p, 1−p); 1 = mọi quyết định đều chắc chắn.',
};

export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
  appName: 'Collation',
  appTitle: 'Comparing {directive}',
  appSubtitle: 'How the provinces implement {directive}{about}',
  about: ' on {topic}',
  notCitingMark: 'does not cite {directive}',
  notCitingCount: '{n} do not cite {directive} and are not counted in totals',
  notCitingLegend:
    'the plan does not cite {directive} ({n} plans): its coverage is for information, not counted in totals; hover the name for why.',
  notCitingPlan:
    'This plan does not cite {directive}{instead}. Its coverage is shown for information and is not counted in corpus totals.',
  citesConfusable: '; it cites {docs} (the same number, another document)',
  citesOther: '; it cites {docs}',
  citesNothing: '; it cites no directive',
  skip: 'Skip to content',
  language: 'Language',
  switchLang: 'Tiếng Việt',
  switchLangLabel: 'Chuyển giao diện sang tiếng Việt',
  'view.coverage': 'Coverage',
  'view.reader': 'Plan reader',
  'view.compare': 'Compare',
  'view.corpus': 'Corpus',
  'view.profiles': 'Profiles',
  loading: 'Loading the analysis…',
  loadError: 'Could not load the analysis ({url}): {error}',
  plans: '{n} plans',
  plansCounted: '{n} plans, {k} counted',
  plan: 'Plan',
  group: 'Task group',
  unknown: 'unknown',
  coverageIntro:
    'Each cell shows how much of a plan serves a task group (share of its content) and whether the group is turned into tasks or only mentioned. Select a cell to see the passages behind it.',
  sortBy: 'Sort by',
  sortPlan: 'Plan name',
  sortDate: 'Date issued',
  descending: 'descending',
  ascending: 'ascending',
  'status.operationalised': 'operationalised as tasks',
  'status.mentioned': 'only mentioned',
  'status.absent': 'absent',
  legendShare: 'Share of content serving the group',
  legendStatus: 'Status',
  cellLabel: '{plan}, {group}: {share} of content, {status}, {n} units',
  cellHint: 'Select a cell (mouse, or Tab then Enter; arrow keys move) to see the passages behind it.',
  cellUnits: '{n} units serve this group ({op} of them tasks)',
  noUnits: 'No unit of this plan serves this group.',
  openReader: 'Open in the plan reader',
  operational: 'task',
  'charge.isTask': 'task',
  'charge.notTask': 'not a task',
  'charge.plan-assigned': 'the plan charges named bodies in its organisation section',
  'charge.section-field': '{field} given in its section',
  'charge.actor': 'names the body charged',
  'charge.actor-phrase': 'names a lead or partner agency',
  'charge.timing': 'sets a time',
  'charge.not-task-section': '{role} clause: assigns nothing',
  'charge.field-line': '{field} line (counted for its section)',
  'charge.no-actor': 'no body, agency or time',
  chargeReasons: 'Why units are tasks',
  chargeReasonsHint:
    'A group is “operationalised” when at least one of its units is a task: a lead agency or deadline in its section, a named body, or a plan that charges bodies in its organisation section. Units by reason:',
  choosePlan: 'Choose a plan',
  outline: 'Outline',
  metadata: 'Document',
  agencies: 'Lead and partner agencies',
  deadlines: 'Deadlines',
  citedDocs: 'Cited documents',
  none: 'None found.',
  showOriginal: 'Show the original (un-normalised) text',
  originalNote: 'The original text as in the source file, with the same highlights.',
  normalisedNote: 'Normalised text (Unicode, tone marks, OCR errors), unit by unit.',
  legendGroups: 'Colours by task group',
  noGroup: 'no task group',
  notContent: 'not content (heading, recipients, signature)',
  scores: 'Scores per group',
  evidence: 'Evidence',
  confidence: 'Confidence',
  role: 'Role',
  kind: 'Kind',
  unitId: 'Unit id',
  'meta.documentNumber': 'Number',
  'meta.date': 'Date',
  'meta.province': 'Province',
  'meta.level': 'Level',
  'meta.issuingBody': 'Issued by',
  'meta.kind': 'Kind of plan',
  'meta.title': 'Title',
  'meta.signer': 'Signed by',
  'meta.encoding': 'Source encoding',
  'meta.units': 'Units',
  'meta.repairs': 'Repairs (OCR / tone marks / Unicode)',
  ongoing: 'ongoing',
  times: '{n}×',
  compareIntro:
    'Two plans side by side, task group by task group. Removed words are struck through, added words underlined; verbatim reuse is marked.',
  planA: 'Plan A',
  planB: 'Plan B',
  swap: 'Swap A and B',
  noFindings:
    'This analysis has no comparison results (the findings field): the word-level diff, verbatim reuse, additions and omissions are not available. Re-run the analysis with a version that has the diff stage.',
  noComparison: 'This pair of plans is not among the compared pairs; only the units per group are shown.',
  statusDiffs: 'Differences in task-group status',
  noStatusDiffs: 'Both plans have the same status in all five groups.',
  similarity: 'Similarity',
  pairs: 'Paired units',
  reuse: 'Verbatim reuse',
  verbatim: 'verbatim',
  syllables: '{n} syllables',
  onlyIn: 'Only in {plan}',
  additions: 'Additions (not in the directive or the other plans)',
  omissions: 'Omissions (that other plans carry)',
  novelty: 'novelty',
  specificity: 'specificity',
  carriedByPlans: 'Plans that carry it',
  'explain.specificity':
    'Specificity: novelty × the mean G² of the cluster’s top three key terms (their count in this plan against the rest of the corpus); highest first.',
  'explain.novelty':
    'Novelty: the share of the passage’s syllables found neither in the directive nor in another plan (0–1).',
  'explain.g2':
    'G²: log-likelihood (Dunning); the higher, the more the term is concentrated in this plan against the rest. Above 3.84 is significant at 5%.',
  'explain.share': 'Share: the part of the plan’s content characters in units that serve the group.',
  carriedBy: 'in {n} other plans',
  inDirective: 'in the directive',
  removedLegend: 'only in A',
  addedLegend: 'only in B',
  samePlan: 'Choose two different plans.',
  unitsOfGroup: '{n} units',
  corpusIntro:
    'How similar the plans are, the terms that distinguish each plan, and search across all units.',
  similarityMatrix: 'Plan similarity matrix',
  keyness: 'Distinctive terms per plan',
  search: 'Search all units',
  searchPlaceholder: 'e.g. {example} (no diacritics needed)',
  searchHint:
    'Search ignores diacritics and case and finds units with every word, in any order: “{example}” finds “{accented}”; put a phrase in double quotes to find it as written.',
  hits: '{n} hits in {p} plans',
  noHits: 'No hits.',
  showMore: 'Show {n} more',
  notAvailable: 'Not in this analysis (it has no findings field).',
  term: 'Term',
  g2: 'G²',
  inPlan: 'in plan',
  inRest: 'in rest',
  openCompare: 'Compare these two plans',
  keynessOf: 'Distinctive terms of {plan}',
  searchTerm: 'Search all units for “{term}”',
  similarityScale:
    'Similarity: Jaccard index of the two plans’ sets of accent-folded 3-syllable runs, 0–100%; the darker, the more alike, the scale up to the highest value ({max}).',
  similarityScaleSparse:
    'Similarity: Jaccard index of the two plans’ sets of accent-folded 3-syllable runs, 0–100%, scale up to {max}; in a large corpus each plan is compared only with the plan above it in its province and its closest plans, other cells are grey.',
  notCompared: 'pair not compared',
  samePlanCell: 'the same plan',
  clusteredOrder: 'Clustered order: similar plans sit next to each other.',
  similarityCanvasLabel:
    'Similarity matrix of {n} plans in clustered order; the table of the most similar pairs below is the keyboard alternative.',
  zoomBack: 'Back',
  zoomReset: 'Whole matrix',
  zoomStatus: 'rows {from}–{to}, columns {c0}–{c1} of {n}',
  zoomHint:
    'Hover for both plans’ names and their similarity; drag a square to zoom in (Escape or “Back” to return); click a cell to compare the two plans.',
  clickCompare: 'click to compare',
  topPairs: 'The {n} most similar pairs of plans',
  filterAll: 'all',
  exportCsv: 'Export CSV',
  hitsPerPlan: 'Hits per plan ({p} plans)',
  kwic: 'Keyword in context (first 50 hits)',
  filters: 'Filters',
  export: 'Export',
  groupByProvince: 'Districts under their province',
  expandAll: 'Expand all',
  collapseAll: 'Collapse all',
  plansShown: '{n} of {total} plans shown',
  rollupLabel:
    '{province}, {group}: {op} of {n} plans operationalise it, {me} only mention it, {ab} leave it out. Enter opens or closes the province.',
  rollupTitle: '{op} operationalised · {me} mentioned · {ab} absent',
  copyLink: 'Copy a citing link',
  copyLinkShort: 'cite',
  copied: 'Copied.',
  scrollSideways:
    'The table is wider than the screen: swipe it sideways (or use the arrow keys) to see the other groups.',
  unknownInManifest: 'unknown (manifest)',
  readFromText: 'read from the text',
  readGarbled: 'read from damaged text, not verified',
  'ev.heading': 'under a heading of {group}',
  'ev.role': 'part of the plan: {role}',
  'ev.kind': 'unit kind: {kind}',
  'ev.directive': 'directive phrase “{term}”',
  'model.heldOut': 'model trained without this plan (held out)',
  'explain.confidence':
    'Confidence: how sure the least sure yes/no group decision is, min over groups of max(p, 1−p); 1 = every decision is certain.',
};

const MESSAGES: Record<Lang, Record<MessageKey, string>> = { vi, en };

/** The message `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return MESSAGES[lang][key].replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}

type DirectiveNames = Pick<Analysis['directive'], 'id' | 'shortTitle' | 'topic' | 'taskGroups'>;

/**
 * What the interface says about the directive, from the directive file (in
 * analysis.json): its name, its topic and a search example. Nothing about a
 * particular directive is written in the code.
 */
export function directiveParams(directive: DirectiveNames, lang: Lang): Record<string, string> {
  const topic = directive.topic?.label[lang];
  const accented =
    directive.topic?.searchExample ?? directive.topic?.label.vi ?? directive.taskGroups[0]?.phrases[0] ?? '';
  return {
    directive: directive.shortTitle?.[lang] ?? directive.id,
    about: topic ? t(lang, 'about', { topic }) : '',
    example: foldQuery(accented),
    accented,
  };
}

/** The viewer's title; before the analysis has loaded, the tool's name. */
export function appTitle(lang: Lang, directive: DirectiveNames | undefined): string {
  return directive ? t(lang, 'appTitle', directiveParams(directive, lang)) : t(lang, 'appName');
}

export function appSubtitle(lang: Lang, directive: DirectiveNames | undefined): string {
  return directive ? t(lang, 'appSubtitle', directiveParams(directive, lang)) : '';
}

/** Why a plan is marked: it does not cite the directive (and what it cites), or undefined when it does. */
export function notCitingText(plan: Plan, directive: DirectiveNames, lang: Lang): string | undefined {
  const check = plan.directiveCheck;
  if (!check || check.status === 'cites') return undefined;
  const docs = (confusable: boolean) =>
    check.citesInstead
      .filter((c) => c.confusable === confusable)
      .slice(0, 3)
      .map((c) => (c.date ? `${c.number} (${c.date})` : c.number))
      .join(', ');
  const confusable = docs(true);
  const other = docs(false);
  const instead =
    (confusable ? t(lang, 'citesConfusable', { docs: confusable }) : '') +
      (other ? t(lang, 'citesOther', { docs: other }) : '') || t(lang, 'citesNothing');
  return t(lang, 'notCitingPlan', { directive: directiveParams(directive, lang).directive!, instead });
}

/** Short name of a task group in `lang`, e.g. "TG3 · Đổi mới nội dung". */
export function groupShort(group: TaskGroup, lang: Lang): string {
  return group.short[lang];
}

/** A readable name for a plan: province, number and kind; falls back to the id. */
export function planName(plan: Plan, lang: Lang): string {
  const m = plan.meta;
  const known = (v: string | undefined) => (v && v !== 'unknown' ? v : undefined);
  const district = m.level === 'district' || m.level === 'commune' ? known(m.district) : undefined;
  const province = known(m.province);
  // A district's name repeats across provinces: "district, province".
  const where =
    (district && province ? `${district}, ${province}` : (district ?? province)) ??
    (lang === 'vi' ? 'Không rõ địa phương' : 'Unknown place');
  const num = known(m.documentNumber);
  const kind = KIND_NAMES[m.kind]?.[lang] ?? m.kind;
  return num ? `${where} · ${num} · ${kind}` : `${where} · ${kind}`;
}

const KIND_NAMES: Record<string, Record<Lang, string>> = {
  implementation: { vi: 'KH thực hiện', en: 'implementation' },
  'study-and-dissemination': { vi: 'KH học tập, quán triệt', en: 'study & dissemination' },
  conference: { vi: 'KH hội nghị', en: 'conference' },
  other: { vi: 'khác', en: 'other' },
};

const DOC_KINDS: Record<string, Record<Lang, string>> = {
  'ket-luan': { vi: 'kết luận', en: 'conclusion' },
  'nghi-quyet': { vi: 'nghị quyết', en: 'resolution' },
  'huong-dan': { vi: 'hướng dẫn', en: 'guidance' },
  'ke-hoach': { vi: 'kế hoạch', en: 'plan' },
  'chi-thi': { vi: 'chỉ thị', en: 'directive' },
  'quyet-dinh': { vi: 'quyết định', en: 'decision' },
  'thong-bao': { vi: 'thông báo', en: 'notice' },
  'cong-van': { vi: 'công văn', en: 'official letter' },
  other: { vi: 'văn bản khác', en: 'other document' },
};

/** Name of a cited document's kind (`ket-luan` → "kết luận"); unknown kinds as they are. */
export function docKindName(kind: string, lang: Lang): string {
  return DOC_KINDS[kind]?.[lang] ?? kind;
}

/** Name of a plan's kind (`implementation` → "KH thực hiện"). */
export function planKindName(kind: string, lang: Lang): string {
  return KIND_NAMES[kind]?.[lang] ?? kind;
}

const UNIT_KINDS: Record<string, Record<Lang, string>> = {
  heading: { vi: 'tiêu đề mục', en: 'heading' },
  item: { vi: 'mục', en: 'item' },
  point: { vi: 'điểm', en: 'point' },
  bullet: { vi: 'gạch đầu dòng', en: 'bullet' },
  paragraph: { vi: 'đoạn', en: 'paragraph' },
  field: { vi: 'trường', en: 'field' },
  table: { vi: 'bảng', en: 'table' },
};

/** Name of a unit kind in `lang`. */
export function unitKindName(kind: string, lang: Lang): string {
  return UNIT_KINDS[kind]?.[lang] ?? kind;
}

const LEVELS: Record<string, Record<Lang, string>> = {
  province: { vi: 'cấp tỉnh', en: 'province' },
  district: { vi: 'cấp huyện', en: 'district' },
  commune: { vi: 'cấp xã', en: 'commune' },
  central: { vi: 'trung ương', en: 'central' },
  unknown: { vi: 'không rõ', en: 'unknown' },
};

/** Name of an administrative level in `lang`. */
export function levelName(level: string, lang: Lang): string {
  return LEVELS[level]?.[lang] ?? level;
}

const ROLE_NAMES: Record<string, Record<Lang, string>> = {
  header: { vi: 'phần đầu', en: 'header' },
  preamble: { vi: 'mở đầu', en: 'preamble' },
  purpose: { vi: 'mục đích', en: 'purpose' },
  requirement: { vi: 'yêu cầu', en: 'requirement' },
  objective: { vi: 'mục tiêu', en: 'objective' },
  viewpoint: { vi: 'quan điểm', en: 'viewpoint' },
  task: { vi: 'nhiệm vụ', en: 'task' },
  organisation: { vi: 'tổ chức thực hiện', en: 'organisation' },
  resources: { vi: 'kinh phí, nguồn lực', en: 'resources' },
  assessment: { vi: 'kết quả, đánh giá', en: 'assessment' },
  logistics: { vi: 'hậu cần', en: 'logistics' },
  agenda: { vi: 'chương trình', en: 'agenda' },
  attendees: { vi: 'thành phần', en: 'attendees' },
  recipients: { vi: 'nơi nhận', en: 'recipients' },
  signature: { vi: 'chữ ký', en: 'signature' },
  other: { vi: 'khác', en: 'other' },
};

/** Name of a unit role in `lang`; unknown roles are returned as they are. */
export function roleName(role: string, lang: Lang): string {
  return ROLE_NAMES[role]?.[lang] ?? role;
}

/** Share as a percentage: 0.3764 → "38%", tiny non-zero shares → "<1%". */
export function percent(share: number): string {
  if (share <= 0) return '0%';
  if (share < 0.005) return '<1%';
  return `${Math.round(share * 100)}%`;
}
