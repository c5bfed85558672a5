// The workspace index through the protocol: the routes request over a multi-file project on disk,
// OpenAPI drift on the document and on the code with a fix that updates the document, and
// workspace-wide problems on demand, for files that were never opened.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startServer, WAIT_MS, withTimeout, type ServerSession } from './serverProcess';

interface RouteInfo {
  method: string;
  path: string;
  uri: string;
  range: { start: { line: number; character: number } };
  statuses: { code: number; uri: string; range: { start: { line: number; character: number } } }[];
  problems: number;
  rooted: boolean;
}

const PROJECT: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'shop', dependencies: { express: '^4.19.0' } }),
  '.gitignore': 'generated/\n',
  'src/app.js': `const express = require('express');
const app = express();
app.use('/api/users', require('./routes/users'));
app.get('/health', (req, res) => res.sendStatus(200));
module.exports = app;
`,
  'src/routes/users.js': `const { Router } = require('express');
const users = require('../controllers/users');
const router = Router();
router.get('/:id', users.getUser);
router.post('/', users.createUser);
module.exports = router;
`,
  'src/controllers/users.js': `exports.getUser = async (req, res) => {
  const user = await User.findById(req.params.id);
  if (!user) return res.status(404).json({ message: 'No such user' });
  res.json(user);
};
exports.createUser = async (req, res) => {
  const user = await User.create(req.body);
  res.status(200).json(user);
};
`,
  'generated/routes.js': `const express = require('express');
const app = express();
app.get('/ignored', (req, res) => res.status(200).json({ success: false }));
`,
  'openapi.yaml': `openapi: 3.0.3
paths:
  /api/users/{id}:
    get:
      responses:
        '200':
          description: The user
  /api/users:
    post:
      responses:
        '201':
          description: Created
  /api/orders:
    get:
      responses:
        '200':
          description: Orders
`,
};

function writeProject(): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'hsg-workspace-')));
  for (const [file, text] of Object.entries(PROJECT)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('workspace index', () => {
  let root: string;
  let server: ServerSession;
  let routesChanged = 0;
  const uri = (file: string): string => pathToFileURL(path.join(root, file)).toString();

  /** Asks for the routes until the index says it has read the whole workspace. */
  async function completeRoutes(): Promise<RouteInfo[]> {
    const ask = async (): Promise<RouteInfo[]> => {
      for (;;) {
        const result = await server.connection.sendRequest<{ complete: boolean; routes: RouteInfo[] }>('httpStatusGuide/routes');
        if (result.complete) return result.routes;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    return withTimeout(ask(), WAIT_MS, 'the index to finish reading the workspace', () => `routesChanged notifications: ${routesChanged}`);
  }

  /** The next publish for a URI that satisfies `test` (past publishes included). */
  function publishedFor(target: string, test: (diagnostics: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    const find = (): PublishDiagnosticsParams | undefined => [...server.published].reverse().find((params) => params.uri === target);
    const poll = async (): Promise<Diagnostic[]> => {
      for (;;) {
        const latest = find();
        if (latest && test(latest.diagnostics)) return latest.diagnostics;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    return withTimeout(poll(), WAIT_MS, `diagnostics of ${target}`, () => `last: ${JSON.stringify(find()?.diagnostics.map((d) => d.code))}`);
  }

  before(async () => {
    root = writeProject();
    server = await startServer({}, { configuration: true, workspaceFolders: [pathToFileURL(root).toString()], watchFiles: true });
    server.connection.onNotification('httpStatusGuide/routesChanged', () => {
      routesChanged++;
    });
  });
  after(async () => {
    await server.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('lists every route with its full path, following mounts across files, with the statuses its handler sends', async () => {
    const routes = await completeRoutes();
    assert.deepEqual(
      routes.map((route) => `${route.method.toUpperCase()} ${route.path} ${route.statuses.map((status) => status.code).join(',')}`),
      ['POST /api/users 200', 'GET /api/users/:id 404,200', 'GET /health 200'],
    );
    const getUser = routes.find((route) => route.path === '/api/users/:id')!;
    assert.equal(getUser.uri, uri('src/routes/users.js'));
    assert.deepEqual(getUser.range.start, { line: 3, character: 11 });
    const notFound = getUser.statuses.find((status) => status.code === 404)!;
    assert.equal(notFound.uri, uri('src/controllers/users.js'));
    assert.deepEqual(notFound.range.start, { line: 2, character: 31 });
    const create = routes.find((route) => route.method === 'post')!;
    assert.equal(create.problems, 1, 'created-for-create on the create answered 200');
    assert.ok(routes.every((route) => route.rooted));
  });

  it('leaves out files that .gitignore names', async () => {
    const routes = await completeRoutes();
    assert.ok(!routes.some((route) => route.path === '/ignored'));
  });

  it('reports drift on the OpenAPI document: an operation no route answers', async () => {
    // While the index reads, an operation whose route is not read yet has none: wait for the one that stays.
    const orphansIn = (found: Diagnostic[]): Diagnostic[] => found.filter((diagnostic) => diagnostic.code === 'openapi-operation-without-route');
    const diagnostics = await publishedFor(uri('openapi.yaml'), (found) => orphansIn(found).length === 1 && /GET \/api\/orders/.test(orphansIn(found)[0].message as string));
    const orphan = diagnostics.find((diagnostic) => diagnostic.code === 'openapi-operation-without-route')!;
    assert.match(orphan.message as string, /No route in the code answers GET \/api\/orders/);
    assert.deepEqual(orphan.range.start, { line: 13, character: 4 });
  });

  it('reports a status the code sends that the document does not declare, on the open code file, and its fix declares it', async () => {
    const controller = uri('src/controllers/users.js');
    await server.open(controller, PROJECT['src/controllers/users.js']);
    const diagnostics = await publishedFor(controller, (found) => found.some((diagnostic) => diagnostic.code === 'openapi-undeclared-status'));
    const undeclared = diagnostics.filter((diagnostic) => diagnostic.code === 'openapi-undeclared-status');
    assert.deepEqual(undeclared.map((diagnostic) => [diagnostic.range.start.line, diagnostic.range.start.character, (diagnostic.message as string).slice(0, 40)]), [
      [2, 31, '404 Not Found is not declared for GET /a'],
      [7, 13, '200 OK is not declared for POST /api/use'],
    ]);
    const actions = await server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: controller },
      range: undeclared[0].range,
      context: { diagnostics: [undeclared[0]] },
    });
    const declare = actions.find((action) => action.title === 'Declare 404 Not Found in the OpenAPI document');
    assert.ok(declare?.edit?.changes, `offered: ${actions.map((action) => action.title).join(' | ')}`);
    const [edit] = declare.edit.changes[uri('openapi.yaml')];
    const documentPath = path.join(root, 'openapi.yaml');
    const lines = fs.readFileSync(documentPath, 'utf8').split('\n');
    assert.equal(edit.range.start.line, 7);
    lines.splice(edit.range.start.line, 0, ...edit.newText.replace(/\n$/, '').split('\n'));
    fs.writeFileSync(documentPath, lines.join('\n'));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('openapi.yaml'), type: 2 }] });
    const after = await publishedFor(controller, (found) => found.filter((diagnostic) => diagnostic.code === 'openapi-undeclared-status').length === 1);
    assert.match(after.find((diagnostic) => diagnostic.code === 'openapi-undeclared-status')!.message as string, /^200 OK is not declared for POST/);
  });

  it('publishes the problems of files never opened, on demand', async () => {
    const app = uri('src/app.js');
    assert.ok(!server.published.some((params) => params.uri === app && params.diagnostics.length > 0), 'nothing is published for unopened files before the request');
    const answer = await server.connection.sendRequest<{ files: number; complete: boolean }>('httpStatusGuide/showWorkspaceProblems');
    assert.ok(answer.files >= 3, `indexed ${answer.files} files`);
    const routesFile = uri('src/controllers/users.js');
    const created = await publishedFor(routesFile, (found) => found.some((diagnostic) => diagnostic.code === 'created-for-create'));
    assert.ok(created.length > 0);
  });

  it('says one clear thing about a malformed document, and keeps serving', async () => {
    const documentUri = uri('openapi.yaml');
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: documentUri, languageId: 'yaml', version: 1, text: 'openapi: 3.0.0\npaths:\n  /a: [\n' } });
    const diagnostics = await publishedFor(documentUri, (found) => found.some((diagnostic) => diagnostic.code === 'openapi-malformed'));
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0].message as string, /does not parse/);
    const routes = await completeRoutes();
    assert.ok(routes.length > 0);
  });
});
