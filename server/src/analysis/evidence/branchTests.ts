// What the code around a site has established before it runs: `if (err.code === 11000) { here }`,
// `if (err.code !== 11000) throw err; here`, `case 'ETIMEDOUT': here`, `else` branches. A rule says
// which single comparison it looks for; this module works out `!`, `&&`, `||`, `else`, `switch`
// and early exits, so `if (a === X || b)` never counts as a test for X.
import ts from 'typescript';
import { alwaysExits } from '../facts/flow';
import { shorten } from '../facts/shorten';
import { skipTypeWrappers } from '../facts/syntax';
import type { ResponseSite } from '../types';

/** One comparison, reduced to its parts. */
export type AtomicTest =
  | { kind: 'equals'; subject: ts.Expression; value: string | number }
  | { kind: 'instanceof'; subject: ts.Expression; className: string }
  | { kind: 'call'; name: string; call: ts.CallExpression };

export type TestMatcher = (test: AtomicTest) => boolean;

function literalValue(expression: ts.Expression): string | number | undefined {
  const value = skipTypeWrappers(expression);
  if (ts.isNumericLiteral(value)) return Number(value.text);
  if (ts.isStringLiteralLike(value)) return value.text;
  return undefined;
}

function equalsTest(left: ts.Expression, right: ts.Expression): AtomicTest | undefined {
  const rightValue = literalValue(right);
  if (rightValue !== undefined) return { kind: 'equals', subject: left, value: rightValue };
  const leftValue = literalValue(left);
  return leftValue === undefined ? undefined : { kind: 'equals', subject: right, value: leftValue };
}

function lastName(expression: ts.Expression): string | undefined {
  const value = skipTypeWrappers(expression);
  if (ts.isIdentifier(value)) return value.text;
  if (ts.isPropertyAccessExpression(value)) return value.name.text;
  return undefined;
}

/** `['P2002', 'P2003'].includes(err.code)`: true only when every listed value matches. */
function includesMatches(call: ts.CallExpression, matches: TestMatcher): boolean {
  const callee = skipTypeWrappers(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'includes') return false;
  const list = skipTypeWrappers(callee.expression);
  const subject = call.arguments[0];
  if (!ts.isArrayLiteralExpression(list) || !subject || list.elements.length === 0) return false;
  return list.elements.every((element) => {
    const value = literalValue(element);
    return value !== undefined && matches({ kind: 'equals', subject, value });
  });
}

const EQUALS = new Set([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken]);
const NOT_EQUALS = new Set([ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken]);

/** The part of `expression` that shows a match when `expression` is truthy, if any. */
export function whenTrue(expression: ts.Expression, matches: TestMatcher): ts.Node | undefined {
  const value = skipTypeWrappers(expression);
  if (ts.isPrefixUnaryExpression(value) && value.operator === ts.SyntaxKind.ExclamationToken) return whenFalse(value.operand, matches);
  if (ts.isCallExpression(value)) {
    if (includesMatches(value, matches)) return value;
    const name = lastName(value.expression);
    return name !== undefined && matches({ kind: 'call', name, call: value }) ? value : undefined;
  }
  if (!ts.isBinaryExpression(value)) return undefined;
  const operator = value.operatorToken.kind;
  if (operator === ts.SyntaxKind.AmpersandAmpersandToken) return whenTrue(value.left, matches) ?? whenTrue(value.right, matches);
  if (operator === ts.SyntaxKind.BarBarToken) {
    const left = whenTrue(value.left, matches);
    return left && whenTrue(value.right, matches) ? value : undefined;
  }
  if (EQUALS.has(operator)) {
    const test = equalsTest(value.left, value.right);
    return test && matches(test) ? value : undefined;
  }
  if (operator === ts.SyntaxKind.InstanceOfKeyword) {
    const className = lastName(value.right);
    return className !== undefined && matches({ kind: 'instanceof', subject: value.left, className }) ? value : undefined;
  }
  return undefined;
}

/** The part of `expression` that shows a match when `expression` is falsy, if any. */
export function whenFalse(expression: ts.Expression, matches: TestMatcher): ts.Node | undefined {
  const value = skipTypeWrappers(expression);
  if (ts.isPrefixUnaryExpression(value) && value.operator === ts.SyntaxKind.ExclamationToken) return whenTrue(value.operand, matches);
  if (!ts.isBinaryExpression(value)) return undefined;
  const operator = value.operatorToken.kind;
  if (operator === ts.SyntaxKind.BarBarToken) return whenFalse(value.left, matches) ?? whenFalse(value.right, matches);
  if (operator === ts.SyntaxKind.AmpersandAmpersandToken) {
    const left = whenFalse(value.left, matches);
    return left && whenFalse(value.right, matches) ? value : undefined;
  }
  if (NOT_EQUALS.has(operator)) {
    const test = equalsTest(value.left, value.right);
    return test && matches(test) ? value : undefined;
  }
  return undefined;
}

/** `case 11000: case 11001: here`: the labels that lead to this clause, including ones that fall through. */
function caseTest(clause: ts.CaseClause, matches: TestMatcher): ts.Node | undefined {
  const switchStatement = clause.parent.parent;
  const clauses = clause.parent.clauses;
  const labels: ts.CaseClause[] = [clause];
  for (let index = clauses.indexOf(clause) - 1; index >= 0; index--) {
    const previous = clauses[index];
    if (!ts.isCaseClause(previous) || previous.statements.length > 0) break;
    labels.push(previous);
  }
  const all = labels.every((label) => {
    const value = literalValue(label.expression);
    return value !== undefined && matches({ kind: 'equals', subject: switchStatement.expression, value });
  });
  return all ? clause.expression : undefined;
}

/** Guards before `child` in its block: `if (!matching) return …;` means everything after matches. */
function guardTest(block: ts.Block | ts.CaseClause | ts.SourceFile, child: ts.Node, matches: TestMatcher): ts.Node | undefined {
  for (const statement of block.statements) {
    if (statement === child) return undefined;
    if (ts.isIfStatement(statement) && !statement.elseStatement && alwaysExits(statement.thenStatement)) {
      const found = whenFalse(statement.expression, matches);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * The test that guarantees a match wherever the site runs: an enclosing `if`/ternary (or its
 * `else`), a `case` label, or an earlier guard that exits otherwise. Undefined when none does.
 */
export function testBeforeSite(site: ResponseSite, matches: TestMatcher): ts.Node | undefined {
  for (const condition of site.conditions) {
    const found = condition.inElse ? whenFalse(condition.expression, matches) : whenTrue(condition.expression, matches);
    if (found) return found;
  }
  const stop = site.handler?.node;
  let child: ts.Node = site.chain;
  for (let current = child.parent; current && current !== stop; child = current, current = current.parent) {
    const found =
      ts.isCaseClause(current) && child !== current.expression
        ? caseTest(current, matches) ?? guardTest(current, child, matches)
        : ts.isBlock(current) || ts.isSourceFile(current)
          ? guardTest(current, child, matches)
          : undefined;
    if (found) return found;
  }
  return undefined;
}

/** The last property name of an access (`code` in `err.original?.code`), for matchers. */
export function propertyName(expression: ts.Expression): string | undefined {
  const value = skipTypeWrappers(expression);
  return ts.isPropertyAccessExpression(value) ? value.name.text : ts.isElementAccessExpression(value) ? literalValue(value.argumentExpression)?.toString() : undefined;
}

/** The code of a node the way a message quotes it: one line, at most `max` characters. */
export function codeText(node: ts.Node, max = 40): string {
  return shorten(node.getText().replace(/\s+/g, ' '), max);
}
