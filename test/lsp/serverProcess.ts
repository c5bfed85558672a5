// Spawns the bundled server exactly as other editors do (`node dist/server.js --stdio`) and talks
// real JSON-RPC to it. Tests wait for the diagnostics of a given version, never for time.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams, Range } from 'vscode-languageserver-protocol';

export const SERVER = path.join(__dirname, '..', '..', 'dist', 'server.js');

export interface ServerSession {
  connection: MessageConnection;
  process: ChildProcess;
  initializeResult: InitializeResult;
  /** The settings the server gets from `workspace/configuration`; change, then notify. */
  settings: Record<string, unknown>;
  logs: string[];
  /** Every publish, in order of arrival. */
  published: PublishDiagnosticsParams[];
  /** Methods the server registered dynamically (`client/registerCapability`). */
  registered: string[];
  /** `httpStatusGuide/fileStatus` notifications: why an open file is not analysed. */
  fileStatuses: { uri: string; skipped: string | null }[];
  open(uri: string, text: string, languageId?: string, version?: number): Promise<Diagnostic[]>;
  /** Sends the document's whole new text, as a client does when the server asks for full sync. */
  change(uri: string, text: string, version: number): Promise<Diagnostic[]>;
  /** Sends only the range an edit replaced and its new text, as an editor does under incremental sync (what this server asks for). */
  replace(uri: string, range: Range, text: string, version: number): Promise<Diagnostic[]>;
  /** Resolves with the next publish for `uri` whose version is `version` (or any, when undefined). */
  diagnostics(uri: string, version?: number): Promise<Diagnostic[]>;
  stop(): Promise<void>;
}

/** Hang guard for every wait on the server: generous, never a performance threshold. */
export const WAIT_MS = 30_000;

export interface StartOptions {
  /** The server script to spawn (default: the bundle); tests of these helpers pass a stand-in. */
  serverPath?: string;
  /** How long a wait for diagnostics or for shutdown may take before it fails (default WAIT_MS). */
  waitMs?: number;
  /** Options for node itself, before the script (the bench's `--heapsnapshot-signal`). */
  nodeArgs?: string[];
}

/**
 * Rejects after `timeoutMs` with a message naming what was awaited, unless `promise` settles
 * first: a server that stops answering fails the test instead of hanging `npm test`.
 */
export function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string, state: () => string = () => ''): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}${state() ? `. ${state()}` : ''}`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** What the test client says it can do, and what it gives at start. */
export interface ClientCapabilities {
  configuration?: boolean;
  /** False for clients that cannot register notifications dynamically (Neovim). Default true. */
  dynamicRegistration?: boolean;
  initializationOptions?: unknown;
  /** Workspace folder URIs given at `initialize`. */
  workspaceFolders?: string[];
  /** Whether the client can register file watchers (`workspace/didChangeWatchedFiles`). Default false. */
  watchFiles?: boolean;
  /** Whether the client shows a diagnostic's related places (`publishDiagnostics.relatedInformation`). Default false. */
  relatedInformation?: boolean;
  /** Whether completion items may be snippets (tab stops expanded by the client). Default false. */
  snippets?: boolean;
}

export async function startServer(
  settings: Record<string, unknown> = {},
  capabilities: ClientCapabilities = { configuration: true },
  { serverPath = SERVER, waitMs = WAIT_MS, nodeArgs = [] }: StartOptions = {},
): Promise<ServerSession> {
  const child = spawn(process.execPath, [...nodeArgs, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting: { uri: string; version?: number; resolve: (d: Diagnostic[]) => void }[] = [];
  const logs: string[] = [];
  const session = { settings, published: [], registered: [], fileStatuses: [] } as unknown as ServerSession;
  connection.onNotification('httpStatusGuide/fileStatus', (params: { uri: string; skipped: string | null }) => {
    session.fileStatuses.push(params);
  });
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    session.published.push(params);
    for (const waiter of [...waiting]) {
      if (waiter.uri === params.uri && (waiter.version === undefined || waiter.version === params.version)) {
        waiting.splice(waiting.indexOf(waiter), 1);
        waiter.resolve(params.diagnostics);
      }
    }
  });
  connection.onNotification('window/logMessage', (params: { message: string }) => {
    logs.push(params.message);
  });
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map(() => session.settings));
  connection.onRequest('client/registerCapability', (params: { registrations: { method: string }[] }) => {
    session.registered.push(...params.registrations.map((registration) => registration.method));
    return null;
  });
  connection.onRequest('workspace/inlayHint/refresh', () => null);
  connection.listen();
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  // A server that dies before answering fails the test with what it printed, instead of hanging it.
  const died = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`server exited (${code}) before initialize:\n${stderr}`))));
  // Starting takes what it takes on a loaded machine: the generous guard, whatever `waitMs` says.
  const initializeResult = await withTimeout(
    Promise.race([
      connection.sendRequest<InitializeResult>('initialize', {
        processId: process.pid,
        rootUri: null,
        workspaceFolders: capabilities.workspaceFolders?.map((uri) => ({ uri, name: uri })) ?? null,
        capabilities: {
          workspace: {
            configuration: capabilities.configuration === true,
            didChangeConfiguration: { dynamicRegistration: capabilities.dynamicRegistration !== false },
            didChangeWatchedFiles: { dynamicRegistration: capabilities.watchFiles === true },
          },
          textDocument: {
            publishDiagnostics: { relatedInformation: capabilities.relatedInformation === true },
            completion: { completionItem: { snippetSupport: capabilities.snippets === true } },
          },
        },
        initializationOptions: capabilities.initializationOptions,
      }),
      died,
    ]),
    WAIT_MS,
    'the answer to initialize',
    () => `stderr: ${stderr || '(empty)'}`,
  ).catch((error: unknown) => {
    // A server left running would keep the test process alive after the failure.
    child.kill('SIGKILL');
    connection.dispose();
    throw error;
  });
  died.catch(() => undefined);
  await connection.sendNotification('initialized', {});
  const diagnostics = (uri: string, version?: number): Promise<Diagnostic[]> => {
    const waiter = { uri, version, resolve: (_: Diagnostic[]) => {} };
    const published = new Promise<Diagnostic[]>((resolve) => {
      waiter.resolve = resolve;
      waiting.push(waiter);
    });
    const what = `diagnostics of ${uri}${version === undefined ? '' : ` version ${version}`}`;
    return withTimeout(published, waitMs, what).finally(() => {
      if (waiting.includes(waiter)) waiting.splice(waiting.indexOf(waiter), 1);
    });
  };
  return Object.assign(session, {
    connection,
    process: child,
    initializeResult,
    logs,
    diagnostics,
    async open(uri: string, text: string, languageId = 'javascript', version = 1) {
      const published = diagnostics(uri, version);
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
      return published;
    },
    async change(uri: string, text: string, version: number) {
      const published = diagnostics(uri, version);
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
      return published;
    },
    async replace(uri: string, range: Range, text: string, version: number) {
      const published = diagnostics(uri, version);
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
      return published;
    },
    async stop() {
      if (child.exitCode === null) {
        await withTimeout(connection.sendRequest('shutdown'), waitMs, 'the answer to shutdown').catch(() => undefined);
        await connection.sendNotification('exit').catch(() => undefined);
        const exited = new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(undefined)));
        await withTimeout(exited, waitMs, 'the server to exit after shutdown').catch((error: unknown) => {
          child.kill('SIGKILL');
          throw error;
        });
      }
      connection.dispose();
    },
  });
}
