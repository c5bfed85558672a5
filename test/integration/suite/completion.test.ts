// Snippets by prefix, from the language server: typing `http-404` in a handler offers ours, written
// in the idiom of the file's framework, and accepting it replaces the whole prefix with the body.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openFixtureCopy, positionOf, replaceText } from './helpers';

const PREFIX = 'http-404';

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Types the prefix where the fixture's cursor marker is; returns the position after it. */
async function typePrefix(document: vscode.TextDocument): Promise<vscode.Position> {
  const marker = '/*|*/';
  const start = positionOf(document, marker);
  await replaceText(document, marker, PREFIX);
  return start.translate(0, PREFIX.length);
}

const CASES = [
  { framework: 'Express', fixture: 'snippets.js', inserted: /return res\.status\(404\)\.json\(\{ error: `Order \$\{req\.params\.id\} was not found` \}\);/ },
  { framework: 'Fastify', fixture: 'snippets-fastify.js', inserted: /return reply\.code\(404\)\.send\(\{ error: `Order \$\{request\.params\.id\} was not found` \}\);/ },
];

describe('snippet completion', () => {
  afterEach(closeAllEditors);

  for (const { framework, fixture, inserted } of CASES) {
    it(`offers the ${PREFIX} snippet in a ${framework} file and inserts ${framework} code`, async () => {
      const document = await openFixtureCopy(fixture);
      const end = await typePrefix(document);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, end);
      const ours = list.items.filter((candidate) => labelOf(candidate) === PREFIX);
      const offered = list.items.filter((candidate) => labelOf(candidate).startsWith('http')).map(labelOf);
      // One entry: the server's, with no static snippet beside it.
      assert.equal(ours.length, 1, `${PREFIX} offered ${ours.length} times; http* items: ${offered.join(', ') || 'none'}`);
      const [item] = ours;
      assert.equal(item.kind, vscode.CompletionItemKind.Snippet);
      assert.ok(item.insertText instanceof vscode.SnippetString, 'the item carries no snippet body');

      const editor = vscode.window.activeTextEditor;
      assert.ok(editor && editor.document === document);
      // Accepting replaces the item's range: the whole prefix, though the editor's word ends at `-`.
      const prefixRange = new vscode.Range(end.translate(0, -PREFIX.length), end);
      const replaced = item.range instanceof vscode.Range ? item.range : item.range?.replacing;
      assert.ok(replaced?.isEqual(prefixRange), `the item replaces ${JSON.stringify(replaced)}, not the prefix`);
      assert.ok(await editor.insertSnippet(item.insertText, replaced), 'the snippet was not inserted');
      const text = document.getText();
      assert.doesNotMatch(text, new RegExp(PREFIX), 'the prefix is still in the document');
      assert.match(text, inserted, `text after accepting the snippet:\n${text}`);
    });
  }
});
