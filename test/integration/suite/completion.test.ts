// Snippets by prefix: typing `http-404` in a handler offers ours, and accepting it
// replaces the prefix with the snippet body.
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

describe('snippet completion', () => {
  afterEach(closeAllEditors);

  it(`offers the ${PREFIX} snippet and inserts its body`, async () => {
    const document = await openFixtureCopy('snippets.js');
    const end = await typePrefix(document);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, end);
    const item = list.items.find((candidate) => labelOf(candidate) === PREFIX);
    const offered = list.items.filter((candidate) => labelOf(candidate).startsWith('http')).map(labelOf);
    assert.ok(item, `${PREFIX} not offered; http* items: ${offered.join(', ') || 'none'}`);
    assert.equal(item.kind, vscode.CompletionItemKind.Snippet);
    assert.ok(item.insertText instanceof vscode.SnippetString, 'the item carries no snippet body');

    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document === document);
    const prefixRange = new vscode.Range(end.translate(0, -PREFIX.length), end);
    assert.ok(await editor.insertSnippet(item.insertText, prefixRange), 'the snippet was not inserted');
    const text = document.getText();
    assert.doesNotMatch(text, new RegExp(PREFIX), 'the prefix is still in the document');
    assert.match(text, /\b404\b/, `text after accepting the snippet:\n${text}`);
  });
});
