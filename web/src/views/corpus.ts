/**
 * Corpus: search across all units ignoring diacritics (results a page at a
 * time), the plan similarity view (similarity.ts) and the distinctive terms
 * of any plan (keyness.ts).
 */
import type { Ctx, ViewHandle } from '../context.ts';
import { clear, h } from '../dom.ts';
import { csvText, download } from '../export.ts';
import { directiveParams, percent, planName, t } from '../i18n.ts';
import { darkOnRamp, groupColour, ramp } from '../palette.ts';
import { buildSearchIndex, hitsPerPlan, kwic, markPieces, type SearchIndex, search } from '../prepare.ts';
import type { ViewState } from '../state.ts';
import { attachUnitTooltip } from '../tooltip.ts';
import { copyLinkButton } from './coverage.ts';
import { keynessSection } from './keyness.ts';
import { similaritySection } from './similarity.ts';

const PAGE = 100;
let cachedIndex: { key: unknown; index: SearchIndex } | undefined;

export function mountCorpus(root: HTMLElement, ctx: Ctx): ViewHandle {
  const lang = ctx.state.lang;
  const { corpus } = ctx;
  const input = h('input', {
    type: 'search',
    id: 'search-input',
    placeholder: t(lang, 'searchPlaceholder', directiveParams(ctx.corpus.analysis.directive, lang)),
    'aria-describedby': 'search-hint',
    autocomplete: 'off',
    spellcheck: false,
  });
  input.value = ctx.state.q ?? '';
  const keyness = keynessSection(ctx, lang);
  const results = h('div', { class: 'search-results', id: 'search-results', 'aria-live': 'polite' });
  root.append(
    h('p', { class: 'intro' }, t(lang, 'corpusIntro')),
    h(
      'section',
      { class: 'search', role: 'search' },
      h('h2', {}, h('label', { for: 'search-input' }, t(lang, 'search'))),
      input,
      h(
        'p',
        { class: 'muted', id: 'search-hint' },
        t(lang, 'searchHint', directiveParams(ctx.corpus.analysis.directive, lang)),
      ),
      results,
    ),
    similaritySection(ctx, lang),
    keyness.section,
  );
  attachUnitTooltip(results, corpus, () => lang);

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => ctx.go({ q: input.value.trim() || undefined }, { replace: true }), 150);
  });

  const index = () => {
    if (cachedIndex?.key !== corpus) cachedIndex = { key: corpus, index: buildSearchIndex(corpus) };
    return cachedIndex.index;
  };

  const drawResults = (state: ViewState) => {
    clear(results);
    const q = state.q ?? '';
    if (input.value.trim() !== q) input.value = q;
    if (q === '') return;
    const hits = search(index(), q);
    const planCount = new Set(hits.map((x) => x.planId)).size;
    results.append(
      h(
        'p',
        { class: 'hit-count', id: 'hit-count' },
        hits.length === 0 ? t(lang, 'noHits') : t(lang, 'hits', { n: hits.length, p: planCount }),
      ),
    );
    if (hits.length > 0) {
      const perPlan = hitsPerPlan(hits);
      const csv = h('button', { type: 'button', class: 'btn', id: 'search-csv' }, t(lang, 'exportCsv'));
      csv.addEventListener('click', () => {
        const rows = hits.map((x) => {
          const entry = corpus.unitById.get(x.unitId);
          const text = entry?.unit.text ?? '';
          const k = kwic(text, x.matches[0]!);
          return [
            x.planId,
            entry ? planName(entry.plan, lang) : '',
            x.unitId,
            k.left,
            k.match,
            k.right,
            text,
          ];
        });
        download(
          'doichieu-search.csv',
          csvText(['plan_id', 'plan', 'unit_id', 'left', 'match', 'right', 'text'], rows),
          'text/csv;charset=utf-8',
        );
      });
      results.append(
        h(
          'details',
          { class: 'per-plan', id: 'hits-per-plan', open: true },
          h('summary', {}, t(lang, 'hitsPerPlan', { p: perPlan.length })),
          h(
            'ol',
            {},
            perPlan
              .slice(0, 15)
              .map((x) =>
                h(
                  'li',
                  { 'data-plan': x.planId },
                  `${planName(corpus.planById.get(x.planId)!, lang)}: ${x.hits}`,
                ),
              ),
          ),
        ),
        h('div', { class: 'toolbar' }, csv),
      );
      const table = h(
        'table',
        { class: 'kwic', id: 'kwic' },
        h('caption', {}, t(lang, 'kwic')),
        h(
          'tbody',
          {},
          hits.slice(0, 50).map((x) => {
            const entry = corpus.unitById.get(x.unitId);
            const k = kwic(entry?.unit.text ?? '', x.matches[0]!);
            return h(
              'tr',
              { 'data-unit': x.unitId },
              h('td', { class: 'kwic-left' }, k.left),
              h('td', { class: 'kwic-match' }, h('mark', {}, k.match)),
              h('td', { class: 'kwic-right' }, k.right),
            );
          }),
        ),
      );
      results.append(h('div', { class: 'kwic-wrap' }, table));
    }
    const list = h('ol', { class: 'hits' });
    results.append(list);
    let shown = 0;
    const more = h('button', { type: 'button', class: 'btn', id: 'more-hits' });
    const page = () => {
      for (const hit of hits.slice(shown, shown + PAGE)) {
        const entry = corpus.unitById.get(hit.unitId);
        if (!entry) continue;
        const { unit, plan } = entry;
        const text = h('span', { class: 'hit-text' });
        for (const piece of markPieces(unit.text, hit.matches))
          text.append(piece.match ? h('mark', {}, piece.text) : piece.text);
        const chips = unit.alignment.labels.map((g) => {
          const c = h('span', { class: 'chip small' }, g);
          c.style.setProperty('--g', groupColour(corpus.groupIndex.get(g) ?? 0));
          return c;
        });
        list.append(
          h(
            'li',
            { class: 'hit', 'data-unit': unit.id, 'data-plan': plan.id },
            h(
              'a',
              {
                href: ctx.href({ view: 'reader', plan: plan.id, unit: unit.id, q: undefined }),
                class: 'hit-plan',
              },
              planName(plan, lang),
            ),
            ' ',
            chips,
            ' ',
            copyLinkButton(
              lang,
              () => ({ id: plan.id, name: planName(plan, lang) }),
              () => unit.id,
              () => ctx.href({ view: 'reader', plan: plan.id, unit: unit.id, q: undefined }),
              true,
            ),
            h('div', {}, text),
          ),
        );
      }
      shown = Math.min(hits.length, shown + PAGE);
      more.textContent = t(lang, 'showMore', { n: Math.min(PAGE, hits.length - shown) });
      more.hidden = shown >= hits.length;
    };
    more.addEventListener('click', page);
    page();
    results.append(more);
  };

  drawResults(ctx.state);
  return {
    update(state, previous) {
      if (state.q !== previous.q) drawResults(state);
      if (state.kplan !== previous.kplan) keyness.update();
    },
  };
}
