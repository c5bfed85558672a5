// Imported modules read from disk are data, never trusted: a huge helper file or a binary one is
// skipped (no site, no crash), and one that is fine beside them still counts.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { analyze, DEFAULT_OPTIONS } from '../../server/src/analysis';
import { diskModules } from '../../server/src/cli/diskModules';

const HELPER = 'exports.deny = (res, msg) => res.status(401).json({ message: msg });\n';
const controller = (specifier: string): string => `const api = require('${specifier}');\napp.get('/me', (req, res) => {\n  return api.deny(res, 'Sign in');\n});\n`;

describe('imported modules on disk', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hsg-robust-modules-'));
  fs.mkdirSync(path.join(root, '.git'));
  fs.writeFileSync(path.join(root, 'fine.js'), HELPER);
  // Far past maxFileSize: a generated bundle that happens to export the helper.
  fs.writeFileSync(path.join(root, 'huge.js'), HELPER + `// ${'x'.repeat(3_000_000)}\n`);
  fs.writeFileSync(path.join(root, 'binary.js'), Buffer.concat([Buffer.from(HELPER), Buffer.from([0, 159, 146, 150, 0, 255])]));
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  const sitesFor = (specifier: string): number => {
    const modules = diskModules({ include: [], exclude: [], maxFileSize: DEFAULT_OPTIONS.maxFileSize });
    return analyze(controller(specifier), path.join(root, 'app.js'), { ...DEFAULT_OPTIONS, modules }).sites.filter((site) => site.adapter.framework === 'helper call').length;
  };

  it('reads a helper of ordinary size', () => {
    assert.equal(sitesFor('./fine'), 1);
  });

  it('skips a helper file larger than maxFileSize', () => {
    assert.equal(sitesFor('./huge'), 0);
  });

  it('skips a binary helper file', () => {
    assert.equal(sitesFor('./binary'), 0);
  });
});
