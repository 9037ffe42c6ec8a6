/**
 * The view's state, kept in the URL hash so that a link reproduces the view:
 * `#view=reader&plan=qng-222-study&group=TG1&lang=en`. Parsing is lenient:
 * unknown keys and values fall back to the defaults.
 */
import type { Lang } from './types.ts';

export const VIEWS = ['coverage', 'reader', 'compare', 'corpus', 'profiles'] as const;
export type View = (typeof VIEWS)[number];

export interface ViewState {
  view: View;
  lang: Lang;
  /** Selected plan (coverage detail, reader). */
  plan?: string;
  /** Selected task group (coverage cell, reader filter). */
  group?: string;
  /** Selected unit (reader: scrolled to and outlined). */
  unit?: string;
  /** Compare pair. */
  a?: string;
  b?: string;
  /** Corpus search query. */
  q?: string;
  /** Heatmap sort key: 'plan', 'date' or a task-group id; and direction. */
  sort?: string;
  desc?: boolean;
  /** Reader shows the original, un-normalised text. */
  original?: boolean;
  /** Heatmap filters: province, level, kind, and a group (`fgroup`) with a status (`fstatus`). */
  prov?: string;
  level?: string;
  kind?: string;
  fgroup?: string;
  fstatus?: string;
  /** Heatmap: districts under their province ('1') or a flat list ('0'); default by corpus size. */
  grouped?: string;
  /** Corpus view: the plan whose distinctive terms are shown. */
  kplan?: string;
}

export const DEFAULT_STATE: ViewState = { view: 'coverage', lang: 'vi' };

const KEYS = [
  'plan',
  'group',
  'unit',
  'a',
  'b',
  'q',
  'sort',
  'prov',
  'level',
  'kind',
  'fgroup',
  'fstatus',
  'grouped',
  'kplan',
] as const;

/** Reads a state from a hash such as `#view=reader&plan=x`; the leading '#' is optional. */
export function parseState(hash: string): ViewState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const view = params.get('view');
  const lang = params.get('lang');
  const state: ViewState = {
    view: (VIEWS as readonly string[]).includes(view ?? '') ? (view as View) : DEFAULT_STATE.view,
    lang: lang === 'en' ? 'en' : 'vi',
  };
  for (const key of KEYS) {
    const value = params.get(key);
    if (value !== null && value !== '') state[key] = value;
  }
  if (params.get('desc') === '1') state.desc = true;
  if (params.get('orig') === '1') state.original = true;
  return state;
}

/** Writes a state as a hash (with '#'); defaults and empty values are left out, keys in a fixed order. */
export function formatState(state: ViewState): string {
  const params = new URLSearchParams();
  params.set('view', state.view);
  if (state.lang !== 'vi') params.set('lang', state.lang);
  for (const key of KEYS) {
    const value = state[key];
    if (value !== undefined && value !== '') params.set(key, value);
  }
  if (state.desc) params.set('desc', '1');
  if (state.original) params.set('orig', '1');
  return `#${params.toString()}`;
}

/** A new state with `patch` applied; keys set to undefined in the patch are removed. */
export function patchState(state: ViewState, patch: Partial<ViewState>): ViewState {
  const next: ViewState = { ...state, ...patch };
  for (const key of Object.keys(next) as Array<keyof ViewState>)
    if (next[key] === undefined) delete next[key];
  return next;
}
