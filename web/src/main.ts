/**
 * The viewer's entry: reads the data index (`./data/index.json`, or
 * `?data=URL`: another index, or a whole analysis.json, cut in the worker),
 * keeps the view state in the URL hash, and mounts one view at a time. The
 * heatmap draws from the index alone; a state that shows a plan's text, a
 * comparison or a search waits for the plan files it needs (store.ts), all
 * fetched and parsed in a Web Worker. Small corpora are loaded whole first.
 * Performance marks: `summary-loaded` (the index is in), `heatmap-drawn`,
 * `heatmap-painted` (next frame) and `data-loaded` (the first view's plans
 * are in; every plan, for a small corpus).
 */
import './style.css';
import './global.ts';
import type { Ctx, ViewHandle } from './context.ts';
import { clear, h } from './dom.ts';
import { appSubtitle, appTitle, t } from './i18n.ts';
import type { Corpus } from './prepare.ts';
import { INDEX_FILE } from './split.ts';
import { formatState, parseState, patchState, VIEWS, type View, type ViewState } from './state.ts';
import { nextTask, Store } from './store.ts';
import { hideTooltip } from './tooltip.ts';
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
let store: Store | undefined;
/** The state the mounted view shows (`state` may be ahead of it while plan files load). */
let shown: ViewState = state;
/** Bumped by every apply: a load that finishes after a newer state was asked for shows nothing. */
let generation = 0;

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
  state = next;
  if (!corpus || !store) return;
  const gen = ++generation;
  const wait = store.need(next);
  if (!wait) {
    show(next);
    return;
  }
  main.setAttribute('aria-busy', 'true');
  wait.then(
    () => {
      if (gen === generation) show(next);
    },
    (error: unknown) => {
      if (gen === generation) loadFailed(String(error instanceof Error ? error.message : error));
    },
  );
}

function show(next: ViewState): void {
  const previous = shown;
  shown = next;
  main.removeAttribute('aria-busy');
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
    get data() {
      return store!;
    },
    get state() {
      return state;
    },
    go,
    href,
  };
  mounted = { view: next.view, lang: next.lang, handle: MOUNT[next.view](main, ctx) };
}

function loadFailed(error: string): void {
  const params = new URLSearchParams(location.search);
  const url = params.get('data') ?? INDEX_FILE;
  main.removeAttribute('aria-busy');
  clear(main);
  mounted = undefined;
  main.append(h('p', { class: 'note error' }, t(state.lang, 'loadError', { url, error })));
}

window.addEventListener('hashchange', () => {
  if (location.hash === '#main') return;
  apply(parseState(location.hash));
});

async function start(): Promise<void> {
  drawChrome();
  main.append(h('p', { class: 'loading' }, t(state.lang, 'loading')));
  const params = new URLSearchParams(location.search);
  const url = new URL(params.get('data') ?? INDEX_FILE, location.href).href;
  try {
    store = await Store.open(url);
    performance.mark('summary-loaded');
    // A small corpus is loaded whole, so that every view is as immediate as it always was.
    if (store.eager) await store.all();
  } catch (error) {
    loadFailed(error instanceof Error ? error.message : String(error));
    return;
  }
  corpus = store.corpus;
  drawChrome();
  try {
    // The state may move on while its plans load: wait until the current one has all it needs.
    for (let wait = store.need(state); wait; wait = store.need(state)) await wait;
  } catch (error) {
    loadFailed(error instanceof Error ? error.message : String(error));
    return;
  }
  performance.mark('data-loaded');
  // The view is drawn in a task of its own, after the one that built the corpus.
  await nextTask();
  mounted = undefined;
  shown = state;
  show(state);
  requestAnimationFrame(() =>
    setTimeout(() => {
      window.__viewer = {
        ready: true,
        state: () => state,
        plans: corpus?.plans.length ?? 0,
        bytes: () => store?.bytes ?? 0,
        readyAt: performance.now(),
      };
    }, 0),
  );
}

void start();
