/**
 * What a section heading says it is, in the vocabulary of the genre: Vietnamese
 * administrative and Party documents (plans, programmes, decisions, reports;
 * Nghị định 30/2020/NĐ-CP, Hướng dẫn 36-HD/VPTW) name their sections with a
 * small set of phrases ("MỤC ĐÍCH, YÊU CẦU", "NHIỆM VỤ VÀ GIẢI PHÁP",
 * "PHÂN CÔNG NHIỆM VỤ", "QUAN ĐIỂM CHỈ ĐẠO", "TỔ CHỨC THỰC HIỆN", "KINH PHÍ
 * THỰC HIỆN", "KẾT QUẢ THỰC HIỆN"…). A heading names its section with the
 * phrase it starts with (after a marker and filler words such as "các",
 * "một số", "về", "công tác"), so a task that merely mentions "mục tiêu" later
 * in its wording does not become an objective.
 *
 * Everything is matched on accent-folded text ("Đối ngoại" → "doi ngoai"), so
 * OCR damage to diacritics ("MỤC ĐÍCH, YÊU CÀU", "Nơi nhân") does not hide it.
 * Conference vocabulary (time and place, attendees, programme of the
 * meeting) counts only in a document that is a conference plan.
 */
import type { Role } from './model.ts';
import { fold } from './text/fold.ts';

/** Words that may precede the naming phrase: "CÁC NHIỆM VỤ…", "MỘT SỐ NỘI DUNG…", "VỀ KẾT QUẢ…", "CÔNG TÁC TỔ CHỨC THỰC HIỆN". */
const FILLER = /^(?:(?:cac|mot so|nhung|ve|viec|cong tac|du kien)\s+)*/;

/** Section phrases of any document, tried in order at the start of the folded heading. */
const GENERAL: [RegExp, Role][] = [
  [/^noi nha[nm]\b/, 'recipients'],
  [
    /^(?:to chuc thuc hien|trach nhiem (?:thuc hien|to chuc|cua)|phan cong (?:trach nhiem|thuc hien|to chuc)|dieu khoan thi hanh|hieu luc thi hanh|che do (?:thong tin,? )?bao cao|phoi hop thuc hien|kiem tra,? giam sat (?:viec )?thuc hien)\b/,
    'organisation',
  ],
  // "PHÂN CÔNG NHIỆM VỤ" assigns the tasks themselves: who does what.
  [
    /^(?:phan cong nhiem vu|nhiem vu|giai phap|noi dung|chuong trinh hanh dong|hoat dong|bien phap|cong viec|danh muc (?:cac )?(?:nhiem vu|de an|cong viec|hoat dong|chuong trinh)|dinh huong|phuong huong|trong tam)\b/,
    'task',
  ],
  [/^(?:muc tieu|chi tieu|danh muc (?:cac )?chi tieu)\b/, 'objective'],
  [/^muc dich\b/, 'purpose'],
  [/^yeu cau\b/, 'requirement'],
  [/^(?:quan diem|tu tuong chi dao|nguyen tac)\b/, 'viewpoint'],
  // Funding and means: content about resources, not a meeting's logistics.
  [
    /^(?:kinh phi|nguon (?:luc|kinh phi|von)|(?:bao dam|dam bao)\b.{0,60}\b(?:kinh phi|nguon luc|dieu kien)|co so vat chat)\b/,
    'resources',
  ],
  [
    /^(?:bao cao (?:ket qua|tinh hinh|tong ket|so ket|danh gia)|ket qua|danh gia|ton tai|han che|nguyen nhan|bai hoc|tinh hinh|thuc trang|uu diem|khuyet diem)\b/,
    'assessment',
  ],
];

/** Section phrases of a conference plan, tried first there. */
const CONFERENCE: [RegExp, Role][] = [
  [/^(?:thanh phan|dai bieu|doi tuong tham du|thanh vien tham du)\b/, 'attendees'],
  [/^(?:chuong trinh(?! hanh dong)(?: hoi nghi)?|noi dung hoi nghi)\b/, 'agenda'],
  [
    /^(?:hinh thuc|thoi gian|dia diem|maket|tai lieu|chuan bi|hau can|khanh tiet|to chuc hoi nghi|phuong thuc to chuc)\b/,
    'logistics',
  ],
];

const LEADING_MARKER =
  /^\s*(?:(?:phu luc|phan(?: thu)?)\s+\S+\s*[.:\-–]?\s*|[ivxl1|]{1,5}\s?[.\-–):/]\s*|[a-hđ]\s?[.\-–)]\s*|\d{1,2}(?:\.\d{1,2}){0,3}\.?\s?[.\-–)]?\s*|\(\s*[\da-zđ]{1,3}\s*\)\s*|[-–—•·+*]\s*)/;

/** The folded heading without its marker, leading punctuation and filler words. */
export function headingPhrase(heading: string): string {
  let f = fold(heading)
    .replace(/^[\s*_#|>]+/, '')
    .trim();
  f = f.replace(LEADING_MARKER, '');
  return f.replace(FILLER, '').replace(/^[\s,.:;]+/, '');
}

/** The role a heading gives its section, or undefined when it names none. */
export function roleOfHeading(heading: string, conference = false): Role | undefined {
  // Headings repeat across documents and plans: decide each once.
  const key = `${conference ? 1 : 0}${heading}`;
  if (headingRoles.has(key)) return headingRoles.get(key);
  if (headingRoles.size > 20_000) headingRoles.clear();
  const role = decideRole(heading, conference);
  headingRoles.set(key, role);
  return role;
}
const headingRoles = new Map<string, Role | undefined>();

function decideRole(heading: string, conference: boolean): Role | undefined {
  const phrase = headingPhrase(heading);
  if (conference) for (const [pattern, role] of CONFERENCE) if (pattern.test(phrase)) return role;
  for (const [pattern, role] of GENERAL) if (pattern.test(phrase)) return role;
  return undefined;
}

/** Within a conference's logistics, agenda and attendees stand apart. */
export function conferenceRole(heading: string): Role | undefined {
  const phrase = headingPhrase(heading);
  for (const [pattern, role] of CONFERENCE) if (pattern.test(phrase)) return role;
  if (/^noi dung\b/.test(phrase)) return 'agenda';
  return undefined;
}

/**
 * Whether a document is a conference plan: its title says it organises a
 * meeting ("Kế hoạch tổ chức Hội nghị…", not "…thực hiện Nghị quyết Hội nghị
 * Trung ương 8"), or at least two of its top-level sections are a meeting's
 * (time and place, attendees, the meeting's programme).
 */
export function isConferencePlan(titleLines: readonly string[], topHeadings: readonly string[]): boolean {
  const title = fold(titleLines.join(' '));
  if (
    /\bto chuc (?:cac |mot )?(?:hoi nghi|hoi thao|toa dam|dien dan|le ky niem|le mit tinh|le phat dong)\b/.test(
      title,
    )
  )
    return true;
  if (/^(?:ke hoach\s+)?(?:hoi nghi|hoi thao|toa dam)\b/.test(title.replace(/^[^a-z]*/, ''))) return true;
  let meetingSections = 0;
  for (const h of topHeadings) {
    const phrase = headingPhrase(h);
    if (
      /^(?:thoi gian,? dia diem|dia diem|thanh phan(?: tham du| du| moi)?|dai bieu|chuong trinh hoi nghi|noi dung hoi nghi|hinh thuc,? thoi gian)\b/.test(
        phrase,
      )
    )
      meetingSections++;
  }
  return meetingSections >= 2;
}

const AIMS: ReadonlySet<Role> = new Set(['purpose', 'requirement', 'objective', 'viewpoint']);
const AHEAD = /^phuong huong|\b(?:thoi gian toi|sap toi|tiep theo|nam toi|giai doan toi)\b/;

/**
 * The role of a block from the headings above it (outermost first) and, for a
 * heading, its own text. The outermost heading that names a role decides; a
 * combined aims section ("MỤC ĐÍCH, YÊU CẦU"; "QUAN ĐIỂM, MỤC TIÊU") is refined
 * by its sub-headings, an organisation section by a funding sub-section, a
 * report's findings by a sub-section of tasks ahead; a conference's logistics
 * by its agenda and attendee sub-sections.
 */
export function roleFromHeadings(
  headings: readonly string[],
  roleOf: (heading: string) => Role | undefined,
  conference: boolean,
): Role | undefined {
  let top: Role | undefined;
  let topAt = -1;
  for (let i = 0; i < headings.length; i++) {
    const r = roleOf(headings[i]!);
    if (r !== undefined && r !== 'recipients') {
      top = r;
      topAt = i;
      break;
    }
  }
  if (top === undefined) return undefined;
  let role: Role = top;
  for (let i = topAt + 1; i < headings.length; i++) {
    const r = roleOf(headings[i]!);
    if (r === undefined) continue;
    if (AIMS.has(top) && AIMS.has(r)) role = r;
    else if (top === 'organisation' && r === 'resources') role = r;
    // A report's findings end where it turns to the tasks ahead ("NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI").
    else if (top === 'assessment' && r === 'task' && AHEAD.test(headingPhrase(headings[i]!))) role = r;
  }
  if (conference && (top === 'logistics' || top === 'agenda' || top === 'attendees')) {
    for (let i = headings.length - 1; i > topAt; i--) {
      const r = conferenceRole(headings[i]!);
      if (r === 'agenda' || r === 'attendees') return r;
    }
  }
  return role;
}
