// The manifest promises what the code does: activation, trust, contributions that point at real
// files, every setting the server reads declared, every command the client registers declared.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.join(__dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const LANGUAGES = ['javascript', 'typescript', 'javascriptreact', 'typescriptreact'];

describe('package.json', () => {
  it('activates on the four languages and runs the bundled client', () => {
    assert.deepEqual([...manifest.activationEvents].sort(), LANGUAGES.map((language) => `onLanguage:${language}`).sort());
    assert.equal(manifest.main, './dist/client.js');
  });

  it('declares support for untrusted and virtual workspaces', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(manifest.capabilities.virtualWorkspaces, true);
  });

  it('contributes no static snippets: the server offers them in the file\'s framework, once', () => {
    assert.equal(manifest.contributes.snippets, undefined);
  });

  it('injects the grammar into the JS, JSX, TS and TSX grammars', () => {
    const [grammar] = manifest.contributes.grammars;
    assert.deepEqual([...grammar.injectTo].sort(), ['source.js', 'source.js.jsx', 'source.ts', 'source.tsx']);
    const file = JSON.parse(fs.readFileSync(path.join(ROOT, grammar.path), 'utf8'));
    assert.equal(file.scopeName, grammar.scopeName);
  });

  it('declares every setting the server reads', () => {
    const settings = fs.readFileSync(path.join(ROOT, 'server', 'src', 'settings.ts'), 'utf8');
    const read = [...settings.matchAll(/section\.(\w+)/g)].map((match) => match[1]);
    assert.ok(read.length >= 6);
    const declared = Object.keys(manifest.contributes.configuration.properties);
    for (const name of read) assert.ok(declared.some((key) => key === `httpStatusGuide.${name}` || key.startsWith(`httpStatusGuide.${name}.`)), `httpStatusGuide.${name} is not declared`);
    assert.ok(declared.includes('httpStatusGuide.trace.server'));
  });

  it('declares every command the client registers', () => {
    const client = fs.readFileSync(path.join(ROOT, 'client', 'src', 'extension.ts'), 'utf8');
    const registered = [...client.matchAll(/registerCommand\('([\w.]+)'/g)].map((match) => match[1]).sort();
    assert.deepEqual(manifest.contributes.commands.map((command: { command: string }) => command.command).sort(), registered);
  });

  it('validates the project config file with the generated schema, shipped in the .vsix', () => {
    const [validation] = manifest.contributes.jsonValidation;
    assert.deepEqual(validation.fileMatch, ['.httpstatusguiderc.json', 'httpstatusguide.config.json']);
    assert.ok(fs.existsSync(path.join(ROOT, validation.url)), validation.url);
    assert.match(fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8'), /^!schemas\/\*\*$/m);
  });

  it('has an icon of 128×128 pixels', () => {
    const png = fs.readFileSync(path.join(ROOT, manifest.icon));
    assert.equal(png.toString('ascii', 1, 4), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });
});
