// Settings apply at once, without a reload: a rule can be switched off and back
// on, its severity changed, and the whole extension disabled.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, closeAllEditors, openFixtureCopy, setUserSetting, waitFor, waitForNoRule, waitForRule, ourDiagnostics } from './helpers';

describe('settings', () => {
  afterEach(async () => {
    await setUserSetting('httpStatusGuide.rules', undefined);
    await setUserSetting('httpStatusGuide.enable', undefined);
    await setUserSetting('httpStatusGuide.exclude', undefined);
    await closeAllEditors();
  });

  it('an excluded file says why in the status bar, and says nothing once it is analysed', async () => {
    const api = vscode.extensions.getExtension<{ skippedReason(uri: string): string | undefined }>(EXTENSION_ID)?.exports;
    assert.ok(api, 'the extension exports its API');
    await setUserSetting('httpStatusGuide.exclude', ['**/copies/**']);
    const document = await openFixtureCopy('seeded.js');
    // Nothing is published for a skipped file that the editor would signal: check on a short tick, under a timeout.
    const tick = new vscode.EventEmitter<void>();
    const ticking = setInterval(() => tick.fire(), 100);
    try {
      const reason = await waitFor('the status item to say the file is not analysed', () => api.skippedReason(document.uri.toString()), [tick.event]);
      assert.match(reason, /httpStatusGuide\.exclude/);
      await setUserSetting('httpStatusGuide.exclude', undefined);
      await waitForRule(document.uri, 'no-error-in-success');
      await waitFor('the status item to clear', () => (api.skippedReason(document.uri.toString()) === undefined ? true : undefined), [tick.event]);
    } finally {
      clearInterval(ticking);
      tick.dispose();
    }
  });

  it('httpStatusGuide.rules turns a rule off and on again', async () => {
    const document = await openFixtureCopy('seeded.js');
    await waitForRule(document.uri, 'no-error-in-success');
    await setUserSetting('httpStatusGuide.rules', { 'no-error-in-success': 'off' });
    await waitForNoRule(document.uri, 'no-error-in-success');
    await setUserSetting('httpStatusGuide.rules', undefined);
    await waitForRule(document.uri, 'no-error-in-success');
  });

  it('httpStatusGuide.rules changes a rule severity', async () => {
    const document = await openFixtureCopy('seeded.js');
    await waitForRule(document.uri, 'no-error-in-success');
    await setUserSetting('httpStatusGuide.rules', { 'no-error-in-success': 'error' });
    await waitFor(
      'the diagnostic to become an error',
      () => (ourDiagnostics(document.uri, 'no-error-in-success').some((d) => d.severity === vscode.DiagnosticSeverity.Error) ? true : undefined),
      [vscode.languages.onDidChangeDiagnostics],
    );
  });

  it('httpStatusGuide.enable: false clears every diagnostic, true brings them back', async () => {
    const seeded = await openFixtureCopy('seeded.js');
    const other = await openFixtureCopy('two-mistakes.js');
    await waitForRule(seeded.uri, 'no-error-in-success');
    await waitForRule(other.uri, 'no-error-in-success');
    await setUserSetting('httpStatusGuide.enable', false);
    await waitForNoRule(seeded.uri);
    await waitForNoRule(other.uri);
    await setUserSetting('httpStatusGuide.enable', true);
    const back = await waitForRule(other.uri, 'no-error-in-success');
    assert.equal(back.length, 2);
  });
});
