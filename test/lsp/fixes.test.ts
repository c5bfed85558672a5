// Every rule's fix works through the protocol: the documented incorrect example gets a diagnostic,
// its preferred quick-fix removes it, and source.fixAll.httpStatus repairs a file in one request.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { RULES, RULE_IDS } from '../../server/src/analysis/rules';
import { startServer, type ServerSession } from './serverProcess';

function applyAction(text: string, uri: string, action: CodeAction): string {
  const document = TextDocument.create(uri, 'typescript', 1, text);
  return TextDocument.applyEdits(document, action.edit?.changes?.[uri] ?? []);
}

describe('quick-fixes through the protocol', () => {
  let server: ServerSession;
  let version = 1;
  before(async () => {
    // Rules that are off by default are switched on, so each can be shown.
    server = await startServer({ rules: Object.fromEntries(RULE_IDS.map((id) => [id, 'warning'])) });
  });
  after(async () => server.stop());

  const codeActions = (uri: string, diagnostics: Diagnostic[], only?: string[]) =>
    server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics, only },
    });

  for (const id of RULE_IDS.filter((ruleId) => RULES[ruleId].meta.fixable)) {
    it(id, async () => {
      const uri = `file:///fixes/${id}.ts`;
      const text = RULES[id].meta.docs.incorrect;
      const ours = (await server.open(uri, text, 'typescript', version++)).filter((diagnostic) => diagnostic.code === id);
      assert.ok(ours.length > 0, 'the incorrect example is not reported');
      const preferred = (await codeActions(uri, [ours[0]])).find((action) => action.isPreferred);
      assert.ok(preferred, 'no preferred quick-fix');
      const fixed = applyAction(text, uri, preferred);
      const after = (await server.change(uri, fixed, version++)).filter((diagnostic) => diagnostic.code === id);
      assert.ok(after.length < ours.length, `still reported after "${preferred.title}":\n${fixed}`);
    });
  }

  it('source.fixAll.httpStatus applies every preferred fix in one edit', async () => {
    const uri = 'file:///fixes/all.ts';
    const text = [
      "app.get('/a', (req, res) => {",
      "  res.status(200).json({ success: false, error: 'User not found' });",
      '});',
      "app.get('/b', (req, res) => {",
      '  res.json({ ok: false });',
      '});',
      '',
    ].join('\n');
    await server.open(uri, text, 'typescript', version++);
    const [fixAll] = await codeActions(uri, [], ['source.fixAll']);
    assert.equal(fixAll?.kind, 'source.fixAll.httpStatus');
    const fixed = applyAction(text, uri, fixAll);
    assert.ok(fixed.includes("res.status(404).json({ success: false, error: 'User not found' })"), fixed);
    assert.ok(fixed.includes('res.status(400).json({ ok: false })'), fixed);
    const remaining = (await server.change(uri, fixed, version++)).filter((diagnostic) => diagnostic.code === 'no-error-in-success');
    assert.deepEqual(remaining, []);
  });

  it('offers no fix-all for a quick-fix request', async () => {
    const uri = 'file:///fixes/quick.ts';
    const diagnostics = await server.open(uri, "app.get('/a', (req, res) => {\n  res.json({ ok: false });\n});\n", 'typescript', version++);
    const actions = await codeActions(uri, diagnostics, ['quickfix']);
    assert.ok(actions.length > 0);
    assert.ok(actions.every((action) => action.kind === 'quickfix'));
  });
});
