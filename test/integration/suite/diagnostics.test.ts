// Diagnostics as the Problems panel gets them: our source, the rule id as code,
// the range on the status, and gone once the code is corrected.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SOURCE, closeAllEditors, codeOf, openWorkspaceFile, replaceText, waitForNoRule, waitForRule } from './helpers';

describe('diagnostics', () => {
  afterEach(closeAllEditors);

  it('reports a failure body sent with 200 on the status', async () => {
    const document = await openWorkspaceFile('seeded.js');
    const [diagnostic] = await waitForRule(document.uri, 'no-error-in-success');
    assert.equal(diagnostic.source, SOURCE);
    assert.equal(codeOf(diagnostic), 'no-error-in-success');
    assert.equal(document.getText(diagnostic.range), '200');
    assert.match(diagnostic.message, /200/);
  });

  it('clears the diagnostic when the status is corrected', async () => {
    const document = await openWorkspaceFile('seeded.js');
    await waitForRule(document.uri, 'no-error-in-success');
    await replaceText(document, '200', '400');
    await waitForNoRule(document.uri, 'no-error-in-success');
  });

  it('reports it again when the mistake comes back', async () => {
    const document = await openWorkspaceFile('seeded.js');
    await waitForRule(document.uri, 'no-error-in-success');
    await replaceText(document, '200', '400');
    await waitForNoRule(document.uri, 'no-error-in-success');
    await replaceText(document, '400', '201');
    const [diagnostic] = await waitForRule(document.uri, 'no-error-in-success');
    assert.equal(document.getText(diagnostic.range), '201');
  });

  it('leaves a correct handler alone', async () => {
    const document = await openWorkspaceFile('hover.js');
    const seeded = await openWorkspaceFile('seeded.js');
    // The server answers documents in order; once the later one is in, the earlier one is settled.
    await waitForRule(seeded.uri, 'no-error-in-success');
    assert.deepEqual(
      vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === SOURCE).map((d) => d.message),
      [],
    );
  });
});
