/**
 * Artificial CPU load for determinism tests: busy child processes (one per
 * core, at least two) spin while `work` runs; they are killed by pid after.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

export async function withCpuLoad<T>(
  work: () => T | Promise<T>,
  processes = Math.max(2, availableParallelism()),
): Promise<T> {
  const busy: ChildProcess[] = [];
  try {
    for (let i = 0; i < processes; i++)
      busy.push(spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
    // Let them start spinning before the work begins.
    await Promise.all(busy.map((c) => new Promise((r) => c.once('spawn', r))));
    return await work();
  } finally {
    for (const c of busy) c.kill('SIGKILL');
  }
}
