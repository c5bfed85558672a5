// The patterns we teach must pass our own rules: every snippet body, expanded and wrapped in a
// handler, gets no diagnostic from any rule (those off by default included).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, DEFAULT_OPTIONS } from '../../server/src/analysis';
import { RULE_IDS } from '../../server/src/analysis/rules';
import { expandedSnippetBodies } from './snippetBodies';

const everyRuleOn = { ...DEFAULT_OPTIONS, rules: Object.fromEntries(RULE_IDS.map((id) => [id, 'warning' as const])) };

describe('snippets pass our own rules', () => {
  for (const snippet of expandedSnippetBodies()) {
    it(`${snippet.prefix} (${snippet.language})`, () => {
      const findings = analyze(snippet.code, snippet.fileName, everyRuleOn).findings;
      assert.deepEqual(findings.map((finding) => `${finding.ruleId}: ${finding.message}`), [], snippet.code);
    });
  }
});
