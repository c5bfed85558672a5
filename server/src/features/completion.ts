// Snippet completions: typing `http-404` offers the pattern's body in the idiom of the file's
// framework. The item replaces the whole `http-…` word (editors split words at `-`, so their own
// guess would leave `http-` behind).
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Framework } from '../analysis/adapters/frameworks';
import { snippetWordBefore, snippetsFor } from '../snippets';

/** `-` ends a word in JavaScript: without it as a trigger, typing `http-` would close the list. */
export const COMPLETION_TRIGGERS = ['-'];

const FRAMEWORK_NAMES: Record<Framework, string> = {
  express: 'Express',
  'node:http': 'node:http',
  fastify: 'Fastify',
  koa: 'Koa',
  hono: 'Hono',
  nestjs: 'NestJS',
  next: 'Next.js',
};

/** Whether the cursor ends an `http-…` word; the caller reads the file's frameworks only then. */
export function wantsSnippets(document: TextDocument, position: Position): boolean {
  return snippetWordBefore(lineBefore(document, position)) !== undefined;
}

function lineBefore(document: TextDocument, position: Position): string {
  return document.getText({ start: { line: position.line, character: 0 }, end: position });
}

export function snippetCompletions(document: TextDocument, position: Position, frameworks: readonly Framework[], fileName: string): CompletionItem[] {
  const word = snippetWordBefore(lineBefore(document, position));
  if (!word) return [];
  const range = { start: { line: position.line, character: word.start }, end: position };
  return snippetsFor(frameworks, fileName).map((snippet, index) => ({
    label: snippet.prefix,
    kind: CompletionItemKind.Snippet,
    detail: `${snippet.title} (${FRAMEWORK_NAMES[snippet.framework]}, ${snippet.where})`,
    documentation: { kind: MarkupKind.Markdown, value: snippet.description },
    filterText: snippet.prefix,
    sortText: String(index).padStart(3, '0'),
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: snippet.body },
  }));
}
