// Shared steps of the extension-host tests. Every wait is for an editor event
// (diagnostics changed, configuration changed, …) with a timeout; never a sleep.
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'http-status-guide.http-status-guide';
export const SOURCE = 'http-status';
const WAIT_MS = 20_000;

/**
 * Resolves with probe()'s first non-undefined value, checked now and after each
 * event; rejects after `timeoutMs` saying what was awaited and what was last seen.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined,
  events: ReadonlyArray<vscode.Event<unknown>>,
  describeState: () => string = () => '',
  timeoutMs = WAIT_MS,
): Promise<T> {
  const now = probe();
  if (now !== undefined) return now;
  return new Promise<T>((resolve, reject) => {
    const subscriptions: vscode.Disposable[] = [];
    const finish = (): void => {
      clearTimeout(timer);
      for (const subscription of subscriptions) subscription.dispose();
    };
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}. ${describeState()}`));
    }, timeoutMs);
    for (const event of events) {
      subscriptions.push(
        event(() => {
          const value = probe();
          if (value === undefined) return;
          finish();
          resolve(value);
        }),
      );
    }
  });
}

export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Our diagnostics for a document, optionally only one rule's. */
export function ourDiagnostics(uri: vscode.Uri, ruleId?: string): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((diagnostic) => diagnostic.source === SOURCE && (ruleId === undefined || codeOf(diagnostic) === ruleId));
}

function listDiagnostics(uri: vscode.Uri): string {
  const all = vscode.languages.getDiagnostics(uri).map((d) => `[${d.source ?? '?'}/${codeOf(d) ?? '?'}] ${d.message}`);
  return `Diagnostics of ${uri.toString()}: ${all.length === 0 ? 'none' : all.join(' | ')}`;
}

/** Hang guard for the first diagnostic of a run: activating the extension and starting its server cold. */
export const COLD_START_MS = 60_000;

export async function waitForRule(uri: vscode.Uri, ruleId: string, timeoutMs = WAIT_MS): Promise<vscode.Diagnostic[]> {
  return waitFor(
    `a ${ruleId} diagnostic`,
    () => {
      const found = ourDiagnostics(uri, ruleId);
      return found.length > 0 ? found : undefined;
    },
    [vscode.languages.onDidChangeDiagnostics],
    () => listDiagnostics(uri),
    timeoutMs,
  );
}

export async function waitForNoRule(uri: vscode.Uri, ruleId?: string): Promise<void> {
  await waitFor(
    ruleId === undefined ? 'no http-status diagnostics' : `no ${ruleId} diagnostic`,
    () => (ourDiagnostics(uri, ruleId).length === 0 ? true : undefined),
    [vscode.languages.onDidChangeDiagnostics],
    () => listDiagnostics(uri),
  );
}

/**
 * Opens a fresh copy of a fixture file of the test workspace in an editor. Every test gets its
 * own document: a test that fails half-way (an edit applied, a revert not) cannot leave a
 * document behind that the next test would find in that state.
 */
export async function openFixtureCopy(fixture: string): Promise<vscode.TextDocument> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the fixture workspace opened as a folder');
  // Each test file is bundled on its own, so a counter here would restart per file: a random
  // folder. The fixture keeps its own path inside it, so a Next.js `app/api/…/route.ts` stays one.
  const copy = vscode.Uri.joinPath(folder.uri, 'copies', randomUUID().slice(0, 8), fixture);
  await vscode.workspace.fs.copy(vscode.Uri.joinPath(folder.uri, fixture), copy);
  const document = await vscode.workspace.openTextDocument(copy);
  await vscode.window.showTextDocument(document);
  return document;
}

/** An unsaved document with the given content, shown in an editor. */
export async function openUntitled(language: string, content: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language, content });
  await vscode.window.showTextDocument(document);
  return document;
}

/** The position of `needle`'s first occurrence, plus `offset` characters. */
export function positionOf(document: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const index = document.getText().indexOf(needle);
  assert.ok(index >= 0, `"${needle}" not found in ${document.uri.toString()}`);
  return document.positionAt(index + offset);
}

/** Replaces the first occurrence of `needle`, as typing over it would. */
export async function replaceText(document: vscode.TextDocument, needle: string, replacement: string): Promise<void> {
  const start = positionOf(document, needle);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(start, start.translate(0, needle.length)), replacement);
  assert.ok(await vscode.workspace.applyEdit(edit), `the edit replacing "${needle}" was not applied`);
}

/** Updates a user setting and waits until the editor has taken it in. */
export async function setUserSetting(key: string, value: unknown): Promise<void> {
  const changed = new Promise<void>((resolve) => {
    const subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(key)) return;
      subscription.dispose();
      resolve();
    });
  });
  const section = vscode.workspace.getConfiguration();
  const current = section.inspect(key)?.globalValue;
  if (JSON.stringify(current) === JSON.stringify(value)) return;
  await section.update(key, value, vscode.ConfigurationTarget.Global);
  await changed;
}

/** Reverts and closes every editor so each test starts from the same window. */
export async function closeAllEditors(): Promise<void> {
  // Closing a changed document would ask whether to save it: revert those first.
  for (const document of vscode.workspace.textDocuments.filter((candidate) => candidate.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
