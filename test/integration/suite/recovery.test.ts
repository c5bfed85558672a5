// A language server that dies is started again by the client, and analysis goes on: the user
// sees diagnostics for what they type next, without a reload. A server that keeps dying is
// given up on, and the user is told once.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { CRASHES_BEFORE_GIVING_UP } from '../../../client/src/restartPolicy';
import { EXTENSION_ID, closeAllEditors, openFixtureCopy, ourDiagnostics, replaceText, waitFor, waitForRule } from './helpers';

/** PIDs of our bundled server forked by this extension host (Linux: read from /proc). */
function serverPids(): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = fs.readFileSync(`/proc/${entry}/status`, 'utf8');
      const parent = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      const state = /^State:\s+(\S)/m.exec(status)?.[1];
      const commandLine = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      // A killed child stays a zombie until reaped: it is not a server any more.
      if (parent === process.pid && state !== 'Z' && commandLine.includes('dist/server.js')) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

/** Polls (no editor event says that a process started) until `probe` answers; fails naming `what`. */
async function poll<T>(what: string, probe: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; server processes: ${serverPids().join(', ') || 'none'}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const newServer = (killed: number | undefined) => (): number | undefined => serverPids().find((pid) => pid !== killed);

function killServer(): number {
  const [pid, ...others] = serverPids();
  assert.ok(pid !== undefined && others.length === 0, `expected one server process, found ${[pid, ...others].join(', ') || 'none'}`);
  process.kill(pid, 'SIGKILL');
  return pid;
}

/** Edits the seeded status and waits for the diagnostic that names the new one. */
async function expectAnalysisOf(document: vscode.TextDocument, from: string, to: string): Promise<void> {
  await replaceText(document, from, to);
  await waitFor(
    `a diagnostic on the edited status ${to}`,
    // The message names the new status: a stale diagnostic (same range, old message) does not.
    () => (ourDiagnostics(document.uri, 'no-error-in-success').some((d) => d.message.includes(to)) ? true : undefined),
    [vscode.languages.onDidChangeDiagnostics],
  );
}

function crashNotices(): number {
  const api = vscode.extensions.getExtension<{ crashNotices: number }>(EXTENSION_ID)?.exports;
  assert.ok(api, `${EXTENSION_ID} exposes no API`);
  return api.crashNotices;
}

describe('server recovery', () => {
  afterEach(closeAllEditors);

  it('a server killed three times in a row is restarted each time and analyses the next edit', async () => {
    const document = await openFixtureCopy('seeded.js');
    await waitForRule(document.uri, 'no-error-in-success');
    let status = '200';
    for (const next of ['202', '203', '206']) {
      const killed = killServer();
      await poll('a new server process', newServer(killed));
      await expectAnalysisOf(document, status, next);
      status = next;
    }
    assert.equal(crashNotices(), 0, 'three crashes should not make the client give up');
  });

  it('after repeated crashes the user is told once, and Restart Server brings analysis back', async () => {
    const document = await openFixtureCopy('seeded.js');
    await waitForRule(document.uri, 'no-error-in-success');
    const before = crashNotices();
    // The crashes of the test above fall within the same window: a few more make the client give up.
    let killed = killServer();
    for (let crash = 1; crashNotices() === before; crash++) {
      assert.ok(crash <= CRASHES_BEFORE_GIVING_UP, `no crash notice after ${crash} crashes`);
      const restarted = await poll('a restarted server or the crash notice', () => (crashNotices() > before ? null : newServer(killed)()));
      if (restarted !== null) killed = killServer();
    }
    assert.equal(crashNotices(), before + 1);
    assert.deepEqual(serverPids(), [], 'a server was started after the client gave up');

    await vscode.commands.executeCommand('httpStatusGuide.restartServer');
    await poll('a server started by Restart Server', newServer(undefined));
    await expectAnalysisOf(document, '200', '202');
    assert.equal(crashNotices(), before + 1, 'the notice is shown once');
  });
});
