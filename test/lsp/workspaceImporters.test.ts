// The workspace index keeps importers up to date: when a helper module changes, on disk or in an
// open editor, the routes of the files that import it show the helper's new status.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { startServer, WAIT_MS, withTimeout, type ServerSession } from './serverProcess';

const ROUTES = `const helpers = require('./helpers');
const router = require('express').Router();
router.get('/gone', (req, res) => helpers.missing(res, 'No such page'));
module.exports = router;
`;
const helper = (status: number): string => `exports.missing = (res, msg) => res.status(${status}).json({ message: msg });\n`;

describe('workspace index importers', () => {
  let root: string;
  let server: ServerSession;
  const uri = (file: string): string => pathToFileURL(path.join(root, file)).toString();

  /** Asks for the routes until `/gone` answers with `codes`. */
  function goneAnswers(codes: number[]): Promise<void> {
    let last: number[] | undefined;
    const ask = async (): Promise<void> => {
      for (;;) {
        const result = await server.connection.sendRequest<{ complete: boolean; routes: { path: string; statuses: { code: number }[] }[] }>('httpStatusGuide/routes');
        last = result.routes.find((route) => route.path === '/gone')?.statuses.map((status) => status.code);
        if (result.complete && JSON.stringify(last) === JSON.stringify(codes)) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    return withTimeout(ask(), WAIT_MS, `GET /gone to answer ${codes.join(',')}`, () => `last: ${JSON.stringify(last)}`);
  }

  before(async () => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'hsg-importers-')));
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'app', dependencies: { express: '^4.19.0' } }));
    fs.writeFileSync(path.join(root, 'routes.js'), ROUTES);
    fs.writeFileSync(path.join(root, 'helpers.js'), helper(404));
    server = await startServer({}, { configuration: true, workspaceFolders: [pathToFileURL(root).toString()], watchFiles: true });
  });
  after(async () => {
    await server.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("shows the helper's status changed on disk", async () => {
    await goneAnswers([404]);
    fs.writeFileSync(path.join(root, 'helpers.js'), helper(410));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('helpers.js'), type: 2 }] });
    await goneAnswers([410]);
  });

  it("shows the helper's status typed in an open editor, before it is saved", async () => {
    await server.open(uri('helpers.js'), helper(410));
    await server.change(uri('helpers.js'), helper(409), 2);
    await goneAnswers([409]);
  });
});
