// Section 5: the workspace index on a generated workspace (seeded Express routers, one file each):
// the heap the full index holds and its time to fill (bench/indexHeap.ts, in a `--expose-gc`
// process), the time the server takes to index through the protocol, and edit → diagnostics for
// one open file while the index reads and once it is idle. Every wait is for a message.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parse } from '../server/src/analysis/engine/parse';
import { EDIT_DEBOUNCE_MS } from '../server/src/analyses';
import { startServer, type ServerSession } from '../test/lsp/serverProcess';
import { generateApp } from './generate';
import { EDIT_CODES, positionAt, statusDigitOffsets } from './protocolBench';
import { Rng, summarize, type Summary } from './stats';

export interface IndexPlan {
  files: number;
  /** Edits once the index is idle; while it reads, as many as fit. */
  idleEdits: number;
  /**
   * The first edits of a fresh server, not counted: they run before the JIT has compiled the edit
   * path, and are 2–3× slower with no index at all (section 3). The idle edits come after hundreds.
   */
  warmUpEdits: number;
  /** The longest the server may take to index the workspace. */
  indexMaxMs: number;
}

export interface IndexResults {
  files: number;
  lines: number;
  largestLines: number;
  /** In the `--expose-gc` process: what the full index holds, and how long it took to fill. */
  heapMb: number;
  heapRoutes: number;
  fillSeconds: number;
  /** initialized → the server's "Indexed N files" log, with one file open and edited meanwhile. */
  serverIndexSeconds: number;
  /** One parse of the largest file (the longest the server cannot answer while it reads). */
  largestParseMs: Summary;
  debounceMs: number;
  /** didChange → publishDiagnostics of that version, minus the debounce, after the warm-up edits. */
  /** Undefined when the index finished before the first counted edit was answered. */
  editsReading?: Summary;
  warmUpEdits: number;
  editsIdle: Summary;
}

const INDEXED = /^Indexed (\d+) files in \d+ ms\.$/;

/** A workspace of `files` routers of 60–600 lines (seeded), and the largest file's text. */
function writeWorkspace(files: number): { root: string; lines: number; largest: string; edited: string } {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'hsg-bench-index-')));
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'bench-workspace', dependencies: { express: '^4.19.0' } }));
  const rng = new Rng(2000);
  let lines = 0;
  let largest = '';
  for (let index = 0; index < files; index++) {
    const app = generateApp(rng.int(60, 600), 5000 + index);
    const file = path.join(root, 'src', `area${index % 40}`, `routes${index}.js`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, app.text);
    lines += app.lines;
    if (app.text.length > largest.length) largest = app.text;
  }
  return { root, lines, largest, edited: path.join(root, 'src', 'area0', 'routes0.js') };
}

function heapOfIndex(root: string): { heapBytes: number; routes: number; seconds: number } {
  const script = path.join(__dirname, 'indexHeap.ts');
  const output = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, root], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(output) as { heapBytes: number; routes: number; seconds: number };
}

function parseTimes(text: string, rounds: number): number[] {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    parse(text, 'largest.js');
    times.push(performance.now() - start);
  }
  return times;
}

/** Edits one status at a time, each sent once the previous one is published, while `more()` holds. */
async function edit(server: ServerSession, uri: string, state: { text: string; version: number }, more: (done: number) => boolean): Promise<number[]> {
  const offsets = statusDigitOffsets(state.text);
  const rng = new Rng(state.version);
  const latencies: number[] = [];
  while (more(latencies.length)) {
    const offset = rng.pick(offsets);
    const code = rng.pick(EDIT_CODES);
    const range = { start: positionAt(state.text, offset), end: positionAt(state.text, offset + code.length) };
    state.text = state.text.slice(0, offset) + code + state.text.slice(offset + code.length);
    const start = performance.now();
    // The range replaced, as an editor sends it under incremental sync (section 3).
    await server.replace(uri, range, code, ++state.version);
    latencies.push(performance.now() - start - EDIT_DEBOUNCE_MS);
  }
  return latencies;
}

export async function benchIndex(plan: IndexPlan): Promise<IndexResults> {
  const workspace = writeWorkspace(plan.files);
  try {
    const heap = heapOfIndex(workspace.root);
    const server = await startServer({}, { configuration: true, workspaceFolders: [pathToFileURL(workspace.root).toString()], watchFiles: true });
    try {
      const started = performance.now();
      const indexed = (): boolean => server.logs.some((line) => INDEXED.test(line));
      const uri = pathToFileURL(workspace.edited).toString();
      const state = { text: fs.readFileSync(workspace.edited, 'utf8'), version: 1 };
      await server.open(uri, state.text);
      const reading = await edit(server, uri, state, () => {
        if (performance.now() - started > plan.indexMaxMs) throw new Error(`the server did not index ${plan.files} files within ${plan.indexMaxMs / 1000} s`);
        return !indexed();
      });
      const serverIndexSeconds = (performance.now() - started) / 1000;
      const idle = await edit(server, uri, state, (done) => done < plan.idleEdits);
      return {
        files: plan.files,
        lines: workspace.lines,
        largestLines: workspace.largest.split('\n').length,
        heapMb: heap.heapBytes / 1024 / 1024,
        heapRoutes: heap.routes,
        fillSeconds: heap.seconds,
        serverIndexSeconds,
        largestParseMs: summarize(parseTimes(workspace.largest, 20)),
        debounceMs: EDIT_DEBOUNCE_MS,
        editsReading: reading.length > plan.warmUpEdits ? summarize(reading.slice(plan.warmUpEdits)) : undefined,
        warmUpEdits: plan.warmUpEdits,
        editsIdle: summarize(idle),
      };
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(workspace.root, { recursive: true, force: true });
  }
}

const n = (value: number): string => value.toFixed(value >= 100 ? 0 : value >= 10 ? 1 : 2);
const row = (what: string, s: Summary): string => `| ${what} | ${n(s.median)} ms | ${n(s.p95)} ms | ${n(s.max)} ms | ${s.count} |`;

/** The target: while the index reads, edit p95 within idle p95 plus one parse of the largest file. */
export function readingTarget(results: IndexResults): { bound: number; met: boolean | undefined } {
  const bound = results.editsIdle.p95 + results.largestParseMs.median;
  return { bound, met: results.editsReading && results.editsReading.p95 <= bound };
}

/** The heap target is for this many files. */
export const TARGET_FILES = 2_000;

export const INDEX_HEADING = '## 6. Workspace index';

export function indexSection(results: IndexResults | undefined, error?: string): string[] {
  if (!results) return [INDEX_HEADING, '', `Not measured: ${error ?? 'unknown error'}.`];
  const r = results;
  const target = readingTarget(r);
  return [
    `${INDEX_HEADING} (${r.files.toLocaleString('en')} generated files, ${r.lines.toLocaleString('en')} lines)`,
    '',
    `A workspace of seeded Express routers (\`bench/generate.ts\`, 60–600 lines each, the largest ${r.largestLines} lines). Heap: a \`WorkspaceIndex\` filled in a \`node --expose-gc\` process the way the server fills it (same walk, analysis and route facts, routes joined once); used heap after a forced GC with the index full, minus before.`,
    '',
    `- Heap the full index holds: **${r.heapMb.toFixed(1)} MB** for ${r.files.toLocaleString('en')} files (${r.heapRoutes.toLocaleString('en')} routes); target ≤ 50 MB for 2,000 files: ${r.files < TARGET_FILES ? 'not measured at this size' : r.heapMb <= 50 ? 'met' : '**not met**'}.`,
    `- Time to fill it, alone in its process: ${r.fillSeconds.toFixed(1)} s. Through the server (\`initialized\` → its "Indexed N files" log, one file open and edited meanwhile): ${r.serverIndexSeconds.toFixed(1)} s.`,
    `- One parse of the largest file: ${n(r.largestParseMs.median)} ms (median of ${r.largestParseMs.count}).`,
    '',
    `didChange → publishDiagnostics of that version for one open router file, minus the ${r.debounceMs} ms debounce, each edit sent once the previous one is published. The first ${r.warmUpEdits} edits while the index reads are warm-up, not counted: a fresh server's first edits wait for the JIT whether or not an index reads (section 3), and the idle edits come after hundreds.`,
    '',
    '| while | median | p95 | max | edits |',
    '|---|---:|---:|---:|---:|',
    ...(r.editsReading ? [row('the index reads the workspace', r.editsReading)] : ['| the index reads the workspace | – | – | – | 0 (it finished first) |']),
    row('the index is idle', r.editsIdle),
    '',
    `Target: p95 while reading ≤ idle p95 + one parse of the largest file = ${n(target.bound)} ms: ${target.met === undefined ? 'not measured' : target.met ? 'met' : '**not met**'}.`,
    '',
    'How the index stays out of the way: it takes one step (a parse, the facts walk, one rule, or storing a file\'s routes) per turn of the event loop, and none while a document analysis is queued or running or an edit\'s debounce ends within 25 ms. After each file it collects the young generation, where that file\'s tree is garbage and the collection cheap, so that no collection lands in the middle of the next file while its tree is alive. An edit then waits only for the step under way when its didChange arrives. Caveat: 2 cores, shared with the bench\'s client.',
  ];
}
