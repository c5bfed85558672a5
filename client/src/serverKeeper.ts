// Keeps the language server running: restarts it after a crash with a growing pause, tells
// the user once when it keeps crashing, and restarts it on request even when the old process
// is too busy to stop in time.
import type { ChildProcess } from 'node:child_process';
import { window, type Disposable } from 'vscode';
import {
  CloseAction,
  ErrorAction,
  State,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClient,
} from 'vscode-languageclient/node';
import { CRASHES_BEFORE_GIVING_UP, CRASH_WINDOW_MS, RestartPolicy } from './restartPolicy';

/** How long a requested restart waits for the old server to shut down before it goes on anyway. */
const STOP_TIMEOUT_MS = 5_000;
/** A start refused because the client is still stopping is tried again after this pause. */
const START_RETRY_MS = 250;
const SHOW_OUTPUT = 'Show Output';
const RESTART = 'Restart Server';
const GAVE_UP = `crashed ${CRASHES_BEFORE_GIVING_UP} times within ${CRASH_WINDOW_MS / 60_000} minutes and was not restarted`;

export class ServerKeeper implements ErrorHandler, Disposable {
  private client: LanguageClient | undefined;
  private readonly policy = new RestartPolicy();
  private pendingStart: NodeJS.Timeout | undefined;
  private watcher: Disposable | undefined;
  /** Set while a stop we asked for (a restart, deactivation) is under way: that stop is no crash. */
  private stopRequested = false;
  private gaveUp = false;
  private notices = 0;

  /** The client this keeper looks after; its options must name this keeper as `errorHandler`. */
  attach(client: LanguageClient): void {
    this.client = client;
    // Every way a server can end without being asked to (its process died, its connection broke
    // and the client shut it down) ends in this state change; one place counts it as a crash.
    this.watcher = client.onDidChangeState(({ newState }) => {
      if ((newState === State.Stopped || newState === State.StartFailed) && !this.stopRequested) this.crashed();
    });
  }

  get crashNotices(): number {
    return this.notices;
  }

  /**
   * Errors writing to or reading from the server: go on. They come when its process has died
   * (a broken pipe before the close), and the close restarts it. The library's default shuts
   * the client down after three, and that shutdown, still running when the close arrives, would
   * reset the state of the server started meanwhile.
   */
  error(): ErrorHandlerResult {
    return { action: ErrorAction.Continue, handled: true };
  }

  /** The connection closed without a stop: the library must not restart on its own; the state watcher does, after a pause. */
  closed(): CloseHandlerResult {
    return { action: CloseAction.DoNotRestart, handled: true, message: 'The server stopped unexpectedly.' };
  }

  /**
   * A restart the user asked for. `LanguageClient.restart()` never starts the new server when
   * the old one misses stop()'s 2 s deadline (a busy machine), which leaves the editor with no
   * server at all; here a late stop is logged and the new server starts regardless.
   */
  async restart(): Promise<void> {
    if (!this.client) return;
    clearTimeout(this.pendingStart);
    this.policy.reset();
    this.gaveUp = false;
    await this.stop();
    await this.start();
  }

  /** Stops the server on purpose (a restart, or the extension deactivating). */
  async stop(): Promise<void> {
    const client = this.client;
    if (!client?.needsStop()) return;
    this.stopRequested = true;
    const old = client.serverProcess;
    try {
      await client.stop(STOP_TIMEOUT_MS);
    } catch (error) {
      client.outputChannel.appendLine(`The old server did not stop cleanly (${error instanceof Error ? error.message : String(error)}).`);
      // Its connection still listens: were it to close after a new server started, the client
      // would take that for the new server's crash.
      if (old) await killAndWait(old);
    } finally {
      this.stopRequested = false;
    }
  }

  dispose(): void {
    clearTimeout(this.pendingStart);
    this.watcher?.dispose();
  }

  private crashed(): void {
    const decision = this.policy.crashed(Date.now());
    clearTimeout(this.pendingStart);
    if (decision === 'give-up') {
      this.gaveUp = true;
      this.client?.outputChannel.appendLine(`The server ${GAVE_UP}.`);
      void this.notify();
      return;
    }
    this.client?.outputChannel.appendLine(`The server stopped unexpectedly; it restarts in ${decision.restartAfterMs} ms.`);
    this.pendingStart = setTimeout(() => void this.start(), decision.restartAfterMs);
  }

  private async start(): Promise<void> {
    const client = this.client;
    if (!client || this.gaveUp) return;
    try {
      await client.start();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // A connection shut down after errors is still stopping: try again once it is down.
      if (/stopping/i.test(message)) {
        this.pendingStart = setTimeout(() => void this.start(), START_RETRY_MS);
        return;
      }
      client.outputChannel.appendLine(`Starting the server failed: ${message}`);
    }
  }

  private async notify(): Promise<void> {
    this.notices++;
    const choice = await window.showErrorMessage(`HTTP Status Guide: the language server ${GAVE_UP}.`, SHOW_OUTPUT, RESTART);
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
