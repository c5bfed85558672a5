// Quick-fixes and fix-all through the editor's own code action command, applied
// the way the editor applies them (workspace.applyEdit).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openFixtureCopy, waitForNoRule, waitForRule } from './helpers';

const FIX_ALL = 'source.fixAll.httpStatus';

async function codeActions(document: vscode.TextDocument, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>(
    'vscode.executeCodeActionProvider',
    document.uri,
    range,
    kind,
  );
  return actions.filter((action): action is vscode.CodeAction => 'edit' in action || 'kind' in action);
}

const titles = (actions: readonly vscode.CodeAction[]): string =>
  actions.map((action) => `${action.title}${action.isPreferred ? ' (preferred)' : ''}`).join(' | ') || 'none';

function wholeDocument(document: vscode.TextDocument): vscode.Range {
  return new vscode.Range(new vscode.Position(0, 0), document.lineAt(document.lineCount - 1).range.end);
}

describe('code actions', () => {
  afterEach(closeAllEditors);

  it('offers a preferred quick-fix that changes 200 to a 4xx status and clears the diagnostic', async () => {
    const document = await openFixtureCopy('seeded.js');
    const [diagnostic] = await waitForRule(document.uri, 'no-error-in-success');
    const actions = await codeActions(document, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    // The command's results do not carry `diagnostics`: the range is what ties a fix to the problem.
    const fix = actions.find((action) => action.isPreferred);
    assert.ok(fix?.edit, `no preferred quick-fix for the diagnostic; offered: ${titles(actions)}`);
    assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), `fix kind is ${fix.kind?.value}`);

    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the quick-fix edit was not applied');
    const line = document.lineAt(diagnostic.range.start.line).text;
    assert.match(line, /res\.status\(4\d\d\)\.json\(/, `line after the fix: ${line}`);
    await waitForNoRule(document.uri, 'no-error-in-success');
  });

  it('fix-all applies every preferred fix of the file', async () => {
    const document = await openFixtureCopy('two-mistakes.js');
    const reported = await waitForRule(document.uri, 'no-error-in-success');
    assert.equal(reported.length, 2, 'both seeded mistakes should be reported before fix-all');
    const actions = await codeActions(document, wholeDocument(document), FIX_ALL);
    const fixAll = actions.find((action) => action.kind?.value === FIX_ALL);
    assert.ok(fixAll?.edit, `no ${FIX_ALL} action; offered: ${titles(actions)}`);

    assert.ok(await vscode.workspace.applyEdit(fixAll.edit), 'the fix-all edit was not applied');
    assert.doesNotMatch(document.getText(), /status\(200\)/, `text after fix-all:\n${document.getText()}`);
    await waitForNoRule(document.uri, 'no-error-in-success');
  });
});
