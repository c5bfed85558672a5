// Analyses files in order, in this thread for a small run (or `--jobs 1`) and across worker
// threads for a large one. Reports come back in file order; at most WINDOW files are in flight
// or waiting to be written, so memory stays flat however many files there are.
import { Worker } from 'node:worker_threads';
import { analyseFile, type FileJob, type FileReport } from './analyseFile';

/** Below this many files, starting workers costs more than it saves. */
export const PARALLEL_FROM = 200;
const WINDOW = 256;

export type JobSettings = Omit<FileJob, 'file' | 'text'>;

/** Calls `report` for each file, in the order given, analysing on `jobs` threads. */
export async function analyseAll(files: Iterable<string>, settings: JobSettings, report: (report: FileReport) => void, { jobs, workerScript }: { jobs: number; workerScript: string }): Promise<void> {
  const inThisThread = (file: string): void => report(analyseFile({ ...settings, file }));
  if (jobs === 1) {
    for (const file of files) inThisThread(file);
    return;
  }
  const iterator = files[Symbol.iterator]();
  const first: string[] = [];
  for (let next = iterator.next(); !next.done; next = iterator.next()) {
    first.push(next.value);
    if (first.length >= PARALLEL_FROM) {
      await inWorkers(
        (function* () {
          yield* first;
          yield* { [Symbol.iterator]: () => iterator };
        })(),
        settings,
        report,
        { jobs, workerScript },
      );
      return;
    }
  }
  first.forEach(inThisThread);
}

async function inWorkers(files: Iterator<string>, settings: JobSettings, report: (report: FileReport) => void, { jobs, workerScript }: { jobs: number; workerScript: string }): Promise<void> {
  const workers = Array.from({ length: jobs }, () => new Worker(workerScript, { workerData: settings }));
  const done = new Map<number, FileReport>();
  let dispatched = 0;
  let written = 0;
  let exhausted = false;
  /** Files sent to each worker and not yet answered: two each, so none waits for its next file. */
  const load = new Map(workers.map((worker) => [worker, 0]));
  try {
    await new Promise<void>((resolve, reject) => {
      const feed = (worker: Worker): void => {
        if (exhausted || dispatched >= written + WINDOW || load.get(worker)! >= 2) return;
        const next = files.next();
        if (next.done) {
          exhausted = true;
          if (written === dispatched) resolve();
          return;
        }
        load.set(worker, load.get(worker)! + 1);
        worker.postMessage({ index: dispatched++, file: next.value });
      };
      for (const worker of workers) {
        worker.on('error', reject);
        worker.on('message', ({ index, result }: { index: number; result: FileReport }) => {
          load.set(worker, load.get(worker)! - 1);
          done.set(index, result);
          for (let ready = done.get(written); ready; ready = done.get(written)) {
            done.delete(written++);
            report(ready);
          }
          if (exhausted && written === dispatched) resolve();
          // Refill every worker: the window may have been what held them back.
          for (const idle of workers) feed(idle);
        });
        feed(worker);
        feed(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
