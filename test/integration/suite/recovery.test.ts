// A language server that dies is started again by the client, and analysis goes
// on: the user sees diagnostics for what they type next, without a reload.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { closeAllEditors, openWorkspaceFile, ourDiagnostics, replaceText, waitFor, waitForRule } from './helpers';

/** PIDs of our bundled server forked by this extension host (Linux: read from /proc). */
function serverPids(): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = fs.readFileSync(`/proc/${entry}/status`, 'utf8');
      const parent = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      const commandLine = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (parent === process.pid && commandLine.includes('dist/server.js')) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

describe('server recovery', () => {
  afterEach(closeAllEditors);

  it('a killed server is restarted and analyses the next edit', async () => {
    const document = await openWorkspaceFile('seeded.js');
    await waitForRule(document.uri, 'no-error-in-success');
    const [pid, ...others] = serverPids();
    assert.ok(pid !== undefined && others.length === 0, `expected one server process, found ${[pid, ...others].join(', ')}`);
    process.kill(pid, 'SIGKILL');

    await replaceText(document, '200', '202');
    await waitFor(
      'a diagnostic on the edited status 202 from the restarted server',
      // The message names the new status: a stale diagnostic (same range, now 202) does not.
      () => (ourDiagnostics(document.uri, 'no-error-in-success').some((d) => d.message.includes('202')) ? true : undefined),
      [vscode.languages.onDidChangeDiagnostics],
    );
    assert.notDeepEqual(serverPids(), [pid], 'the old server process is still the only one');
  });
});
