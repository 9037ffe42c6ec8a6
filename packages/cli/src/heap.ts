/**
 * A heap cap for analyze's diff stage at national scale. Its live data are
 * well under a gigabyte at 7,000 plans, but V8 lets the heap of a busy
 * process grow to several times its live data before a full collection (the
 * default limit here is 4 GB): the diff stage of 7,000 synthetic plans
 * peaked at 2.8 GB of RSS, mostly garbage of finished comparisons. A heap
 * flag cannot be set once Node runs, so analyze runs itself again as a
 * child process with `--max-old-space-size`: same arguments, same output
 * (1.8 GB peak, the same time).
 */
import { spawn } from 'node:child_process';
import { getHeapStatistics } from 'node:v8';

/** Plans above which analyze with the diff stage runs under the cap (1,000 plans peak at 0.6 GB uncapped). */
export const CAPPED_ABOVE_PLANS = 1000;
/** The cap's floor, in MB: 7,000 synthetic plans (75 MB of plan files) run in it at 1.8 GB of RSS. */
export const HEAP_CAP_FLOOR_MB = 1536;
/** MB of heap per MB of plan files: twice the live data measured at 7,000 plans (about 10 MB per MB). */
export const HEAP_PER_PLAN_MB = 20;

/** Marks the child, so that it never spawns again. */
const CHILD_ENV = 'DOICHIEU_HEAP_CAPPED';

/** The cap for a corpus of `planBytes` of plan files, in MB: its live data with room to spare, at least the floor. */
export function heapCapMb(planBytes: number): number {
  return Math.max(HEAP_CAP_FLOOR_MB, Math.ceil((HEAP_PER_PLAN_MB * planBytes) / 2 ** 20));
}

/** Whether this process should hand the work to a capped child: not already one, and not already capped at or below `capMb`. */
export function wantsHeapCap(capMb: number): boolean {
  if (process.env[CHILD_ENV]) return false;
  return getHeapStatistics().heap_size_limit > capMb * 1.1 * 2 ** 20;
}

/**
 * Runs this command line again in a child Node with the heap capped at `capMb`,
 * on the same terminal; signals sent to this process go to the child, which
 * stops as analyze always does. Resolves to the child's exit code.
 */
export function runCapped(capMb: number): Promise<number> {
  const args = [
    ...process.execArgv,
    `--max-old-space-size=${capMb}`,
    process.argv[1]!,
    ...process.argv.slice(2),
  ];
  return new Promise((resolveExit, reject) => {
    const child = spawn(process.execPath, args, {
      stdio: 'inherit',
      env: { ...process.env, [CHILD_ENV]: String(capMb) },
    });
    // A terminal's Ctrl-C reaches both processes; analyze ignores a second signal.
    const forward = (signal: NodeJS.Signals): void => {
      child.kill(signal);
    };
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    for (const s of signals) process.on(s, forward);
    child.on('error', (e) => {
      for (const s of signals) process.off(s, forward);
      reject(e);
    });
    child.on('exit', (code, signal) => {
      for (const s of signals) process.off(s, forward);
      resolveExit(code ?? (signal === 'SIGTERM' ? 143 : signal === 'SIGINT' ? 130 : 70));
    });
  });
}
