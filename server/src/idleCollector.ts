// A full garbage collection once the server has been idle for a moment after analysing. Parsed trees
// are garbage as soon as an analysis ends, but V8 keeps the pages they used for a long time: after
// opening 100 files of 1,500 lines the server held 266 MB for 10+ s, against ~120 MB once collected.
import v8 from 'node:v8';
import vm from 'node:vm';

const IDLE_MS = 2_000;

/** V8's collector, exposed at run time (no command-line flag needed); undefined if that fails. */
function exposeGc(): (() => void) | undefined {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

const gc = exposeGc();
let timer: NodeJS.Timeout | undefined;

/** Schedules one collection after the last call of a burst; cheap to call after every analysis. */
export function collectWhenIdle(): void {
  if (!gc) return;
  clearTimeout(timer);
  // The second collection is the one that shrinks the heap (measured: heap total 192 → 107 MB).
  timer = setTimeout(() => {
    gc();
    gc();
  }, IDLE_MS);
  timer.unref();
}
