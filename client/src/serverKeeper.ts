// Keeps the language server running: restarts it after a crash with a growing pause, tells
// the user once when it keeps crashing, and restarts it on request even when the old process
// is too busy to stop in time.
import type { ChildProcess } from 'node:child_process';
import { window, type Disposable } from 'vscode';
import {
  CloseAction,
  ErrorAction,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClient,
} from 'vscode-languageclient/node';
import { CRASHES_BEFORE_GIVING_UP, CRASH_WINDOW_MS, RestartPolicy } from './restartPolicy';

/** How long a requested restart waits for the old server to shut down before it goes on anyway. */
const STOP_TIMEOUT_MS = 5_000;
const SHOW_OUTPUT = 'Show Output';
const RESTART = 'Restart Server';
const GAVE_UP = `crashed ${CRASHES_BEFORE_GIVING_UP} times within ${CRASH_WINDOW_MS / 60_000} minutes and was not restarted`;

export class ServerKeeper implements ErrorHandler, Disposable {
  private client: LanguageClient | undefined;
  private readonly policy = new RestartPolicy();
  private pendingStart: NodeJS.Timeout | undefined;
  private gaveUp = false;
  private notices = 0;

  /** The client this keeper looks after; its options must name this keeper as `errorHandler`. */
  attach(client: LanguageClient): void {
    this.client = client;
  }

  get crashNotices(): number {
    return this.notices;
  }

  /** Errors on the connection: go on for the first few, then stop the server (the library's default). */
  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
  }

  /**
   * The server's connection closed without a stop. The library would restart at once and give up
   * after 5 crashes, with a message that offers nothing; we wait longer after each crash instead,
   * and the notice offers the output and a restart.
   */
  closed(): CloseHandlerResult {
    const decision = this.policy.crashed(Date.now());
    // Handled: the client only logs the message; `start()` below brings the server back.
    if (decision === 'give-up') {
      this.gaveUp = true;
      void this.notify();
      return { action: CloseAction.DoNotRestart, handled: true, message: `The server ${GAVE_UP}.` };
    }
    clearTimeout(this.pendingStart);
    this.pendingStart = setTimeout(() => void this.start(), decision.restartAfterMs);
    return { action: CloseAction.DoNotRestart, handled: true, message: `The server stopped unexpectedly; it restarts in ${decision.restartAfterMs} ms.` };
  }

  /**
   * A restart the user asked for. `LanguageClient.restart()` never starts the new server when
   * the old one misses stop()'s 2 s deadline (a busy machine), which leaves the editor with no
   * server at all; here a late stop is logged and the new server starts regardless.
   */
  async restart(): Promise<void> {
    const client = this.client;
    if (!client) return;
    clearTimeout(this.pendingStart);
    this.policy.reset();
    this.gaveUp = false;
    if (client.needsStop()) {
      const old = client.serverProcess;
      await client.stop(STOP_TIMEOUT_MS).catch(async (error: unknown) => {
        client.outputChannel.appendLine(`The old server did not stop cleanly (${error instanceof Error ? error.message : String(error)}); starting a new one.`);
        // Its connection still listens: were it to close after the new server started, the client
        // would take that for the new server's crash.
        if (old) await killAndWait(old);
      });
    }
    await client.start();
  }

  dispose(): void {
    clearTimeout(this.pendingStart);
  }

  private async start(): Promise<void> {
    if (this.gaveUp) return;
    await this.client?.start().catch((error: unknown) => {
      this.client?.outputChannel.appendLine(`Restarting the server failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  private async notify(): Promise<void> {
    this.notices++;
    const choice = await window.showErrorMessage(
      `HTTP Status Guide: the language server ${GAVE_UP}.`,
      SHOW_OUTPUT,
      RESTART,
    );
    if (choice === SHOW_OUTPUT) this.client?.outputChannel.show();
    if (choice === RESTART) await this.restart();
  }
}

/** Kills a process and resolves once its streams and IPC channel are closed (at most a few seconds). */
function killAndWait(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, STOP_TIMEOUT_MS);
    child.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGKILL');
  });
}
