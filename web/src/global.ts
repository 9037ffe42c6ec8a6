/** What the viewer exposes on `window` for tests and measurements. */
import type { ViewState } from './state.ts';

export interface ViewerHandle {
  ready: boolean;
  plans: number;
  state: () => ViewState;
  /** Bytes of data fetched so far. */
  bytes?: () => number;
  /** performance.now() when the first view was shown and painted. */
  readyAt?: number;
}

declare global {
  interface Window {
    __viewer?: ViewerHandle;
  }
}
