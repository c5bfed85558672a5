// The hover on a status value (or on the `.status` member that sets it).
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { StatusRef, TextRange } from '../analysis/types';
import { renderStatusMarkdown } from '../knowledge';
import { toRange } from './positions';

const contains = (range: TextRange | undefined, offset: number): boolean => range !== undefined && range.start <= offset && offset <= range.end;

export function hoverAt(document: TextDocument, refs: readonly StatusRef[], position: Position): Hover | null {
  const offset = document.offsetAt(position);
  const ref = refs.find((candidate) => contains(candidate.range, offset)) ?? refs.find((candidate) => contains(candidate.memberRange, offset));
  if (!ref) return null;
  const range = contains(ref.range, offset) ? ref.range : (ref.memberRange as TextRange);
  return { contents: { kind: MarkupKind.Markdown, value: renderStatusMarkdown(ref.code) }, range: toRange(document, range) };
}
