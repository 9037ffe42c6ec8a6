import type { Corpus } from './prepare.ts';
import type { ViewState } from './state.ts';
import type { DataApi } from './store.ts';

/** What every view gets: the data, the current state and a way to change it. */
export interface Ctx {
  corpus: Corpus;
  /** Data beyond the index, on demand: a plan's units, text and findings arrive with `await data.plans([id])`. */
  data: DataApi;
  state: ViewState;
  /** Moves to a new state (a new history entry unless `replace`). */
  go(patch: Partial<ViewState>, options?: { replace?: boolean }): void;
  /** An href for a state reached from the current one. */
  href(patch: Partial<ViewState>): string;
}

/** A mounted view: `update` is called when the state changes but the view and language stay. */
export interface ViewHandle {
  update(state: ViewState, previous: ViewState): void;
  /** The full analysis replaced the summary the view was drawn from; without it the view is mounted again. */
  dataChanged?(): void;
}
