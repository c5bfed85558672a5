// Keeps the rule catalogue honest: every rule file registered under its own id, documented, its
// docs' examples behaving as they say, and everything derived from the metadata up to date.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyze, DEFAULT_OPTIONS } from '../../server/src/analysis';
import { RULES, RULE_IDS } from '../../server/src/analysis/rules';
import type { Rule } from '../../server/src/analysis/rule';
import { generatedFiles } from '../../scripts/generate';

const ROOT = path.join(__dirname, '..', '..');
const RULES_DIR = path.join(ROOT, 'server', 'src', 'analysis', 'rules');

const findingsOf = (rule: Rule, code: string) =>
  analyze(code, 'example.ts', { ...DEFAULT_OPTIONS, rules: { [rule.meta.id]: 'warning' } }).findings.filter((finding) => finding.ruleId === rule.meta.id);

describe('rule catalogue', () => {
  it('registers every rule file, each under its file name', () => {
    const files = fs.readdirSync(RULES_DIR).filter((name) => name !== 'index.ts').map((name) => name.replace(/\.ts$/, ''));
    assert.deepEqual([...files].sort(), [...RULE_IDS].sort());
    for (const id of RULE_IDS) assert.equal(RULES[id].meta.id, id);
  });

  for (const id of RULE_IDS) {
    const rule: Rule = RULES[id];
    describe(id, () => {
      it('is documented', () => {
        assert.match(rule.meta.description, /^\S.*\.$/);
        for (const field of ['details', 'incorrect', 'correct'] as const) assert.ok(rule.meta.docs[field].trim().length > 0, `docs.${field} is empty`);
      });
      it('has a table test', () => {
        const test = fs.readFileSync(path.join(ROOT, 'test', 'unit', 'rules', `${id}.test.ts`), 'utf8');
        assert.match(test, new RegExp(`ruleTests\\('${id}'`));
      });
      it('reports its "incorrect" example and not its "correct" one', () => {
        assert.ok(findingsOf(rule, rule.meta.docs.incorrect).length > 0, 'the incorrect example is not reported');
        assert.deepEqual(findingsOf(rule, rule.meta.docs.correct).map((finding) => finding.message), []);
      });
      it('is marked fixable exactly when its example gets a fix', () => {
        const fixes = findingsOf(rule, rule.meta.docs.incorrect).flatMap((finding) => finding.fixes);
        assert.equal(fixes.length > 0, rule.meta.fixable);
      });
    });
  }

  it('keeps package.json, docs/rules and the README in step with the metadata (npm run generate)', async () => {
    for (const [file, content] of await generatedFiles()) {
      const onDisk = fs.existsSync(path.join(ROOT, file)) ? fs.readFileSync(path.join(ROOT, file), 'utf8') : '';
      assert.equal(onDisk, content, `${file} is out of date: run npm run generate`);
    }
  });
});
