// The project config file through the protocol: the server reads it per workspace folder, an
// editor setting the user set overrides one key of it, and a changed file is read again (watched
// through the client, or noticed on the next edit when the client cannot watch).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { startServer, type ServerSession } from './serverProcess';

/** A 200 with a failure body (no-error-in-success, warning) and a POST that creates with 200 (created-for-create, information). */
const HANDLERS = `app.post('/users', async (req, res) => {
  const user = await db.create(req.body);
  if (!user) return res.status(200).json({ error: 'not created' });
  res.status(200).json(user);
});
`;
const SEVERITY = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' } as const;

function workspace(config: string): { folder: string; uri: string } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hsg-lsp-config-'));
  fs.writeFileSync(path.join(folder, '.httpstatusguiderc.json'), config);
  fs.mkdirSync(path.join(folder, 'src'));
  return { folder, uri: pathToFileURL(folder).href };
}

const findings = (diagnostics: { code?: unknown; severity?: number }[]): string[] =>
  diagnostics.map((diagnostic) => `${String(diagnostic.code)}:${SEVERITY[diagnostic.severity as keyof typeof SEVERITY]}`).sort();

describe('project config file', () => {
  const servers: ServerSession[] = [];
  after(async () => Promise.all(servers.map((server) => server.stop())));

  it('is obeyed per workspace folder, and a user setting overrides one key of it', async () => {
    const { folder, uri } = workspace('{\n  // team severities\n  "rules": { "no-error-in-success": "error", "created-for-create": "off" },\n}');
    const server = await startServer({}, { configuration: true, workspaceFolders: [uri] });
    servers.push(server);
    const document = pathToFileURL(path.join(folder, 'src', 'users.js')).href;
    assert.deepEqual(findings(await server.open(document, HANDLERS)), ['no-error-in-success:error']);
    // What the VS Code client sends: only the keys the user set, here one rule.
    server.settings = { rules: { 'created-for-create': 'warning' } };
    const published = server.diagnostics(document);
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(findings(await published), ['created-for-create:warning', 'no-error-in-success:error'], 'the file keeps the keys the user did not set');
    assert.deepEqual(findings(await server.open('file:///elsewhere/users.js', HANDLERS)), ['created-for-create:warning', 'no-error-in-success:warning'], 'outside the folder, no file');
  });

  it('logs a bad key with its file and uses the rest', async () => {
    const { folder, uri } = workspace('{ "rules": { "created-for-create": "off", "no-such-rule": "error" }, "colour": 1 }');
    const server = await startServer({}, { configuration: true, workspaceFolders: [uri] });
    servers.push(server);
    assert.deepEqual(findings(await server.open(pathToFileURL(path.join(folder, 'src', 'a.js')).href, HANDLERS)), ['no-error-in-success:warning']);
    const file = path.join(folder, '.httpstatusguiderc.json');
    assert.ok(server.logs.some((line) => line.includes(`${file}: "rules.no-such-rule" is not a rule id`)), server.logs.join('\n'));
    assert.ok(server.logs.some((line) => line.includes(`${file}: "colour" is not a setting`)));
  });

  it('is read again when the client reports it changed (watched files)', async () => {
    const { folder, uri } = workspace('{ "rules": { "created-for-create": "off" } }');
    const server = await startServer({}, { configuration: true, workspaceFolders: [uri], watchFiles: true });
    servers.push(server);
    const document = pathToFileURL(path.join(folder, 'src', 'a.js')).href;
    assert.deepEqual(findings(await server.open(document, HANDLERS)), ['no-error-in-success:warning']);
    assert.ok(server.registered.includes('workspace/didChangeWatchedFiles'));
    const file = path.join(folder, '.httpstatusguiderc.json');
    fs.writeFileSync(file, '{ "rules": { "no-error-in-success": "off" } }');
    const published = server.diagnostics(document);
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: 2 }] });
    assert.deepEqual(findings(await published), ['created-for-create:information']);
  });

  it('is read again on the next edit when the client cannot watch files (settings from initializationOptions)', async () => {
    const { folder, uri } = workspace('{ "rules": { "created-for-create": "off" } }');
    const server = await startServer({}, { configuration: false, dynamicRegistration: false, workspaceFolders: [uri], initializationOptions: { httpStatusGuide: { validationStatus: 422 } } });
    servers.push(server);
    const document = pathToFileURL(path.join(folder, 'src', 'a.js')).href;
    assert.deepEqual(findings(await server.open(document, HANDLERS)), ['no-error-in-success:warning']);
    const file = path.join(folder, '.httpstatusguiderc.json');
    fs.writeFileSync(file, '{ "rules": { "no-error-in-success": "off" } }');
    // A different modification time even on a coarse clock.
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    assert.deepEqual(findings(await server.change(document, HANDLERS + '\n', 2)), ['created-for-create:information']);
  });
});
