/**
 * Corpus: search across all units ignoring diacritics (run in the data
 * worker over the search shards; results a page at a time, keyword in
 * context with every query word marked), the plan similarity view
 * (similarity.ts) and the distinctive terms of any plan (keyness.ts).
 */
import type { Ctx, ViewHandle } from '../context.ts';
import { clear, h } from '../dom.ts';
import { csvText, download } from '../export.ts';
import { directiveParams, percent, planName, t } from '../i18n.ts';
import { darkOnRamp, groupColour, ramp } from '../palette.ts';
import { kwic, kwicLine, markPieces, type Piece } from '../prepare.ts';
import type { SearchHitText, SearchResult } from '../search-shards.ts';
import type { ViewState } from '../state.ts';
import { SEARCH_PAGE } from '../store.ts';
import { attachUnitTooltip } from '../tooltip.ts';
import { copyLinkButton } from './coverage.ts';
import { keynessSection } from './keyness.ts';
import { similaritySection } from './similarity.ts';

const PAGE = SEARCH_PAGE;

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

  let generation = 0;
  const drawResults = (state: ViewState) => {
    const q = state.q ?? '';
    if (input.value.trim() !== q) input.value = q;
    const gen = ++generation;
    if (q === '') {
      clear(results);
      return;
    }
    results.setAttribute('aria-busy', 'true');
    // Searched in the data worker over the text-only search shards; the page gets a page of hits at a time.
    ctx.data.search(q, 0, PAGE).then(
      (result) => {
        if (gen !== generation) return;
        results.removeAttribute('aria-busy');
        showResults(result);
      },
      (error: unknown) => {
        if (gen !== generation) return;
        results.removeAttribute('aria-busy');
        results.replaceChildren(
          h('p', { class: 'note error' }, String(error instanceof Error ? error.message : error)),
        );
      },
    );
  };

  const showResults = (result: SearchResult) => {
    clear(results);
    const q = result.query;
    const nameOf = (id: string) => {
      const p = corpus.planById.get(id);
      return p ? planName(p, lang) : id;
    };
    results.append(
      h(
        'p',
        { class: 'hit-count', id: 'hit-count' },
        result.total === 0 ? t(lang, 'noHits') : t(lang, 'hits', { n: result.total, p: result.plans }),
      ),
    );
    if (result.total > 0) {
      const csv = h('button', { type: 'button', class: 'btn', id: 'search-csv' }, t(lang, 'exportCsv'));
      csv.addEventListener('click', async () => {
        const all = await ctx.data.search(q, 0, result.total);
        const rows = all.hits.map((x) => {
          const k = kwic(x.text, x.matches[0]!);
          return [x.planId, nameOf(x.planId), x.unitId, k.left, k.match, k.right, x.text];
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
          h('summary', {}, t(lang, 'hitsPerPlan', { p: result.perPlan.length })),
          h(
            'ol',
            {},
            result.perPlan
              .slice(0, 15)
              .map(([planId, n]) => h('li', { 'data-plan': planId }, `${nameOf(planId)}: ${n}`)),
          ),
        ),
        h('div', { class: 'toolbar' }, csv),
      );
      const marked = (pieces: Piece[]) => pieces.map((p) => (p.match ? h('mark', {}, p.text) : p.text));
      const table = h(
        'table',
        { class: 'kwic', id: 'kwic' },
        h('caption', {}, t(lang, 'kwic')),
        h(
          'tbody',
          {},
          result.hits.slice(0, 50).map((x) => {
            const k = kwicLine(x.text, x.matches);
            return h(
              'tr',
              { 'data-unit': x.unitId },
              h(
                'td',
                { class: 'kwic-left' },
                h('div', { class: 'kwic-clip' }, h('span', {}, marked(k.left))),
              ),
              h('td', { class: 'kwic-match' }, marked(k.match)),
              h('td', { class: 'kwic-right' }, marked(k.right)),
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
    const append = (hits: SearchHitText[]) => {
      for (const hit of hits) {
        const text = h('span', { class: 'hit-text' });
        for (const piece of markPieces(hit.text, hit.matches))
          text.append(piece.match ? h('mark', {}, piece.text) : piece.text);
        const chips = hit.labels.map((g) => {
          const c = h('span', { class: 'chip small' }, g);
          c.style.setProperty('--g', groupColour(corpus.groupIndex.get(g) ?? 0));
          return c;
        });
        const reader = () => ctx.href({ view: 'reader', plan: hit.planId, unit: hit.unitId, q: undefined });
        list.append(
          h(
            'li',
            { class: 'hit', 'data-unit': hit.unitId, 'data-plan': hit.planId },
            h('a', { href: reader(), class: 'hit-plan' }, nameOf(hit.planId)),
            ' ',
            chips,
            ' ',
            copyLinkButton(
              lang,
              () => ({ id: hit.planId, name: nameOf(hit.planId) }),
              () => hit.unitId,
              reader,
              true,
            ),
            h('div', {}, text),
          ),
        );
      }
      shown += hits.length;
      more.textContent = t(lang, 'showMore', { n: Math.min(PAGE, result.total - shown) });
      more.hidden = shown >= result.total;
    };
    more.addEventListener('click', () => {
      more.disabled = true;
      ctx.data.search(q, shown, PAGE).then((next) => {
        more.disabled = false;
        append(next.hits);
      });
    });
    append(result.hits);
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
