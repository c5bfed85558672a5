// Issue 9.4: failures inside. A rule that throws is logged once per rule and document version while
// the other rules still report; a failure outside the rules costs that version its findings, not
// the server; a request handler that throws answers with an error and the server keeps serving.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { ResponseError } from 'vscode-jsonrpc';
import { analyze } from '../../server/src/analysis';
import { EXPRESS_FIXTURES_DIR } from './support/corpus';
import { InProcessServer } from './support/inProcess';
import { withBrokenMeta, withRuleCheck } from './support/rules';
import { HANG_GUARD_MS, spawnedServerForSuite } from './support/session';

const FIXTURE = fs.readFileSync(path.join(EXPRESS_FIXTURES_DIR, 'orders-router.js'), 'utf8');
const URI = 'file:///project/routes/orders.js';
const FAILING = 'valid-status-code';
const thrower = (): never => {
  throw new Error('boom (test)');
};
const rulesOf = (findings: readonly { ruleId: string }[]): string[] => [...new Set(findings.map((finding) => finding.ruleId))].sort();

describe('a rule that throws', () => {
  it('is collected in ruleErrors while every other rule still reports', async () => {
    const baseline = analyze(FIXTURE, 'orders.js');
    assert.ok(rulesOf(baseline.findings).includes(FAILING), `the fixture should trigger ${FAILING}`);
    const result = await withRuleCheck(FAILING, thrower, () => analyze(FIXTURE, 'orders.js'));
    assert.deepEqual(result.ruleErrors.map((failure) => failure.ruleId), [FAILING]);
    assert.deepEqual(rulesOf(result.findings), rulesOf(baseline.findings).filter((id) => id !== FAILING));
  });

  it('is logged once per document version, however often that version is analysed', async () => {
    const server = new InProcessServer();
    await withRuleCheck(FAILING, thrower, async () => {
      const first = server.publishOf(URI, 1);
      const document = server.open(URI, FIXTURE);
      const published = await first;
      assert.ok((published.analysis?.findings.length ?? 0) > 0, 'the other rules still publish');
      for (let request = 0; request < 3; request++) await server.analyses.get(document);
      server.analyses.clear(); // settings changed: the same version is analysed again
      await server.analyses.get(document);
      const second = server.publishOf(URI, 2);
      server.change(URI, FIXTURE + '\n', 2);
      await second;
    });
    const failures = server.logs.filter((line) => line.startsWith(`Rule ${FAILING} failed`));
    assert.equal(failures.length, 2, failures.join('\n'));
    assert.match(failures[0], /version 1\b.*boom \(test\)/s);
    assert.match(failures[1], /version 2\b/);
  });
});

describe('a failure outside the rules', () => {
  it('publishes no findings for that version, logs once, and the next version is analysed again', async () => {
    const server = new InProcessServer();
    await withBrokenMeta(FAILING, async () => {
      const first = server.publishOf(URI, 1);
      const document = server.open(URI, FIXTURE);
      assert.deepEqual((await first).analysis?.findings, []);
      await server.analyses.get(document);
    });
    assert.equal(server.logs.filter((line) => line.startsWith('Analysis failed')).length, 1, server.logs.join('\n'));
    const second = server.publishOf(URI, 2);
    server.change(URI, FIXTURE, 2);
    assert.ok(((await second).analysis?.findings.length ?? 0) > 0, 'findings are back once the failure is gone');
  });
});

describe('a request handler that throws (spawned server)', () => {
  const suite = spawnedServerForSuite();

  it('answers with an error response and keeps serving', { timeout: HANG_GUARD_MS }, async () => {
    const { diagnostics } = await suite.log.open(URI, FIXTURE);
    const malformed: [string, unknown][] = [
      ['textDocument/hover', { textDocument: { uri: URI } }],
      ['textDocument/codeAction', { textDocument: { uri: URI }, range: diagnostics[0].range }],
    ];
    for (const [method, params] of malformed) {
      const answer = await suite.server.connection.sendRequest(method, params).then(
        () => undefined,
        (error: unknown) => error,
      );
      assert.ok(answer instanceof ResponseError, `${method} with ${JSON.stringify(params)} should answer with an error`);
      assert.equal(answer.code, -32603, `${method}: expected InternalError, got ${answer.code} ${answer.message}`);
    }
    const hover = await suite.server.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: URI }, position: diagnostics[0].range.start });
    assert.ok(hover, 'the suite.server still answers hovers');
    const edited = FIXTURE.replace('res.status(299)', 'res.status(200)');
    const republished = await suite.log.change(URI, edited, 2);
    assert.equal(republished.diagnostics.length, analyze(edited, URI).findings.length, 'the suite.server still publishes what the analysis finds');
    assert.equal(suite.server.process.exitCode, null, 'the suite.server process is alive');
  });
});
