// The extension wakes up when a JavaScript or TypeScript file opens, and its
// language server answers: the seeded mistake is reported in both languages.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COLD_START_MS, EXTENSION_ID, closeAllEditors, openFixtureCopy, waitForRule } from './helpers';

describe('activation', () => {
  afterEach(closeAllEditors);

  it('is installed but idle until a JavaScript file opens', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded in the extension host`);
    assert.equal(extension.isActive, false, 'activated before any JavaScript or TypeScript file was open');
    const document = await openFixtureCopy('seeded.js');
    // Cold: loading the extension and starting its server took 26 s with three editors on two cores.
    await waitForRule(document.uri, 'no-error-in-success', COLD_START_MS);
    assert.equal(extension.isActive, true);
  });

  it('analyses a TypeScript file', async () => {
    const document = await openFixtureCopy('seeded.ts');
    assert.equal(document.languageId, 'typescript');
    await waitForRule(document.uri, 'no-error-in-success');
  });
});
