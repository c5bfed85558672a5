// What editors other than VS Code need of the server: settings given at start, diagnostics sent
// back with byte columns, no dynamic registration, one publish per opened version, and a word
// when an open file is not analysed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { startServer, type ClientCapabilities, type ServerSession } from './serverProcess';

const MISTAKE = "app.post('/login', (req, res) => {\n  res.status(200).json({ success: false });\n});\n";

async function withServer(capabilities: ClientCapabilities, settings: Record<string, unknown>, test: (server: ServerSession) => Promise<void>): Promise<void> {
  const server = await startServer(settings, capabilities);
  try {
    await test(server);
  } finally {
    await server.stop();
  }
}

const codes = (diagnostics: Diagnostic[]): unknown[] => diagnostics.map((diagnostic) => diagnostic.code);

describe('settings given at start (initializationOptions)', () => {
  it('a client without workspace/configuration gets them', () =>
    withServer({ configuration: false, initializationOptions: { httpStatusGuide: { rules: { 'no-error-in-success': 'off' } } } }, {}, async (server) => {
      assert.deepEqual(await server.open('file:///p/a.js', MISTAKE), []);
    }));

  it('the section itself is accepted too, and a pushed change overrides only what it names', () =>
    withServer({ configuration: false, initializationOptions: { rules: { 'no-error-in-success': 'error' }, exclude: ['**/legacy/**'] } }, {}, async (server) => {
      const [diagnostic] = await server.open('file:///p/b.js', MISTAKE);
      assert.equal(diagnostic?.severity, 1, 'error, as given at start');
      assert.deepEqual(await server.open('file:///p/legacy/c.js', MISTAKE), [], 'excluded at start');
      const republished = server.diagnostics('file:///p/b.js');
      await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { httpStatusGuide: { validationStatus: 422 } } });
      const [after] = await republished;
      assert.equal(after?.severity, 1, 'the rule given at start survives a change that does not name it');
    }));

  it('editor settings a user set override them, key by key', () =>
    withServer({ configuration: true, initializationOptions: { httpStatusGuide: { rules: { 'no-error-in-success': 'off', 'status-without-response': 'off' } } } }, { rules: { 'no-error-in-success': 'warning' } }, async (server) => {
      assert.deepEqual(codes(await server.open('file:///p/d.js', MISTAKE)), ['no-error-in-success']);
      assert.deepEqual(await server.open('file:///p/e.js', "app.get('/x', (req, res) => {\n  res.status(404);\n});\n"), [], 'still off from the start-up options');
    }));
});

describe('related information', () => {
  // A 500 caused by a record used without a check, reported at the 500 with the use as its cause.
  const LOOKUP = "app.get('/posts/:slug', async (req, res) => {\n  try {\n    const post = await Post.findOne({ slug: req.params.slug });\n    res.json(post.body);\n  } catch (err) {\n    res.status(500).json({ error: 'Server error' });\n  }\n});\n";

  it('points at the line that causes the finding, for clients that show it', () =>
    withServer({ configuration: true, relatedInformation: true }, { lookupFailures: true }, async (server) => {
      const uri = 'file:///p/related.js';
      const diagnostic = (await server.open(uri, LOOKUP)).find((candidate) => candidate.code === 'no-server-error-for-bad-input');
      assert.ok(diagnostic, 'the 500 is reported');
      assert.deepEqual(
        diagnostic.relatedInformation?.map((note) => [note.location.uri, note.location.range.start.line, note.message]),
        [[uri, 3, '`post` may be null here']],
      );
    }));

  it('is left out for clients that did not say they show it', () =>
    withServer({ configuration: true }, { lookupFailures: true }, async (server) => {
      const diagnostic = (await server.open('file:///p/plain.js', LOOKUP)).find((candidate) => candidate.code === 'no-server-error-for-bad-input');
      assert.ok(diagnostic, 'the 500 is reported');
      assert.equal(diagnostic.relatedInformation, undefined);
    }));
});

describe('clients that differ from VS Code', () => {
  it('offers the quick-fix when the diagnostic comes back with byte columns (non-ASCII before the status)', () =>
    withServer({ configuration: true }, {}, async (server) => {
      const uri = 'file:///p/f.js';
      const text = "app.post('/login', (req, res) => {\n  /* Größe ✓ */ res.status(200).json({ success: false });\n});\n";
      const [diagnostic] = await server.open(uri, text);
      assert.ok(diagnostic, 'a diagnostic on the line');
      // What a client counting UTF-8 bytes sends back: "ö", "ß" take 2 bytes, "✓" 3.
      const line = text.split('\n')[1];
      const bytes = (character: number): number => Buffer.byteLength(line.slice(0, character));
      const asBytes = { ...diagnostic, range: { start: { ...diagnostic.range.start, character: bytes(diagnostic.range.start.character) }, end: { ...diagnostic.range.end, character: bytes(diagnostic.range.end.character) } } };
      assert.notDeepEqual(asBytes.range, diagnostic.range);
      const actions = await server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: asBytes.range, context: { diagnostics: [asBytes] } });
      assert.equal(actions.find((action) => action.isPreferred)?.title, 'Change 200 to 400 Bad Request');
    }));

  it('registers nothing dynamically for a client that cannot take it, and does for one that can', async () => {
    await withServer({ configuration: true, dynamicRegistration: false }, {}, async (server) => {
      // A request answered means `initialized` was handled, registration included.
      await server.connection.sendRequest('httpStatusGuide/cheatSheet');
      assert.deepEqual(server.registered, []);
    });
    await withServer({ configuration: true }, {}, async (server) => {
      await server.connection.sendRequest('httpStatusGuide/cheatSheet');
      assert.deepEqual(server.registered, ['workspace/didChangeConfiguration']);
    });
  });

  it('publishes once per opened version', () =>
    withServer({ configuration: true }, {}, async (server) => {
      const first = 'file:///p/g.js';
      const second = 'file:///p/h.js';
      await server.open(first, MISTAKE);
      await server.open(second, MISTAKE);
      // An edit is debounced; its publish comes after any debounced work queued before it, the
      // opening's included: once it arrives, the opened versions have had every publish they get.
      await server.change(second, MISTAKE.replace('200', '201'), 2);
      const publishes = (uri: string) => server.published.filter((params) => params.uri === uri).map((params) => params.version);
      assert.deepEqual(publishes(first), [1]);
      assert.deepEqual(publishes(second), [1, 2]);
    }));

  it('says, once, why an open file is not analysed, and clears it when it is', () =>
    withServer({ configuration: true }, {}, async (server) => {
      const uri = 'file:///p/dist/server.js';
      assert.deepEqual(await server.open(uri, MISTAKE), []);
      await server.change(uri, MISTAKE + '\n', 2);
      assert.deepEqual(server.fileStatuses, [{ uri, skipped: 'matched by httpStatusGuide.exclude, or not by httpStatusGuide.include' }]);
      assert.equal(server.logs.filter((line) => line.includes(`Skipped ${uri}`)).length, 1, server.logs.join('\n'));
      server.settings = { exclude: [] };
      const republished = server.diagnostics(uri);
      await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      assert.equal((await republished).length, 1);
      assert.deepEqual(server.fileStatuses.at(-1), { uri, skipped: null });
    }));
});
