// A virtual workspace (no folder on a file system): the index holds the open documents only, the
// routes request answers their routes and says so, and the log says so.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, WAIT_MS, withTimeout, type ServerSession } from './serverProcess';

const FOLDER = 'vscode-vfs://github/acme/shop';
const APP = `const express = require('express');
const app = express();
app.get('/health', (req, res) => res.status(200).json({ ok: true }));
app.post('/orders', async (req, res) => {
  const order = await Order.create(req.body);
  res.status(201).location('/orders/' + order.id).json(order);
});
`;

interface Answer {
  complete: boolean;
  scope: string;
  routes: { method: string; path: string; uri: string; statuses: { code: number }[] }[];
}

describe('virtual workspace', () => {
  let server: ServerSession;

  before(async () => {
    server = await startServer({}, { configuration: true, workspaceFolders: [FOLDER] });
  });
  after(async () => {
    await server.stop();
  });

  async function routesWhere(test: (answer: Answer) => boolean): Promise<Answer> {
    let last: Answer | undefined;
    const ask = async (): Promise<Answer> => {
      for (;;) {
        last = await server.connection.sendRequest<Answer>('httpStatusGuide/routes');
        if (test(last)) return last;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    return withTimeout(ask(), WAIT_MS, 'the routes of the open documents', () => `last: ${JSON.stringify(last)}`);
  }

  it('lists the routes of open documents, says its scope, and forgets a closed document', async () => {
    const uri = `${FOLDER}/src/app.js`;
    await server.open(uri, APP);
    const answer = await routesWhere((found) => found.complete && found.routes.length === 2);
    assert.equal(answer.scope, 'open documents');
    assert.deepEqual(answer.routes.map((route) => `${route.method} ${route.path} ${route.statuses.map((status) => status.code).join(',')}`), ['get /health 200', 'post /orders 201']);
    assert.ok(answer.routes.every((route) => route.uri === uri), JSON.stringify(answer.routes.map((route) => route.uri)));
    assert.ok(server.logs.some((line) => /no workspace folder on a file system: the workspace index holds open documents only/i.test(line)), server.logs.join('\n'));
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await routesWhere((found) => found.routes.length === 0);
  });
});
