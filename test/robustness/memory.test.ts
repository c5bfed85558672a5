// Issue 9.3 (memory): 100 large documents open, worked on and closed; the server's resident memory
// must come back near its baseline. RSS is read from /proc/<pid>/status of the spawned server and
// polled while the server is idle: V8 keeps freed pages until its memory reducer runs, which was
// measured at up to a minute after the last allocation (work meanwhile only postpones it).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { EXPRESS_FIXTURES_DIR } from './support/corpus';
import { HANG_GUARD_MS, residentMegabytes, spawnedServerForSuite } from './support/session';

const DOCUMENTS = 100;
const LINES_PER_DOCUMENT = 1_500;
/** "Back to baseline" with room for V8's own heap growth and fragmentation. */
const CLOSED_MARGIN_MB = 20;
/** How long memory may take to come back: a hang guard, not a threshold (see above). */
const SETTLE_GUARD_MS = 150_000;
const POLL_MS = 1_000;

const fixture = fs.readFileSync(path.join(EXPRESS_FIXTURES_DIR, 'orders-router.js'), 'utf8');
const largeDocument = (index: number): string => {
  const copies = Math.ceil(LINES_PER_DOCUMENT / fixture.split('\n').length);
  return `// document ${index}\n` + fixture.repeat(copies);
};

describe('memory with 100 large documents', () => {
  const suite = spawnedServerForSuite();

  it('returns near its baseline once they close', { timeout: SETTLE_GUARD_MS + 2 * HANG_GUARD_MS }, async () => {
    // Baseline: TypeScript loaded and one analysis done.
    await suite.log.open('file:///warmup.js', fixture);
    await suite.log.close('file:///warmup.js');
    const baseline = residentMegabytes(suite.server.process.pid!);

    const uris = Array.from({ length: DOCUMENTS }, (_, index) => `file:///project/routes/r${index}.js`);
    const opened = await Promise.all(uris.map((uri, index) => suite.log.open(uri, largeDocument(index))));
    assert.ok(opened.every((publish) => publish.diagnostics.length > 0), 'every document has findings');
    for (const uri of uris) {
      const hover = await suite.server.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: opened[0].diagnostics[0].range.start });
      assert.ok(hover, `no hover in ${uri}`);
    }
    const open = residentMegabytes(suite.server.process.pid!);
    await Promise.all(uris.map((uri) => suite.log.close(uri)));

    const closedAt = Date.now();
    let closed = residentMegabytes(suite.server.process.pid!);
    while (closed > baseline + CLOSED_MARGIN_MB && Date.now() - closedAt < SETTLE_GUARD_MS) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      closed = residentMegabytes(suite.server.process.pid!);
    }
    const settledAfter = ((Date.now() - closedAt) / 1000).toFixed(0);
    console.log(`memory: baseline ${baseline} MB; ${DOCUMENTS} documents of ${LINES_PER_DOCUMENT} lines open ${open} MB; closed ${closed} MB after ${settledAfter} s idle`);
    assert.ok(closed <= baseline + CLOSED_MARGIN_MB, `${closed} MB ${settledAfter} s after closing, baseline ${baseline} MB`);
  });
});
