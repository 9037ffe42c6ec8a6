/**
 * The viewer's entry: loads analysis.json (`./analysis.json`, or `?data=URL`),
 * keeps the view state in the URL hash, and mounts one view at a time.
 * Opening on the coverage view, it first fetches the small
 * analysis.summary.json (plans and coverage) when present, so the heatmap is
 * drawn before the full analysis arrives.
 * Performance marks: `summary-loaded`, `data-loaded` (full analysis parsed),
 * `heatmap-drawn` (heatmap in the DOM) and `heatmap-painted` (next frame).
 */
import './style.css';
import './global.ts';
import type { Ctx, ViewHandle } from './context.ts';
import { clear, h } from './dom.ts';
import { appSubtitle, appTitle, t } from './i18n.ts';
import { buildCorpus, type Corpus } from './prepare.ts';
import { formatState, parseState, patchState, VIEWS, type View, type ViewState } from './state.ts';
import { SUMMARY_FILE } from './summary.ts';
import { hideTooltip } from './tooltip.ts';
import type { Analysis } from './types.ts';
import { checkAnalysis } from './validate.ts';
import { mountCompare } from './views/compare.ts';
import { mountCorpus } from './views/corpus.ts';
import { mountCoverage } from './views/coverage.ts';
import { mountProfiles } from './views/profiles.ts';
import { mountReader } from './views/reader.ts';

const MOUNT: Record<View, (root: HTMLElement, ctx: Ctx) => ViewHandle> = {
  coverage: mountCoverage,
  reader: mountReader,
  compare: mountCompare,
  corpus: mountCorpus,
  profiles: mountProfiles,
};

const app = document.getElementById('app')!;
let state = parseState(location.hash);
let mounted: { view: View; lang: ViewState['lang']; handle: ViewHandle } | undefined;
let corpus: Corpus | undefined;
/** True while the corpus is built from the summary only (no texts yet). */
let partial = false;

const header = h('header', { class: 'top' });
const main = h('main', { id: 'main', tabindex: -1 });
const footer = h('footer', { class: 'foot' });
app.replaceChildren(header, main, footer);

function href(patch: Partial<ViewState>): string {
  return formatState(patchState(state, patch));
}

function go(patch: Partial<ViewState>, options: { replace?: boolean } = {}): void {
  const next = patchState(state, patch);
  const hash = formatState(next);
  if (options.replace) {
    history.replaceState(null, '', hash);
    apply(next);
  } else if (hash !== location.hash) location.hash = hash;
  else apply(next);
}

function drawChrome(): void {
  const lang = state.lang;
  document.documentElement.lang = lang;
  const directive = corpus?.analysis.directive;
  document.title = `${t(lang, `view.${state.view}`)} · ${appTitle(lang, directive)}`;
  if (directive)
    document.querySelector('meta[name="description"]')?.setAttribute('content', appSubtitle(lang, directive));
  clear(header);
  const nav = h(
    'nav',
    { 'aria-label': appTitle(lang, directive) },
    h(
      'ul',
      {},
      VIEWS.map((v) =>
        h(
          'li',
          {},
          h(
            'a',
            {
              href: href({ view: v }),
              id: `nav-${v}`,
              'aria-current': v === state.view ? 'page' : undefined,
            },
            t(lang, `view.${v}`),
          ),
        ),
      ),
    ),
  );
  const langButton = h(
    'button',
    {
      type: 'button',
      class: 'btn lang',
      id: 'lang-toggle',
      'aria-label': t(lang, 'switchLangLabel'),
      lang: lang === 'vi' ? 'en' : 'vi',
    },
    t(lang, 'switchLang'),
  );
  langButton.addEventListener('click', () => go({ lang: lang === 'vi' ? 'en' : 'vi' }, { replace: true }));
  header.append(
    h('a', { class: 'skip', href: '#main', onclick: skipToMain }, t(lang, 'skip')),
    h(
      'div',
      { class: 'brand' },
      h('h1', {}, appTitle(lang, directive)),
      h('p', {}, appSubtitle(lang, directive)),
    ),
    nav,
    langButton,
  );
  clear(footer);
  if (corpus) {
    const a = corpus.analysis;
    footer.append(
      `doichieu ${a.tool.version} · ${a.directive.id} · ${t(lang, 'plans', { n: a.plans.length })} · ${a.method.aligner}`,
    );
  }
}

function skipToMain(ev: Event): void {
  ev.preventDefault();
  main.focus();
}

function apply(next: ViewState): void {
  const previous = state;
  state = next;
  if (!corpus) return;
  if (partial && next.view !== 'coverage') return;
  if (mounted && mounted.view === next.view && mounted.lang === next.lang) {
    mounted.handle.update(next, previous);
    return;
  }
  hideTooltip();
  drawChrome();
  clear(main);
  main.className = `view-${next.view}`;
  const ctx: Ctx = {
    get corpus() {
      return corpus!;
    },
    get state() {
      return state;
    },
    go,
    href,
  };
  mounted = { view: next.view, lang: next.lang, handle: MOUNT[next.view](main, ctx) };
}

window.addEventListener('hashchange', () => {
  if (location.hash === '#main') return;
  apply(parseState(location.hash));
});

async function fetchJson(url: string): Promise<Analysis> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  // Checked at load: a malformed file is one clear message naming the first bad path.
  return checkAnalysis(JSON.parse(await response.text()), url.split('/').pop() || url);
}

function mount(): void {
  const initial = state;
  state = { ...state, view: '' as View };
  mounted = undefined;
  apply(initial);
}

async function start(): Promise<void> {
  drawChrome();
  main.append(h('p', { class: 'loading' }, t(state.lang, 'loading')));
  const params = new URLSearchParams(location.search);
  const url = params.get('data') ?? './analysis.json';
  // The summary (plans and coverage only) draws the heatmap early; skipped with ?data=.
  const summaryUrl = params.get('data') ? undefined : `./${SUMMARY_FILE}`;
  if (summaryUrl && state.view === 'coverage') {
    const summary = await fetchJson(summaryUrl).catch(() => undefined);
    if (summary) {
      performance.mark('summary-loaded');
      corpus = buildCorpus(summary);
      partial = true;
      mount();
      // Let the heatmap paint before the full analysis (large) is fetched and parsed.
      await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    }
  }
  let sameCoverage = false;
  try {
    const analysis = await fetchJson(url);
    performance.mark('data-loaded');
    sameCoverage =
      corpus !== undefined &&
      JSON.stringify(corpus.analysis.coverage) === JSON.stringify(analysis.coverage) &&
      corpus.plans.map((p) => p.id).join('\n') === analysis.plans.map((p) => p.id).join('\n');
    corpus = buildCorpus(analysis);
    performance.mark('data-indexed');
  } catch (error) {
    clear(main);
    main.append(h('p', { class: 'note error' }, t(state.lang, 'loadError', { url, error: String(error) })));
    return;
  }
  if (partial && sameCoverage && mounted?.handle.dataChanged) {
    partial = false;
    mounted.handle.dataChanged();
    drawChrome();
  } else {
    partial = false;
    mount();
  }
  requestAnimationFrame(() =>
    setTimeout(() => {
      window.__viewer = { ready: true, state: () => state, plans: corpus?.plans.length ?? 0 };
    }, 0),
  );
}

void start();
