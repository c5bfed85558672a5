// Run by the index section as `node --expose-gc`: fills a WorkspaceIndex with a workspace the way
// the server's does (same file walk, analysis and route facts, no protocol) and prints, as JSON,
// the heap the full index holds (used heap after a forced GC, minus before) and how long it took.
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { resolverAmong } from '../server/src/analysis/routes';
import { filesToAnalyse } from '../server/src/cli/files';
import { settingsFrom } from '../server/src/settings';
import { WorkspaceIndex } from '../server/src/workspace/workspaceIndex';

async function main(folder: string): Promise<void> {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run with node --expose-gc');
  const settings = settingsFrom({});
  const index: WorkspaceIndex = new WorkspaceIndex({
    filesOf: (root) => filesToAnalyse(['.'], root, settings),
    read: (file) => fs.readFileSync(file, 'utf8'),
    optionsFor: async () => settings.analysis,
    resolve: resolverAmong((file) => index.get(file) !== undefined),
    changed: () => undefined,
    documentsIdle: async () => undefined,
  });
  collect();
  const before = process.memoryUsage().heapUsed;
  const started = performance.now();
  await index.start([folder]);
  const seconds = (performance.now() - started) / 1000;
  // The joined routes are cached by the index too: ask once, as the routes view does.
  const routes = index.routes().length;
  collect();
  const heapBytes = process.memoryUsage().heapUsed - before;
  process.stdout.write(JSON.stringify({ files: index.size, routes, seconds, heapBytes }));
}

main(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
