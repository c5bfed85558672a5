// The first line of the hover at the cursor (`|` in the source), as the editor would show it.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/analysis';
import { hoverAt } from '../../server/src/features/hover';

export function hoverHeadline(source: string, fileName = 'case.ts'): string | undefined {
  const offset = source.indexOf('|');
  const text = source.slice(0, offset) + source.slice(offset + 1);
  const document = TextDocument.create(`file:///${fileName}`, 'typescript', 1, text);
  const hover = hoverAt(document, analyze(text, fileName).statusRefs, document.positionAt(offset));
  if (!hover) return undefined;
  const value = typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
  return value.split('\n')[0];
}
