import type { Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit as OffsetEdit, TextRange } from '../analysis/types';
import type { TextEdit } from 'vscode-languageserver';

export function toRange(document: TextDocument, range: TextRange): Range {
  return { start: document.positionAt(range.start), end: document.positionAt(range.end) };
}

export function toTextEdit(document: TextDocument, edit: OffsetEdit): TextEdit {
  return { range: toRange(document, edit), newText: edit.newText };
}
