// The nearest package.json's dependencies, read from temp folders: walked up to the workspace
// root, cached per folder with the file's stamp, re-read when it changes, invalid JSON absent.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { diskReader, ProjectFactsLoader, projectFactsFrom, type PackageJsonReader } from '../../server/src/projectFacts';

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'hsg-project-'));
after(() => fs.rmSync(temp, { recursive: true, force: true }));

function project(name: string, manifest: unknown): string {
  const folder = path.join(temp, name);
  fs.mkdirSync(path.join(folder, 'src', 'routes'), { recursive: true });
  if (manifest !== undefined) fs.writeFileSync(path.join(folder, 'package.json'), typeof manifest === 'string' ? manifest : JSON.stringify(manifest));
  return folder;
}

/** The disk, counting reads: a cached folder is only stat-ed. */
function countingReader(): PackageJsonReader & { reads: number } {
  const reader = { reads: 0, stamp: diskReader.stamp, read: (file: string) => (reader.reads++, diskReader.read(file)) };
  return reader;
}

describe('project facts', () => {
  it('reads the nearest package.json above a document, dependencies over devDependencies', async () => {
    const folder = project('nearest', { dependencies: { express: '^4.18.2', lodash: 4 }, devDependencies: { express: '^5.0.0', jest: '^29.0.0' }, scripts: { x: 'rm -rf /' } });
    const facts = await new ProjectFactsLoader().factsFor(path.join(folder, 'src', 'routes', 'users.js'), folder);
    assert.deepEqual({ ...facts?.dependencies }, { express: '^4.18.2', jest: '^29.0.0' });
  });

  it('looks no higher than the workspace folder, and finds nothing without a package.json', async () => {
    const outer = project('outer', { dependencies: { express: '^4.18.2' } });
    const inner = path.join(outer, 'src');
    const loader = new ProjectFactsLoader();
    assert.equal(await loader.factsFor(path.join(inner, 'routes', 'a.js'), inner), undefined);
    assert.ok(await loader.factsFor(path.join(inner, 'routes', 'a.js'), outer));
    // Outside the workspace folder, the walk goes on up.
    assert.ok(await loader.factsFor(path.join(inner, 'routes', 'a.js'), path.join(temp, 'elsewhere')));
  });

  it('treats a package.json that is not valid JSON as absent, without reading further up', async () => {
    const folder = project('broken', { dependencies: { express: '^4.18.2' } });
    fs.writeFileSync(path.join(folder, 'src', 'package.json'), '{ "dependencies": { "express": "^5.0.0", }');
    assert.equal(await new ProjectFactsLoader().factsFor(path.join(folder, 'src', 'routes', 'a.js'), folder), undefined);
    assert.equal(projectFactsFrom('[1, 2]'), undefined);
    assert.equal(projectFactsFrom('null'), undefined);
  });

  it('reads a folder once, and again when its package.json changes', async () => {
    const folder = project('changing', { dependencies: { express: '^4.18.2' } });
    const reader = countingReader();
    const loader = new ProjectFactsLoader(reader);
    const document = path.join(folder, 'src', 'routes', 'a.js');
    assert.equal((await loader.factsFor(document, folder))?.dependencies.express, '^4.18.2');
    assert.equal((await loader.factsFor(document, folder))?.dependencies.express, '^4.18.2');
    assert.equal(reader.reads, 1);
    fs.writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ dependencies: { express: '^5.1.0' } }));
    assert.equal((await loader.factsFor(document, folder))?.dependencies.express, '^5.1.0');
    assert.equal(reader.reads, 2);
    // Forgotten (a watcher said it changed): read again even with the same stamp.
    loader.forget(path.join(folder, 'package.json'));
    await loader.factsFor(document, folder);
    assert.equal(reader.reads, 3);
  });

  it('keeps names that are Object members as plain names', () => {
    const facts = projectFactsFrom('{"dependencies": {"__proto__": "1.0.0", "constructor": "2.0.0"}}');
    assert.equal(facts?.dependencies.constructor, '2.0.0');
    assert.equal(facts?.dependencies.express, undefined);
  });
});
