/**
 * The plan similarity view of the Corpus tab. Plans are in a clustered
 * order (similarity-data.ts), so that families of similar plans show as
 * blocks on the diagonal. Up to 60 plans: a table whose cells are links.
 * Beyond: a canvas (one pass over the compared pairs, never one element per
 * cell, so 700 or 7,000 plans draw at once) with hover labels naming both
 * plans, zoom by dragging a square (Back and Whole matrix buttons, Escape
 * goes back), a click opening the comparison; the keyboard and screen-reader
 * alternative is the table of the most similar pairs. Both export: the
 * canvas as PNG, the pairs as the CLI's neutralised CSV.
 */
import type { Ctx } from '../context.ts';
import { clear, h } from '../dom.ts';
import { csvText, download } from '../export.ts';
import { percent, planName, t } from '../i18n.ts';
import { darkOnRamp, ramp, rampRgb } from '../palette.ts';
import type { Lang } from '../types.ts';
import { copyLinkButton } from './coverage.ts';
import {
  brushWindow,
  cellAt,
  type MatrixWindow,
  type SimilarityGraph,
  similarityGraph,
  topPairs,
} from './similarity-data.ts';

const TABLE_MAX = 60;
const TOP_PAIRS = 50;
const NOT_COMPARED: [number, number, number] = [228, 231, 236];
// Okabe-Ito orange: never confused with the blue ramp.
const DIAGONAL: [number, number, number] = [230, 159, 0];

export function similaritySection(ctx: Ctx, lang: Lang): HTMLElement {
  const { corpus } = ctx;
  const section = h(
    'section',
    { class: 'similarity-matrix', id: 'similarity' },
    h('h2', {}, t(lang, 'similarityMatrix')),
  );
  const graph = similarityGraph(corpus.findings);
  if (!graph) {
    section.append(h('p', { class: 'note' }, t(lang, 'notAvailable')));
    return section;
  }
  const name = (i: number) => {
    const id = graph.plans[i]!;
    const p = corpus.planById.get(id);
    return p ? planName(p, lang) : id;
  };
  const n = graph.plans.length;
  // Colours run up to the highest similarity of the corpus, so that low-similarity corpora still show structure.
  const tone = (v: number) => Math.sqrt(Math.max(0, v) / graph.max);
  section.append(
    h(
      'p',
      { class: 'legend-line', id: 'similarity-legend' },
      t(lang, graph.dense ? 'similarityScale' : 'similarityScaleSparse', { max: percent(graph.max) }),
    ),
    scaleLegend(lang, graph, tone),
  );

  const csv = h('button', { type: 'button', class: 'btn', id: 'similarity-csv' }, t(lang, 'exportCsv'));
  csv.addEventListener('click', () => {
    const rows = topPairs(graph, graph.edges.length).map((e) => [
      graph.plans[e.i]!,
      name(e.i),
      graph.plans[e.j]!,
      name(e.j),
      e.value,
    ]);
    download(
      'doichieu-similarity.csv',
      csvText(['plan_a_id', 'plan_a', 'plan_b_id', 'plan_b', 'similarity'], rows),
      'text/csv;charset=utf-8',
    );
  });
  const tools = h('div', { class: 'toolbar' }, csv);
  section.append(tools);

  // The clustered order is computed in the data worker (once per corpus); the matrix is drawn when it is in.
  const slot = h(
    'div',
    { class: 'matrix-slot', 'aria-busy': 'true' },
    h('p', { class: 'muted' }, t(lang, 'loading')),
  );
  section.append(slot, pairsTable(ctx, lang, graph, name));
  ctx.data.similarityOrder().then(
    (got) => {
      const order = got.length === n ? got : graph.plans.map((_, i) => i);
      slot.replaceWith(
        n <= TABLE_MAX
          ? matrixTable(ctx, lang, graph, order, name, tone)
          : matrixCanvas(ctx, lang, graph, order, name, tone, tools),
      );
    },
    (error: unknown) => {
      slot.replaceChildren(
        h('p', { class: 'note error' }, String(error instanceof Error ? error.message : error)),
      );
    },
  );
  return section;
}

function scaleLegend(lang: Lang, graph: SimilarityGraph, tone: (v: number) => number): HTMLElement {
  const steps = h('span', { class: 'ramp', 'aria-hidden': 'true' });
  for (const f of [0, 0.25, 0.5, 0.75, 1]) {
    const v = f * graph.max;
    const sw = h('span', { class: 'ramp-step' }, percent(v));
    sw.style.background = ramp(tone(v));
    if (darkOnRamp(tone(v))) sw.classList.add('light');
    steps.append(sw);
  }
  const swatch = (rgb: readonly number[], label: string, cls: string) => {
    const s = h('span', { class: `swatch-box ${cls}`, 'aria-hidden': 'true' });
    s.style.background = `rgb(${rgb.join(',')})`;
    return h('span', { class: 'legend-status' }, s, ` ${label}`);
  };
  return h(
    'div',
    { class: 'legend' },
    h('div', {}, h('span', { class: 'legend-title' }, t(lang, 'similarity')), steps),
    h(
      'div',
      {},
      graph.dense ? null : swatch(NOT_COMPARED, t(lang, 'notCompared'), 'not-compared'),
      swatch(DIAGONAL, t(lang, 'samePlanCell'), 'diag'),
      h('span', { class: 'muted' }, t(lang, 'clusteredOrder')),
    ),
  );
}

function matrixTable(
  ctx: Ctx,
  lang: Lang,
  graph: SimilarityGraph,
  order: number[],
  name: (i: number) => string,
  tone: (v: number) => number,
): HTMLElement {
  const table = h('table', { class: 'matrix', id: 'similarity-table' });
  table.append(
    h('caption', { class: 'sr-only' }, t(lang, 'similarityMatrix')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('td', {}, ''),
        order.map((j, c) => h('th', { scope: 'col', title: name(j) }, String(c + 1))),
      ),
    ),
  );
  const tbody = h('tbody');
  order.forEach((i, r) => {
    const row = h('tr', { 'data-plan': graph.plans[i]! }, h('th', { scope: 'row' }, `${r + 1}. ${name(i)}`));
    for (const j of order) {
      const v = graph.value(i, j);
      if (i === j) {
        row.append(h('td', { class: 'diag' }, '—'));
        continue;
      }
      if (v === undefined) {
        row.append(h('td', { class: 'not-compared', title: t(lang, 'notCompared') }, '·'));
        continue;
      }
      const cell = h(
        'td',
        {},
        h(
          'a',
          {
            href: ctx.href({ view: 'compare', a: graph.plans[i]!, b: graph.plans[j]! }),
            'aria-label': `${name(i)} — ${name(j)}: ${percent(v)}. ${t(lang, 'openCompare')}`,
            title: `${name(i)}\n${name(j)}\n${t(lang, 'similarity')}: ${percent(v)}`,
          },
          percent(v),
        ),
      );
      cell.style.background = ramp(tone(v));
      if (darkOnRamp(tone(v))) cell.classList.add('light');
      row.append(cell);
    }
    tbody.append(row);
  });
  table.append(tbody);
  return h('div', { class: 'matrix-wrap' }, table);
}

function matrixCanvas(
  ctx: Ctx,
  lang: Lang,
  graph: SimilarityGraph,
  order: number[],
  name: (i: number) => string,
  tone: (v: number) => number,
  tools: HTMLElement,
): HTMLElement {
  const n = order.length;
  const position = new Int32Array(graph.plans.length);
  order.forEach((planIndex, pos) => {
    position[planIndex] = pos;
  });
  const full: MatrixWindow = { r0: 0, r1: n, c0: 0, c1: n };
  const stack: MatrixWindow[] = [];
  let win = full;

  const canvas = h('canvas', {
    class: 'matrix-canvas',
    id: 'similarity-canvas',
    role: 'img',
    'aria-label': t(lang, 'similarityCanvasLabel', { n }),
    'aria-describedby': 'similarity-legend similarity-zoom-hint',
  });
  const brush = h('div', { class: 'brush', hidden: true });
  const tip = h('div', { class: 'sim-tip', id: 'similarity-tip', hidden: true, role: 'tooltip' });
  const frame = h('div', { class: 'matrix-frame' }, canvas, brush, tip);
  const back = h(
    'button',
    { type: 'button', class: 'btn', id: 'zoom-back', disabled: true },
    t(lang, 'zoomBack'),
  );
  const reset = h(
    'button',
    { type: 'button', class: 'btn', id: 'zoom-reset', disabled: true },
    t(lang, 'zoomReset'),
  );
  const png = h('button', { type: 'button', class: 'btn', id: 'similarity-png' }, 'PNG');
  const status = h('span', { class: 'count', id: 'zoom-status', 'aria-live': 'polite' });
  tools.prepend(back, reset, status);
  tools.append(png);

  // RGBA packed as the canvas stores it (little-endian: red in the low byte), one entry per ramp step.
  const packed = (rgb: readonly number[]) => (255 << 24) | (rgb[2]! << 16) | (rgb[1]! << 8) | rgb[0]!;
  const rampSteps = Array.from({ length: 256 }, (_, key) => packed(rampRgb(key / 255)));
  const colourOf = (v: number): number =>
    v < 0 ? packed(NOT_COMPARED) : v > 1 ? packed(DIAGONAL) : rampSteps[Math.round(tone(v) * 255)]!;
  const cssSize = () => Math.max(240, Math.min(760, (frame.parentElement?.clientWidth ?? 760) - 4));
  const draw = () => {
    const size = cssSize();
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    const px = Math.round(size * dpr);
    canvas.width = px;
    canvas.height = px;
    canvas.style.width = `${size}px`;
    canvas.style.height = `${size}px`;
    frame.style.width = `${size}px`;
    const g = canvas.getContext('2d');
    if (!g) return;
    const rows = win.r1 - win.r0;
    const cols = win.c1 - win.c0;
    // The best value per pixel: -1 = no compared pair there, 2 = the diagonal. Each pixel's colour is
    // written when its value rises, so only the pixels that compared pairs cover are coloured one by
    // one (a 760-px canvas has 577,600 pixels and a 700-plan corpus a few thousand pairs).
    const image = g.createImageData(px, px);
    const pixels = new Uint32Array(image.data.buffer);
    const best = new Float32Array(px * px).fill(graph.dense ? 0 : -1);
    pixels.fill(colourOf(graph.dense ? 0 : -1));
    const span = (from: number, count: number, at: number): [number, number] => {
      const a = Math.floor(((at - from) * px) / count);
      return [a, Math.max(a + 1, Math.floor(((at - from + 1) * px) / count))];
    };
    const put = (r: number, c: number, v: number) => {
      if (r < win.r0 || r >= win.r1 || c < win.c0 || c >= win.c1) return;
      const [y0, y1] = span(win.r0, rows, r);
      const [x0, x1] = span(win.c0, cols, c);
      const colour = colourOf(v);
      for (let y = y0; y < y1; y++)
        for (let x = x0; x < x1; x++) {
          const k = y * px + x;
          if (v > best[k]!) {
            best[k] = v;
            pixels[k] = colour;
          }
        }
    };
    for (const e of graph.edges) {
      const a = position[e.i]!;
      const b = position[e.j]!;
      put(a, b, e.value);
      put(b, a, e.value);
    }
    for (let p = Math.max(win.r0, win.c0); p < Math.min(win.r1, win.c1); p++) put(p, p, 2);
    g.putImageData(image, 0, 0);
    status.textContent = t(lang, 'zoomStatus', {
      from: win.r0 + 1,
      to: win.r1,
      c0: win.c0 + 1,
      c1: win.c1,
      n,
    });
    back.disabled = stack.length === 0;
    reset.disabled = win === full;
  };

  const zoomTo = (next: MatrixWindow) => {
    stack.push(win);
    win = next;
    draw();
  };
  const goBack = () => {
    const prev = stack.pop();
    if (!prev) return;
    win = prev;
    draw();
  };
  back.addEventListener('click', goBack);
  reset.addEventListener('click', () => {
    stack.length = 0;
    win = full;
    draw();
  });
  png.addEventListener('click', () => {
    canvas.toBlob((b) => {
      if (b) download('doichieu-similarity.png', b);
    }, 'image/png');
  });

  const local = (ev: MouseEvent): [number, number] => {
    const r = canvas.getBoundingClientRect();
    return [ev.clientX - r.left, ev.clientY - r.top];
  };
  const cellOf = (ev: MouseEvent) => {
    const [x, y] = local(ev);
    return cellAt(win, canvas.getBoundingClientRect().width || cssSize(), x, y);
  };
  // Where cells are smaller than the pointer, the compared pair nearest the pointer (within 3 px) is the one meant.
  const snap = (ev: MouseEvent): [number, number] => {
    const [r, c] = cellOf(ev);
    const perPx = (win.r1 - win.r0) / (canvas.getBoundingClientRect().width || cssSize());
    const reach = Math.floor(perPx * 3);
    if (reach < 1 || graph.value(order[r]!, order[c]!) !== undefined) return [r, c];
    let best: [number, number] = [r, c];
    let bestValue = -1;
    for (let dr = -reach; dr <= reach; dr++)
      for (let dc = -reach; dc <= reach; dc++) {
        const rr = r + dr;
        const cc = c + dc;
        if (rr < win.r0 || rr >= win.r1 || cc < win.c0 || cc >= win.c1 || rr === cc) continue;
        const v = graph.value(order[rr]!, order[cc]!);
        if (v !== undefined && v > bestValue) {
          bestValue = v;
          best = [rr, cc];
        }
      }
    return best;
  };
  const showTip = (ev: MouseEvent) => {
    const [r, c] = snap(ev);
    const i = order[r]!;
    const j = order[c]!;
    const v = graph.value(i, j);
    clear(tip);
    tip.append(
      h('div', { class: 'tip-title' }, name(i)),
      h('div', { class: 'tip-title' }, name(j)),
      h(
        'div',
        {},
        i === j
          ? t(lang, 'samePlanCell')
          : v === undefined
            ? t(lang, 'notCompared')
            : `${t(lang, 'similarity')}: ${percent(v)}${i !== j ? ` · ${t(lang, 'clickCompare')}` : ''}`,
      ),
    );
    tip.hidden = false;
    const [x, y] = local(ev);
    const size = canvas.getBoundingClientRect().width;
    const w = tip.offsetWidth;
    tip.style.left = `${Math.max(0, Math.min(x + 14, size - w))}px`;
    tip.style.top = `${y + 18}px`;
  };

  let dragFrom: { cell: [number, number]; x: number; y: number } | undefined;
  canvas.addEventListener('mousedown', (ev) => {
    if (ev.button !== 0) return;
    ev.preventDefault();
    const [x, y] = local(ev);
    dragFrom = { cell: cellOf(ev), x, y };
    // On the window, so that a drag ending outside the canvas still ends.
    window.addEventListener('mouseup', onUp, { once: true });
  });
  canvas.addEventListener('mousemove', (ev) => {
    showTip(ev);
    if (!dragFrom) return;
    const [x, y] = local(ev);
    const side = Math.max(Math.abs(x - dragFrom.x), Math.abs(y - dragFrom.y));
    brush.hidden = side < 4;
    brush.style.left = `${Math.min(x, dragFrom.x)}px`;
    brush.style.top = `${Math.min(y, dragFrom.y)}px`;
    brush.style.width = `${side}px`;
    brush.style.height = `${side}px`;
  });
  canvas.addEventListener('mouseleave', () => {
    tip.hidden = true;
  });
  const onUp = (ev: MouseEvent) => {
    if (!dragFrom) return;
    const from = dragFrom;
    dragFrom = undefined;
    brush.hidden = true;
    const [x, y] = local(ev);
    const moved = Math.max(Math.abs(x - from.x), Math.abs(y - from.y));
    const to = moved >= 4 ? cellOf(ev) : snap(ev);
    if (moved >= 4) {
      const next = brushWindow(from.cell[0], from.cell[1], to[0], to[1], n);
      if (next.r1 - next.r0 >= 2) zoomTo(next);
      return;
    }
    const i = order[to[0]]!;
    const j = order[to[1]]!;
    if (i !== j && ev.target === canvas) ctx.go({ view: 'compare', a: graph.plans[i]!, b: graph.plans[j]! });
  };
  frame.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') goBack();
  });
  tools.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') goBack();
  });

  requestAnimationFrame(draw);
  draw();
  return h(
    'div',
    { class: 'matrix-canvas-wrap' },
    h('p', { class: 'muted', id: 'similarity-zoom-hint' }, t(lang, 'zoomHint')),
    frame,
  );
}

function pairsTable(ctx: Ctx, lang: Lang, graph: SimilarityGraph, name: (i: number) => string): HTMLElement {
  const pairs = topPairs(graph, TOP_PAIRS);
  return h(
    'div',
    { class: 'pairs-wrap' },
    h(
      'table',
      { class: 'data', id: 'similarity-pairs' },
      h('caption', {}, t(lang, 'topPairs', { n: pairs.length })),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, '#'),
          h('th', { scope: 'col' }, t(lang, 'planA')),
          h('th', { scope: 'col' }, t(lang, 'planB')),
          h('th', { scope: 'col', class: 'num' }, t(lang, 'similarity')),
          h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, t(lang, 'copyLink'))),
        ),
      ),
      h(
        'tbody',
        {},
        pairs.map((e, k) =>
          h(
            'tr',
            { 'data-a': graph.plans[e.i]!, 'data-b': graph.plans[e.j]! },
            h('td', { class: 'num' }, String(k + 1)),
            h('td', {}, name(e.i)),
            h('td', {}, name(e.j)),
            h(
              'td',
              { class: 'num' },
              h(
                'a',
                {
                  href: ctx.href({ view: 'compare', a: graph.plans[e.i]!, b: graph.plans[e.j]! }),
                  'aria-label': `${percent(e.value)}: ${t(lang, 'openCompare')} (${name(e.i)} — ${name(e.j)})`,
                },
                percent(e.value),
              ),
            ),
            h(
              'td',
              {},
              copyLinkButton(
                lang,
                () => ({
                  id: `${graph.plans[e.i]!}, ${graph.plans[e.j]!}`,
                  name: `${name(e.i)} — ${name(e.j)}`,
                }),
                undefined,
                () => ctx.href({ view: 'compare', a: graph.plans[e.i]!, b: graph.plans[e.j]! }),
                true,
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
