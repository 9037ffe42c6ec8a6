/**
 * The unit tooltip: scores per task group and the evidence behind them,
 * shown on hover and on keyboard focus of any element with `data-unit`.
 */
import { h } from './dom.ts';
import { groupShort, roleName, t } from './i18n.ts';
import { groupColour } from './palette.ts';
import type { Corpus } from './prepare.ts';
import type { Lang, Unit } from './types.ts';

let tip: HTMLDivElement | undefined;

function tooltipEl(): HTMLDivElement {
  if (!tip) {
    tip = h('div', { class: 'tooltip', id: 'unit-tooltip', role: 'tooltip', hidden: true });
    document.body.appendChild(tip);
  }
  return tip;
}

/** The tooltip's content for one unit. */
export function unitCard(corpus: Corpus, unit: Unit, lang: Lang): HTMLElement {
  const a = unit.alignment;
  const rows = corpus.groups.map((g, i) => {
    const score = a.scores[g.id] ?? 0;
    const on = a.labels.includes(g.id);
    const bar = h('span', { class: 'bar' });
    bar.style.width = `${Math.round(score * 100)}%`;
    bar.style.background = groupColour(i);
    return h(
      'div',
      { class: on ? 'score on' : 'score' },
      h('span', { class: 'gname' }, `${g.id} ${groupShort(g, lang)}`),
      h('span', { class: 'track' }, bar),
      h('span', { class: 'num' }, score.toFixed(2)),
    );
  });
  const evidence = Object.entries(a.evidence).flatMap(([group, items]) =>
    items
      .slice(0, 6)
      .map((e) =>
        h(
          'li',
          {},
          h('b', {}, group),
          ` ${e.feature} `,
          h('span', { class: 'w' }, `(${e.kind}, ${e.weight.toFixed(2)})`),
        ),
      ),
  );
  return h(
    'div',
    {},
    h('div', { class: 'tip-head' }, h('code', {}, unit.id), ` · ${roleName(unit.role, lang)} · ${unit.kind}`),
    !a.content ? h('p', { class: 'muted' }, t(lang, 'notContent')) : null,
    h('div', { class: 'tip-title' }, t(lang, 'scores')),
    rows,
    h('div', { class: 'tip-meta' }, `${t(lang, 'confidence')}: ${a.confidence.toFixed(2)} · ${a.model}`),
    evidence.length > 0 ? h('div', { class: 'tip-title' }, t(lang, 'evidence')) : null,
    evidence.length > 0 ? h('ul', { class: 'evidence' }, evidence) : null,
  );
}

/** Shows the unit tooltip for elements with `data-unit` inside `root` (hover and focus). */
function hide(): void {
  if (tip) tip.hidden = true;
}

export function attachUnitTooltip(root: HTMLElement, corpus: Corpus, lang: () => Lang): void {
  const show = (target: EventTarget | null, x?: number, y?: number) => {
    const el = (target as Element | null)?.closest?.('[data-unit]') as HTMLElement | null;
    const entry = el && root.contains(el) ? corpus.unitById.get(el.dataset.unit ?? '') : undefined;
    if (!el || !entry) {
      hide();
      return;
    }
    const box = tooltipEl();
    box.replaceChildren(unitCard(corpus, entry.unit, lang()));
    box.hidden = false;
    const r = el.getBoundingClientRect();
    const left = Math.min(window.innerWidth - 340, Math.max(8, x ?? r.left));
    const below = (y ?? r.bottom) + 12;
    box.style.left = `${left}px`;
    box.style.top = `${below + 300 > window.innerHeight ? Math.max(8, r.top - 12 - box.offsetHeight) : below}px`;
    el.setAttribute('aria-describedby', 'unit-tooltip');
  };
  root.addEventListener('mouseover', (ev) => show(ev.target, ev.clientX, ev.clientY));
  root.addEventListener('mouseleave', hide);
  root.addEventListener('focusin', (ev) => show(ev.target));
  root.addEventListener('focusout', hide);
  root.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') hide();
  });
}

/** Hides the tooltip (on view change). */
export function hideTooltip(): void {
  hide();
}
