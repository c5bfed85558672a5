// Settings applied live, per-resource configuration, untitled documents, inlay hints and the
// cheat sheet, through the bundled server.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { InlayHint } from 'vscode-languageserver-protocol';
import { startServer, type ServerSession } from './serverProcess';

const MISTAKE = "app.post('/login', (req, res) => {\n  res.status(200).json({ success: false });\n});\n";

describe('settings through the protocol', () => {
  let server: ServerSession;
  before(async () => {
    server = await startServer({});
  });
  after(async () => server.stop());

  async function reconfigure(settings: Record<string, unknown>, uri: string): Promise<unknown[]> {
    server.settings = settings;
    const published = server.diagnostics(uri);
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    return published;
  }

  it('turns a rule off and on again without reopening the document', async () => {
    const uri = 'file:///p/a.js';
    assert.equal((await server.open(uri, MISTAKE)).length, 1);
    assert.deepEqual(await reconfigure({ rules: { 'no-error-in-success': 'off' } }, uri), []);
    const back = (await reconfigure({ rules: { 'no-error-in-success': 'error' } }, uri)) as { severity: number }[];
    assert.equal(back.length, 1);
    assert.equal(back[0].severity, 1);
  });

  it('clears everything when disabled', async () => {
    const uri = 'file:///p/b.js';
    assert.equal((await server.open(uri, MISTAKE)).length, 1);
    assert.deepEqual(await reconfigure({ enable: false }, uri), []);
    assert.equal((await reconfigure({}, uri)).length, 1);
  });

  it('skips excluded files', async () => {
    assert.deepEqual(await server.open('file:///p/node_modules/lib/index.js', MISTAKE), []);
    assert.deepEqual(await server.open('file:///p/public/app.min.js', MISTAKE), []);
  });

  it('uses validationStatus for the preferred fix', async () => {
    const uri = 'file:///p/c.js';
    const [diagnostic] = await server.open(uri, MISTAKE);
    await reconfigure({ validationStatus: 422 }, uri);
    const actions = await server.connection.sendRequest<{ title: string; isPreferred?: boolean }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    assert.equal(actions.find((action) => action.isPreferred)?.title, 'Change 200 to 422 Unprocessable Content');
    await reconfigure({}, uri);
  });

  it('analyses untitled documents', async () => {
    const diagnostics = await server.open('untitled:Untitled-1', MISTAKE, 'typescript');
    assert.equal(diagnostics[0]?.code, 'no-error-in-success');
  });

  it('shows reason-phrase inlay hints only when enabled', async () => {
    const uri = 'file:///p/d.js';
    await server.open(uri, MISTAKE);
    const request = () =>
      server.connection.sendRequest<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } } });
    assert.deepEqual(await request(), []);
    await reconfigure({ inlayHints: { enabled: true } }, uri);
    const hints = await request();
    assert.deepEqual(hints.map((hint) => [hint.label, hint.position]), [['OK', { line: 1, character: 16 }]]);
    await reconfigure({}, uri);
  });

  it('reads open helper modules only while readImportedModules is on', async () => {
    await server.open('file:///p/helpers/reply.js', 'exports.deny = (res, msg) => res.status(401).json({ message: msg });\n');
    const uri = 'file:///p/controllers/auth.js';
    const controller = "const reply = require('../helpers/reply');\nexports.me = (req, res) => reply.deny(res, 'Sign in');\n";
    assert.equal((await server.open(uri, controller)).length, 1);
    assert.deepEqual(await reconfigure({ readImportedModules: false }, uri), []);
    assert.equal((await reconfigure({}, uri)).length, 1);
  });

  it('renders the cheat sheet', async () => {
    const sheet = await server.connection.sendRequest<string>('httpStatusGuide/cheatSheet');
    for (const code of ['200', '201', '404', '422', '429', '503']) assert.ok(sheet.includes(code), `cheat sheet lacks ${code}`);
  });
});
