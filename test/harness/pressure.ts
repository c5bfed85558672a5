// CPU pressure for the editor suites: HSG_TEST_CPU_PRESSURE=N starts N busy processes
// (a tight loop each, "all" for one per core) beside the run, and stops them when it
// ends. Timing bugs that only show on a loaded machine (a slow server start, a stop
// that misses its deadline) then show here too, on demand.
import type { ChildProcess } from 'node:child_process';
import * as os from 'node:os';
import { spawnTracked, stopTracked } from './processes';

const BUSY_LOOP = 'for (;;) {}';

/** How many busy processes HSG_TEST_CPU_PRESSURE asks for (0 when unset). */
export function requestedPressure(value = process.env.HSG_TEST_CPU_PRESSURE): number {
  if (value === undefined || value.trim() === '' || value.trim() === '0') return 0;
  if (value.trim() === 'all') return os.availableParallelism();
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0 || count > 64) {
    throw new Error(`HSG_TEST_CPU_PRESSURE must be a whole number from 0 to 64, or "all"; got "${value}"`);
  }
  return count;
}

/** Starts the requested busy processes; the returned function stops them. */
export function startCpuPressure(label: string): () => Promise<void> {
  const count = requestedPressure();
  const loops: ChildProcess[] = [];
  for (let index = 0; index < count; index++) {
    loops.push(spawnTracked(process.execPath, ['-e', BUSY_LOOP], { stdio: 'ignore' }));
  }
  if (count > 0) process.stderr.write(`[${label}] CPU pressure: ${count} busy process(es) beside the run\n`);
  return async () => {
    await Promise.all(loops.map((loop) => stopTracked(loop, 1_000)));
  };
}
