// Disable comments, and the quick-fixes that write them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/analysis';
import { applyEdits } from '../../server/src/analysis/engine/fixAll';
import { disableFileEdit, disableNextLineEdit } from '../../server/src/analysis/engine/suppressions';

const MISTAKE = "res.status(200).json({ success: false });";
const inHandler = (lines: string): string => `app.get('/x', (req, res) => {\n${lines}\n});`;
const ruleIds = (text: string): string[] => analyze(text, 'case.js').findings.map((finding) => finding.ruleId);

describe('disable comments', () => {
  it('reports without a comment', () => assert.deepEqual(ruleIds(inHandler(`  ${MISTAKE}`)), ['no-error-in-success']));
  it('disable-next-line with the id', () => assert.deepEqual(ruleIds(inHandler(`  // http-status-disable-next-line no-error-in-success\n  ${MISTAKE}`)), []));
  it('disable-next-line with a list of ids', () =>
    assert.deepEqual(ruleIds(inHandler(`  // http-status-disable-next-line created-for-create, no-error-in-success\n  ${MISTAKE}`)), []));
  it('disable-next-line without ids disables every rule', () => assert.deepEqual(ruleIds(inHandler(`  // http-status-disable-next-line\n  ${MISTAKE}`)), []));
  it('disable-next-line for another rule keeps this one', () =>
    assert.deepEqual(ruleIds(inHandler(`  // http-status-disable-next-line created-for-create\n  ${MISTAKE}`)), ['no-error-in-success']));
  it('disable-next-line only covers the next line', () =>
    assert.deepEqual(ruleIds(inHandler(`  // http-status-disable-next-line no-error-in-success\n\n  ${MISTAKE}`)), ['no-error-in-success']));
  it('disable-line on the same line', () => assert.deepEqual(ruleIds(inHandler(`  ${MISTAKE} // http-status-disable-line no-error-in-success`)), []));
  it('a file comment covers the whole file', () => assert.deepEqual(ruleIds(`/* http-status-disable no-error-in-success */\n${inHandler(`  ${MISTAKE}`)}`), []));
  it('a reason after -- is not an id', () =>
    assert.deepEqual(ruleIds(inHandler(`  // http-status-disable-next-line no-error-in-success -- legacy client reads the body\n  ${MISTAKE}`)), []));
  it('an unknown id is reported where it is written, and suppresses nothing', () => {
    const text = inHandler(`  // http-status-disable-next-line no-such-rule\n  ${MISTAKE}`);
    const findings = analyze(text, 'case.js').findings;
    assert.deepEqual(findings.map((finding) => finding.ruleId), ['unknown-rule', 'no-error-in-success']);
    assert.equal(text.slice(findings[0].range.start, findings[0].range.end), 'no-such-rule');
  });
});

describe('disable quick-fix edits', () => {
  const text = inHandler(`  ${MISTAKE}`);
  const offset = text.indexOf('200');
  it('inserts a next-line comment with the line indentation', () => {
    const fixed = applyEdits(text, [disableNextLineEdit(text, offset, 'no-error-in-success', '\n')]);
    assert.equal(fixed, inHandler(`  // http-status-disable-next-line no-error-in-success\n  ${MISTAKE}`));
    assert.deepEqual(ruleIds(fixed), []);
  });
  it('extends an existing next-line comment instead of stacking another', () => {
    const commented = inHandler(`  // http-status-disable-next-line created-for-create\n  ${MISTAKE}`);
    const fixed = applyEdits(commented, [disableNextLineEdit(commented, commented.indexOf('200'), 'no-error-in-success', '\n')]);
    assert.equal(fixed, inHandler(`  // http-status-disable-next-line created-for-create, no-error-in-success\n  ${MISTAKE}`));
  });
  it('keeps CRLF line endings', () => {
    const crlf = text.replace(/\n/g, '\r\n');
    const fixed = applyEdits(crlf, [disableNextLineEdit(crlf, crlf.indexOf('200'), 'no-error-in-success', '\r\n')]);
    assert.equal(fixed, inHandler(`  // http-status-disable-next-line no-error-in-success\n  ${MISTAKE}`).replace(/\n/g, '\r\n'));
    assert.deepEqual(ruleIds(fixed), []);
  });
  it('puts the file comment first, after a shebang', () => {
    const script = `#!/usr/bin/env node\n${text}`;
    const fixed = applyEdits(script, [disableFileEdit(script, 'no-error-in-success', '\n')]);
    assert.ok(fixed.startsWith('#!/usr/bin/env node\n/* http-status-disable no-error-in-success */\n'));
    assert.deepEqual(ruleIds(fixed), []);
  });
});
