// The commands a user runs from the palette.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openFixtureCopy, ourDiagnostics, replaceText, waitFor, waitForRule } from './helpers';

describe('commands', () => {
  afterEach(closeAllEditors);

  it('openCheatSheet shows a markdown cheat sheet that covers 404', async () => {
    await vscode.commands.executeCommand('httpStatusGuide.openCheatSheet');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'no editor is active after opening the cheat sheet');
    assert.equal(editor.document.languageId, 'markdown');
    assert.match(editor.document.getText(), /404/);
  });

  it('restartServer brings the server back and it keeps analysing edits', async () => {
    const document = await openFixtureCopy('seeded.js');
    await waitForRule(document.uri, 'no-error-in-success');
    await vscode.commands.executeCommand('httpStatusGuide.restartServer');
    await replaceText(document, '200', '202');
    await waitFor(
      'the diagnostic on the edited status 202',
      // The message names the new status: a stale diagnostic (same range, now 202) does not.
      () => (ourDiagnostics(document.uri, 'no-error-in-success').some((d) => d.message.includes('202')) ? true : undefined),
      [vscode.languages.onDidChangeDiagnostics],
    );
  });
});
