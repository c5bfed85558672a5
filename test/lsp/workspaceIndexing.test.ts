// Edits while the workspace index reads a large workspace: the edited file's diagnostics come
// for each version, and the index goes on reading (it waits for document work, never the reverse).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { startServer, WAIT_MS, withTimeout, type ServerSession } from './serverProcess';

const FILES = 300;

function router(index: number, status: number): string {
  const lines = ["const express = require('express');", 'const router = express.Router();'];
  for (let route = 0; route < 20; route++) {
    lines.push(
      `router.post('/items${index}/${route}', async (req, res) => {`,
      '  const item = await Item.create(req.body);',
      `  res.status(${status}).json(item);`,
      '});',
    );
  }
  return [...lines, 'module.exports = router;', ''].join('\n');
}

describe('workspace index while it reads', () => {
  let root: string;
  let server: ServerSession;

  before(async () => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'hsg-indexing-')));
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'big', dependencies: { express: '^4.19.0' } }));
    fs.mkdirSync(path.join(root, 'src'));
    for (let index = 0; index < FILES; index++) fs.writeFileSync(path.join(root, 'src', `items${index}.js`), router(index, 200));
    server = await startServer({}, { configuration: true, workspaceFolders: [pathToFileURL(root).toString()], watchFiles: true });
  });
  after(async () => {
    await server.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("answers each edit of an open file with that version's diagnostics, and the index still finishes", async () => {
    const uri = pathToFileURL(path.join(root, 'src', 'items0.js')).toString();
    const opened = await server.open(uri, router(0, 200));
    assert.equal(opened.filter((diagnostic) => diagnostic.code === 'created-for-create').length, 20);
    // Each change's own version is awaited (server.change waits for its publish, with a timeout).
    const fixed = await server.change(uri, router(0, 201), 2);
    assert.equal(fixed.filter((diagnostic) => diagnostic.code === 'created-for-create').length, 0);
    const broken = await server.change(uri, router(0, 200), 3);
    assert.equal(broken.filter((diagnostic) => diagnostic.code === 'created-for-create').length, 20);
    const indexed = async (): Promise<{ complete: boolean; routes: unknown[] }> => {
      for (;;) {
        const result = await server.connection.sendRequest<{ complete: boolean; routes: unknown[] }>('httpStatusGuide/routes');
        if (result.complete) return result;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const result = await withTimeout(indexed(), WAIT_MS * 4, `the index to read ${FILES} files`, () => server.logs.slice(-3).join(' | '));
    assert.equal(result.routes.length, FILES * 20);
  });
});
