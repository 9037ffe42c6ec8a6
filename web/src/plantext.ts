/**
 * A plan's text with its units coloured by task group: either the
 * normalised units one by one, or the original source text with the same
 * highlights placed at the units' spans. Text goes in as text nodes only.
 */
import { h } from './dom.ts';
import { groupColour } from './palette.ts';
import { type Corpus, textSegments } from './prepare.ts';
import type { Lang, Plan, Unit } from './types.ts';
import { chargeTag } from './views/charge.ts';

export interface PlanTextOptions {
  original: boolean;
  /** Units to mark (e.g. the units behind a heatmap cell); others are dimmed when set. */
  highlight?: ReadonlySet<string>;
  /** Only this group's units are tinted, when set. */
  group?: string;
  /** The unit outlined as current. */
  selected?: string;
  /** When set, each unit that carries a group ends with a tag saying whether it is a task and why, in this language. */
  reasons?: Lang;
}

/** Task groups of a unit, highest score first. */
export function unitGroups(unit: Unit): string[] {
  const s = unit.alignment.scores;
  return [...unit.alignment.labels].sort((a, b) => (s[b] ?? 0) - (s[a] ?? 0));
}

/** Element id of a unit's block in the document view. */
export function unitDomId(unitId: string): string {
  return `u-${unitId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

function decorate(el: HTMLElement, corpus: Corpus, unit: Unit, opts: PlanTextOptions): void {
  const groups = unitGroups(unit);
  const tinted = opts.group ? groups.filter((g) => g === opts.group) : groups;
  el.dataset.unit = unit.id;
  el.id = unitDomId(unit.id);
  el.tabIndex = 0;
  el.classList.add('unit', `kind-${unit.kind}`);
  if (!unit.alignment.content) el.classList.add('noncontent');
  if (groups.length > 0) el.dataset.groups = groups.join(' ');
  const first = tinted[0];
  if (first !== undefined) {
    el.classList.add('tinted');
    el.style.setProperty('--g', groupColour(corpus.groupIndex.get(first) ?? 0));
  }
  if (opts.highlight) el.classList.add(opts.highlight.has(unit.id) ? 'hit' : 'dim');
  if (opts.selected === unit.id) el.classList.add('selected');
}

function bars(corpus: Corpus, unit: Unit): HTMLElement {
  const wrap = h('span', { class: 'bars', 'aria-hidden': 'true' });
  for (const g of unitGroups(unit)) {
    const bar = h('span', { class: 'gbar', title: g });
    bar.style.background = groupColour(corpus.groupIndex.get(g) ?? 0);
    wrap.appendChild(bar);
  }
  return wrap;
}

/** Builds the document element for `plan`. */
export function planText(corpus: Corpus, plan: Plan, opts: PlanTextOptions): HTMLElement {
  if (opts.original) {
    const doc = h('div', { class: 'doc original', lang: 'vi' });
    const text = plan.source.text;
    const byId = new Map(plan.units.map((u) => [u.id, u]));
    for (const seg of textSegments(text.length, plan.units)) {
      const piece = text.slice(seg.start, seg.end);
      const unit = seg.unitId ? byId.get(seg.unitId) : undefined;
      if (!unit) {
        doc.appendChild(document.createTextNode(piece));
        continue;
      }
      const span = h('span', {}, piece);
      decorate(span, corpus, unit, opts);
      doc.appendChild(span);
    }
    return doc;
  }
  const doc = h('div', { class: 'doc normalised', lang: 'vi' });
  let page: number | undefined;
  for (const unit of plan.units) {
    const tag = unit.kind === 'heading' ? 'h3' : 'p';
    const block = h(
      tag,
      {},
      bars(corpus, unit),
      h('span', { class: 'txt' }, unit.text),
      opts.reasons ? chargeTag(unit, opts.reasons) : null,
    );
    // Plans read from a PDF or a scan: the page where each page's units start, and OCR doubts.
    const location = unit.location;
    if (location && location.page !== page) {
      page = location.page;
      block.prepend(h('span', { class: 'page-mark', title: `page ${page}` }, `p. ${page}`));
    }
    if (location?.lowConfidence) {
      block.classList.add('low-confidence');
      block.title = `OCR confidence ${location.confidence ?? '?'}: check against page ${location.page}`;
    }
    block.style.setProperty('--depth', String(Math.min(unit.depth, 6)));
    decorate(block, corpus, unit, opts);
    doc.appendChild(block);
  }
  return doc;
}
