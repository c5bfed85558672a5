import type { Position, Range } from 'vscode-languageserver';
import { lineOf } from '../analysis/engine/suppressions';
import type { TextEdit as OffsetEdit, TextRange } from '../analysis/types';
import type { TextEdit } from 'vscode-languageserver';

/** What turns offsets into positions: an open document, or the line starts the workspace index keeps. */
export interface Positioned {
  positionAt(offset: number): Position;
}

/** Positions from line start offsets, for a file that is not open (UTF-16 columns, as LSP counts). */
export function positionsFromLines(lines: ArrayLike<number>): Positioned {
  return {
    positionAt: (offset) => {
      const line = lineOf(lines, offset);
      return { line, character: offset - lines[line] };
    },
  };
}

export function toRange(document: Positioned, range: TextRange): Range {
  return { start: document.positionAt(range.start), end: document.positionAt(range.end) };
}

export function toTextEdit(document: Positioned, edit: OffsetEdit): TextEdit {
  return { range: toRange(document, edit), newText: edit.newText };
}
