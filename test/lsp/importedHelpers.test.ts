// A controller's helper from the project's own module, read from disk where it is not open: the
// helper's 401 is reported at the call with a link to the status in the helper's file, and a change
// to the helper on disk (workspace/didChangeWatchedFiles) or in an editor updates the controller.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { startServer, type ServerSession } from './serverProcess';

const CONTROLLER = "const apiResponse = require('../helpers/apiResponse');\nexports.login = (req, res) => {\n  return apiResponse.unauthorizedResponse(res, 'Email or Password wrong.');\n};\n";
const helperSending = (status: number): string => `exports.unauthorizedResponse = function (res, msg) {\n  return res.status(${status}).json({ message: msg });\n};\n`;

const challenges = (diagnostics: Diagnostic[]): Diagnostic[] => diagnostics.filter((diagnostic) => diagnostic.code === 'unauthorized-needs-www-authenticate');

describe('helpers imported from the project, through the protocol', () => {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'hsg-lsp-helpers-'));
  let server: ServerSession;
  before(async () => {
    server = await startServer({}, { configuration: true, watchFiles: true, relatedInformation: true, workspaceFolders: [pathToFileURL(temp).href] });
  });
  after(async () => {
    await server.stop();
    fs.rmSync(temp, { recursive: true, force: true });
  });

  /** A project folder with a controller and its helper on disk; the controller's URI and the helper's path. */
  function projectWith(name: string, helper: string): { controller: string; helper: string } {
    const folder = path.join(temp, name);
    fs.mkdirSync(path.join(folder, 'controllers'), { recursive: true });
    fs.mkdirSync(path.join(folder, 'helpers'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'controllers', 'auth.js'), CONTROLLER);
    fs.writeFileSync(path.join(folder, 'helpers', 'apiResponse.js'), helper);
    return { controller: pathToFileURL(path.join(folder, 'controllers', 'auth.js')).href, helper: path.join(folder, 'helpers', 'apiResponse.js') };
  }

  it("reports the helper's 401 at the call, from a file that is not open, with the helper's status as related information", async () => {
    const { controller, helper } = projectWith('unopened', helperSending(401));
    const [found] = challenges(await server.open(controller, CONTROLLER));
    assert.ok(found, 'expected the 401 from the helper to be reported');
    assert.deepEqual(found.range, { start: { line: 2, character: 21 }, end: { line: 2, character: 41 } });
    assert.match(String(found.message), /The 401 comes from `apiResponse\.unauthorizedResponse` in \.\.\/helpers\/apiResponse\.js/);
    assert.deepEqual(found.relatedInformation?.map(({ location }) => location), [
      { uri: pathToFileURL(helper).href, range: { start: { line: 1, character: 20 }, end: { line: 1, character: 23 } } },
    ]);
  });

  it('analyses the controller again when the helper changes on disk', async () => {
    const { controller, helper } = projectWith('edited-on-disk', helperSending(401));
    assert.equal(challenges(await server.open(controller, CONTROLLER)).length, 1);
    // Registered after `initialized`: by the first answer to an open, the request has come.
    assert.ok(server.registered.includes('workspace/didChangeWatchedFiles'), server.registered.join(', '));
    fs.writeFileSync(helper, helperSending(404));
    const published = server.diagnostics(controller);
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(helper).href, type: 2 }] });
    assert.deepEqual(challenges(await published), []);
  });

  it("takes an open helper's current text, and analyses its importers again when it is edited", async () => {
    const { controller, helper } = projectWith('edited-in-editor', helperSending(404));
    assert.deepEqual(challenges(await server.open(controller, CONTROLLER)), []);
    const helperUri = pathToFileURL(helper).href;
    await server.open(helperUri, helperSending(404));
    // Opening the helper re-analyses its importers too, after the edit debounce: that publish may come
    // before or after the change, so wait for the one that reads the edited helper (each wait times out).
    const challenged = async (): Promise<number> => {
      for (;;) {
        const found = challenges(await server.diagnostics(controller)).length;
        if (found > 0) return found;
      }
    };
    const published = challenged();
    await server.change(helperUri, helperSending(401), 2);
    assert.equal(await published, 1);
  });

  it('reads only open documents for a document without a file system', async () => {
    const controller = 'vscode-vfs://github/team/api/controllers/auth.js';
    assert.deepEqual(challenges(await server.open(controller, CONTROLLER)), []);
    const published = server.diagnostics(controller);
    await server.open('vscode-vfs://github/team/api/helpers/apiResponse.js', helperSending(401));
    const [found] = challenges(await published);
    assert.equal(found?.relatedInformation?.[0].location.uri, 'vscode-vfs://github/team/api/helpers/apiResponse.js');
  });
});
