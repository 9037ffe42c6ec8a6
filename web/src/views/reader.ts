/**
 * Plan reader: the whole text of a plan with units coloured by task group,
 * an outline of its headings, its metadata, agencies, deadlines and cited
 * documents. Hover or focus a unit for its scores and evidence; a toggle
 * shows the original, un-normalised text with the same highlights.
 */
import type { Ctx, ViewHandle } from '../context.ts';
import { clear, h } from '../dom.ts';
import { groupShort, planName, t } from '../i18n.ts';
import { groupColour } from '../palette.ts';
import { planText, unitDomId } from '../plantext.ts';
import { outline, planDetails } from '../prepare.ts';
import type { ViewState } from '../state.ts';
import { attachUnitTooltip } from '../tooltip.ts';
import type { Lang, Plan } from '../types.ts';

export function mountReader(root: HTMLElement, ctx: Ctx): ViewHandle {
  const lang = ctx.state.lang;
  const { corpus } = ctx;
  const side = h('aside', { class: 'side', 'aria-label': t(lang, 'metadata') });
  const main = h('article', { class: 'reader-doc', id: 'reader-doc', 'aria-label': t(lang, 'plan') });
  root.append(h('div', { class: 'reader' }, side, main));
  attachUnitTooltip(main, corpus, () => lang);

  const currentPlan = (state: ViewState): Plan | undefined =>
    (state.plan ? corpus.planById.get(state.plan) : undefined) ?? corpus.plans[0];

  const draw = (state: ViewState) => {
    const plan = currentPlan(state);
    clear(side);
    clear(main);
    if (!plan) return;
    side.append(...sidebar(ctx, plan, state, lang));
    main.append(
      h('h2', { class: 'doc-title' }, planName(plan, lang)),
      h('p', { class: 'muted' }, t(lang, state.original ? 'originalNote' : 'normalisedNote')),
      planText(corpus, plan, {
        original: state.original ?? false,
        ...(state.group ? { group: state.group } : {}),
        ...(state.unit ? { selected: state.unit } : {}),
      }),
    );
    scrollToUnit(state.unit);
  };

  const scrollToUnit = (unitId: string | undefined) => {
    if (!unitId) return;
    const el = document.getElementById(unitDomId(unitId));
    if (!el) return;
    for (const s of main.querySelectorAll('.unit.selected')) s.classList.remove('selected');
    el.classList.add('selected');
    el.scrollIntoView({ block: 'center' });
  };

  side.addEventListener('click', (ev) => {
    const link = (ev.target as Element).closest<HTMLAnchorElement>('a[data-goto]');
    if (!link) return;
    ev.preventDefault();
    ctx.go({ unit: link.dataset.goto }, { replace: true });
    document.getElementById(unitDomId(link.dataset.goto ?? ''))?.focus({ preventScroll: true });
  });

  draw(ctx.state);
  return {
    update(state, previous) {
      if (
        state.plan !== previous.plan ||
        state.original !== previous.original ||
        state.group !== previous.group
      )
        draw(state);
      else if (state.unit !== previous.unit) scrollToUnit(state.unit);
    },
  };
}

function sidebar(ctx: Ctx, plan: Plan, state: ViewState, lang: Lang): HTMLElement[] {
  const { corpus } = ctx;
  const select = h(
    'select',
    { id: 'plan-select', 'aria-label': t(lang, 'choosePlan') },
    corpus.plans.map((p) => h('option', { value: p.id, selected: p.id === plan.id }, planName(p, lang))),
  );
  select.addEventListener('change', () => ctx.go({ plan: select.value, unit: undefined }));
  const toggle = h('input', { type: 'checkbox', id: 'toggle-original', checked: state.original ?? false });
  toggle.addEventListener('change', () =>
    ctx.go({ original: toggle.checked || undefined }, { replace: true }),
  );

  // Legend doubles as a group filter.
  const legend = h('div', { class: 'group-legend', role: 'group', 'aria-label': t(lang, 'legendGroups') });
  corpus.groups.forEach((g, i) => {
    const on = state.group === g.id;
    const b = h(
      'button',
      {
        type: 'button',
        class: on ? 'chip on' : 'chip',
        'aria-pressed': on ? 'true' : 'false',
        title: g.label[lang],
        'data-group': g.id,
      },
      `${g.id} · ${groupShort(g, lang)}`,
    );
    b.style.setProperty('--g', groupColour(i));
    b.addEventListener('click', () => ctx.go({ group: on ? undefined : g.id }, { replace: true }));
    legend.append(b);
  });
  legend.append(h('span', { class: 'chip plain' }, t(lang, 'noGroup')));

  const m = plan.meta;
  const ex = plan.extracted;
  const val = (v: string | undefined, extracted?: string) =>
    v && v !== 'unknown' ? v : extracted ? extracted : t(lang, 'unknown');
  const metaRows: Array<[string, string]> = [
    [
      t(lang, 'meta.province'),
      val(m.district && m.district !== 'unknown' ? `${m.district}, ${m.province}` : m.province),
    ],
    [t(lang, 'meta.issuingBody'), val(m.issuingBody, ex.issuingBody?.value)],
    [t(lang, 'meta.documentNumber'), val(m.documentNumber, ex.documentNumber?.value)],
    [t(lang, 'meta.date'), val(m.date, ex.date?.value)],
    [t(lang, 'meta.kind'), m.kind],
    [t(lang, 'meta.title'), val(m.title, ex.title?.value)],
    [
      t(lang, 'meta.signer'),
      val(m.signer, ex.signer?.value) + (ex.signerRole ? ` (${ex.signerRole.value})` : ''),
    ],
    [t(lang, 'meta.encoding'), plan.source.encoding],
    [t(lang, 'meta.units'), String(plan.units.length)],
    [
      t(lang, 'meta.repairs'),
      `${plan.stats.repairs.ocr} / ${plan.stats.repairs.toneStyle} / ${plan.stats.repairs.unicode}`,
    ],
  ];
  const details = planDetails(plan);
  const goto = (unitId: string | undefined, text: string) =>
    unitId ? h('a', { href: ctx.href({ unit: unitId }), 'data-goto': unitId }, text) : text;

  const outlineList = h(
    'ol',
    { class: 'outline' },
    outline(plan).map((o) => {
      const li = h('li', {}, goto(o.unitId, o.text));
      li.style.setProperty('--depth', String(Math.min(o.depth, 5)));
      return li;
    }),
  );
  const list = <T>(items: T[], render: (x: T) => HTMLElement) =>
    items.length > 0
      ? h('ul', { class: 'facts' }, items.map(render))
      : h('p', { class: 'muted' }, t(lang, 'none'));

  return [
    h('label', { for: 'plan-select', class: 'side-label' }, t(lang, 'choosePlan')),
    select,
    h('label', { class: 'toggle' }, toggle, ` ${t(lang, 'showOriginal')}`),
    h('h3', {}, t(lang, 'legendGroups')),
    legend,
    h(
      'details',
      { open: true },
      h('summary', {}, t(lang, 'metadata')),
      h(
        'dl',
        { class: 'meta' },
        metaRows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
      ),
    ),
    h('details', { open: true }, h('summary', {}, t(lang, 'outline')), outlineList),
    h(
      'details',
      { open: true, id: 'agencies' },
      h('summary', {}, `${t(lang, 'agencies')} (${details.agencies.length})`),
      list(details.agencies, (a) =>
        h(
          'li',
          {},
          goto(a.unitIds[0], a.text),
          a.count > 1 ? h('span', { class: 'count' }, ` ${t(lang, 'times', { n: a.count })}`) : null,
        ),
      ),
    ),
    h(
      'details',
      { open: true, id: 'deadlines' },
      h('summary', {}, `${t(lang, 'deadlines')} (${details.deadlines.length})`),
      list(details.deadlines, (d) =>
        h(
          'li',
          {},
          goto(d.unitId, d.text),
          d.ongoing ? h('span', { class: 'tag' }, t(lang, 'ongoing')) : null,
          d.iso ? h('span', { class: 'count' }, ` ${d.iso}`) : null,
        ),
      ),
    ),
    h(
      'details',
      { open: true, id: 'references' },
      h('summary', {}, `${t(lang, 'citedDocs')} (${details.references.length})`),
      list(details.references, (r) =>
        h(
          'li',
          {},
          goto(r.unitIds[0], r.text),
          h(
            'span',
            { class: 'count' },
            ` ${r.kind}${r.date ? `, ${r.date}` : ''}${r.count > 1 ? ` · ${t(lang, 'times', { n: r.count })}` : ''}`,
          ),
        ),
      ),
    ),
  ];
}
