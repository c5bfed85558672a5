// The workspace index on files held in memory: what an entry keeps (nothing of the file's text),
// and that it reads only while no document analysis waits.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { resolverAmong } from '../../server/src/analysis/routes';
import { settingsFrom } from '../../server/src/settings';
import { WorkspaceIndex, type IndexHost } from '../../server/src/workspace/workspaceIndex';
import { withTimeout } from '../lsp/serverProcess';
import { memoryModules } from './memoryModules';

const settings = settingsFrom({});

/** A router whose route paths are long enough for V8 to slice them out of the text, padded by a long comment. */
function routerText(index: number, padding: number): string {
  return `const express = require('express');
const router = express.Router();
${`// ${'x'.repeat(77)}\n`.repeat(Math.ceil(padding / 81))}router.get('/organisations/:organisationId/members${index}', async (req, res) => {
  const member = await Member.findById(req.params.id);
  if (!member) return res.status(404).json({ message: 'Member not found' });
  res.status(200).json({ error: 'still here' });
});
module.exports = router;
`;
}

function indexOf(files: ReadonlyMap<string, string>, overrides: Partial<IndexHost> = {}): WorkspaceIndex {
  const index: WorkspaceIndex = new WorkspaceIndex({
    filesOf: () => files.keys(),
    read: (file) => files.get(file),
    optionsFor: async () => settings.analysis,
    resolve: resolverAmong((file) => files.has(file)),
    changed: () => undefined,
    documentsIdle: async () => undefined,
    ...overrides,
  });
  return index;
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('workspace index entries', () => {
  it('keep the routes, statuses and findings of a file', async () => {
    const index = indexOf(new Map([['/w/routes.js', routerText(1, 10)]]));
    await index.start(['/w']);
    const entry = index.get('/w/routes.js')!;
    const [route] = index.routes();
    assert.equal(route.path, '/organisations/:organisationId/members1');
    assert.deepEqual(route.statuses.map((status) => [status.code, status.range.end - status.range.start]), [[404, 3], [200, 3]]);
    assert.deepEqual(entry.findings.list().map((finding) => finding.ruleId), ['no-error-in-success']);
    assert.equal(entry.findings.list()[0].severity, 'warning');
  });

  it('tell the host after each file read from disk and stored, where a collection is cheap', async () => {
    const files = new Map(Array.from({ length: 5 }, (_, index) => [`/w/routes${index}.js`, routerText(index, 10)] as const));
    const stored: number[] = [];
    const index: WorkspaceIndex = indexOf(files, { fileDone: () => stored.push(index.size) });
    await index.start(['/w']);
    assert.deepEqual(stored, [1, 2, 3, 4, 5], 'once per file, each after its entry is stored');
  });

  it('hold nothing of the file text: the heap an index keeps is far below the text it read', async () => {
    v8.setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    const padding = 100_000;
    const names = Array.from({ length: 40 }, (_, index) => `/w/routes${index}.js`);
    // Each read makes a new flat text, as a read from disk does: only what the index keeps stays.
    const read = (file: string): string => Buffer.from(routerText(names.indexOf(file), padding)).toString('utf8');
    const files = new Map(names.map((name) => [name, ''] as const));
    // Once first, so the code the analysis compiles is not counted.
    await indexOf(files, { read }).start(['/w']);
    collect();
    const before = process.memoryUsage().heapUsed;
    const index = indexOf(files, { read });
    await index.start(['/w']);
    collect();
    const held = process.memoryUsage().heapUsed - before;
    assert.equal(index.routes().length, 40);
    assert.equal(index.size, 40);
    // 40 texts of 100 KB: a string sliced from each (a route path, a message) would keep 4 MB.
    assert.ok(held < (40 * padding) / 4, `the index holds ${(held / 1024).toFixed(0)} KB for 40 files`);
  });
});

describe('workspace index importers', () => {
  it("names the files whose analysis read a module, and reading them again shows the helper's new status", async () => {
    const files: Record<string, string> = {
      '/w/routes.js': "const helpers = require('./helpers');\nconst router = require('express').Router();\nrouter.get('/gone', (req, res) => helpers.missing(res, 'No such page'));\nmodule.exports = router;\n",
      '/w/helpers.js': 'exports.missing = (res, msg) => res.status(404).json({ message: msg });\n',
    };
    const index = indexOf(new Map(Object.entries(files)), {
      read: (file) => files[file],
      optionsFor: async () => ({ ...settings.analysis, modules: memoryModules(files) }),
    });
    await index.start(['/w']);
    assert.deepEqual(index.routes().map((route) => route.statuses.map((status) => status.code)), [[404]]);
    files['/w/helpers.js'] = files['/w/helpers.js'].replace('404', '410');
    assert.deepEqual(index.importersOf('/w/helpers.js'), ['/w/routes.js']);
    assert.deepEqual(index.importersOf('/w/routes.js'), []);
    await index.changedOnDisk('/w/routes.js', true);
    assert.deepEqual(index.routes().map((route) => route.statuses.map((status) => status.code)), [[410]]);
  });
});

describe('workspace index scheduling', () => {
  it('takes no analysis step while document work is pending, and checks again between the steps of one file', async () => {
    let idleCalls = 0;
    let release: (() => void) | undefined;
    // Document work is idle for the first step only, then pending until released.
    const documentsIdle = (): Promise<void> => (++idleCalls === 1 ? Promise.resolve() : new Promise((resolve) => (release = resolve)));
    const index = indexOf(new Map([['/w/routes.js', routerText(1, 10)]]), { documentsIdle });
    const done = index.start(['/w']);
    for (let waited = 0; waited < 50; waited++) await turn();
    assert.equal(idleCalls, 2, 'one step taken, then waiting for document work');
    assert.equal(index.size, 0, 'the file is not stored while its analysis waits');
    assert.equal(index.state, 'indexing');
    // Release each wait as it comes: the file is read to the end.
    const releaseAll = async (): Promise<void> => {
      while (index.state !== 'ready') {
        release?.();
        release = undefined;
        await turn();
      }
    };
    await withTimeout(Promise.all([releaseAll(), done]), 10_000, 'the index to finish once document work is done');
    assert.equal(index.size, 1);
    assert.ok(idleCalls > 3, `asked ${idleCalls} times: before each step of the analysis and before reading routes`);
  });
});
