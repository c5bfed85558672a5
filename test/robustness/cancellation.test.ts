// Issue 9.5: cancellation. An analysis yields between its steps, so a newer edit can arrive while
// it runs; the superseded work is dropped (decisions: cooperative checks, not a worker thread) and
// never published. Hover and code-action requests cancelled with $/cancelRequest answer null / [].
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc';
import type { CodeAction, Hover } from 'vscode-languageserver-protocol';
import { analyze, DEFAULT_OPTIONS, severityOf } from '../../server/src/analysis';
import type { Rule } from '../../server/src/analysis/rule';
import { RULES, RULE_IDS } from '../../server/src/analysis/rules';
import { EXPRESS_FIXTURES_DIR } from './support/corpus';
import { InProcessServer } from './support/inProcess';
import { mutate } from './support/mutate';
import { seeded } from './support/random';
import { withRuleCheck } from './support/rules';
import { HANG_GUARD_MS, spawnedServerForSuite } from './support/session';

const FIXTURE = fs.readFileSync(path.join(EXPRESS_FIXTURES_DIR, 'orders-router.js'), 'utf8');
const URI = 'file:///project/routes/orders.js';
const ENABLED = RULE_IDS.filter((id) => severityOf(id, DEFAULT_OPTIONS) !== 'off');
/** The first and the last rule to run: an edit made during the first must stop the last. */
const FIRST = ENABLED[0];
const LAST = ENABLED[ENABLED.length - 1];
/** About a megabyte of ordinary code: an analysis that spans many turns of the event loop. */
const SLOW_DOCUMENT = FIXTURE.repeat(Math.ceil(1_000_000 / FIXTURE.length));
const EDITS = 300;
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('a superseded analysis (in-process)', () => {
  it('stops at the next step when an edit arrives, and only the new version is published', async () => {
    const server = new InProcessServer();
    const firstCheck: Rule['check'] = RULES[FIRST].check;
    const lastCheck: Rule['check'] = RULES[LAST].check;
    let editedDuringAnalysis = false;
    let lastRuleSawOldText = false;
    await withRuleCheck(FIRST, (site, context) => {
      if (context.text === FIXTURE && !editedDuringAnalysis) {
        editedDuringAnalysis = true;
        server.change(URI, FIXTURE + '\n// edited\n', 2, false);
      }
      firstCheck(site, context);
    }, () =>
      withRuleCheck(LAST, (site, context) => {
        if (context.text === FIXTURE) lastRuleSawOldText = true;
        lastCheck(site, context);
      }, async () => {
        const second = server.publishOf(URI, 2);
        server.open(URI, FIXTURE);
        assert.ok(((await second).analysis?.findings.length ?? 0) > 0);
      }),
    );
    assert.ok(editedDuringAnalysis, `${FIRST} never ran on version 1`);
    assert.equal(lastRuleSawOldText, false, `${LAST} still ran on version 1 after version 2 arrived`);
    assert.deepEqual(server.published.map((publish) => publish.version), [2]);
  });

  it('is shared by a request that arrives while it runs, not computed twice', async () => {
    const server = new InProcessServer();
    const firstCheck: Rule['check'] = RULES[FIRST].check;
    let calls = 0;
    await withRuleCheck(FIRST, (site, context) => {
      calls++;
      firstCheck(site, context);
    }, async () => {
      const published = server.publishOf(URI, 1);
      const document = server.open(URI, FIXTURE);
      const requested = await server.analyses.get(document);
      assert.equal(requested, (await published).analysis, 'the request and the publish share one result');
    });
    assert.equal(calls, analyze(FIXTURE, URI).sites.length, `${FIRST} ran more than once per site`);
  });

  it('publishes what a fresh analysis finds after edits that interrupt analyses at random steps', async () => {
    // Each analysis reuses the previous tree (incremental parsing), and abandoned ones consume it.
    const server = new InProcessServer();
    const random = seeded(11);
    let text = FIXTURE;
    const opened = server.publishOf(URI, 1);
    server.open(URI, text);
    await opened;
    for (let version = 2; version <= EDITS; version++) {
      // Mostly small edits; now and then the whole file replaced, so it never erodes to nothing.
      text = random.chance(0.05) ? FIXTURE : mutate(text, random, FIXTURE).text;
      const published = server.publishOf(URI, version);
      server.change(URI, text, version, false);
      if (random.chance(0.7)) {
        // Let it run a few steps, then supersede it.
        for (let turn = random.int(4); turn > 0; turn--) await yieldToEventLoop();
        continue;
      }
      const findings = (await published).analysis?.findings.map(({ ruleId, range, message }) => ({ ruleId, range, message }));
      const fresh = analyze(text, new URL(URI).pathname).findings.map(({ ruleId, range, message }) => ({ ruleId, range, message }));
      assert.deepEqual(findings, fresh, `version ${version} differs from a fresh analysis:\n${text}`);
    }
  });
});

describe('cancellation over the protocol (spawned server)', () => {
  // Settings without a round trip, so an analysis starts the moment a document opens.
  const suite = spawnedServerForSuite({}, { configuration: false });

  it('drops a slow analysis that an edit superseded: its version is never published', { timeout: HANG_GUARD_MS }, async () => {
    const uri = 'file:///project/routes/superseded.js';
    const from = suite.log.mark();
    const started = performance.now();
    await suite.server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'javascript', version: 1, text: SLOW_DOCUMENT } });
    const second = await suite.log.change(uri, FIXTURE, 2);
    console.log(`superseded: version 2 published ${(performance.now() - started).toFixed(0)} ms after opening a ${(SLOW_DOCUMENT.length / 1e6).toFixed(1)} MB version 1`);
    assert.equal(second.diagnostics.length, analyze(FIXTURE, uri).findings.length);
    assert.deepEqual(suite.log.forUri(uri, from).map((publish) => publish.version), [2]);
  });

  it('answers a hover or code action cancelled during a slow analysis with null / []', { timeout: HANG_GUARD_MS }, async () => {
    const uri = 'file:///project/routes/cancelled.js';
    const opened = suite.log.waitFor(uri, 1, suite.log.mark());
    await suite.server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'javascript', version: 1, text: SLOW_DOCUMENT } });
    const lines = SLOW_DOCUMENT.split('\n');
    const line = lines.findIndex((text) => text.includes('res.status(299)'));
    const statusAt = { line, character: lines[line].indexOf('299') + 1 };
    const hoverSource = new CancellationTokenSource();
    const hover = suite.server.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: statusAt }, hoverSource.token);
    hoverSource.cancel();
    const actionSource = new CancellationTokenSource();
    const range = { start: statusAt, end: statusAt };
    const actions = suite.server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } }, actionSource.token);
    actionSource.cancel();
    assert.equal(await hover, null);
    assert.deepEqual(await actions, []);
    // Not cancelled, the same requests answer: the null above was the cancellation.
    const { diagnostics } = await opened;
    const answered = await suite.server.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: statusAt });
    assert.match(JSON.stringify(answered?.contents), /299/);
    const quickFixes = await suite.server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics: diagnostics.filter((diagnostic) => diagnostic.range.start.line === statusAt.line) },
    });
    assert.ok(quickFixes.length > 0, 'the uncancelled code action request offers fixes');
  });
});
