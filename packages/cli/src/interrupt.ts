/**
 * SIGINT and SIGTERM during a long command: instead of dying mid-write, the
 * command stops at its next step, its temporary files are removed, the
 * previous outputs stay as they were, and one line says what was interrupted
 * (exit 130 for SIGINT, 143 for SIGTERM, as a shell reports a signal).
 */
import { UserError } from './errors.ts';

export class Interrupted extends UserError {
  constructor(
    readonly signal: NodeJS.Signals,
    what: string,
  ) {
    super(`interrupted by ${signal}: ${what}`, signal === 'SIGTERM' ? 143 : 130);
    this.name = 'Interrupted';
  }
}

export interface Interruption {
  /** Throws Interrupted when a signal has arrived. */
  check(): void;
  /** Calls `listener` as soon as a signal arrives (to stop workers); returns an unsubscribe. */
  onInterrupt(listener: (error: Interrupted) => void): () => void;
  /** Restores the default signal behaviour. */
  dispose(): void;
}

/** Catches SIGINT/SIGTERM until `dispose()`; `what` ends the message ("analyze stopped; …"). */
export function catchInterrupts(what: string): Interruption {
  let error: Interrupted | undefined;
  const listeners = new Set<(e: Interrupted) => void>();
  const handler = (signal: NodeJS.Signals): void => {
    if (error) return;
    error = new Interrupted(signal, what);
    for (const l of listeners) l(error);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    check() {
      if (error) throw error;
    },
    onInterrupt(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}

/** Lets pending signal handlers run (a synchronous loop would hold them back until it ends). */
export const yieldToSignals = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
