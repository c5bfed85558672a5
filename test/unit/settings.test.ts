// Settings are coerced once at the boundary: whatever arrives, the server gets complete, valid settings.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isIncluded, settingsFrom } from '../../server/src/settings';

describe('settingsFrom', () => {
  it('gives safe defaults for nothing, garbage and wrong types', () => {
    for (const raw of [undefined, null, 42, 'x', [], { enable: 'yes', rules: 'all', maxFileSize: -1, validationStatus: 418, lookupFailures: 'yes', include: 'src' }]) {
      const settings = settingsFrom(raw);
      assert.equal(settings.enable, true);
      assert.deepEqual(settings.analysis.rules, {});
      assert.equal(settings.analysis.validationStatus, 400);
      assert.equal(settings.analysis.lookupFailures, true);
      assert.equal(settings.analysis.maxFileSize, 2_000_000);
      assert.equal(settings.inlayHints, false);
      assert.deepEqual(settings.include, []);
    }
  });

  it('keeps known rule ids with valid severities, drops the rest', () => {
    const settings = settingsFrom({ rules: { 'no-error-in-success': 'error', 'created-needs-location': 'off', 'no-such-rule': 'error', 'valid-status-code': 'loud' } });
    assert.deepEqual(settings.analysis.rules, { 'no-error-in-success': 'error', 'created-needs-location': 'off' });
  });

  it('reads every setting it declares', () => {
    const settings = settingsFrom({ enable: false, validationStatus: 422, lookupFailures: false, maxFileSize: 1000, inlayHints: { enabled: true }, include: ['src/**'], exclude: [], frameworks: ['node:http', 'rails', 'node:http'] });
    assert.equal(settings.enable, false);
    assert.deepEqual(settings.analysis.frameworks, ['node:http'], 'known frameworks, once each');
    assert.equal(settings.analysis.validationStatus, 422);
    assert.equal(settings.analysis.lookupFailures, false);
    assert.equal(settings.analysis.maxFileSize, 1000);
    assert.equal(settings.inlayHints, true);
    assert.equal(settings.include.length, 1);
    assert.equal(settings.exclude.length, 0);
  });
});

describe('include and exclude globs', () => {
  const defaults = settingsFrom({});
  it('excludes dependencies, build output and minified files by default', () => {
    for (const path of ['/p/node_modules/express/lib/response.js', '/p/dist/server.js', '/p/build/app.js', '/p/out/x.js', '/p/public/app.min.js', '/p/vendor.bundle.js']) {
      assert.equal(isIncluded(defaults, path), false, path);
    }
    for (const path of ['/p/src/routes/users.ts', '/p/server.js', '/p/distance.js', '/untitled/Untitled-1.ts']) assert.equal(isIncluded(defaults, path), true, path);
  });
  it('limits analysis to include patterns when given', () => {
    const settings = settingsFrom({ include: ['src/**/*.{js,ts}'] });
    assert.equal(isIncluded(settings, '/p/src/routes/users.ts'), true);
    assert.equal(isIncluded(settings, '/p/scripts/seed.js'), false);
  });
  it('matches a pattern without a slash anywhere, like .gitignore', () => {
    const settings = settingsFrom({ exclude: ['*.test.js'] });
    assert.equal(isIncluded(settings, '/p/src/a.test.js'), false);
    assert.equal(isIncluded(settings, '/p/src/a.js'), true);
  });
});
