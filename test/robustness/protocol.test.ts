// Issue 9.3: protocol misuse. Requests for documents the server does not have, positions past the
// end, versions out of order and a flood of 5,000 edits: the server answers sensibly and publishes
// only the newest version.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Hover, InlayHint, MarkupContent } from 'vscode-languageserver-protocol';
import { analyze } from '../../server/src/analysis';
import { toDiagnostic } from '../../server/src/features/diagnostics';
import { EXPRESS_FIXTURES_DIR } from './support/corpus';
import { HANG_GUARD_MS, spawnedServerForSuite } from './support/session';

const FIXTURE = fs.readFileSync(path.join(EXPRESS_FIXTURES_DIR, 'orders-router.js'), 'utf8');
const FLOOD = 5_000;
const TYPED = "\nrouter.get('/typed', (req, res) => res.status(299).json({ ok: true }));";

/** The parts of a diagnostic a user sees (the docs link differs between bundle and sources). */
const seen = (diagnostics: readonly Diagnostic[]) => diagnostics.map(({ range, severity, code, message }) => ({ range, severity, code, message }));

/** What the server should publish for `text`: the in-process analysis through the same feature. */
function expectedDiagnostics(uri: string, text: string) {
  const document = TextDocument.create(uri, 'javascript', 1, text);
  return seen(analyze(text, uri).findings.map((finding) => toDiagnostic(finding, document)));
}

const hoverText = (hover: Hover | null): string => (hover ? (hover.contents as MarkupContent).value : '');

describe('protocol misuse (spawned server)', () => {
  const suite = spawnedServerForSuite({ inlayHints: { enabled: true } });

  const request = <T>(method: string, params: unknown): Promise<T> => suite.server.connection.sendRequest<T>(method, params);

  it('answers requests for unknown and closed documents with nothing', { timeout: HANG_GUARD_MS }, async () => {
    const closed = 'file:///project/closed.js';
    await suite.log.open(closed, FIXTURE);
    assert.deepEqual((await suite.log.close(closed)).diagnostics, []);
    for (const uri of ['file:///project/never-opened.js', closed]) {
      const textDocument = { uri };
      const position = { line: 0, character: 0 };
      assert.equal(await request<Hover | null>('textDocument/hover', { textDocument, position }), null);
      assert.deepEqual(await request<CodeAction[]>('textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } }), []);
      assert.deepEqual(await request<InlayHint[]>('textDocument/inlayHint', { textDocument, range: { start: position, end: position } }), []);
    }
    // Notifications for documents the suite.server does not have are ignored, not fatal.
    await suite.server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///project/ghost.js', version: 7 }, contentChanges: [{ text: 'x' }] });
    await suite.server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///project/ghost.js' } });
    const { diagnostics } = await suite.log.open('file:///project/alive.js', FIXTURE);
    assert.deepEqual(seen(diagnostics), expectedDiagnostics('file:///project/alive.js', FIXTURE));
  });

  it('clamps positions past the end (and before the start) instead of failing', { timeout: HANG_GUARD_MS }, async () => {
    const uri = 'file:///project/positions.js';
    await suite.log.open(uri, FIXTURE);
    const lines = FIXTURE.split('\n');
    const far = [
      { line: lines.length + 100, character: 0 },
      { line: 3, character: 10_000 },
      { line: 2 ** 31 - 1, character: 2 ** 31 - 1 },
      { line: -1, character: -5 },
    ];
    for (const position of far) {
      const hover = await request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
      if (hover?.range) assert.ok(hover.range.end.line < lines.length, `hover range past the end for ${JSON.stringify(position)}`);
      const actions = await request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: position, end: { line: position.line + 5, character: 0 } },
        context: { diagnostics: [{ range: { start: position, end: position }, message: 'stale', source: 'http-status', code: 'valid-status-code' }] },
      });
      assert.deepEqual(actions, [], `a diagnostic the suite.server never published gets no actions (${JSON.stringify(position)})`);
    }
    const hints = await request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: far[2] } });
    assert.ok(hints.length > 0 && hints.every((hint) => hint.position.line < lines.length));
  });

  it('follows the newest notification when versions arrive out of order', { timeout: HANG_GUARD_MS }, async () => {
    const uri = 'file:///project/versions.js';
    const reused = FIXTURE.replace('res.status(299)', 'res.status(201)');
    await suite.log.open(uri, FIXTURE, 3);
    const from = suite.log.mark();
    await suite.server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 5 }, contentChanges: [{ text: FIXTURE + '\n' }] });
    // Version 3 again, with other text: the result cached for the first version 3 no longer applies.
    const republished = await suite.log.change(uri, reused, 3);
    assert.deepEqual(seen(republished.diagnostics), expectedDiagnostics(uri, reused));
    const line = reused.split('\n').findIndex((text) => text.includes('res.status(201);'));
    const hover = await request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: reused.split('\n')[line].indexOf('201') + 1 } });
    assert.match(hoverText(hover), /201 Created/);
    assert.ok(suite.log.forUri(uri, from).every((publish) => publish.version === 3), 'version 5 was superseded before it was published');
  });

  it(`publishes only the newest version after a flood of ${FLOOD} edits`, { timeout: 3 * HANG_GUARD_MS }, async () => {
    const uri = 'file:///project/flood.js';
    await suite.log.open(uri, FIXTURE);
    const from = suite.log.mark();
    const started = performance.now();
    // Typing, one character per edit, at the end of the file; a hover now and then meanwhile.
    let text = FIXTURE;
    const hovers: Promise<Hover | null>[] = [];
    for (let version = 2; version < FLOOD + 2; version++) {
      const character = TYPED[(version - 2) % TYPED.length];
      const end = TextDocument.create(uri, 'javascript', 0, text).positionAt(text.length);
      text += character;
      void suite.server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: end, end }, text: character }] });
      if (version % 500 === 0) hovers.push(request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }));
    }
    const last = FLOOD + 1;
    // 5,000 edits on a busy machine take a while to arrive and settle: a longer guard for this one.
    const published = await suite.log.waitFor(uri, last, from, 2 * HANG_GUARD_MS);
    const floodMs = performance.now() - started;
    await Promise.all(hovers);
    assert.deepEqual(seen(published.diagnostics), expectedDiagnostics(uri, text));
    // One more edit, to learn what was published after the last version of the flood.
    const next = await suite.log.change(uri, text + '\n', last + 1);
    assert.deepEqual(seen(next.diagnostics), expectedDiagnostics(uri, text + '\n'));
    const versions = suite.log.forUri(uri, from).map((publish) => publish.version ?? -1);
    assert.deepEqual(versions.slice(versions.indexOf(last)), [last, last + 1], 'nothing stale was published after the newest version');
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'publishes never go back to an older version');
    console.log(`flood: ${FLOOD} edits published as version ${last} after ${floodMs.toFixed(0)} ms; ${versions.indexOf(last) + 1} publish(es) in all for the flood`);
  });
});
