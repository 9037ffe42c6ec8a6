/**
 * Distinctive terms of any plan (Corpus tab): a plan picker (its choice in
 * the URL, `kplan`), and the chosen plan's whole terms ranked by G² against
 * the rest of the corpus, as the diff stage computed them for every plan
 * (findings.keyness: function words left out, no term cuts a word). A term
 * searches the corpus for itself; the table exports as the CLI's CSV.
 */
import type { Ctx } from '../context.ts';
import { h } from '../dom.ts';
import { csvText, download } from '../export.ts';
import { planName, t } from '../i18n.ts';
import type { Findings, Lang, Plan } from '../types.ts';
import { copyLinkButton } from './coverage.ts';

type Term = Findings['keyness'][number]['terms'][number];

/** The plan's distinctive terms, highest G² first; undefined when the analysis has none. */
export function planTerms(findings: Findings | undefined, planId: string): Term[] | undefined {
  const k = findings?.keyness.find((x) => x.planId === planId);
  if (!findings) return undefined;
  return [...(k?.terms ?? [])].sort(
    (x, y) => y.g2 - x.g2 || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0),
  );
}

export function keynessSection(ctx: Ctx, lang: Lang): { section: HTMLElement; update(): void } {
  const { corpus } = ctx;
  const section = h('section', { class: 'keyness', id: 'keyness' }, h('h2', {}, t(lang, 'keyness')));
  if (!corpus.findings) {
    section.append(h('p', { class: 'note' }, t(lang, 'notAvailable')));
    return { section, update() {} };
  }
  const collator = new Intl.Collator('vi');
  const names = new Map(corpus.plans.map((p) => [p.id, planName(p, lang)]));
  const sorted = [...corpus.plans].sort((a, b) => collator.compare(names.get(a.id)!, names.get(b.id)!));
  const current = (): Plan =>
    (ctx.state.kplan ? corpus.planById.get(ctx.state.kplan) : undefined) ?? sorted[0]!;
  const select = h(
    'select',
    { id: 'keyness-plan' },
    sorted.map((p) => h('option', { value: p.id }, names.get(p.id)!)),
  );
  select.addEventListener('change', () => ctx.go({ kplan: select.value }, { replace: true }));
  const body = h('div', { class: 'keyness-body', id: 'keyness-body' });
  section.append(
    h('p', { class: 'legend-line', id: 'g2-explained' }, t(lang, 'explain.g2')),
    h(
      'div',
      { class: 'toolbar' },
      h('label', { for: 'keyness-plan' }, `${t(lang, 'choosePlan')} `),
      select,
      h('span', { class: 'count' }, t(lang, 'plans', { n: corpus.plans.length })),
    ),
    body,
  );

  const draw = () => {
    const plan = current();
    select.value = plan.id;
    // The plan's terms come with its file: fetched (in the worker) when it is not in yet.
    if (!ctx.data.has(plan.id)) {
      body.replaceChildren(h('p', { class: 'muted' }, t(lang, 'loading')));
      ctx.data.plans([plan.id]).then(() => {
        if (current().id === plan.id && ctx.data.has(plan.id)) draw();
      });
      return;
    }
    const terms = planTerms(corpus.findings, plan.id) ?? [];
    const max = Math.max(1e-9, ...terms.map((x) => x.g2));
    const csv = h('button', { type: 'button', class: 'btn', id: 'keyness-csv' }, t(lang, 'exportCsv'));
    csv.addEventListener('click', () =>
      download(
        `doichieu-keyness-${plan.id}.csv`,
        csvText(
          ['plan_id', 'plan', 'term', 'g2', 'count_in_plan', 'count_in_rest'],
          terms.map((x) => [plan.id, names.get(plan.id)!, x.term, x.g2, x.countInPlan, x.countInRest]),
        ),
        'text/csv;charset=utf-8',
      ),
    );
    const table =
      terms.length === 0
        ? h('p', { class: 'muted' }, t(lang, 'none'))
        : h(
            'table',
            { class: 'data terms-table', id: 'keyness-table', 'data-plan': plan.id },
            h('caption', {}, t(lang, 'keynessOf', { plan: names.get(plan.id)! })),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', { scope: 'col' }, t(lang, 'term')),
                h('th', { scope: 'col', class: 'num' }, 'G²'),
                h('th', { scope: 'col', class: 'bar-col' }, h('span', { class: 'sr-only' }, 'G²')),
                h('th', { scope: 'col', class: 'num' }, t(lang, 'inPlan')),
                h('th', { scope: 'col', class: 'num' }, t(lang, 'inRest')),
                h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, t(lang, 'copyLink'))),
              ),
            ),
            h(
              'tbody',
              {},
              terms.map((x) => {
                const bar = h('span', { class: 'bar' });
                bar.style.width = `${Math.round((x.g2 / max) * 100)}%`;
                return h(
                  'tr',
                  {},
                  h(
                    'td',
                    { class: 'term' },
                    h(
                      'a',
                      {
                        href: ctx.href({ q: `"${x.term}"` }),
                        title: t(lang, 'searchTerm', { term: x.term }),
                      },
                      x.term,
                    ),
                  ),
                  h('td', { class: 'num' }, x.g2.toFixed(1)),
                  h('td', { class: 'bar-col', 'aria-hidden': 'true' }, h('span', { class: 'track' }, bar)),
                  h('td', { class: 'num' }, String(x.countInPlan)),
                  h('td', { class: 'num' }, String(x.countInRest)),
                  h(
                    'td',
                    {},
                    copyLinkButton(
                      lang,
                      () => ({ id: plan.id, name: `${names.get(plan.id)!}: “${x.term}”` }),
                      undefined,
                      () => ctx.href({ kplan: plan.id, q: `"${x.term}"` }),
                      true,
                    ),
                  ),
                );
              }),
            ),
          );
    body.replaceChildren(
      h(
        'div',
        { class: 'toolbar' },
        h('a', { class: 'btn', href: ctx.href({ view: 'reader', plan: plan.id }) }, t(lang, 'openReader')),
        csv,
        copyLinkButton(lang, () => ({ id: plan.id, name: names.get(plan.id)! })),
      ),
      table,
    );
  };
  draw();
  return { section, update: draw };
}
