import ts from 'typescript';

/** Picks the parser dialect from the file name; `.js` files may contain JSX, as in Babel setups. */
export function scriptKindOf(fileName: string): ts.ScriptKind {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (lower.endsWith('.ts') || lower.endsWith('.mts') || lower.endsWith('.cts')) return ts.ScriptKind.TS;
  return ts.ScriptKind.JSX;
}

export function parse(text: string, fileName: string): ts.SourceFile {
  return ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, scriptKindOf(fileName));
}

/** The parser's own syntax errors: what "a fix never parses worse" is measured by. */
export function syntaxErrorCount(text: string, fileName: string): number {
  const sourceFile = parse(text, fileName) as ts.SourceFile & { parseDiagnostics?: readonly ts.Diagnostic[] };
  return sourceFile.parseDiagnostics?.length ?? 0;
}
