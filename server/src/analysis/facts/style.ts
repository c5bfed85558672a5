// The file's own style, so inserted code looks like the code around it.
import ts from 'typescript';
import { readOnce } from './keptReadings';

export interface CodeStyle {
  quote: "'" | '"' | '`';
  semicolons: boolean;
  eol: '\n' | '\r\n';
  /** One level of indentation: a tab or N spaces. */
  indentUnit: string;
}

/** Strings and statements enough to settle a majority; a long file is not read to its end for it. */
const STYLE_SAMPLE = 400;
/** Characters read for the indentation, for the same reason. */
const INDENT_SAMPLE = 100_000;

export function detectStyle(sourceFile: ts.SourceFile): CodeStyle {
  const text = sourceFile.text;
  const counts: StyleCounts = { single: 0, double: 0, withSemicolon: 0, withoutSemicolon: 0 };
  for (const statement of sourceFile.statements) {
    const own = statementCounts(statement);
    // The sample stops at the first node that fills both halves: inside this statement, if anywhere.
    if (sampled(added(counts, own))) {
      count(statement, counts, true);
      break;
    }
    Object.assign(counts, added(counts, own));
  }
  const crlf = text.indexOf('\r\n');
  const lf = text.indexOf('\n');
  return {
    quote: counts.double > counts.single ? '"' : "'",
    semicolons: counts.withSemicolon >= counts.withoutSemicolon,
    eol: crlf !== -1 && crlf + 1 === lf ? '\r\n' : '\n',
    indentUnit: detectIndentUnit(text.slice(0, INDENT_SAMPLE)),
  };
}

/** Quotes of string literals and semicolons at the end of statements, as counted so far. */
interface StyleCounts {
  single: number;
  double: number;
  withSemicolon: number;
  withoutSemicolon: number;
}

function added(a: StyleCounts, b: StyleCounts): StyleCounts {
  return { single: a.single + b.single, double: a.double + b.double, withSemicolon: a.withSemicolon + b.withSemicolon, withoutSemicolon: a.withoutSemicolon + b.withoutSemicolon };
}

function sampled(counts: StyleCounts): boolean {
  return counts.single + counts.double >= STYLE_SAMPLE && counts.withSemicolon + counts.withoutSemicolon >= STYLE_SAMPLE;
}

/** A top-level statement's own counts, whole: the same while TypeScript reuses the statement (an edited document). */
const countsByStatement = new WeakMap<ts.Statement, StyleCounts>();

function statementCounts(statement: ts.Statement): StyleCounts {
  return readOnce(countsByStatement, statement, (read) => {
    const counts = { single: 0, double: 0, withSemicolon: 0, withoutSemicolon: 0 };
    count(read, counts, false);
    return counts;
  });
}

/** Adds the counts of `root`'s subtree, parents first; with `stopWhenSampled`, up to the node that fills the sample. */
function count(root: ts.Node, counts: StyleCounts, stopWhenSampled: boolean): void {
  const text = root.getSourceFile().text;
  // Returns true to stop the walk (ts.forEachChild stops at the first truthy result).
  const visit = (node: ts.Node): boolean => {
    if (ts.isStringLiteral(node)) {
      if (text[node.getStart()] === "'") counts.single++;
      else counts.double++;
    } else if (ts.isExpressionStatement(node) || ts.isVariableStatement(node) || ts.isReturnStatement(node)) {
      if (text[node.getEnd() - 1] === ';') counts.withSemicolon++;
      else counts.withoutSemicolon++;
    }
    if (stopWhenSampled && sampled(counts)) return true;
    return ts.forEachChild(node, visit) ?? false;
  };
  visit(root);
}

function detectIndentUnit(text: string): string {
  const widths = new Map<number, number>();
  let tabs = 0;
  for (const match of text.matchAll(/^([ \t]+)\S/gm)) {
    if (match[1].startsWith('\t')) tabs++;
    else widths.set(match[1].length, (widths.get(match[1].length) ?? 0) + 1);
  }
  const spaced = [...widths.values()].reduce((sum, count) => sum + count, 0);
  if (tabs > spaced) return '\t';
  // The smallest indentation that is common is one level.
  const levels = [...widths.keys()].filter((width) => (widths.get(width) ?? 0) * 10 >= spaced).sort((a, b) => a - b);
  return ' '.repeat(levels[0] === 4 || levels[0] === 2 ? levels[0] : 2);
}

/** The whitespace at the start of the line that holds `offset`. */
export function indentationAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}

/** A string literal in the file's quote style. */
export function quoted(value: string, style: CodeStyle): string {
  const q = style.quote === '`' ? "'" : style.quote;
  return q + value.replace(/\\/g, '\\\\').replace(new RegExp(q, 'g'), `\\${q}`) + q;
}
