// Reason phrases after status numbers: `404` ▸ `Not Found`.
import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { StatusRef } from '../analysis/types';
import { reasonPhrase } from '../knowledge';

export function inlayHints(document: TextDocument, refs: readonly StatusRef[], range: Range): InlayHint[] {
  const start = document.offsetAt(range.start);
  const end = document.offsetAt(range.end);
  const text = document.getText();
  const hints: InlayHint[] = [];
  for (const ref of refs) {
    const phrase = reasonPhrase(ref.code);
    // A named constant already says what it is; only bare numbers get a hint.
    if (!phrase || ref.range.end < start || ref.range.start > end || !/^\d+$/.test(text.slice(ref.range.start, ref.range.end))) continue;
    hints.push({ position: document.positionAt(ref.range.end), label: phrase, kind: InlayHintKind.Parameter, paddingLeft: true });
  }
  return hints;
}
