/**
 * Coverage: a heatmap of plans × task groups. Fill = share of the plan's
 * content that serves the group; ● operationalised, ○ + hatching only
 * mentioned, – absent. Sortable by column and filtered by province, level,
 * kind and a group's status; at national scale districts sit under their
 * province, led by a roll-up row. The grid is HTML with sticky column heads
 * and plan names; only the rows in view are in the DOM (a virtual list), so
 * 7,000 plans scroll as 5 do. A roving tabindex: arrow keys move, Enter or
 * Space selects. The whole table exports as SVG, PNG or CSV.
 */
import type { Ctx, ViewHandle } from '../context.ts';
import { clear, h } from '../dom.ts';
import {
  cellText,
  citation,
  copyText,
  csvText,
  download,
  heatmapSvg,
  type SvgRow,
  svgToPng,
} from '../export.ts';
import {
  directiveParams,
  groupShort,
  levelName,
  notCitingText,
  percent,
  planKindName,
  planName,
  t,
} from '../i18n.ts';
import {
  type DrawRow,
  drawRows,
  filterOptions,
  filterRows,
  type RollupCell,
  visibleRange,
} from '../national.ts';
import { darkOnRamp, groupColour, ramp } from '../palette.ts';
import { planText, unitDomId } from '../plantext.ts';
import { type HeatCell, heatmapRows, sortRows } from '../prepare.ts';
import type { ViewState } from '../state.ts';
import type { CoverageStatus, Lang, Unit } from '../types.ts';
import { chargeSentence } from './charge.ts';

const ROW_H = 30;
const GLYPH: Record<HeatCell['status'], string> = { operationalised: '●', mentioned: '○', absent: '–' };
const STATUSES = ['operationalised', 'mentioned', 'absent'] as const;

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
  const groups = corpus.groups.map((g) => g.id);
  const options = filterOptions(corpus.plans);
  const national = corpus.plans.length > 60;
  const open = new Set<string>();
  // Plans that do not cite the directive: a ⚠ on their row, explained on hover, to screen readers and in the legend.
  const directiveName = directiveParams(corpus.analysis.directive, lang).directive ?? '';
  const notCiting = new Map<string, string>();
  for (const p of corpus.plans) {
    const why = notCitingText(p, corpus.analysis.directive, lang);
    if (why) notCiting.set(p.id, why);
  }

  const select = (id: string, label: string, values: Array<[string, string]>) =>
    h(
      'select',
      { id, 'aria-label': label },
      h('option', { value: '' }, t(lang, 'filterAll')),
      values.map(([v, text]) => h('option', { value: v }, text)),
    );
  const sortSelect = h(
    'select',
    { id: 'sort-key', 'aria-label': t(lang, 'sortBy') },
    h('option', { value: 'plan' }, t(lang, 'sortPlan')),
    h('option', { value: 'date' }, t(lang, 'sortDate')),
    corpus.groups.map((g) => h('option', { value: g.id }, `${g.id} · ${groupShort(g, lang)}`)),
  );
  const provSelect = select(
    'filter-province',
    t(lang, 'meta.province'),
    options.provinces.map((p) => [p, p]),
  );
  const levelSelect = select(
    'filter-level',
    t(lang, 'meta.level'),
    options.levels.map((l) => [l, levelName(l, lang)]),
  );
  const kindSelect = select(
    'filter-kind',
    t(lang, 'meta.kind'),
    options.kinds.map((k) => [k, planKindName(k, lang)]),
  );
  const fgroupSelect = select(
    'filter-group',
    t(lang, 'group'),
    corpus.groups.map((g) => [g.id, `${g.id} · ${groupShort(g, lang)}`]),
  );
  const fstatusSelect = select(
    'filter-status',
    t(lang, 'legendStatus'),
    STATUSES.map((s) => [s, t(lang, `status.${s}`)]),
  );
  const groupedBox = h('input', { type: 'checkbox', id: 'grouped-toggle' });
  const expandAll = h('button', { type: 'button', class: 'btn', id: 'expand-all' }, t(lang, 'expandAll'));
  const collapseAll = h(
    'button',
    { type: 'button', class: 'btn', id: 'collapse-all' },
    t(lang, 'collapseAll'),
  );
  const dirButton = h('button', { type: 'button', id: 'sort-dir', class: 'btn' });
  const count = h('span', { class: 'count', id: 'plan-count', 'aria-live': 'polite' });
  const heatWrap = h('div', { class: 'heatmap-wrap', id: 'heatmap-wrap' });
  const hint = h('p', { class: 'hint', id: 'heatmap-hint', hidden: true }, t(lang, 'scrollSideways'));
  const detail = h('section', { class: 'detail', id: 'cell-detail', 'aria-live': 'polite' });
  const exportBar = h(
    'div',
    { class: 'toolbar exports', role: 'group', 'aria-label': t(lang, 'export') },
    h('span', { class: 'legend-title' }, t(lang, 'export')),
    h('button', { type: 'button', class: 'btn', id: 'export-svg' }, 'SVG'),
    h('button', { type: 'button', class: 'btn', id: 'export-png' }, 'PNG'),
    h('button', { type: 'button', class: 'btn', id: 'export-csv' }, 'CSV'),
  );
  const label = (text: string, forId: string) => h('label', { for: forId }, `${text} `);
  const hasDistricts = corpus.plans.some((p) => p.meta.level === 'district');

  root.append(
    h('p', { class: 'intro' }, t(lang, 'coverageIntro')),
    h('div', { class: 'toolbar' }, label(t(lang, 'sortBy'), 'sort-key'), sortSelect, dirButton, count),
    h(
      'div',
      { class: 'toolbar filters', role: 'group', 'aria-label': t(lang, 'filters') },
      label(t(lang, 'meta.province'), 'filter-province'),
      provSelect,
      label(t(lang, 'meta.level'), 'filter-level'),
      levelSelect,
      label(t(lang, 'meta.kind'), 'filter-kind'),
      kindSelect,
      label(t(lang, 'group'), 'filter-group'),
      fgroupSelect,
      label(t(lang, 'legendStatus'), 'filter-status'),
      fstatusSelect,
      hasDistricts
        ? h('label', { class: 'toggle-inline' }, groupedBox, ` ${t(lang, 'groupByProvince')}`)
        : null,
      hasDistricts ? expandAll : null,
      hasDistricts ? collapseAll : null,
    ),
    legend(lang, notCiting.size, directiveName),
    exportBar,
    hint,
    h('div', { class: 'coverage-layout' }, heatWrap, detail),
  );
  const bind = (el: HTMLSelectElement, key: keyof ViewState) =>
    el.addEventListener('change', () => ctx.go({ [key]: el.value || undefined }, { replace: true }));
  sortSelect.addEventListener('change', () => ctx.go({ sort: sortSelect.value }, { replace: true }));
  bind(provSelect, 'prov');
  bind(levelSelect, 'level');
  bind(kindSelect, 'kind');
  bind(fgroupSelect, 'fgroup');
  bind(fstatusSelect, 'fstatus');
  groupedBox.addEventListener('change', () =>
    ctx.go({ grouped: groupedBox.checked ? '1' : '0' }, { replace: true }),
  );
  dirButton.addEventListener('click', () => ctx.go({ desc: !ctx.state.desc }, { replace: true }));
  expandAll.addEventListener('click', () => {
    for (const p of options.provinces) open.add(p);
    drawHeatmap(ctx.state);
  });
  collapseAll.addEventListener('click', () => {
    open.clear();
    drawHeatmap(ctx.state);
  });

  let draw: DrawRow[] = [];
  let focus: [number, number] = [0, 0];
  const grid = h('div', {
    class: 'heatmap',
    id: 'heatmap',
    role: 'grid',
    'aria-label': t(lang, 'view.coverage'),
  });
  const head = h('div', { class: 'hm-head', role: 'row', 'aria-rowindex': 1 });
  const body = h('div', { class: 'hm-body', role: 'rowgroup' });
  grid.append(h('div', { role: 'rowgroup', class: 'hm-headgroup' }, head), body);
  heatWrap.append(grid);
  grid.style.setProperty('--cols', String(groups.length));

  const isGrouped = (state: ViewState) => (state.grouped ? state.grouped === '1' : national) && hasDistricts;

  const drawHead = (state: ViewState) => {
    clear(head);
    const key = state.sort ?? 'plan';
    head.append(h('div', { class: 'hm-corner', role: 'columnheader' }, t(lang, 'plan')));
    corpus.groups.forEach((g, i) => {
      const active = key === g.id;
      const col = h(
        'div',
        {
          class: active ? 'colhead active' : 'colhead',
          role: 'columnheader',
          tabindex: 0,
          'aria-sort': active ? (state.desc ? 'descending' : 'ascending') : 'none',
          'aria-label': `${g.id}: ${g.label[lang]}. ${t(lang, 'sortBy')}`,
          title: g.label[lang],
          'data-group': g.id,
        },
        h('span', { class: 'swatch', 'aria-hidden': 'true' }),
        h('span', { class: 'gid' }, `${g.id}${active ? (state.desc ? ' ▼' : ' ▲') : ''}`),
        h('span', { class: 'gshort' }, groupShort(g, lang)),
      );
      (col.firstChild as HTMLElement).style.background = groupColour(i);
      const activate = () =>
        ctx.go({ sort: g.id, desc: state.sort === g.id ? !state.desc : true }, { replace: true });
      col.addEventListener('click', activate);
      col.addEventListener('keydown', (ev) => {
        if (ev.key === 'Enter' || ev.key === ' ') {
          ev.preventDefault();
          activate();
        }
      });
      head.append(col);
    });
  };

  const planCell = (c: HeatCell, r: number, ci: number): HTMLElement => {
    const cell = h(
      'div',
      {
        class: `cell ${c.status}`,
        role: 'gridcell',
        tabindex: -1,
        'data-plan': c.planId,
        'data-group': c.group,
        'data-status': c.status,
        'data-r': r,
        'data-c': ci,
        'aria-label': t(lang, 'cellLabel', {
          plan: name(c.planId),
          group: c.group,
          share: percent(c.share),
          status: t(lang, `status.${c.status}`),
          n: c.unitCount,
        }),
      },
      cellText(c.status, percent(c.share)),
    );
    if (c.status !== 'absent') {
      cell.style.backgroundColor = ramp(tone(c.share));
      if (darkOnRamp(tone(c.share))) cell.classList.add('light');
    }
    return cell;
  };
  /** "12 plans", or "12 plans, 10 counted" when some do not cite the directive. */
  const provincePlans = (d: { plans: number; counted: number }) =>
    d.counted === d.plans
      ? t(lang, 'plans', { n: d.plans })
      : t(lang, 'plansCounted', { n: d.plans, k: d.counted });
  const rollupCell = (c: RollupCell, province: string, n: number, r: number, ci: number): HTMLElement => {
    const share = n > 0 ? c.operationalised / n : 0;
    const cell = h(
      'div',
      {
        class: 'cell rollup',
        role: 'gridcell',
        tabindex: -1,
        'data-province': province,
        'data-group': c.group,
        'data-r': r,
        'data-c': ci,
        'aria-label': t(lang, 'rollupLabel', {
          province,
          group: c.group,
          op: c.operationalised,
          me: c.mentioned,
          ab: c.absent,
          n,
        }),
        title: t(lang, 'rollupTitle', { op: c.operationalised, me: c.mentioned, ab: c.absent }),
      },
      `● ${c.operationalised}/${n}`,
    );
    cell.style.backgroundColor = ramp(tone(share));
    if (darkOnRamp(tone(share))) cell.classList.add('light');
    return cell;
  };

  const renderRow = (d: DrawRow, r: number): HTMLElement => {
    const row = h('div', { class: 'row', role: 'row', 'aria-rowindex': r + 2 });
    row.style.transform = `translateY(${r * ROW_H}px)`;
    if (d.kind === 'province') {
      row.classList.add('province-row');
      const toggle = h(
        'button',
        {
          type: 'button',
          class: 'rowlabel province-toggle',
          'aria-expanded': d.open ? 'true' : 'false',
          'data-province': d.province,
          title: d.province,
        },
        `${d.open ? '▾' : '▸'} ${d.province} (${provincePlans(d)})`,
      );
      row.append(h('div', { role: 'rowheader', class: 'rowhead' }, toggle));
      row.append(...d.cells.map((c, ci) => rollupCell(c, d.province, d.counted, r, ci)));
    } else {
      const n = name(d.row.planId);
      row.dataset.plan = d.row.planId;
      const why = notCiting.get(d.row.planId);
      const cls = `rowhead rowlabel${d.depth ? ' district' : ''}${why ? ' not-citing' : ''}`;
      row.append(
        h(
          'div',
          { role: 'rowheader', class: cls, title: why ? `${n}\n⚠ ${why}` : n },
          why ? h('span', { class: 'warn-mark', 'aria-hidden': 'true' }, '⚠ ') : null,
          n,
          why
            ? h('span', { class: 'sr-only' }, ` (${t(lang, 'notCitingMark', { directive: directiveName })})`)
            : null,
        ),
      );
      row.append(...d.row.cells.map((c, ci) => planCell(c, r, ci)));
    }
    return row;
  };

  let rendered: [number, number] = [-1, -1];
  const renderWindow = (force = false) => {
    const range = printing
      ? ([0, draw.length] as [number, number])
      : visibleRange(
          heatWrap.scrollTop - head.offsetHeight,
          heatWrap.clientHeight || 600,
          ROW_H,
          draw.length,
        );
    if (!force && range[0] === rendered[0] && range[1] === rendered[1]) return;
    rendered = range;
    const rows: HTMLElement[] = [];
    for (let r = range[0]; r < range[1]; r++) rows.push(renderRow(draw[r]!, r));
    body.replaceChildren(...rows);
    markSelected(ctx.state);
  };

  let printing = false;
  const print = matchMedia('print');
  print.addEventListener('change', () => {
    printing = print.matches;
    renderWindow(true);
  });
  window.addEventListener('beforeprint', () => {
    printing = true;
    renderWindow(true);
  });
  window.addEventListener('afterprint', () => {
    printing = print.matches;
    renderWindow(true);
  });

  let frame = 0;
  heatWrap.addEventListener('scroll', () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      renderWindow();
    });
  });

  const drawHeatmap = (state: ViewState) => {
    const key = state.sort ?? 'plan';
    sortSelect.value = key;
    provSelect.value = state.prov ?? '';
    levelSelect.value = state.level ?? '';
    kindSelect.value = state.kind ?? '';
    fgroupSelect.value = state.fgroup ?? '';
    fstatusSelect.value = state.fstatus ?? '';
    groupedBox.checked = isGrouped(state);
    expandAll.hidden = collapseAll.hidden = !isGrouped(state);
    dirButton.textContent = state.desc ? `↓ ${t(lang, 'descending')}` : `↑ ${t(lang, 'ascending')}`;
    dirButton.setAttribute('aria-pressed', state.desc ? 'true' : 'false');
    const filtered = filterRows(allRows, corpus.planById, {
      province: state.prov,
      level: state.level,
      kind: state.kind,
      group: state.fgroup,
      status: STATUSES.find((s) => s === state.fstatus),
    });
    const sorted = sortRows(filtered, key, state.desc ?? false, name);
    // A single province shown: its districts are open.
    if (state.prov) open.add(state.prov);
    draw = drawRows(sorted, corpus.planById, groups, { grouped: isGrouped(state), open });
    count.textContent = t(lang, 'plansShown', { n: filtered.length, total: corpus.plans.length });
    const compact = window.innerWidth < 700;
    const labelW = compact
      ? 132
      : Math.min(380, Math.max(200, ...sorted.slice(0, 2000).map((r) => name(r.planId).length * 7 + 24)));
    grid.style.setProperty('--label-w', `${labelW}px`);
    grid.style.setProperty('--cell-w', compact ? '54px' : '104px');
    grid.setAttribute('aria-rowcount', String(draw.length + 1));
    grid.setAttribute('aria-colcount', String(groups.length + 1));
    body.style.height = `${draw.length * ROW_H}px`;
    drawHead(state);
    focus = [Math.min(focus[0], Math.max(0, draw.length - 1)), focus[1]];
    renderWindow(true);
    requestAnimationFrame(() => {
      hint.hidden = heatWrap.scrollWidth <= heatWrap.clientWidth + 1;
    });
  };

  const cellAt = (r: number, c: number) =>
    body.querySelector<HTMLElement>(`.cell[data-r="${r}"][data-c="${c}"]`) ?? undefined;
  const focusCell = (r: number, c: number) => {
    const rr = Math.max(0, Math.min(draw.length - 1, r));
    const cc = Math.max(0, Math.min(groups.length - 1, c));
    focus = [rr, cc];
    // Bring the row into the scroll box (rendering it) before focusing it.
    const top = rr * ROW_H;
    const headH = head.offsetHeight;
    if (top < heatWrap.scrollTop) heatWrap.scrollTop = top;
    else if (top + ROW_H + headH > heatWrap.scrollTop + heatWrap.clientHeight)
      heatWrap.scrollTop = top + ROW_H + headH - heatWrap.clientHeight;
    renderWindow();
    for (const el of body.querySelectorAll<HTMLElement>('.cell[tabindex="0"]')) el.tabIndex = -1;
    const el = cellAt(rr, cc);
    if (el) {
      el.tabIndex = 0;
      el.focus({ preventScroll: true });
    }
  };
  const activate = (el: HTMLElement) => {
    const r = Number(el.dataset.r);
    const c = Number(el.dataset.c);
    focusCell(r, c);
    const d = draw[r];
    if (d?.kind === 'province') {
      if (open.has(d.province)) open.delete(d.province);
      else open.add(d.province);
      drawHeatmap(ctx.state);
      focusCell(r, c);
      return;
    }
    ctx.go({ plan: el.dataset.plan, group: el.dataset.group });
  };
  body.addEventListener('click', (ev) => {
    const toggle = (ev.target as Element).closest<HTMLElement>('button.province-toggle');
    if (toggle) {
      const p = toggle.dataset.province ?? '';
      if (open.has(p)) open.delete(p);
      else open.add(p);
      drawHeatmap(ctx.state);
      return;
    }
    const cell = (ev.target as Element).closest<HTMLElement>('.cell');
    if (cell) activate(cell);
  });
  body.addEventListener('keydown', (ev) => {
    const cell = (ev.target as Element).closest?.<HTMLElement>('.cell');
    if (!cell) return;
    const r = Number(cell.dataset.r);
    const c = Number(cell.dataset.c);
    const page = Math.max(1, Math.floor(heatWrap.clientHeight / ROW_H) - 2);
    const moves: Record<string, [number, number]> = {
      ArrowRight: [r, c + 1],
      ArrowLeft: [r, c - 1],
      ArrowDown: [r + 1, c],
      ArrowUp: [r - 1, c],
      Home: [r, 0],
      End: [r, groups.length - 1],
      PageDown: [r + page, c],
      PageUp: [r - page, c],
    };
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      activate(cell);
      return;
    }
    const to = moves[ev.key];
    if (!to) return;
    ev.preventDefault();
    focusCell(to[0], to[1]);
  });

  const markSelected = (state: ViewState) => {
    let any = false;
    for (const c of body.querySelectorAll<HTMLElement>('.cell')) {
      const on =
        c.dataset.plan !== undefined && c.dataset.plan === state.plan && c.dataset.group === state.group;
      c.classList.toggle('selected', on);
      c.setAttribute('aria-selected', on ? 'true' : 'false');
      const roving = Number(c.dataset.r) === focus[0] && Number(c.dataset.c) === focus[1];
      c.tabIndex = roving ? 0 : -1;
      any ||= roving;
    }
    if (!any) {
      const first = body.querySelector<HTMLElement>('.cell');
      if (first) first.tabIndex = 0;
    }
  };

  // Exports: every row of the current filter and order, not only those on screen.
  const svgRows = (): SvgRow[] =>
    draw.map((d) =>
      d.kind === 'province'
        ? {
            label: `${d.province} (${provincePlans(d)})`,
            bold: true,
            cells: d.cells.map((c) => {
              const share = d.counted > 0 ? c.operationalised / d.counted : 0;
              return {
                status: 'operationalised' as CoverageStatus,
                share,
                tone: tone(share),
                text: `● ${c.operationalised}/${d.counted}`,
              };
            }),
          }
        : {
            label: `${d.depth ? '  ' : ''}${notCiting.has(d.row.planId) ? '⚠ ' : ''}${name(d.row.planId)}`,
            cells: d.row.cells.map((c) => ({
              status: c.status,
              share: c.share,
              tone: tone(c.share),
              text: cellText(c.status, percent(c.share)),
            })),
          },
    );
  const svgDoc = () => heatmapSvg(t(lang, 'view.coverage'), groups, svgRows());
  exportBar
    .querySelector('#export-svg')!
    .addEventListener('click', () => download('doichieu-coverage.svg', svgDoc(), 'image/svg+xml'));
  exportBar.querySelector('#export-png')!.addEventListener('click', async () => {
    download('doichieu-coverage.png', await svgToPng(svgDoc()));
  });
  exportBar.querySelector('#export-csv')!.addEventListener('click', () => {
    const header = [
      'plan_id',
      'plan',
      'province',
      'district',
      'level',
      'kind',
      'date',
      ...groups.flatMap((g) => [`${g}_status`, `${g}_share`]),
    ];
    const rows = draw
      .filter((d): d is Extract<DrawRow, { kind: 'plan' }> => d.kind === 'plan')
      .map((d) => {
        const m = corpus.planById.get(d.row.planId)!.meta;
        return [
          d.row.planId,
          name(d.row.planId),
          m.province,
          m.district ?? '',
          m.level,
          m.kind,
          m.date,
          ...d.row.cells.flatMap((c) => [c.status, Math.round(c.share * 10000) / 10000]),
        ];
      });
    download('doichieu-coverage.csv', csvText(header, rows), 'text/csv;charset=utf-8');
  });

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
        'div',
        { class: 'detail-actions' },
        h(
          'a',
          {
            href: ctx.href({ view: 'reader', plan: plan.id, group: group.id, unit: units[0] }),
            class: 'btn',
          },
          t(lang, 'openReader'),
        ),
        cellCsvButton(
          lang,
          plan.id,
          planName(plan, lang),
          group.id,
          units,
          (id) => corpus.unitById.get(id)?.unit,
        ),
        copyLinkButton(lang, () => ({ id: plan.id, name: planName(plan, lang) })),
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
          u.charge
            ? h(
                'div',
                { class: u.charge.task ? 'charge-line task' : 'charge-line not-task' },
                chargeSentence(u.charge, lang, u.id),
              )
            : null,
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
    const text = planText(corpus, plan, {
      original: false,
      highlight: new Set(units),
      group: group.id,
      reasons: lang,
    });
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
      const keys = ['sort', 'desc', 'prov', 'level', 'kind', 'fgroup', 'fstatus', 'grouped'] as const;
      if (keys.some((k) => state[k] !== previous[k])) drawHeatmap(state);
      else markSelected(state);
      if (state.plan !== previous.plan || state.group !== previous.group) drawDetail(state);
    },
  };
}

/** A button that copies a citation of the current view (plan, unit and the link that reopens it). */
export function copyLinkButton(
  lang: Lang,
  plan: () => { id: string; name: string },
  unitId?: () => string | undefined,
  /** The link to cite (default: the page's own, which reopens the current view). */
  link?: () => string,
  compact = false,
): HTMLElement {
  const status = h('span', { class: 'copy-status', role: 'status' });
  const button = h(
    'button',
    {
      type: 'button',
      class: compact ? 'linkish copy-link small' : 'btn copy-link',
      ...(compact ? { title: t(lang, 'copyLink') } : {}),
    },
    compact ? t(lang, 'copyLinkShort') : t(lang, 'copyLink'),
  );
  button.addEventListener('click', async () => {
    const text = citation(link ? new URL(link(), location.href).href : location.href, plan(), unitId?.());
    button.dataset.citation = text;
    status.textContent = (await copyText(text)) ? t(lang, 'copied') : text;
  });
  return h('span', { class: 'copy-wrap' }, button, ' ', status);
}

function legend(lang: Lang, notCiting: number, directive: string): HTMLElement {
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
    notCiting > 0
      ? h(
          'div',
          { class: 'legend-not-citing', id: 'legend-not-citing' },
          h('span', { class: 'not-citing', 'aria-hidden': 'true' }, '⚠ '),
          t(lang, 'notCitingLegend', { n: notCiting, directive }),
        )
      : null,
  );
}

/** Exports the units behind a cell as the CLI's neutralised CSV, with whether each is a task and why. */
function cellCsvButton(
  lang: Lang,
  planId: string,
  plan: string,
  group: string,
  units: readonly string[],
  unit: (id: string) => Unit | undefined,
): HTMLElement {
  const button = h('button', { type: 'button', class: 'btn', id: 'cell-csv' }, t(lang, 'exportCsv'));
  button.addEventListener('click', () => {
    const rows = units.map((id) => {
      const u = unit(id);
      return [
        planId,
        plan,
        group,
        id,
        u?.charge ? u.charge.task : '',
        u?.charge?.reason ?? '',
        u?.charge?.evidence?.unitId ?? '',
        u?.charge?.evidence?.text ?? '',
        u?.text ?? '',
      ];
    });
    download(
      `doichieu-cell-${planId}-${group}.csv`,
      csvText(
        [
          'plan_id',
          'plan',
          'group',
          'unit_id',
          'task',
          'task_reason',
          'task_evidence_unit',
          'task_evidence',
          'text',
        ],
        rows,
      ),
      'text/csv;charset=utf-8',
    );
  });
  return button;
}

/** Scrolls `box` (a scroll container) so that `el` sits near its top; no other scroll container moves. */
function scrollWithin(box: HTMLElement, el: HTMLElement): void {
  box.scrollTop += el.getBoundingClientRect().top - box.getBoundingClientRect().top - 40;
}
