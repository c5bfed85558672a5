// A worker thread of a large run: analyses the files it is sent with the run's settings.
import { parentPort, workerData } from 'node:worker_threads';
import { analyseFile } from './analyseFile';
import type { JobSettings } from './run';

export function serveAnalyses(): void {
  const settings = workerData as JobSettings;
  parentPort?.on('message', ({ index, file }: { index: number; file: string }) => {
    parentPort?.postMessage({ index, result: analyseFile({ ...settings, file }) });
  });
}
