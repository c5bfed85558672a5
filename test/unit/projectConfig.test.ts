// The project config file: JSON with comments, checked against the schema generated from the
// settings, bad keys named with their file and left out, the rest used.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseJsonc } from '../../server/src/config/jsonc';
import { findConfigFile, readProjectConfig } from '../../server/src/config/projectConfig';
import { settingsFrom } from '../../server/src/settings';

function projectWith(name: string, text: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hsg-config-'));
  fs.writeFileSync(path.join(root, name), text);
  fs.mkdirSync(path.join(root, 'src', 'routes'), { recursive: true });
  return root;
}

describe('parseJsonc', () => {
  it('reads comments and trailing commas, and leaves strings alone', () => {
    assert.deepEqual(parseJsonc('// top\n{ "a": [1, 2,], /* b */ "b": { "c": "d//e /* f */" }, }'), { a: [1, 2], b: { c: 'd//e /* f */' } });
  });
  it('names the line and column of a syntax error', () => {
    assert.throws(() => parseJsonc('{\n  "a": 1\n  "b": 2\n}'), /Expected "," or "}" at line 3, column 3/);
  });
});

describe('project config', () => {
  it('is found from a folder below the project root, under either name', () => {
    for (const name of ['.httpstatusguiderc.json', 'httpstatusguide.config.json']) {
      const root = projectWith(name, '{}');
      assert.equal(findConfigFile(path.join(root, 'src', 'routes')), path.join(root, name));
    }
  });

  it('gives its valid keys to settingsFrom and names every bad key with the file', () => {
    const root = projectWith(
      '.httpstatusguiderc.json',
      '{ "$schema": "x", "rules": { "created-needs-location": "off", "no-such-rule": "error", "valid-status-code": "loud" }, "validationStatus": 422, "maxFileSize": 0, "colour": "red" }',
    );
    const config = readProjectConfig(findConfigFile(root));
    const file = path.join(root, '.httpstatusguiderc.json');
    assert.deepEqual(config.errors, [
      `${file}: "rules.no-such-rule" is not a rule id`,
      `${file}: "rules.valid-status-code" must be one of "off", "hint", "information", "warning", "error"`,
      `${file}: "maxFileSize" must be at least 1`,
      `${file}: "colour" is not a setting`,
    ]);
    const settings = settingsFrom(config.section);
    assert.deepEqual(settings.analysis.rules, { 'created-needs-location': 'off' });
    assert.equal(settings.analysis.validationStatus, 422);
  });

  it('reports an unparsable file with its position, and uses nothing from it', () => {
    const root = projectWith('.httpstatusguiderc.json', '{ "rules": }');
    const config = readProjectConfig(findConfigFile(root));
    assert.deepEqual(config.section, {});
    assert.match(config.errors[0], /\.httpstatusguiderc\.json: Unexpected "}" at line 1, column 12$/);
  });
});
