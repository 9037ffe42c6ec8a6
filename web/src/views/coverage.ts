/**
 * Coverage: a heatmap of plans × task groups. Fill = share of the plan's
 * content that serves the group; ● operationalised, ○ + hatching only
 * mentioned, – absent. Sortable by column; a cell opens the units behind it,
 * highlighted in the plan's text. One SVG with one <g> per cell and a roving
 * tabindex: arrow keys move, Enter or Space selects.
 */
import { select } from 'd3-selection';
import type { Ctx, ViewHandle } from '../context.ts';
import { clear, h } from '../dom.ts';
import { groupShort, percent, planName, t } from '../i18n.ts';
import { darkOnRamp, groupColour, ramp } from '../palette.ts';
import { planText, unitDomId } from '../plantext.ts';
import { type HeatCell, type HeatRow, heatmapRows, sortRows } from '../prepare.ts';
import type { ViewState } from '../state.ts';

let CELL_W = 104;
const CELL_H = 30;
const HEAD_H = 64;
const GLYPH: Record<HeatCell['status'], string> = { operationalised: '●', mentioned: '○', absent: '–' };

/** Share → position on the colour ramp (square root, so small shares stay visible). */
export function tone(share: number): number {
  return 0.06 + 0.94 * Math.sqrt(Math.max(0, Math.min(1, share)));
}

export function mountCoverage(root: HTMLElement, ctx: Ctx): ViewHandle {
  const lang = ctx.state.lang;
  const corpus = ctx.corpus;
  const names = new Map(corpus.plans.map((p) => [p.id, planName(p, lang)]));
  const name = (id: string) => names.get(id) ?? id;
  const allRows = heatmapRows(corpus);

  const sortSelect = h(
    'select',
    { id: 'sort-key', 'aria-label': t(lang, 'sortBy') },
    h('option', { value: 'plan' }, t(lang, 'sortPlan')),
    h('option', { value: 'date' }, t(lang, 'sortDate')),
    corpus.groups.map((g) => h('option', { value: g.id }, `${g.id} · ${groupShort(g, lang)}`)),
  );
  const dirButton = h('button', { type: 'button', id: 'sort-dir', class: 'btn' });
  const heatWrap = h('div', { class: 'heatmap-wrap', tabindex: -1 });
  const hint = h('p', { class: 'hint', id: 'heatmap-hint', hidden: true }, t(lang, 'scrollSideways'));
  const detail = h('section', { class: 'detail', id: 'cell-detail', 'aria-live': 'polite' });

  root.append(
    h('p', { class: 'intro' }, t(lang, 'coverageIntro')),
    h(
      'div',
      { class: 'toolbar' },
      h('label', { for: 'sort-key' }, `${t(lang, 'sortBy')} `),
      sortSelect,
      dirButton,
      h('span', { class: 'count' }, t(lang, 'plans', { n: corpus.plans.length })),
    ),
    legend(lang),
    hint,
    h('div', { class: 'coverage-layout' }, heatWrap, detail),
  );
  sortSelect.addEventListener('change', () => ctx.go({ sort: sortSelect.value }, { replace: true }));
  dirButton.addEventListener('click', () => ctx.go({ desc: !ctx.state.desc }, { replace: true }));

  let cells: SVGGElement[][] = [];
  let rows: HeatRow[] = [];

  const drawHeatmap = (state: ViewState) => {
    const key = state.sort ?? 'plan';
    sortSelect.value = key;
    dirButton.textContent = state.desc ? `↓ ${t(lang, 'descending')}` : `↑ ${t(lang, 'ascending')}`;
    dirButton.setAttribute('aria-pressed', state.desc ? 'true' : 'false');
    rows = sortRows(allRows, key, state.desc ?? false, name);
    // Phones: narrower cells and labels, so that the five groups fit beside the plan names.
    const compact = window.innerWidth < 700;
    CELL_W = compact ? 52 : 104;
    const labelW = compact
      ? 120
      : Math.min(360, Math.max(180, ...rows.map((r) => name(r.planId).length * 6.6 + 16)));
    const width = labelW + CELL_W * corpus.groups.length;
    const height = HEAD_H + CELL_H * rows.length;
    clear(heatWrap);
    const svg = select(heatWrap)
      .append('svg')
      .attr('class', 'heatmap')
      .attr('id', 'heatmap')
      .attr('viewBox', `0 0 ${width} ${height}`)
      .attr('width', width)
      .attr('height', height)
      .attr('role', 'grid')
      .attr('aria-label', t(lang, 'view.coverage'));
    const defs = svg.append('defs');
    const pattern = defs
      .append('pattern')
      .attr('id', 'hatch')
      .attr('patternUnits', 'userSpaceOnUse')
      .attr('width', 6)
      .attr('height', 6)
      .attr('patternTransform', 'rotate(45)');
    pattern.append('rect').attr('width', 2.2).attr('height', 6).attr('fill', 'rgba(255,255,255,0.75)');

    // Column headers: buttons that sort by the group.
    const head = svg.append('g').attr('class', 'colheads').attr('role', 'row');
    corpus.groups.forEach((g, i) => {
      const active = key === g.id;
      const col = head
        .append('g')
        .attr('class', active ? 'colhead active' : 'colhead')
        .attr('transform', `translate(${labelW + i * CELL_W},0)`)
        .attr('role', 'columnheader')
        .attr('tabindex', 0)
        .attr('aria-sort', active ? (state.desc ? 'descending' : 'ascending') : 'none')
        .attr('aria-label', `${g.id}: ${g.label[lang]}. ${t(lang, 'sortBy')}`);
      col.append('title').text(g.label[lang]);
      col
        .append('rect')
        .attr('class', 'swatch')
        .attr('x', 4)
        .attr('y', 6)
        .attr('width', CELL_W - 8)
        .attr('height', 5)
        .attr('fill', groupColour(i));
      col
        .append('text')
        .attr('x', CELL_W / 2)
        .attr('y', 26)
        .attr('class', 'gid')
        .text(`${g.id}${active ? (state.desc ? ' ▼' : ' ▲') : ''}`);
      const words = groupShort(g, lang);
      const lines = wrap(words, 16);
      lines.slice(0, 2).forEach((line, li) => {
        col
          .append('text')
          .attr('x', CELL_W / 2)
          .attr('y', 42 + li * 13)
          .attr('class', 'gshort')
          .text(line);
      });
      const activate = () =>
        ctx.go({ sort: g.id, desc: state.sort === g.id ? !state.desc : true }, { replace: true });
      col.on('click', activate).on('keydown', (ev: KeyboardEvent) => {
        if (ev.key === 'Enter' || ev.key === ' ') {
          ev.preventDefault();
          activate();
        }
      });
    });

    const body = svg.append('g').attr('class', 'rows').attr('transform', `translate(0,${HEAD_H})`);
    const rowSel = body
      .selectAll<SVGGElement, HeatRow>('g.row')
      .data(rows)
      .join('g')
      .attr('class', 'row')
      .attr('role', 'row')
      .attr('transform', (_d, i) => `translate(0,${i * CELL_H})`);
    rowSel
      .append('text')
      .attr('class', 'rowlabel')
      .attr('x', labelW - 8)
      .attr('y', CELL_H / 2 + 4)
      .attr('role', 'rowheader')
      .text((d) => (compact ? clip(name(d.planId), 18) : name(d.planId)));
    rowSel.append('title').text((d) => name(d.planId));
    cells = [];
    const cellSel = rowSel
      .selectAll<SVGGElement, HeatCell>('g.cell')
      .data((d) => d.cells)
      .join('g')
      .attr('class', (d) => `cell ${d.status}`)
      .attr('role', 'gridcell')
      .attr('tabindex', -1)
      .attr('data-plan', (d) => d.planId)
      .attr('data-group', (d) => d.group)
      .attr('data-status', (d) => d.status)
      .attr('transform', (_d, i) => `translate(${labelW + i * CELL_W},0)`)
      .attr('aria-label', (d) =>
        t(lang, 'cellLabel', {
          plan: name(d.planId),
          group: d.group,
          share: percent(d.share),
          status: t(lang, `status.${d.status}`),
          n: d.units.length,
        }),
      );
    cellSel
      .append('rect')
      .attr('class', 'bg')
      .attr('x', 1.5)
      .attr('y', 1.5)
      .attr('width', CELL_W - 3)
      .attr('height', CELL_H - 3)
      .attr('rx', 3)
      .attr('fill', (d) => (d.status === 'absent' ? '#eeeeee' : ramp(tone(d.share))));
    cellSel
      .filter((d) => d.status === 'mentioned')
      .append('rect')
      .attr('class', 'hatch')
      .attr('x', 1.5)
      .attr('y', 1.5)
      .attr('width', CELL_W - 3)
      .attr('height', CELL_H - 3)
      .attr('rx', 3)
      .attr('fill', 'url(#hatch)');
    cellSel
      .append('text')
      .attr('x', CELL_W / 2)
      .attr('y', CELL_H / 2 + 4)
      .attr('class', (d) => (d.status !== 'absent' && darkOnRamp(tone(d.share)) ? 'val light' : 'val'))
      .text((d) => (d.status === 'absent' ? GLYPH.absent : `${GLYPH[d.status]} ${percent(d.share)}`));
    rowSel.each(function () {
      cells.push(Array.from(this.querySelectorAll<SVGGElement>('g.cell')));
    });
    markSelected(state);
    requestAnimationFrame(() => {
      hint.hidden = heatWrap.scrollWidth <= heatWrap.clientWidth + 1;
    });

    const svgNode = svg.node()!;
    svgNode.addEventListener('click', (ev) => {
      const cell = (ev.target as Element).closest<SVGGElement>('g.cell');
      if (cell) activate(cell);
    });
    svgNode.addEventListener('keydown', (ev) => {
      const cell = (ev.target as Element).closest?.<SVGGElement>('g.cell');
      if (!cell) return;
      const [r, c] = position(cell);
      let next: SVGGElement | undefined;
      if (ev.key === 'ArrowRight') next = cells[r]?.[c + 1];
      else if (ev.key === 'ArrowLeft') next = cells[r]?.[c - 1];
      else if (ev.key === 'ArrowDown') next = cells[r + 1]?.[c];
      else if (ev.key === 'ArrowUp') next = cells[r - 1]?.[c];
      else if (ev.key === 'Home') next = cells[r]?.[0];
      else if (ev.key === 'End') next = cells[r]?.[cells[r]!.length - 1];
      else if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        activate(cell);
        return;
      } else return;
      ev.preventDefault();
      if (next) focusCell(next);
    });
  };

  const position = (cell: Element): [number, number] => {
    for (let r = 0; r < cells.length; r++) {
      const c = cells[r]!.indexOf(cell as SVGGElement);
      if (c >= 0) return [r, c];
    }
    return [0, 0];
  };
  const focusCell = (cell: SVGGElement) => {
    for (const row of cells) for (const c of row) if (c.tabIndex === 0) c.tabIndex = -1;
    cell.tabIndex = 0;
    cell.focus();
  };
  const activate = (cell: SVGGElement) => {
    focusCell(cell);
    ctx.go({ plan: cell.dataset.plan, group: cell.dataset.group });
  };
  const markSelected = (state: ViewState) => {
    let roving: SVGGElement | undefined;
    for (const row of cells)
      for (const c of row) {
        const on = c.dataset.plan === state.plan && c.dataset.group === state.group;
        c.classList.toggle('selected', on);
        c.setAttribute('aria-selected', on ? 'true' : 'false');
        c.tabIndex = -1;
        if (on) roving = c;
      }
    const target = roving ?? cells[0]?.[0];
    if (target) target.tabIndex = 0;
  };

  const drawDetail = (state: ViewState) => {
    const corpus = ctx.corpus;
    clear(detail);
    const plan = state.plan ? corpus.planById.get(state.plan) : undefined;
    const gi = state.group ? corpus.groupIndex.get(state.group) : undefined;
    const group = gi !== undefined ? corpus.groups[gi] : undefined;
    if (!plan || !group || gi === undefined) {
      detail.append(h('p', { class: 'hint' }, t(lang, 'cellHint')));
      return;
    }
    const cell = corpus.coverage.get(plan.id)?.get(group.id);
    const units = cell?.units ?? [];
    const operational = new Set(cell?.operationalUnits ?? []);
    const heading = h('h2', { class: 'detail-title' }, planName(plan, lang));
    const chip = h('span', { class: 'chip' }, `${group.id} · ${group.label[lang]}`);
    chip.style.setProperty('--g', groupColour(gi));
    const status = cell?.status ?? 'absent';
    detail.append(
      heading,
      h('p', {}, chip),
      h(
        'p',
        { class: 'cell-summary' },
        `${GLYPH[status]} ${t(lang, `status.${status}`)} · ${percent(cell?.share ?? 0)} · `,
        units.length > 0
          ? t(lang, 'cellUnits', { n: units.length, op: operational.size })
          : t(lang, 'noUnits'),
      ),
      h(
        'a',
        { href: ctx.href({ view: 'reader', plan: plan.id, group: group.id, unit: units[0] }), class: 'btn' },
        t(lang, 'openReader'),
      ),
    );
    if (units.length > 0) {
      const list = h('ol', { class: 'cell-units', id: 'cell-units' });
      for (const id of units) {
        const u = corpus.unitById.get(id)?.unit;
        if (!u) continue;
        const item = h(
          'li',
          { 'data-unit-ref': id },
          h(
            'button',
            { type: 'button', class: 'linkish', 'data-target': id },
            u.text.length > 160 ? `${u.text.slice(0, 160)}…` : u.text,
          ),
          operational.has(id) ? h('span', { class: 'tag' }, t(lang, 'operational')) : null,
        );
        list.append(item);
      }
      list.addEventListener('click', (ev) => {
        const b = (ev.target as Element).closest<HTMLButtonElement>('button[data-target]');
        if (!b) return;
        const el = document.getElementById(unitDomId(b.dataset.target ?? ''));
        if (!el) return;
        // Scroll the panel only (scrollIntoView would scroll the page too and move the heatmap away).
        scrollWithin(detail, el);
        el.focus({ preventScroll: true });
      });
      detail.append(list);
    }
    const text = planText(corpus, plan, { original: false, highlight: new Set(units), group: group.id });
    text.classList.add('cell-text');
    const box = h('div', { class: 'doc-box', id: 'cell-text' }, text);
    detail.append(box);
    detail.scrollTop = 0;
  };

  drawHeatmap(ctx.state);
  performance.mark('heatmap-drawn');
  requestAnimationFrame(() => setTimeout(() => performance.mark('heatmap-painted'), 0));
  drawDetail(ctx.state);

  return {
    dataChanged() {
      // Same plans and coverage; the texts behind the cells have arrived.
      drawDetail(ctx.state);
    },
    update(state, previous) {
      if (state.sort !== previous.sort || state.desc !== previous.desc) drawHeatmap(state);
      else markSelected(state);
      if (state.plan !== previous.plan || state.group !== previous.group) drawDetail(state);
    },
  };
}

function legend(lang: Ctx['state']['lang']): HTMLElement {
  const stops = [0, 0.02, 0.05, 0.1, 0.25, 0.5, 1];
  const gradient = h('span', { class: 'ramp', 'aria-hidden': 'true' });
  for (const s of stops) {
    const sw = h('span', { class: 'ramp-step' }, percent(s));
    sw.style.background = ramp(tone(s));
    if (darkOnRamp(tone(s))) sw.classList.add('light');
    gradient.append(sw);
  }
  const status = (['operationalised', 'mentioned', 'absent'] as const).map((s) =>
    h(
      'span',
      { class: `legend-status ${s}` },
      h('span', { class: 'glyph', 'aria-hidden': 'true' }, GLYPH[s]),
      ` ${t(lang, `status.${s}`)}`,
    ),
  );
  return h(
    'div',
    { class: 'legend', id: 'coverage-legend' },
    h('div', {}, h('span', { class: 'legend-title' }, t(lang, 'legendShare')), gradient),
    h('div', {}, h('span', { class: 'legend-title' }, t(lang, 'legendStatus')), status),
  );
}

/** Scrolls `box` (a scroll container) so that `el` sits near its top; no other scroll container moves. */
function scrollWithin(box: HTMLElement, el: HTMLElement): void {
  box.scrollTop += el.getBoundingClientRect().top - box.getBoundingClientRect().top - 40;
}

function clip(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

/** Greedy line wrap at spaces. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
