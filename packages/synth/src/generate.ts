/**
 * A synthetic national corpus: plans of the 63 provinces and their districts,
 * made by recombining the real plans' units (a unit replaced by another
 * plan's unit of the same role), renaming the issuer, and perturbing the text
 * as real files are perturbed: OCR-like letter damage, the other tone-mark
 * style, PDF hard wraps, markdown, CRLF, NFD, legacy TCVN3 bytes. Pure and
 * seeded: the same options give the same corpus.
 */
import { encodeLegacy, type PlanMeta, type Unit } from '@doichieu/core';
import { PROVINCES } from './provinces.ts';
import { type Random, seededRandom } from './random.ts';

export interface TemplatePlan {
  meta: PlanMeta;
  units: Pick<Unit, 'role' | 'kind' | 'text' | 'depth'>[];
}

export interface SynthOptions {
  /** Total number of plans (provinces first, then districts). Default 700. */
  plans?: number;
  seed?: number;
  /** Share of body units replaced by a unit of the same role from another plan. Default 0.25. */
  recombine?: number;
  /** Share of syllables given OCR-like damage in a damaged plan. Default 0.02. */
  ocrNoise?: number;
}

export interface SynthPlan {
  meta: PlanMeta;
  bytes: Uint8Array;
  layout: Layout;
  encoding: 'utf-8' | 'utf-8-bom' | 'nfd' | 'tcvn3';
  template: string;
}

type Layout = 'pdf-wrapped' | 'pdf-spaced' | 'markdown' | 'plain-crlf';

/** A unit's leading list marker ("1.", "- ", "(3)"), kept when its words are replaced. */
const LIST_MARKER = /^\s*(?:\(?[0-9a-zđIVXL.]{1,8}[.)\-–]|[-–—+•·])\s*/u;

const BODY_ROLES = new Set([
  'purpose',
  'requirement',
  'objective',
  'viewpoint',
  'task',
  'organisation',
  'resources',
  'assessment',
  'logistics',
  'agenda',
  'attendees',
]);

function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Replaces a name in its plain, upper-case and "tỉnh X" forms. */
function rename(text: string, from: string, to: string): string {
  if (from === 'unknown' || from === to) return text;
  return text.split(from).join(to).split(from.toUpperCase()).join(to.toUpperCase());
}

const OCR_CONFUSIONS: [RegExp, string][] = [
  [/ổ/g, 'ồ'],
  [/ơ/g, 'o'],
  [/ư/g, 'u'],
  [/ế/g, 'é'],
  [/m/g, 'in'],
  [/ộ/g, 'ô'],
  [/ớ/g, 'ó'],
  [/ề/g, 'è'],
  [/ợ/g, 'ọ'],
  [/ạ/g, 'a'],
];

/** Damages a share of syllables the way OCR does: a diacritic lost or a glyph misread. */
export function ocrDamage(text: string, rate: number, random: Random): string {
  return text.replace(/\p{L}+/gu, (syllable) => {
    if (!random.chance(rate)) return syllable;
    const candidates = OCR_CONFUSIONS.filter(([pattern]) => {
      pattern.lastIndex = 0;
      return pattern.test(syllable);
    });
    if (candidates.length === 0) return syllable;
    const [pattern, replacement] = random.pick(candidates);
    pattern.lastIndex = 0;
    return syllable.replace(pattern, replacement);
  });
}

/** The other tone-mark convention: "hóa" → "hoá", "ủy" → "uỷ". */
export function otherToneStyle(text: string): string {
  return text
    .replace(/óa/g, 'oá')
    .replace(/òa/g, 'oà')
    .replace(/ỏa/g, 'oả')
    .replace(/õa/g, 'oã')
    .replace(/ọa/g, 'oạ')
    .replace(/ủy/g, 'uỷ')
    .replace(/úy/g, 'uý')
    .replace(/ùy/g, 'uỳ')
    .replace(/ụy/g, 'uỵ');
}

function wrap(line: string, width: number): string[] {
  const words = line.split(' ');
  const out: string[] = [];
  let current = '';
  for (const w of words) {
    if (current && current.length + 1 + w.length > width) {
      out.push(`${current} `);
      current = w;
    } else current = current ? `${current} ${w}` : w;
  }
  if (current) out.push(`${current} `);
  return out;
}

function render(blocks: { text: string; heading: boolean }[], layout: Layout, random: Random): string {
  const width = 70 + random.int(20);
  switch (layout) {
    case 'pdf-wrapped':
      return blocks.map((b) => wrap(b.text, width).join('\n')).join('\n');
    case 'pdf-spaced':
      return blocks.map((b) => wrap(b.text, width).join('\n\n')).join('\n\n');
    case 'markdown':
      return blocks.map((b) => (b.heading ? `**${b.text}**` : b.text)).join('\n\n');
    case 'plain-crlf':
      return `${blocks.map((b) => b.text).join('\r\n')}\r\n`;
  }
}

export function generateCorpus(templates: readonly TemplatePlan[], options: SynthOptions = {}): SynthPlan[] {
  const total = options.plans ?? 700;
  const random = seededRandom(options.seed ?? 57);
  const recombine = options.recombine ?? 0.25;
  const ocrNoise = options.ocrNoise ?? 0.02;
  const byRole = new Map<string, string[]>();
  for (const t of templates)
    for (const u of t.units)
      if (BODY_ROLES.has(u.role) && u.kind !== 'heading')
        byRole.set(`${u.role}/${u.kind}`, [...(byRole.get(`${u.role}/${u.kind}`) ?? []), u.text]);
  const provinceTemplates = templates.filter((t) => t.meta.level === 'province');
  const districtTemplates = templates.filter((t) => t.meta.level === 'district');
  const out: SynthPlan[] = [];
  for (let n = 0; n < total; n++) {
    const isProvince = n < PROVINCES.length;
    const province = PROVINCES[n % PROVINCES.length]!;
    const districtNo = Math.floor(n / PROVINCES.length);
    const pool = isProvince || districtTemplates.length === 0 ? provinceTemplates : districtTemplates;
    const template = pool[random.int(pool.length)] ?? templates[0]!;
    const from = template.meta.province;
    const blocks = template.units.flatMap((u) => {
      let text = u.text;
      const key = `${u.role}/${u.kind}`;
      if (BODY_ROLES.has(u.role) && u.kind !== 'heading') {
        if (random.chance(0.05)) return [];
        const alternatives = byRole.get(key);
        if (alternatives && random.chance(recombine)) {
          // Keep this unit's list marker, take another plan's words.
          const marker = LIST_MARKER.exec(text)?.[0] ?? '';
          const replacement = random.pick(alternatives).replace(LIST_MARKER, '');
          text = `${marker}${replacement}`;
        }
      }
      return [{ text: rename(text, from, province), heading: u.kind === 'heading' }];
    });
    const layout: Layout = random.pick(['pdf-wrapped', 'pdf-spaced', 'markdown', 'plain-crlf'] as const);
    let text = render(blocks, layout, random);
    if (random.chance(0.3)) text = otherToneStyle(text);
    if (random.chance(0.3)) text = ocrDamage(text, ocrNoise, random);
    const encodingRoll = random.next();
    const encoding: SynthPlan['encoding'] =
      encodingRoll < 0.75
        ? 'utf-8'
        : encodingRoll < 0.85
          ? 'utf-8-bom'
          : encodingRoll < 0.95
            ? 'nfd'
            : 'tcvn3';
    const bytes =
      encoding === 'tcvn3'
        ? encodeLegacy(text.normalize('NFC'), 'tcvn3')
        : new TextEncoder().encode(
            (encoding === 'utf-8-bom' ? '\ufeff' : '') + (encoding === 'nfd' ? text.normalize('NFD') : text),
          );
    const level = isProvince ? 'province' : 'district';
    const id = isProvince
      ? `p${String(n + 1).padStart(2, '0')}-${slug(province)}`
      : `d${String(n + 1).padStart(5, '0')}-${slug(province)}-${districtNo}`;
    out.push({
      meta: {
        id,
        file: `plans/${id}.txt`,
        province,
        ...(isProvince ? {} : { district: `district ${districtNo} (synthetic)` }),
        level,
        issuingBody: isProvince
          ? `Ban Thường vụ Tỉnh ủy ${province}`
          : `Ban Thường vụ Huyện ủy (district ${districtNo} of ${province}, synthetic)`,
        documentNumber: 'unknown',
        date: `2023-${String(9 + random.int(4)).padStart(2, '0')}`,
        kind: template.meta.kind,
        title: template.meta.title,
        signer: 'unknown',
        note: `synthetic: recombined from ${template.meta.id}, ${layout}, ${encoding}`,
      },
      bytes,
      layout,
      encoding,
      template: template.meta.id,
    });
  }
  return out;
}
