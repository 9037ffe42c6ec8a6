/**
 * Exports from the viewer: the heatmap as a standalone SVG (and a PNG drawn
 * from it), any table as CSV — the same neutralised CSV the CLI writes
 * (packages/report's cell module: BOM, every field quoted, CRLF, a quote
 * before = + - @) — and a citable link to a plan or unit. The SVG and CSV
 * builders are pure; `download` and `copyText` touch the DOM.
 */
import { type Cell, csvText } from '../../packages/report/src/export/cell.ts';
import { darkOnRamp, ramp } from './palette.ts';
import type { CoverageStatus } from './types.ts';

export type { Cell };
export { csvText };

const GLYPH: Record<CoverageStatus, string> = { operationalised: '●', mentioned: '○', absent: '–' };

const xml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

export interface SvgRow {
  label: string;
  /** Roll-up rows are drawn bold. */
  bold?: boolean;
  cells: Array<{ status: CoverageStatus; share: number; text: string; tone: number }>;
}

/** The heatmap as a standalone SVG document (every row, not only those on screen). */
export function heatmapSvg(title: string, columns: readonly string[], rows: readonly SvgRow[]): string {
  const cellW = 92;
  const rowH = 22;
  const headH = 44;
  const labelW = Math.min(420, Math.max(160, ...rows.map((r) => r.label.length * 6.4 + 16)));
  const width = labelW + cellW * columns.length;
  const height = headH + rowH * rows.length + 8;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, 'Noto Sans', Arial, sans-serif" font-size="11">`,
    `<title>${xml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="4" y="16" font-size="13" font-weight="700">${xml(title)}</text>`,
  ];
  columns.forEach((c, i) => {
    out.push(
      `<text x="${labelW + i * cellW + cellW / 2}" y="${headH - 8}" text-anchor="middle" font-weight="700">${xml(c)}</text>`,
    );
  });
  rows.forEach((r, ri) => {
    const y = headH + ri * rowH;
    out.push(
      `<text x="${labelW - 6}" y="${y + 15}" text-anchor="end"${r.bold ? ' font-weight="700"' : ''}>${xml(r.label)}</text>`,
    );
    r.cells.forEach((c, ci) => {
      const x = labelW + ci * cellW;
      const fill = c.status === 'absent' ? '#eeeeee' : ramp(c.tone);
      const ink = c.status !== 'absent' && darkOnRamp(c.tone) ? '#ffffff' : '#000000';
      out.push(
        `<rect x="${x + 1}" y="${y + 1}" width="${cellW - 2}" height="${rowH - 2}" rx="2" fill="${fill}" stroke="#c9ced6"/>`,
        `<text x="${x + cellW / 2}" y="${y + 15}" text-anchor="middle" fill="${ink}">${xml(c.text)}</text>`,
      );
    });
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** The glyph and share of a heatmap cell as text ("● 38%"). */
export function cellText(status: CoverageStatus, share: string): string {
  return status === 'absent' ? GLYPH.absent : `${GLYPH[status]} ${share}`;
}

/** A PNG of an SVG document, drawn at `scale` on a canvas (the browser's own rasteriser). */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  // A data: URL, not a blob: one: the viewer's content-security policy allows images from 'self' and data: only.
  const img = new Image();
  await new Promise<void>((ok, fail) => {
    img.onload = () => ok();
    img.onerror = () => fail(new Error('the SVG could not be drawn'));
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  });
  const canvas = document.createElement('canvas');
  // Canvases are limited to about 32k pixels a side: large corpora are drawn at a smaller scale.
  const s = Math.min(scale, 32000 / Math.max(img.width, img.height));
  canvas.width = Math.round(img.width * s);
  canvas.height = Math.round(img.height * s);
  const g = canvas.getContext('2d')!;
  g.scale(s, s);
  g.drawImage(img, 0, 0);
  return await new Promise<Blob>((ok, fail) =>
    canvas.toBlob((b) => (b ? ok(b) : fail(new Error('no PNG'))), 'image/png'),
  );
}

/** Offers `data` as a file download named `name`. */
export function download(name: string, data: Blob | string, type = 'text/plain;charset=utf-8'): void {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** A citation for a plan (and a unit of it): names, ids and the link that reopens the view. */
export function citation(link: string, plan: { id: string; name: string }, unitId?: string): string {
  return `${plan.name} [${plan.id}${unitId ? `, ${unitId}` : ''}] ${link}`;
}

/** Copies text to the clipboard; false when the browser refuses. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
