// The layer boundaries as a check, not a hope: analysis/ and knowledge/ never import vscode*
// packages (so a CLI or another editor can use them), the server never imports `vscode`, and the
// client never reaches into the server's code.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.join(__dirname, '..', '..');

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(path.join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return entry.name.endsWith('.ts') ? [relative] : [];
  });
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)].map((match) => match[1]);
}

function offenders(folder: string, forbidden: (module: string) => boolean): string[] {
  return sourceFiles(folder).flatMap((file) => importsOf(file).filter(forbidden).map((module) => `${file} imports ${module}`));
}

describe('layers', () => {
  it('analysis/ and knowledge/ import no vscode* package', () => {
    const vscodeLike = (module: string): boolean => /^vscode/.test(module);
    assert.deepEqual([...offenders('server/src/analysis', vscodeLike), ...offenders('server/src/knowledge', vscodeLike)], []);
  });
  it('analysis/ does not import features/ or the server', () => {
    assert.deepEqual(offenders('server/src/analysis', (module) => /(^|\/)(features|server|settings|analyses)(\/|$)/.test(module)), []);
  });
  it('knowledge/ imports nothing from the layers above it', () => {
    assert.deepEqual(offenders('server/src/knowledge', (module) => /(^|\/)(analysis|features)(\/|$)/.test(module)), []);
  });
  it('the server never imports the vscode API', () => {
    assert.deepEqual(offenders('server/src', (module) => module === 'vscode'), []);
  });
  it('the client does not reach into the server', () => {
    assert.deepEqual(offenders('client/src', (module) => module.includes('server/')), []);
  });
});
