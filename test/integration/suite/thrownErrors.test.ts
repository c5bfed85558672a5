// An error that carries a status is a response: the editor shows its diagnostic on the status,
// explains the status on hover, and its quick-fix gives the error the header to send.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openFixtureCopy, positionOf, waitForNoRule, waitForRule } from './helpers';

const RULE = 'unauthorized-needs-www-authenticate';

describe('thrown errors', () => {
  afterEach(closeAllEditors);

  it('a 401 forwarded with next(createError(…)) shows its diagnostic, its hover and its fix', async () => {
    const document = await openFixtureCopy('thrown.js');
    const [diagnostic] = await waitForRule(document.uri, RULE);
    assert.equal(document.getText(diagnostic.range), '401');
    assert.match(diagnostic.message, /error handler/);

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, '401', 1));
    const hoverText = hovers.flatMap((hover) => hover.contents).map((content) => (typeof content === 'string' ? content : content.value)).join('\n');
    assert.match(hoverText, /401 Unauthorized/, `hover text was:\n${hoverText}`);

    const actions = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((action): action is vscode.CodeAction => 'isPreferred' in action && action.isPreferred === true);
    assert.ok(fix?.edit, `no preferred quick-fix; offered: ${actions.map((action) => action.title).join(' | ') || 'none'}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the quick-fix edit was not applied');
    assert.match(document.getText(), /createError\(401, 'Token required', \{ headers: \{ 'WWW-Authenticate': 'Bearer' \} \}\)/);
    await waitForNoRule(document.uri, RULE);
  });
});
