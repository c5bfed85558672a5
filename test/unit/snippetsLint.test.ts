// The patterns we teach must pass our own rules: every snippet body of every framework, expanded and
// wrapped in a file of that framework, is read by that framework's adapter and gets no diagnostic
// from any rule (those off by default included).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, DEFAULT_OPTIONS } from '../../server/src/analysis';
import { frameworksOf } from '../../server/src/analysis/adapters/frameworks';
import { parse } from '../../server/src/analysis/engine/parse';
import { RULE_IDS } from '../../server/src/analysis/rules';
import { snippetFramework } from '../../server/src/snippets';
import { expandedSnippetBodies, statusOfPrefix } from './snippetBodies';

/**
 * Bodies whose answer the analysis does not read today, so being clean proves less for them:
 * helpers that take the response among other arguments, a `@Res({ passthrough: true })` answer,
 * and Nest's exception filter. Listed so a new one is noticed.
 */
const STATUS_NOT_READ = new Set([
  'node:http http-role-check',
  'node:http http-graceful-shutdown',
  'nestjs http-304',
  'nestjs http-conditional-get',
  'nestjs http-error-handler',
]);

const everyRuleOn = { ...DEFAULT_OPTIONS, rules: Object.fromEntries(RULE_IDS.map((id) => [id, 'warning' as const])) };

describe('snippets pass our own rules', () => {
  for (const snippet of expandedSnippetBodies()) {
    it(`${snippet.framework} ${snippet.prefix} (${snippet.language})`, () => {
      // The file around the body is read as the snippet's framework: the body is checked under its adapter.
      assert.equal(snippetFramework(frameworksOf(parse(snippet.code, snippet.fileName), []), snippet.fileName), snippet.framework);
      const { findings, sites } = analyze(snippet.code, snippet.fileName, everyRuleOn);
      assert.deepEqual(findings.map((finding) => `${finding.ruleId}: ${finding.message}`), [], snippet.code);
      // And the analysis did read the answer it is about, so "no findings" means something.
      const status = statusOfPrefix(snippet.prefix);
      const read = sites.some((site) => site.status.code === status);
      assert.equal(read, !STATUS_NOT_READ.has(`${snippet.framework} ${snippet.prefix}`), `${status} read: ${read}\n${snippet.code}`);
    });
  }
});
