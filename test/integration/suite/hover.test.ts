// Hovering a status number shows our explanation next to TypeScript's own hover.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openFixtureCopy, positionOf } from './helpers';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n---\n');
}

async function hoverAt(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  return hoverText(hovers);
}

describe('hover', () => {
  afterEach(closeAllEditors);

  it('explains 404 on res.status(404)', async () => {
    const document = await openFixtureCopy('hover.js');
    const text = await hoverAt(document, positionOf(document, '404', 1));
    assert.match(text, /404 Not Found/, `hover text was:\n${text}`);
  });

  it('explains the status in a TypeScript file', async () => {
    const document = await openFixtureCopy('seeded.ts');
    const text = await hoverAt(document, positionOf(document, '200', 1));
    assert.match(text, /200 OK/, `hover text was:\n${text}`);
  });
});
