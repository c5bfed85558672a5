// SARIF 2.1.0 as GitHub code scanning reads it: each log is validated against the SARIF 2.1.0 JSON
// schema (revision rtm.5, draft-04, the copy @microsoft/jest-sarif ships) with Ajv and
// ajv-draft-04, typed with @types/sarif, and checked for the properties code scanning requires.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import Ajv04 from 'ajv-draft-04';
import type * as Sarif from 'sarif';
import { RULE_IDS } from '../../server/src/analysis/rules';
import { HANDLERS, project, runCli } from './cliProcess';

const SCHEMA = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

/** The schema's validator. Its three formats are checked with Node's URL and Date parsers (Ajv ships none). */
function sarifSchemaErrors(): (log: unknown) => string {
  // The schema's language-tag pattern has a stray `]` that is an error only with the `u` flag.
  const ajv = new Ajv04({ allErrors: true, unicodeRegExp: false });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'file:///'));
  ajv.addFormat('date-time', (value: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value) && !Number.isNaN(Date.parse(value)));
  const validate = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')) as object);
  return (log) => (validate(log) ? '' : ajv.errorsText(validate.errors, { separator: '\n' }));
}

const schemaErrors = sarifSchemaErrors();

describe('--format sarif', () => {
  it('writes a SARIF 2.1.0 log with rule metadata, levels, 1-based regions and fixes', async () => {
    const root = project({ 'src/app.js': HANDLERS });
    const run = await runCli(['--format', 'sarif'], root);
    assert.equal(run.code, 1);
    const log = JSON.parse(run.stdout) as Sarif.Log;
    assert.equal(schemaErrors(log), '');
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

  it('writes hint findings as notes', async () => {
    const run = await runCli(['--format', 'sarif', '--rule', 'valid-status-code=hint'], project({ 'src/app.js': HANDLERS }));
    const log = JSON.parse(run.stdout) as Sarif.Log;
    assert.equal(schemaErrors(log), '');
    assert.deepEqual(
      log.runs[0].results?.map((result) => [result.ruleId, result.level]),
      [
        ['created-for-create', 'note'],
        ['no-error-in-success', 'warning'],
        ['valid-status-code', 'note'],
      ],
    );
  });

  it('is a valid log with no results for a clean project', async () => {
    const run = await runCli(['--format', 'sarif'], project({ 'app.js': '' }));
    const log = JSON.parse(run.stdout) as Sarif.Log;
    assert.equal(schemaErrors(log), '');
    assert.deepEqual(log.runs[0].results, []);
    assert.equal(run.code, 0);
  });

  it('is checked by a schema that rejects what SARIF does not allow', () => {
    const log: Sarif.Log = { version: '2.1.0', runs: [{ tool: { driver: { name: 'HTTP Status Guide' } }, results: [{ message: { text: 'm' }, level: 'note' }] }] };
    assert.equal(schemaErrors(log), '');
    const information = { ...log, runs: [{ ...log.runs[0], results: [{ message: { text: 'm' }, level: 'information' }] }] };
    assert.match(schemaErrors(information), /level must be equal to one of the allowed values/);
    assert.match(schemaErrors({ ...log, $schema: 'not a uri' }), /must match format "uri"/);
  });
});
