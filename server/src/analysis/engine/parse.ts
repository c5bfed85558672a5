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

/** Is this TypeScript's own assertion failing on garbled input (a parser bug, not ours)? */
export function isParserFailure(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('Debug Failure');
}

/** The parser's own syntax errors: what "a fix never parses worse" is measured by; a text the parser fails on parses worst. */
export function syntaxErrorCount(text: string, fileName: string): number {
  try {
    return parseErrorCount(parse(text, fileName));
  } catch (error) {
    if (isParserFailure(error) || error instanceof RangeError) return Number.POSITIVE_INFINITY;
    throw error;
  }
}

/** The syntax errors the parser recorded in a tree it already built. */
export function parseErrorCount(sourceFile: ts.SourceFile): number {
  return (sourceFile as ts.SourceFile & { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics?.length ?? 0;
}

/** A document's previous version, whose tree an edit can update instead of parsing anew. */
export interface PreviousParse {
  text: string;
  sourceFile: ts.SourceFile;
}

/** What an edit changed: the lengths of the texts' longest common prefix and (not overlapping it) suffix. */
export interface EditSpan {
  prefix: number;
  suffix: number;
}

/** The span each incremental parse found, for the analysis of the same edit (`reuse.ts`). */
const spans = new WeakMap<ts.SourceFile, EditSpan>();

export function editSpan(before: string, after: string, parsed?: ts.SourceFile): EditSpan {
  const known = parsed && spans.get(parsed);
  if (known) return known;
  const shorter = Math.min(before.length, after.length);
  const prefix = commonLength(shorter, (from, to) => before.slice(from, to) === after.slice(from, to));
  const suffix = commonLength(shorter - prefix, (from, to) => before.slice(before.length - to, before.length - from) === after.slice(after.length - to, after.length - from));
  return { prefix, suffix };
}

/**
 * The length of the longest run, from 0 and at most `limit`, over which `same(from, to)` holds. Spans
 * are compared in chunks that shrink near the difference: the engine compares strings natively, some
 * 50 times faster than a loop over characters, which took milliseconds per edit on a large file.
 */
function commonLength(limit: number, same: (from: number, to: number) => boolean): number {
  let length = 0;
  for (let chunk = 4096; chunk >= 1; chunk >>= 2) {
    while (length + chunk <= limit && same(length, length + chunk)) length += chunk;
  }
  return length;
}

/**
 * Parses `text`, reusing the previous version's tree when there is one: the edited region is the
 * span between the two texts' common prefix and suffix, and TypeScript's incremental parser reparses
 * only what that span touches. The previous tree must not be used afterwards.
 */
export function parseEdited(text: string, fileName: string, previous: PreviousParse | undefined): ts.SourceFile {
  if (!previous || previous.sourceFile.fileName !== fileName) return parse(text, fileName);
  const span = editSpan(previous.text, text);
  const change = ts.createTextChangeRange(ts.createTextSpan(span.prefix, previous.text.length - span.suffix - span.prefix), text.length - span.suffix - span.prefix);
  const sourceFile = ts.updateSourceFile(previous.sourceFile, text, change);
  spans.set(sourceFile, span);
  return sourceFile;
}
