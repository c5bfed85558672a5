// SARIF 2.1.0 as GitHub code scanning reads it. No SARIF JSON schema is available offline, so
// the log is typed with @types/sarif at compile time and checked for what code scanning requires.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type * as Sarif from 'sarif';
import { RULE_IDS } from '../../server/src/analysis/rules';
import { HANDLERS, project, runCli } from './cliProcess';

describe('--format sarif', () => {
  it('writes a SARIF 2.1.0 log with rule metadata, levels, 1-based regions and fixes', async () => {
    const root = project({ 'src/app.js': HANDLERS });
    const run = await runCli(['--format', 'sarif'], root);
    assert.equal(run.code, 1);
    const log = JSON.parse(run.stdout) as Sarif.Log;
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema ?? '', /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    const [sarifRun] = log.runs;
    const { driver } = sarifRun.tool;
    assert.equal(driver.name, 'HTTP Status Guide');
    const rules = driver.rules ?? [];
    for (const id of RULE_IDS) assert.ok(rules.some((rule) => rule.id === id), id);
    for (const rule of rules) {
      assert.ok(rule.shortDescription?.text, `${rule.id} shortDescription`);
      assert.ok(rule.fullDescription?.text, `${rule.id} fullDescription`);
      assert.ok(rule.help?.markdown, `${rule.id} help.markdown`);
      assert.ok(['error', 'warning', 'note', 'none'].includes(rule.defaultConfiguration?.level ?? ''), `${rule.id} level`);
    }
    assert.match(rules.find((rule) => rule.id === 'created-for-create')?.help?.markdown ?? '', /^# created-for-create\n[\s\S]*## Incorrect/);
    assert.equal(sarifRun.originalUriBaseIds?.['%SRCROOT%']?.uri?.endsWith('/'), true);

    const results = sarifRun.results ?? [];
    assert.deepEqual(
      results.map((result) => [result.ruleId, result.level]),
      [
        ['created-for-create', 'note'],
        ['no-error-in-success', 'warning'],
        ['valid-status-code', 'error'],
      ],
    );
    for (const result of results) {
      assert.ok(result.message.text);
      assert.equal(rules[result.ruleIndex ?? -1]?.id, result.ruleId, 'ruleIndex points at the rule');
      const location = result.locations?.[0]?.physicalLocation;
      assert.equal(location?.artifactLocation?.uri, 'src/app.js');
      assert.equal(location?.artifactLocation?.uriBaseId, '%SRCROOT%');
      assert.ok((location?.region?.startLine ?? 0) >= 1 && (location?.region?.startColumn ?? 0) >= 1);
    }
    const [created] = results;
    assert.deepEqual(created.locations?.[0]?.physicalLocation?.region, { startLine: 5, startColumn: 14, endLine: 5, endColumn: 17 });
    assert.deepEqual(created.fixes?.[0]?.artifactChanges[0].replacements[0], { deletedRegion: { startLine: 5, startColumn: 14, endLine: 5, endColumn: 17 }, insertedContent: { text: '201' } });
    assert.equal(results[2].fixes, undefined, 'no fix, no fixes property');
  });

  it('is a valid log with no results for a clean project', async () => {
    const run = await runCli(['--format', 'sarif'], project({ 'app.js': '' }));
    const log = JSON.parse(run.stdout) as Sarif.Log;
    assert.deepEqual(log.runs[0].results, []);
    assert.equal(run.code, 0);
  });
});
