/**
 * The unit tooltip: scores per task group and the evidence behind them,
 * shown on hover and on keyboard focus of any element with `data-unit`.
 */
import { h } from './dom.ts';
import { foldKeepLength } from './fold.ts';
import { groupShort, roleName, t, unitKindName } from './i18n.ts';
import { groupColour } from './palette.ts';
import type { Corpus } from './prepare.ts';
import type { Lang, Unit } from './types.ts';
import { chargeSentence } from './views/charge.ts';

let tip: HTMLDivElement | undefined;

function tooltipEl(): HTMLDivElement {
  if (!tip) {
    tip = h('div', { class: 'tooltip', id: 'unit-tooltip', role: 'tooltip', hidden: true });
    document.body.appendChild(tip);
  }
  return tip;
}

import functionWords from '../../packages/diff/data/function-words-vi.json' with { type: 'json' };

const FUNCTION_WORDS = new Set(functionWords.words.map((w) => foldKeepLength(w)));

/** A term worth showing as evidence: not a function word alone, not starting or ending with one. */
export function showableTerm(term: string): boolean {
  const words = foldKeepLength(term).split(/\s+/).filter(Boolean);
  if (words.length === 0) return false;
  return !FUNCTION_WORDS.has(words[0]!) && !FUNCTION_WORDS.has(words[words.length - 1]!);
}

type Evidence = Unit['alignment']['evidence'][string][number];

/** One evidence item in words a reader understands (no internal names such as "TG4 (heading)"). */
export function evidenceText(e: Evidence, lang: Lang): string {
  switch (e.kind) {
    case 'heading':
      return t(lang, 'ev.heading', { group: e.feature });
    case 'role':
      return t(lang, 'ev.role', { role: roleName(e.feature, lang) });
    case 'kind':
      return t(lang, 'ev.kind', { kind: unitKindName(e.feature, lang) });
    case 'directive':
      return t(lang, 'ev.directive', { term: e.feature });
    default:
      return `“${e.feature}”`;
  }
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
      .filter((e) => (e.kind === 'term' || e.kind === 'directive' ? showableTerm(e.feature) : true))
      .slice(0, 6)
      .map((e) =>
        h(
          'li',
          {},
          h('b', {}, group),
          ` ${evidenceText(e, lang)} `,
          h('span', { class: 'w' }, `(${e.weight.toFixed(2)})`),
        ),
      ),
  );
  const model = a.model === 'held-out' ? t(lang, 'model.heldOut') : a.model;
  return h(
    'div',
    {},
    h(
      'div',
      { class: 'tip-head' },
      h('code', {}, unit.id),
      ` · ${roleName(unit.role, lang)} · ${unitKindName(unit.kind, lang)}`,
    ),
    !a.content ? h('p', { class: 'muted' }, t(lang, 'notContent')) : null,
    unit.charge && a.labels.length > 0
      ? h('div', { class: 'tip-charge' }, chargeSentence(unit.charge, lang, unit.id))
      : null,
    h('div', { class: 'tip-title' }, t(lang, 'scores')),
    rows,
    h('div', { class: 'tip-meta' }, `${t(lang, 'confidence')}: ${a.confidence.toFixed(2)} · ${model}`),
    h('div', { class: 'tip-meta' }, t(lang, 'explain.confidence')),
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
    // Placed inside the viewport: measured once visible, flipped above when it would run off the bottom.
    const r = el.getBoundingClientRect();
    const w = box.offsetWidth;
    const hgt = box.offsetHeight;
    const vw = document.documentElement.clientWidth;
    const vh = window.innerHeight;
    const left = Math.max(8, Math.min(vw - w - 8, x ?? r.left));
    const below = (y ?? r.bottom) + 12;
    const above = (y ?? r.top) - 12 - hgt;
    const top = below + hgt <= vh - 8 ? below : above >= 8 ? above : Math.max(8, vh - hgt - 8);
    box.style.left = `${left}px`;
    box.style.top = `${top}px`;
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
