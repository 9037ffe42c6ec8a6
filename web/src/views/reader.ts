/**
 * Plan reader: the whole text of a plan with units coloured by task group,
 * an outline of its headings, its metadata, agencies, deadlines and cited
 * documents. Hover or focus a unit for its scores and evidence; a toggle
 * shows the original, un-normalised text with the same highlights.
 */
import type { Ctx, ViewHandle } from '../context.ts';
import { clear, h } from '../dom.ts';
import { csvText, download } from '../export.ts';
import { docKindName, groupShort, levelName, notCitingText, planKindName, planName, t } from '../i18n.ts';
import { groupColour } from '../palette.ts';
import { planText, unitDomId } from '../plantext.ts';
import { outline, planDetails } from '../prepare.ts';
import type { ViewState } from '../state.ts';
import { attachUnitTooltip } from '../tooltip.ts';
import type { Lang, Plan } from '../types.ts';
import { reasonCounts, shortId } from './charge.ts';
import { copyLinkButton } from './coverage.ts';
import { attachPageImages } from './page-image.ts';
import { profilePanel } from './profiles.ts';

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
    const notCiting = notCitingText(plan, corpus.analysis.directive, lang);
    const csv = h('button', { type: 'button', class: 'btn', id: 'reader-csv' }, t(lang, 'exportCsv'));
    csv.addEventListener('click', () =>
      download(`doichieu-units-${plan.id}.csv`, planUnitsCsv(plan, lang), 'text/csv;charset=utf-8'),
    );
    main.append(
      h('h2', { class: 'doc-title' }, planName(plan, lang)),
      h(
        'div',
        { class: 'toolbar exports', role: 'group', 'aria-label': t(lang, 'export') },
        csv,
        copyLinkButton(
          lang,
          () => ({ id: plan.id, name: planName(plan, lang) }),
          () => ctx.state.unit,
        ),
      ),
      ...(notCiting
        ? [h('p', { class: 'not-citing', id: 'not-citing', role: 'note' }, `⚠ ${notCiting}`)]
        : []),
      h('p', { class: 'muted' }, t(lang, state.original ? 'originalNote' : 'normalisedNote')),
      planText(corpus, plan, {
        original: state.original ?? false,
        reasons: lang,
        ...(state.group ? { group: state.group } : {}),
        ...(state.unit ? { selected: state.unit } : {}),
      }),
    );
    attachPageImages(main, plan, lang);
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
  const known = (v: string | undefined) => (v && v !== 'unknown' ? v : undefined);
  // The manifest's value is the fact; a value read from the text stands beside it, marked, never in its place.
  type Extracted = { value: string; garbled?: boolean | undefined } | undefined;
  const metaValue = (manifest: string | undefined, extracted?: Extracted): HTMLElement => {
    const dd = h('dd', {}, known(manifest) ?? h('span', { class: 'muted' }, t(lang, 'unknownInManifest')));
    if (extracted && extracted.value !== manifest && (!known(manifest) || extracted.garbled)) {
      const note = h(
        'span',
        { class: extracted.garbled ? 'extracted garbled' : 'extracted' },
        extracted.garbled ? `⚠ ${t(lang, 'readGarbled')}: ` : `${t(lang, 'readFromText')}: `,
        h('q', {}, extracted.value),
      );
      dd.append(h('br'), note);
    }
    return dd;
  };
  const where =
    m.level === 'district' && known(m.district) ? `${m.district}, ${m.province}` : (known(m.province) ?? '');
  const metaRows: Array<[string, HTMLElement]> = [
    [t(lang, 'meta.province'), metaValue(where, ex.place)],
    [t(lang, 'meta.level'), metaValue(levelName(m.level, lang))],
    [t(lang, 'meta.issuingBody'), metaValue(m.issuingBody, ex.issuingBody)],
    [t(lang, 'meta.documentNumber'), metaValue(m.documentNumber, ex.documentNumber)],
    [t(lang, 'meta.date'), metaValue(m.date, ex.date)],
    [t(lang, 'meta.kind'), metaValue(planKindName(m.kind, lang))],
    [t(lang, 'meta.title'), metaValue(m.title, ex.title)],
    [
      t(lang, 'meta.signer'),
      metaValue(
        m.signer,
        ex.signer
          ? { ...ex.signer, value: ex.signer.value + (ex.signerRole ? ` (${ex.signerRole.value})` : '') }
          : undefined,
      ),
    ],
    [t(lang, 'meta.encoding'), metaValue(plan.source.encoding)],
    [t(lang, 'meta.units'), metaValue(String(plan.units.length))],
    [
      t(lang, 'meta.repairs'),
      metaValue(
        `${plan.stats.repairs.ocr} / ${plan.stats.repairs.toneStyle} / ${plan.stats.repairs.unicode}`,
      ),
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
    h('h2', { class: 'side-head' }, t(lang, 'legendGroups')),
    legend,
    h(
      'details',
      { open: true },
      h('summary', {}, t(lang, 'metadata')),
      h(
        'dl',
        { class: 'meta' },
        metaRows.flatMap(([k, v]) => [h('dt', {}, k), v]),
      ),
    ),
    ...[
      profilePanel(
        ctx.corpus.analysis.profiles?.find((p) => p.planId === plan.id),
        lang,
        (unitId) => ctx.href({ view: 'reader', plan: plan.id, unit: unitId }),
        (id) => {
          const other = ctx.corpus.planById.get(id);
          return other ? planName(other, lang) : id;
        },
      ),
    ].filter((x): x is HTMLElement => x !== undefined),
    chargePanel(plan, lang, goto),
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
            ` ${docKindName(r.kind, lang)}${r.date ? `, ${r.date}` : ''}${r.count > 1 ? ` · ${t(lang, 'times', { n: r.count })}` : ''}`,
          ),
        ),
      ),
    ),
  ];
}

/** Why the plan's units are tasks or not, by reason, with the words of the first unit of each: the heatmap's status explained. */
function chargePanel(
  plan: Plan,
  lang: Lang,
  goto: (unitId: string | undefined, text: string) => HTMLElement | string,
): HTMLElement {
  const counts = reasonCounts(plan, lang);
  return h(
    'details',
    { open: true, id: 'charge-reasons' },
    h('summary', {}, t(lang, 'chargeReasons')),
    h('p', { class: 'muted small' }, t(lang, 'chargeReasonsHint')),
    counts.length === 0
      ? h('p', { class: 'muted' }, t(lang, 'none'))
      : h(
          'ul',
          { class: 'facts' },
          counts.map((c) =>
            h(
              'li',
              { 'data-reason': c.reason, class: c.task ? 'task' : 'not-task' },
              h('span', { class: 'glyph', 'aria-hidden': 'true' }, c.task ? '● ' : '○ '),
              `${t(lang, c.task ? 'charge.isTask' : 'charge.notTask')}: ${c.label} `,
              h('span', { class: 'count' }, `(${c.units.length})`),
              c.evidence
                ? h(
                    'div',
                    { class: 'charge-evidence' },
                    goto(c.evidence.unitId, `“${c.evidence.text}”`),
                    ` ${shortId(c.evidence.unitId)}`,
                  )
                : null,
            ),
          ),
        ),
  );
}

/** The plan's units as the CLI's neutralised CSV: ids, kind, role, labels, whether each is a task and why, text. */
export function planUnitsCsv(plan: Plan, lang: Lang): string {
  return csvText(
    [
      'plan_id',
      'plan',
      'unit_id',
      'kind',
      'role',
      'labels',
      'task',
      'task_reason',
      'task_evidence_unit',
      'task_evidence',
      'text',
    ],
    plan.units.map((u) => [
      plan.id,
      planName(plan, lang),
      u.id,
      u.kind,
      u.role,
      u.alignment.labels.join(';'),
      u.charge ? u.charge.task : '',
      u.charge?.reason ?? '',
      u.charge?.evidence?.unitId ?? '',
      u.charge?.evidence?.text ?? '',
      u.text,
    ]),
  );
}
