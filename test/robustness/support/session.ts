// A record of every publishDiagnostics of a spawned server (test/lsp/serverProcess.ts), with its
// version, so tests can say "the newest version was published and no stale one came after it".
import * as fs from 'node:fs';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { after, before } from 'node:test';
import { WAIT_MS, startServer, withTimeout, type ServerSession } from '../../lsp/serverProcess';

export interface Publish {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

/** Hang guard for protocol tests: generous, never a performance threshold. */
export const HANG_GUARD_MS = WAIT_MS;

export class PublishLog {
  readonly all: Publish[] = [];
  private readonly waiters: { uri: string; version?: number | null; from: number; resolve: (publish: Publish) => void }[] = [];

  /** Takes over the session's publish handler: use the methods below, not session.open/change. */
  constructor(private readonly server: ServerSession) {
    server.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.all.push({ uri: params.uri, version: params.version, diagnostics: params.diagnostics });
      for (const waiter of [...this.waiters]) this.settle(waiter);
    });
  }

  /** The index the next publish will get: wait "from" here to ignore what came before. */
  mark(): number {
    return this.all.length;
  }

  /**
   * The first publish for `uri` at or after index `from`: of `version` when given, without a
   * version when `version` is null (a close), any when undefined. Fails after `timeoutMs`.
   */
  waitFor(uri: string, version: number | null | undefined, from: number, timeoutMs = HANG_GUARD_MS): Promise<Publish> {
    const waiter = { uri, version, from, resolve: (_: Publish) => {} };
    const published = new Promise<Publish>((resolve) => {
      waiter.resolve = resolve;
      if (!this.settle(waiter)) this.waiters.push(waiter);
    });
    const what = `a publish for ${uri}${version === undefined ? '' : version === null ? ' without a version' : ` version ${version}`}`;
    const seen = (): string => `Published for it so far: versions ${this.forUri(uri).map((publish) => publish.version ?? 'none').join(', ') || 'none'}`;
    return withTimeout(published, timeoutMs, what, seen).finally(() => {
      const index = this.waiters.indexOf(waiter);
      if (index !== -1) this.waiters.splice(index, 1);
    });
  }

  forUri(uri: string, from = 0): Publish[] {
    return this.all.slice(from).filter((publish) => publish.uri === uri);
  }

  async open(uri: string, text: string, version = 1, languageId = 'javascript'): Promise<Publish> {
    const from = this.mark();
    await this.server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    return this.waitFor(uri, version, from);
  }

  async change(uri: string, text: string, version: number): Promise<Publish> {
    const from = this.mark();
    await this.server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return this.waitFor(uri, version, from);
  }

  /** Closing publishes an empty list without a version (a late publish of the open version is not it). */
  async close(uri: string): Promise<Publish> {
    const from = this.mark();
    await this.server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    return this.waitFor(uri, null, from);
  }

  private settle(waiter: { uri: string; version?: number | null; from: number; resolve: (publish: Publish) => void }): boolean {
    const match = this.all.slice(waiter.from).find((publish) => publish.uri === waiter.uri && (waiter.version === undefined || publish.version === (waiter.version ?? undefined)));
    if (!match) return false;
    const index = this.waiters.indexOf(waiter);
    if (index !== -1) this.waiters.splice(index, 1);
    waiter.resolve(match);
    return true;
  }
}

/** Resident memory of a process in MB, from /proc (Linux). */
export function residentMegabytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
  return Math.round(kilobytes / 1024);
}

/** A spawned server with its publish log, started before a suite's tests and stopped after them. */
export function spawnedServerForSuite(...options: Parameters<typeof startServer>): { readonly server: ServerSession; readonly log: PublishLog } {
  const suite = {} as { server: ServerSession; log: PublishLog };
  before(async () => {
    suite.server = await startServer(...options);
    suite.log = new PublishLog(suite.server);
  });
  after(async () => suite.server.stop());
  return suite;
}
