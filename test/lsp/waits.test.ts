// The protocol helpers themselves: a server that stops publishing fails the waiting test within
// its timeout, with a message naming what it waited for, instead of hanging `npm test`.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { startServer, withTimeout } from './serverProcess';

const SILENT_SERVER = path.join(__dirname, 'support', 'silentServer.js');

describe('waits in the protocol tests', () => {
  it('fail within their timeout when the server never publishes', async () => {
    const server = await startServer({}, { configuration: true }, { serverPath: SILENT_SERVER, waitMs: 500 });
    try {
      const started = Date.now();
      await assert.rejects(server.open('file:///never.js', "res.status(200).json({ success: false });"), /timed out after 500 ms waiting for diagnostics of file:\/\/\/never\.js version 1/);
      // The hang guard is generous; here it only has to end the wait, not be exact.
      assert.ok(Date.now() - started < 10_000, `the wait took ${Date.now() - started} ms`);
    } finally {
      await server.stop();
    }
  });

  it('leave a promise that settles in time alone', async () => {
    assert.equal(await withTimeout(Promise.resolve(42), 1_000, 'the answer'), 42);
  });

  it('name what was awaited and what was seen', async () => {
    await assert.rejects(
      withTimeout(new Promise(() => undefined), 10, 'a publish that never comes', () => 'versions seen: 1, 2'),
      { message: 'timed out after 10 ms waiting for a publish that never comes. versions seen: 1, 2' },
    );
  });
});
