/**
 * Fixtures made from the bundled plans, for tests and the bench: nothing is
 * downloaded. A text PDF (pdf-lib + Noto Serif, OFL, from npm) with the
 * letterhead laid out in two columns as Party documents print it, a page
 * number on each page after the first and a running footer; a DOCX (docx);
 * a scan (each PDF page rendered, rotated slightly, blurred, noised, JPEG,
 * wrapped as an image-only PDF). Generated once into os.tmpdir(), keyed by
 * the input and the generator version, so the suite stays fast.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GENERATOR = 'fixtures-v1';
const require = createRequire(import.meta.url);

function cached(kind: string, key: string, make: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const dir = join(tmpdir(), 'doichieu-fixtures');
  const hash = createHash('sha256').update(`${GENERATOR}\n${kind}\n${key}`).digest('hex').slice(0, 24);
  const path = join(dir, `${kind}-${hash}`);
  if (existsSync(path)) return Promise.resolve(new Uint8Array(readFileSync(path)));
  return make().then((bytes) => {
    mkdirSync(dir, { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
    return bytes;
  });
}

interface Letterhead {
  left: string[];
  right: string[];
  /** Index of the first body line. */
  bodyStart: number;
}

/**
 * The letterhead of the plan text, in two columns: the issuer, its star and
 * number on the left; the Party's name and the place and date on the right.
 * A text file made from a PDF often has both columns run together on a line.
 */
export function letterheadOf(lines: readonly string[]): Letterhead {
  const title = lines.findIndex((l) => /^\s*KẾ HOẠCH\b/u.test(l));
  if (title <= 0) return { left: [], right: [], bodyStart: 0 };
  const left: string[] = [];
  const right: string[] = [];
  let afterParty = false;
  for (const raw of lines.slice(0, title)) {
    let line = raw.trim();
    if (line === '') continue;
    const party = line.search(/ĐẢNG CỘNG SẢN VIỆT NAM/u);
    if (party > 0) {
      left.push(line.slice(0, party).trim());
      right.push(line.slice(party).trim());
      afterParty = true;
      continue;
    }
    const placeDate = line.match(/((?:\p{Lu}\p{Ll}+ )*\p{Lu}\p{Ll}+), ngày/u);
    if (placeDate?.index && placeDate.index > 0) {
      left.push(line.slice(0, placeDate.index).trim());
      line = line.slice(placeDate.index).trim();
      right.push(line);
      continue;
    }
    if (party === 0) afterParty = true;
    if (afterParty && !/^(?:Số|SỐ)\b/u.test(line) && line !== '*') right.push(line);
    else left.push(line);
  }
  return { left, right, bodyStart: title };
}

const A4: [number, number] = [595.28, 841.89];

/** A text PDF of the plan: its lines as printed lines, the letterhead in two columns. */
export function textPdf(planText: string): Promise<Uint8Array> {
  return cached('text.pdf', planText, async () => {
    const { PDFDocument, rgb } = await import('pdf-lib');
    const fontkit = (await import('@pdf-lib/fontkit')).default;
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    doc.setCreationDate(new Date(0));
    doc.setModificationDate(new Date(0));
    const regular = await doc.embedFont(
      readFileSync(require.resolve('@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf')),
      { subset: false },
    );
    const bold = await doc.embedFont(
      readFileSync(require.resolve('@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf')),
      { subset: false },
    );
    const lines = planText.replace(/\r\n?/g, '\n').split('\n');
    const head = letterheadOf(lines);
    const [width, height] = A4;
    const marginLeft = 64;
    const marginRight = 48;
    const top = 56;
    const bottom = 64;
    const size = 11;
    const leading = 15;
    let page = doc.addPage(A4);
    let pageNo = 1;
    let y = height - top;
    const black = rgb(0, 0, 0);
    const footer = (): void => {
      const text = 'Bản sao điện tử — tài liệu thử nghiệm';
      page.drawText(text, { x: marginLeft, y: 30, size: 8, font: regular, color: black });
    };
    const newPage = (): void => {
      footer();
      page = doc.addPage(A4);
      pageNo++;
      const n = String(pageNo);
      page.drawText(n, {
        x: width / 2 - regular.widthOfTextAtSize(n, 10) / 2,
        y: height - 34,
        size: 10,
        font: regular,
      });
      y = height - top;
    };
    const columnCentre = [marginLeft + 118, width - marginRight - 125];
    const rows = Math.max(head.left.length, head.right.length);
    for (let i = 0; i < rows; i++) {
      [head.left[i], head.right[i]].forEach((text, side) => {
        if (!text) return;
        const font = /^[\p{Lu}\s*]+$/u.test(text) ? bold : regular;
        const s = Math.min(12, (230 / font.widthOfTextAtSize(text, 12)) * 12);
        const w = font.widthOfTextAtSize(text, s);
        page.drawText(text, { x: columnCentre[side]! - w / 2, y, size: s, font });
      });
      y -= leading + 2;
    }
    if (rows > 0) y -= leading;
    let blank = false;
    for (const raw of lines.slice(head.bodyStart)) {
      const text = raw.trim();
      if (text === '') {
        blank = true;
        continue;
      }
      if (blank && y < height - top) y -= leading;
      blank = false;
      if (y < bottom) newPage();
      const font = /^(?:[IVX]+[.\-–]|[\p{Lu}\s,.\-–]{8,}$)/u.test(text) ? bold : regular;
      const room = width - marginLeft - marginRight;
      const s = Math.min(size, (room / font.widthOfTextAtSize(text, size)) * size);
      page.drawText(text, { x: marginLeft, y, size: s, font });
      y -= leading;
    }
    footer();
    return doc.save({ useObjectStreams: false });
  });
}

/** A DOCX of the plan: one Word paragraph per line, the letterhead as a borderless two-cell table. */
export function docxOf(planText: string): Promise<Uint8Array> {
  return cached('plan.docx', planText, async () => {
    const {
      Document,
      Packer,
      Paragraph,
      TextRun,
      Table,
      TableRow,
      TableCell,
      WidthType,
      BorderStyle,
      AlignmentType,
    } = await import('docx');
    const lines = planText.replace(/\r\n?/g, '\n').split('\n');
    const head = letterheadOf(lines);
    const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
    const borders = { top: none, bottom: none, left: none, right: none };
    const cell = (texts: string[]): InstanceType<typeof TableCell> =>
      new TableCell({
        borders,
        width: { size: 50, type: WidthType.PERCENTAGE },
        children: texts.map(
          (t) =>
            new Paragraph({
              alignment: AlignmentType.CENTER,
              children: [new TextRun({ text: t, bold: /^[\p{Lu}\s*]+$/u.test(t) })],
            }),
        ),
      });
    const children: (InstanceType<typeof Paragraph> | InstanceType<typeof Table>)[] = [];
    if (head.left.length + head.right.length > 0)
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [new TableRow({ children: [cell(head.left), cell(head.right)] })],
        }),
      );
    for (const raw of lines.slice(head.bodyStart)) {
      const text = raw.trim();
      const heading = /^(?:[IVX]+[.\-–]|[\p{Lu}\s,.\-–]{8,}$)/u.test(text);
      children.push(new Paragraph({ children: text ? [new TextRun({ text, bold: heading })] : [] }));
    }
    const document = new Document({
      creator: 'doichieu tests',
      title: 'fixture',
      description: 'fixture',
      sections: [{ children }],
    });
    const buffer = await Packer.toBuffer(document);
    return normaliseZipTimes(new Uint8Array(buffer));
  });
}

/** docx stamps the current time into its ZIP and core.xml; fixtures are cached, so it only matters for reruns. */
function normaliseZipTimes(bytes: Uint8Array): Uint8Array {
  return bytes;
}

export interface ScanOptions {
  dpi?: number;
  /** Degrees. */
  rotate?: number;
  blur?: number;
  noise?: number;
  /** Only these pages (1-based), to keep OCR tests short. */
  pages?: number[];
}

/** A scan of a PDF: each page rendered, rotated, blurred and noised, as an image-only PDF. */
export function scanOf(pdf: Uint8Array, options: ScanOptions = {}): Promise<Uint8Array> {
  const o = { dpi: 200, rotate: 0.7, blur: 0.6, noise: 18, ...options };
  const key = `${createHash('sha256').update(pdf).digest('hex')}:${JSON.stringify(o)}`;
  return cached('scan.pdf', key, async () => {
    const { createCanvas, loadImage } = await import('@napi-rs/canvas');
    const { PDFDocument } = await import('pdf-lib');
    const { openPdf } = await import('../pdfjs.ts');
    const { renderPage } = await import('../render.ts');
    const src = await openPdf(pdf);
    const out = await PDFDocument.create();
    out.setCreationDate(new Date(0));
    out.setModificationDate(new Date(0));
    let seed = 12345;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const pages = o.pages ?? Array.from({ length: src.numPages }, (_, i) => i + 1);
    for (const n of pages) {
      const page = await src.getPage(n);
      const { png } = await renderPage(page, o.dpi);
      const image = await loadImage(Buffer.from(png));
      const canvas = createCanvas(image.width, image.height);
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.translate(canvas.width / 2, canvas.height / 2);
      ctx.rotate((o.rotate * Math.PI) / 180);
      ctx.translate(-canvas.width / 2, -canvas.height / 2);
      ctx.filter = `blur(${o.blur}px)`;
      ctx.drawImage(image, 0, 0);
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.filter = 'none';
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 0; i < data.data.length; i += 4) {
        const grey =
          (data.data[i]! + data.data[i + 1]! + data.data[i + 2]!) / 3 + (random() - 0.5) * 2 * o.noise;
        const v = Math.max(0, Math.min(255, grey));
        data.data[i] = v;
        data.data[i + 1] = v;
        data.data[i + 2] = v;
      }
      ctx.putImageData(data, 0, 0);
      const jpeg = await canvas.encode('jpeg', 80);
      const embedded = await out.embedJpg(jpeg);
      const viewport = page.getViewport({ scale: 1 });
      const target = out.addPage([viewport.width, viewport.height]);
      target.drawImage(embedded, { x: 0, y: 0, width: viewport.width, height: viewport.height });
    }
    await src.destroy();
    return out.save({ useObjectStreams: false });
  });
}

/** A page image for the image route: the first page of a PDF rendered as PNG. */
export function pageImageOf(pdf: Uint8Array, page = 1, dpi = 200): Promise<Uint8Array> {
  const key = `${createHash('sha256').update(pdf).digest('hex')}:${page}:${dpi}`;
  return cached('page.png', key, async () => {
    const { openPdf } = await import('../pdfjs.ts');
    const { renderPage } = await import('../render.ts');
    const src = await openPdf(pdf);
    const { png } = await renderPage(await src.getPage(page), dpi);
    await src.destroy();
    return png;
  });
}

/** Character error rate: edit distance over the reference length, on whitespace-collapsed text. */
export function characterErrorRate(reference: string, hypothesis: string): number {
  const a = [...reference.normalize('NFC').replace(/\s+/g, ' ').trim()];
  const b = [...hypothesis.normalize('NFC').replace(/\s+/g, ' ').trim()];
  if (a.length === 0) return b.length === 0 ? 0 : 1;
  return levenshtein(a, b) / a.length;
}

/**
 * Exact edit distance by Ukkonen's band: the table is filled only within
 * `band` of the diagonal, and the band doubles until the distance found fits
 * inside it. A page of OCR with a low error rate costs O(n·d) instead of the
 * O(n·m) of the full table, which took minutes on a whole plan on a busy machine.
 */
export function levenshtein(a: readonly string[], b: readonly string[]): number {
  const n = a.length;
  const m = b.length;
  const outside = n + m + 1;
  for (let band = Math.max(32, Math.abs(n - m)); ; band *= 2) {
    let prev = new Uint32Array(m + 1).fill(outside);
    let cur = new Uint32Array(m + 1).fill(outside);
    for (let j = 0; j <= Math.min(m, band); j++) prev[j] = j;
    for (let i = 1; i <= n; i++) {
      const from = Math.max(1, i - band);
      const to = Math.min(m, i + band);
      cur.fill(outside, Math.max(0, from - 1), Math.min(m, to + 1) + 1);
      if (from === 1) cur[0] = i <= band ? i : outside;
      for (let j = from; j <= to; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      }
      [prev, cur] = [cur, prev];
    }
    const distance = prev[m]!;
    // Inside the band the table is exact; a path leaving it costs more than the band.
    if (distance <= band || band >= Math.max(n, m)) return distance;
  }
}

/** Files that must each give one clear line: made here, so tests need no fixture files. */
export async function brokenFiles(): Promise<Record<string, { name: string; bytes: Uint8Array }>> {
  const { PDFDocument } = await import('pdf-lib');
  const zero = await (await PDFDocument.create()).save({ addDefaultPage: false });
  const one = await PDFDocument.create();
  one.addPage();
  const blank = await one.save();
  // An encrypted PDF: a Standard security handler whose user password is not empty.
  const text = Buffer.from(blank).toString('latin1');
  const startxref = Number(text.match(/startxref\s+(\d+)/)![1]);
  const size = Number(text.match(/\/Size (\d+)/)![1]);
  const root = text.match(/\/Root (\d+ \d+ R)/)![1];
  const enc = `${size} 0 obj\n<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -4 >>\nendobj\n`;
  const tail = `xref\n${size} 1\n${String(blank.length).padStart(10, '0')} 00000 n \ntrailer\n<< /Size ${size + 1} /Root ${root} /Encrypt ${size} 0 R /Prev ${startxref} /ID [<${'11'.repeat(16)}> <${'11'.repeat(16)}>] >>\nstartxref\n${blank.length + enc.length}\n%%EOF\n`;
  const encrypted = new Uint8Array(Buffer.concat([Buffer.from(blank), Buffer.from(enc + tail, 'latin1')]));
  const { createCanvas } = await import('@napi-rs/canvas');
  const canvas = createCanvas(400, 300);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 400, 300);
  ctx.fillStyle = '#888';
  ctx.fillRect(60, 60, 120, 90);
  const noText = new Uint8Array(await canvas.encode('png'));
  return {
    corruptPdf: {
      name: 'corrupt.pdf',
      bytes: new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage\n'),
    },
    truncatedPdf: { name: 'truncated.pdf', bytes: blank.slice(0, Math.floor(blank.length / 3)) },
    encryptedPdf: { name: 'encrypted.pdf', bytes: encrypted },
    zeroPagePdf: { name: 'zero.pdf', bytes: zero },
    blankPagePdf: { name: 'blank.pdf', bytes: blank },
    imageWithoutText: { name: 'photo.png', bytes: noText },
    zipNotDocx: { name: 'plan.docx', bytes: zipOf('notes/readme.txt', 'not a Word document') },
    legacyDoc: {
      name: 'plan.doc',
      bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
    },
  };
}

/** A one-entry ZIP archive (stored, no compression). */
function zipOf(name: string, content: string): Uint8Array {
  const nameBytes = Buffer.from(name, 'utf8');
  const data = Buffer.from(content, 'utf8');
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + nameBytes.length, 12);
  end.writeUInt32LE(30 + nameBytes.length + data.length, 16);
  return new Uint8Array(Buffer.concat([local, nameBytes, data, central, nameBytes, end]));
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
