/**
 * Shared by the notebooks: analyse the bundled corpus with the packages'
 * public API (the same steps as `doichieu analyze`), and small helpers to
 * show tables and figures in Jupyter (Deno kernel).
 */
import { fileURLToPath } from 'node:url';
import { syllables } from '../packages/align/src/index.ts';
import { loadCorpus, loadGold, readPlanFile } from '../packages/cli/src/io.ts';
import { ingestPlan, loadLexicon } from '../packages/core/src/index.ts';
import { type Analysis, analyse } from '../packages/report/src/index.ts';
import { escapeMarkdown, markdownTable } from '../packages/report/src/outputs.ts';

export const CORPUS_DIR = fileURLToPath(new URL('../corpus/', import.meta.url));

/**
 * The bundled corpus, ingested and analysed with the shipped model (its annotations shown beside
 * the labels). Read as the CLI reads it: manifest, directive and annotations checked against
 * their schemas, files confined to the corpus folder and bounded in size.
 */
export function loadAnalysis(corpusDir = CORPUS_DIR): Analysis & { findings?: unknown } {
  const corpus = loadCorpus(corpusDir);
  const lexicon = loadLexicon();
  const plans = corpus.manifest.plans.map((meta) =>
    ingestPlan(readPlanFile(corpus, meta), meta, { lexicon }),
  );
  const gold = loadGold(corpus);
  return analyse(corpus.directive, plans, gold ? { gold: gold.rows } : {});
}

/** A Markdown table (cells escaped) shown as rich output. */
export function table(header: string[], rows: (string | number)[][]) {
  return Deno.jupyter.md`${markdownTable(
    header,
    rows.map((r) => r.map((c) => (typeof c === 'number' ? String(c) : escapeMarkdown(c)))),
  )}`;
}

export const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

/** Syllable n-gram set of a text (normalised by the align package's tokenizer). */
export function gramSet(text: string, n = 3): Set<string> {
  const s = syllables(text);
  const out = new Set<string>();
  for (let i = 0; i + n <= s.length; i++) out.add(s.slice(i, i + n).join(' '));
  return out;
}

/** Share of A's n-grams found in B (containment), 0..1. */
export function containment(a: Set<string>, b: Set<string>): number {
  if (a.size === 0) return 0;
  let hit = 0;
  for (const g of a) if (b.has(g)) hit++;
  return hit / a.size;
}

export const short = (t: string, n = 140) => (t.length > n ? `${t.slice(0, n - 1)}…` : t);

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A horizontal bar chart as an SVG string: one bar per row, values 0..1. */
export function barChartSvg(
  rows: { label: string; value: number; color?: string; note?: string }[],
  title: string,
): string {
  const labelW = 300;
  const barW = 380;
  const h = 20;
  const top = 30;
  const height = top + rows.length * h + 24;
  const width = labelW + barW + 120;
  const bars = rows
    .map((r, i) => {
      const y = top + i * h;
      const w = Math.max(0, Math.min(1, r.value)) * barW;
      return `<text x="${labelW - 6}" y="${y + 14}" text-anchor="end" font-size="11">${esc(short(r.label, 48))}</text>
<rect x="${labelW}" y="${y + 3}" width="${w.toFixed(1)}" height="${h - 6}" fill="${r.color ?? '#1d4f86'}"/>
<text x="${labelW + w + 4}" y="${y + 14}" font-size="10.5" fill="#333">${esc(`${(r.value * 100).toFixed(0)}%${r.note ? ` ${r.note}` : ''}`)}</text>`;
    })
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="DejaVu Sans, Arial, sans-serif">
<rect width="${width}" height="${height}" fill="#fff"/>
<text x="8" y="18" font-size="13" font-weight="600">${esc(title)}</text>
${bars}
<line x1="${labelW}" x2="${labelW}" y1="${top}" y2="${top + rows.length * h}" stroke="#999"/>
</svg>`;
}

/**
 * Shows `value` (a table, a chart) and waits until the kernel has sent it.
 * Left as a cell's value instead, Deno's kernel can report the cell finished
 * before its result is on the wire, and nbconvert then records the cell
 * without it (seen under load in CI); an awaited display is sent first.
 */
export async function show(value: unknown): Promise<void> {
  await Deno.jupyter.display(value);
}
