// Findings as LSP diagnostics: related places only for clients that show them.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostic } from '../../server/src/features/diagnostics';
import type { Finding } from '../../server/src/analysis/types';

const text = 'const post = await find();\nres.json(post.body);\nres.status(500);\n';
const document = TextDocument.create('file:///p/a.js', 'javascript', 1, text);
const finding: Finding = {
  ruleId: 'no-server-error-for-bad-input',
  message: '500 for a missing record',
  severity: 'warning',
  range: { start: text.indexOf('500'), end: text.indexOf('500') + 3 },
  fixes: [],
  related: [{ range: { start: text.indexOf('post.body'), end: text.indexOf('post.body') + 9 }, message: '`post` may be null here' }],
};

it('renders related places as relatedInformation in the same document, when the client shows them', () => {
  const diagnostic = toDiagnostic(finding, document, { relatedInformation: true });
  assert.deepEqual(diagnostic.relatedInformation, [
    { location: { uri: 'file:///p/a.js', range: { start: { line: 1, character: 9 }, end: { line: 1, character: 18 } } }, message: '`post` may be null here' },
  ]);
});

it('leaves them out for clients that do not, and for findings without any', () => {
  assert.equal(toDiagnostic(finding, document).relatedInformation, undefined);
  assert.equal(toDiagnostic({ ...finding, related: undefined }, document, { relatedInformation: true }).relatedInformation, undefined);
});
