// Snippet completions through the protocol: typing `http-404` offers a body in the idiom of the
// file's framework, replacing the whole prefix; clients that cannot expand snippets get none.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-protocol';
import { startServer, withTimeout, WAIT_MS, type ServerSession } from './serverProcess';

const TYPED = 'http-404';

/** A file with the prefix typed on its own line inside a handler; the position is right after it. */
function withPrefixTyped(lines: string[]): { text: string; position: { line: number; character: number } } {
  const line = lines.findIndex((candidate) => candidate.includes(TYPED));
  return { text: lines.join('\n'), position: { line, character: (lines[line] ?? '').indexOf(TYPED) + TYPED.length } };
}

const FASTIFY = withPrefixTyped(["import Fastify from 'fastify';", '', 'const app = Fastify();', '', "app.get('/orders/:id', async (request, reply) => {", `  ${TYPED}`, '});', '']);
const EXPRESS = withPrefixTyped(["const express = require('express');", '', 'const app = express();', '', "app.get('/orders/:id', (req, res) => {", `  ${TYPED}`, '});', '']);

function itemsOf(answer: CompletionItem[] | CompletionList | null): CompletionItem[] {
  return answer === null ? [] : Array.isArray(answer) ? answer : answer.items;
}

describe('snippet completions through the protocol', () => {
  let server: ServerSession;
  let version = 1;
  before(async () => {
    server = await startServer({}, { configuration: true, snippets: true });
  });
  after(async () => server.stop());

  const complete = async (uri: string, text: string, position: { line: number; character: number }): Promise<CompletionItem[]> => {
    await server.open(uri, text, uri.endsWith('.ts') ? 'typescript' : 'javascript', version++);
    const answer = server.connection.sendRequest<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position });
    return itemsOf(await withTimeout(answer, WAIT_MS, `completions of ${uri}`));
  };

  it('announces completions triggered by "-"', () => {
    assert.deepEqual(server.initializeResult.capabilities.completionProvider?.triggerCharacters, ['-']);
  });

  for (const [framework, file, written] of [
    ['Fastify', FASTIFY, 'return reply.code(404).send('],
    ['Express', EXPRESS, 'return res.status(404).json('],
  ] as const) {
    it(`${TYPED} in a ${framework} file inserts ${framework} code over the whole prefix`, async () => {
      const uri = `file:///completion/${framework.toLowerCase()}.js`;
      const items = await complete(uri, file.text, file.position);
      const item = items.find((candidate) => candidate.label === TYPED);
      assert.ok(item, `${TYPED} not offered; got ${items.map((candidate) => candidate.label).join(', ') || 'nothing'}`);
      assert.equal(item.kind, 15, 'a Snippet item');
      assert.equal(item.insertTextFormat, 2, 'a snippet body');
      const edit = item.textEdit as TextEdit;
      assert.deepEqual(edit.range, { start: { line: file.position.line, character: 2 }, end: file.position });
      assert.ok(edit.newText.startsWith(written), edit.newText);
      assert.match(item.detail ?? '', new RegExp(framework));
    });
  }

  it('offers nothing where no http- prefix is typed', async () => {
    const lines = ["const express = require('express');", 'const limit = 1'];
    const items = await complete('file:///completion/other.js', lines.join('\n'), { line: 1, character: lines[1]!.length });
    assert.deepEqual(items, []);
  });

  it('a client that cannot expand snippets is offered no completions', async () => {
    const plain = await startServer({}, { configuration: true });
    try {
      assert.equal(plain.initializeResult.capabilities.completionProvider, undefined);
    } finally {
      await plain.stop();
    }
  });
});
