// Diagnostics as the Problems panel gets them: our source, the rule id as code,
// the range on the status, and gone once the code is corrected.
import * as assert from 'node:assert/strict';
import { SOURCE, closeAllEditors, codeOf, openFixtureCopy, ourDiagnostics, replaceText, waitForNoRule, waitForRule } from './helpers';

describe('diagnostics', () => {
  afterEach(closeAllEditors);

  it('reports a failure body sent with 200 on the status', async () => {
    const document = await openFixtureCopy('seeded.js');
    const [diagnostic] = await waitForRule(document.uri, 'no-error-in-success');
    assert.equal(diagnostic.source, SOURCE);
    assert.equal(codeOf(diagnostic), 'no-error-in-success');
    assert.equal(document.getText(diagnostic.range), '200');
    assert.match(diagnostic.message, /200/);
  });

  it('clears the diagnostic when the status is corrected', async () => {
    const document = await openFixtureCopy('seeded.js');
    await waitForRule(document.uri, 'no-error-in-success');
    await replaceText(document, '200', '400');
    await waitForNoRule(document.uri, 'no-error-in-success');
  });

  it('reports it again when the mistake comes back', async () => {
    const document = await openFixtureCopy('seeded.js');
    await waitForRule(document.uri, 'no-error-in-success');
    await replaceText(document, '200', '400');
    await waitForNoRule(document.uri, 'no-error-in-success');
    await replaceText(document, '400', '201');
    const [diagnostic] = await waitForRule(document.uri, 'no-error-in-success');
    assert.equal(document.getText(diagnostic.range), '201');
  });

  it('leaves a correct handler alone', async () => {
    // The file's one finding is its disable comment naming an unknown rule: waiting for it proves
    // the file was analysed, so "no other finding" means the handler passed every rule.
    const document = await openFixtureCopy('hover.js');
    const [unknown] = await waitForRule(document.uri, 'unknown-rule');
    assert.equal(document.getText(unknown.range), 'no-such-rule');
    assert.deepEqual(
      ourDiagnostics(document.uri).map((d) => codeOf(d)),
      ['unknown-rule'],
    );
  });
});
