// The server reads the Express version from the document's nearest package.json: an async throw
// hangs the request in Express 4 and is reported; in Express 5 it is not. A changed package.json
// (workspace/didChangeWatchedFiles) re-analyses the open documents.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startServer, type ServerSession } from './serverProcess';

const ROUTES = "const express = require('express');\nconst router = express.Router();\nrouter.get('/users/:id', async (req, res, next) => {\n  const user = await User.findById(req.params.id);\n  if (!user) throw new Error('No such user');\n  res.json(user);\n});\nmodule.exports = router;\n";

describe('project facts through the protocol', () => {
  let server: ServerSession;
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'hsg-lsp-project-'));
  before(async () => {
    server = await startServer({});
  });
  after(async () => {
    await server.stop();
    fs.rmSync(temp, { recursive: true, force: true });
  });

  function documentIn(name: string, express: string): { uri: string; manifest: string } {
    const folder = path.join(temp, name);
    fs.mkdirSync(path.join(folder, 'routes'), { recursive: true });
    const manifest = path.join(folder, 'package.json');
    fs.writeFileSync(manifest, JSON.stringify({ dependencies: { express } }));
    return { uri: pathToFileURL(path.join(folder, 'routes', 'users.js')).href, manifest };
  }

  const hangs = (diagnostics: { code?: unknown }[]) => diagnostics.filter((diagnostic) => diagnostic.code === 'status-without-response');

  it('reports an async throw in an Express 4 project', async () => {
    const { uri } = documentIn('express4', '^4.18.2');
    const found = hangs(await server.open(uri, ROUTES));
    assert.equal(found.length, 1);
    assert.deepEqual(found[0], { ...found[0], range: { start: { line: 4, character: 13 }, end: { line: 4, character: 18 } } });
  });

  it('reports nothing in an Express 5 project', async () => {
    const { uri } = documentIn('express5', '^5.1.0');
    assert.deepEqual(hangs(await server.open(uri, ROUTES)), []);
  });

  it('reads a changed package.json again', async () => {
    const { uri, manifest } = documentIn('upgraded', '^4.18.2');
    assert.equal(hangs(await server.open(uri, ROUTES)).length, 1);
    fs.writeFileSync(manifest, JSON.stringify({ dependencies: { express: '^5.1.0' } }));
    const published = server.diagnostics(uri, 1);
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(manifest).href, type: 2 }] });
    assert.deepEqual(hangs(await published), []);
  });

  it('gives an untitled document no project facts', async () => {
    // It loads express and no package.json says otherwise: taken for Express 4.
    assert.equal(hangs(await server.open('untitled:Untitled-1', ROUTES)).length, 1);
  });
});
