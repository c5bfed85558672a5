// Section 3: the shipped server through the protocol (`node dist/server.js --stdio`), driven by the
// same JSON-RPC session the protocol tests use. Every wait is for a message, except the idle spell
// after opening the files, at whose fixed end the memory reading is taken.
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Hover } from 'vscode-languageserver-protocol';
import { EDIT_DEBOUNCE_MS } from '../server/src/analyses';
import { startServer, type ServerSession } from '../test/lsp/serverProcess';
import { generateApp } from './generate';
import { Rng, summarize, type Summary } from './stats';

export interface ProtocolResults {
  startup: Summary;
  editFileLines: number;
  edits: number;
  debounceMs: number;
  /** didChange → publishDiagnostics of that version, with the debounce delay subtracted. */
  editLatency: Summary;
  /** The same, as measured (debounce included). */
  editLatencyRaw: Summary;
  /** The same edits on a larger file (the edit cost should follow the edit, not the file). */
  largeEditFileLines: number;
  largeEditLatency: Summary;
  largeEditLatencyRaw: Summary;
  /** The same edits on the first file, each sent as the whole text, minus the debounce. */
  fullTextEditLatency: Summary;
  /** The edits on each file past the first WARM_UP_EDITS, minus the debounce: a server whose JIT has warmed up. */
  warmEditLatency: Summary;
  largeWarmEditLatency: Summary;
  hovers: number;
  hoverEmpty: number;
  hoverLatency: Summary;
  openFiles: number;
  openFileLines: number;
  /** Right after `initialize`. */
  rssStartMb: Summary;
  /** Right after the last of the files is published. */
  rssOpenMb: Summary;
  /** At a fixed idle time after the last open: what the server holds while the user reads. */
  rssIdleMb: Summary;
  idleMs: number;
  peakMb: Summary;
}

/** The first edits of a fresh server wait for V8's JIT; the warm rows leave them out (section 6 does too). */
export const WARM_UP_EDITS = 20;

/** How long after the last open the idle RSS is read: a fixed time, not "once it holds still" (issue 19). */
export const IDLE_READ_MS = 60_000;
const STATUS_DIGITS = /\.status\((\d{3})\)/g;
export const EDIT_CODES = ['200', '201', '400', '404', '409', '500'];

/** Offsets of the three digits in every `.status(NNN)` of the text. */
export function statusDigitOffsets(text: string): number[] {
  return [...text.matchAll(STATUS_DIGITS)].map((match) => (match.index ?? 0) + match[0].indexOf(match[1]));
}

export function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Kilobytes in /proc/<pid>/status (`VmRSS`, `VmHWM`), as megabytes. */
function procMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
  if (!kb) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(kb) / 1024;
}

async function withServer<T>(work: (server: ServerSession) => Promise<T>, nodeArgs: string[] = []): Promise<T> {
  const server = await startServer({}, { configuration: true }, { nodeArgs });
  try {
    return await work(server);
  } finally {
    await server.stop();
  }
}

async function measureStartup(runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const server = await startServer();
    times.push(performance.now() - start);
    await server.stop();
  }
  return times;
}

/**
 * How an edit reaches the server: `range`, the range it replaced and its new text, as editors send
 * it under the incremental sync this server asks for; `full`, the whole new text, as a client sends
 * it when a server asks for full sync.
 */
export type EditSync = 'range' | 'full';

/** Each edit swaps one status code for another and is sent once the previous one is published. */
async function measureEdits(server: ServerSession, lines: number, edits: number, sync: EditSync, uri = 'file:///bench/edited.js'): Promise<{ latencies: number[]; text: string; lines: number }> {
  const app = generateApp(lines, 7);
  let text = app.text;
  await server.open(uri, text);
  const offsets = statusDigitOffsets(text);
  const rng = new Rng(11);
  const latencies: number[] = [];
  for (let version = 2; version < edits + 2; version++) {
    const offset = rng.pick(offsets);
    const code = rng.pick(EDIT_CODES);
    const range = { start: positionAt(text, offset), end: positionAt(text, offset + code.length) };
    text = text.slice(0, offset) + code + text.slice(offset + code.length);
    const start = performance.now();
    await (sync === 'range' ? server.replace(uri, range, code, version) : server.change(uri, text, version));
    latencies.push(performance.now() - start);
  }
  return { latencies, text, lines: app.lines };
}

async function measureHovers(server: ServerSession, text: string, hovers: number): Promise<{ latencies: number[]; empty: number }> {
  const uri = 'file:///bench/edited.js';
  const positions = statusDigitOffsets(text).map((offset) => positionAt(text, offset + 1));
  const latencies: number[] = [];
  let empty = 0;
  for (let index = 0; index < hovers; index++) {
    const position = positions[index % positions.length];
    const start = performance.now();
    const hover = await server.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    latencies.push(performance.now() - start);
    if (!hover) empty++;
  }
  return { latencies, empty };
}

interface MemoryRun {
  start: number;
  open: number;
  idle: number;
  peak: number;
}

/** The server writes a heap snapshot there on this signal (node's `--heapsnapshot-signal`). */
const SNAPSHOT_SIGNAL = 'SIGUSR2';

/** With `snapshotDir`, a heap snapshot of the server right after the idle reading, written into it. */
async function measureMemory(files: number, lines: number, idleMs: number, snapshotDir?: string): Promise<MemoryRun> {
  const nodeArgs = snapshotDir ? [`--heapsnapshot-signal=${SNAPSHOT_SIGNAL}`, `--diagnostic-dir=${snapshotDir}`] : [];
  return withServer(async (server) => {
    const pid = server.process.pid;
    if (pid === undefined) throw new Error('the server process has no pid');
    const start = procMb(pid, 'VmRSS');
    for (let index = 0; index < files; index++) {
      await server.open(`file:///bench/project/routes/module${index}.js`, generateApp(lines, 1000 + index).text);
    }
    const open = procMb(pid, 'VmRSS');
    await new Promise((resolve) => setTimeout(resolve, idleMs));
    const run = { start, open, idle: procMb(pid, 'VmRSS'), peak: procMb(pid, 'VmHWM') };
    if (snapshotDir) await writeHeapSnapshot(server, pid, snapshotDir);
    return run;
  }, nodeArgs);
}

/** Signals the server and waits until the snapshot is written: node writes it on the server's thread, so a request is answered only after. */
async function writeHeapSnapshot(server: ServerSession, pid: number, snapshotDir: string): Promise<void> {
  fs.mkdirSync(snapshotDir, { recursive: true });
  process.kill(pid, SNAPSHOT_SIGNAL);
  // The signal is handled between event-loop turns: give it one before the request queues up.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///bench/project/routes/module0.js' }, position: { line: 0, character: 0 } });
}

export interface ProtocolPlan {
  startups: number;
  editFileLines: number;
  edits: number;
  largeEditFileLines: number;
  largeEdits: number;
  hovers: number;
  openFiles: number;
  openFileLines: number;
  memoryRuns: number;
  /** Idle time after the last open before RSS is read (IDLE_READ_MS; shorter for a smoke run). */
  idleMs: number;
  /** Where the first memory run's server writes a heap snapshot after the idle reading (`--heap-snapshot DIR`). */
  snapshotDir?: string;
}

export async function benchProtocol(plan: ProtocolPlan): Promise<ProtocolResults> {
  const startup = await measureStartup(plan.startups);
  const { edits, hovers, editFileLines } = await withServer(async (server) => {
    const edited = await measureEdits(server, plan.editFileLines, plan.edits, 'range');
    return { edits: edited.latencies, editFileLines: edited.lines, hovers: await measureHovers(server, edited.text, plan.hovers) };
  });
  const large = await withServer((server) => measureEdits(server, plan.largeEditFileLines, plan.largeEdits, 'range', 'file:///bench/large.js'));
  const fullText = await withServer((server) => measureEdits(server, plan.editFileLines, plan.edits, 'full'));
  const memory: MemoryRun[] = [];
  for (let run = 0; run < plan.memoryRuns; run++) memory.push(await measureMemory(plan.openFiles, plan.openFileLines, plan.idleMs, run === 0 ? plan.snapshotDir : undefined));
  return {
    startup: summarize(startup),
    editFileLines,
    edits: plan.edits,
    debounceMs: EDIT_DEBOUNCE_MS,
    editLatency: summarize(edits.map((latency) => latency - EDIT_DEBOUNCE_MS)),
    editLatencyRaw: summarize(edits),
    largeEditFileLines: large.lines,
    largeEditLatency: summarize(large.latencies.map((latency) => latency - EDIT_DEBOUNCE_MS)),
    largeEditLatencyRaw: summarize(large.latencies),
    fullTextEditLatency: summarize(fullText.latencies.map((latency) => latency - EDIT_DEBOUNCE_MS)),
    warmEditLatency: summarize(edits.slice(WARM_UP_EDITS).map((latency) => latency - EDIT_DEBOUNCE_MS)),
    largeWarmEditLatency: summarize(large.latencies.slice(WARM_UP_EDITS).map((latency) => latency - EDIT_DEBOUNCE_MS)),
    hovers: plan.hovers,
    hoverEmpty: hovers.empty,
    hoverLatency: summarize(hovers.latencies),
    openFiles: plan.openFiles,
    openFileLines: plan.openFileLines,
    rssStartMb: summarize(memory.map((run) => run.start)),
    rssOpenMb: summarize(memory.map((run) => run.open)),
    rssIdleMb: summarize(memory.map((run) => run.idle)),
    idleMs: plan.idleMs,
    peakMb: summarize(memory.map((run) => run.peak)),
  };
}
