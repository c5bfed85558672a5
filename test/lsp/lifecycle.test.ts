// The whole protocol loop against the bundled server: initialize → didOpen → publishDiagnostics →
// hover → codeAction → didChange → didClose clears diagnostics → shutdown/exit.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { startServer, type ServerSession } from './serverProcess';

const URI = 'file:///project/routes/users.js';
const MISTAKE = "app.post('/login', (req, res) => {\n  res.status(200).json({ success: false, error: 'Wrong password' });\n});\n";

describe('protocol lifecycle (node dist/server.js --stdio)', () => {
  let server: ServerSession;
  before(async () => {
    server = await startServer();
  });
  after(async () => server.stop());

  it('advertises hover, code actions with fix-all, and incremental sync', () => {
    const capabilities = server.initializeResult.capabilities;
    assert.equal(capabilities.hoverProvider, true);
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.httpStatus'] });
    assert.equal(capabilities.textDocumentSync, 2);
  });

  it('publishes the seeded mistake on open, with source, code and a docs link', async () => {
    const diagnostics = await server.open(URI, MISTAKE);
    assert.equal(diagnostics.length, 1);
    const [diagnostic] = diagnostics;
    assert.equal(diagnostic.source, 'http-status');
    assert.equal(diagnostic.code, 'no-error-in-success');
    assert.match(diagnostic.codeDescription?.href ?? '', /^file:\/\/.*docs\/rules\/no-error-in-success\.md$/);
    assert.deepEqual(diagnostic.range, { start: { line: 1, character: 13 }, end: { line: 1, character: 16 } });
  });

  it('hovers the status number and the .status member', async () => {
    const onNumber = await server.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri: URI }, position: { line: 1, character: 14 } });
    assert.match((onNumber.contents as MarkupContent).value, /200 OK/);
    const onMember = await server.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri: URI }, position: { line: 1, character: 8 } });
    assert.match((onMember.contents as MarkupContent).value, /200 OK/);
    const elsewhere = await server.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: URI }, position: { line: 0, character: 3 } });
    assert.equal(elsewhere, null);
  });

  it('offers a quick-fix that changes the status to a 4xx, plus disable comments', async () => {
    const published = await reopen(server);
    const actions = await server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: published[0].range,
      context: { diagnostics: published },
    });
    const preferred = actions.find((action) => action.isPreferred);
    assert.equal(preferred?.title, 'Change 200 to 400 Bad Request');
    assert.equal(preferred?.kind, 'quickfix');
    assert.deepEqual(preferred?.edit?.changes?.[URI], [{ range: published[0].range, newText: '400' }]);
    assert.ok(actions.some((action) => action.title === 'Disable no-error-in-success for this line'));
  });

  it('re-publishes for the new version on change, whole text or range, and clears on close', async () => {
    const fixed = await server.change(URI, MISTAKE.replace('200', '400'), 3);
    assert.deepEqual(fixed, []);
    const broken = await server.change(URI, MISTAKE, 4);
    assert.equal(broken.length, 1);
    // As an editor sends an edit under incremental sync: the range replaced and its text only.
    const statusDigits = { start: { line: 1, character: 13 }, end: { line: 1, character: 16 } };
    assert.deepEqual(await server.replace(URI, statusDigits, '400', 5), []);
    const retyped = await server.replace(URI, { start: statusDigits.start, end: { line: 1, character: 14 } }, '2', 6);
    assert.deepEqual(retyped.map((diagnostic) => [diagnostic.code, diagnostic.range]), [['no-error-in-success', statusDigits]]);
    const cleared = server.diagnostics(URI);
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
    assert.deepEqual(await cleared, []);
  });
});

/** Closes and reopens the test document at version 2, returning its diagnostics. */
async function reopen(server: ServerSession) {
  await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
  return server.open(URI, MISTAKE, 'javascript', 2);
}
