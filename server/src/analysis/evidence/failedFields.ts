// Which fields a validation branch finds missing or of the wrong type, read from its condition
// (`if (!email || typeof age !== 'number')`), so a fix can write "email is required" knowing it is true.
import ts from 'typescript';
import { calleeOf, skipTypeWrappers } from '../facts/syntax';
import { decidingCondition, handlerLocals, referencesIn } from './causes';
import type { ResponseSite } from '../types';

export interface FieldProblem {
  /** The field path as the client sends it: `email`, `user.email`. */
  field: string;
  /** `required`, `must be a number`. */
  problem: string;
}

/** `req.body.email`, `Number(req.query.page)` or a name destructured from the body: the field it reads. */
function fieldRead(expression: ts.Expression, site: ResponseSite): string | undefined {
  let value = skipTypeWrappers(expression);
  if (ts.isCallExpression(value) && /^(Number|parseInt|parseFloat)$/.test(calleeOf(value)?.name ?? '') && value.arguments[0]) value = skipTypeWrappers(value.arguments[0]);
  const [reference, ...more] = referencesIn(value, site.handler?.requestName, handlerLocals(site));
  return reference?.kind === 'input' && more.length === 0 && reference.node === value ? reference.detail : undefined;
}

function typeofProblem(left: ts.Expression, right: ts.Expression, site: ResponseSite): FieldProblem | undefined {
  const [operand, literal] = ts.isTypeOfExpression(skipTypeWrappers(left)) ? [left, right] : [right, left];
  const typeOf = skipTypeWrappers(operand);
  const name = skipTypeWrappers(literal);
  if (!ts.isTypeOfExpression(typeOf) || !ts.isStringLiteralLike(name)) return undefined;
  const field = fieldRead(typeOf.expression, site);
  const article = /^[aeiou]/.test(name.text) ? 'an' : 'a';
  return field ? { field, problem: `must be ${article} ${name.text}` } : undefined;
}

const isEquals = (kind: ts.SyntaxKind): boolean => kind === ts.SyntaxKind.EqualsEqualsEqualsToken || kind === ts.SyntaxKind.EqualsEqualsToken;
const isNotEquals = (kind: ts.SyntaxKind): boolean => kind === ts.SyntaxKind.ExclamationEqualsEqualsToken || kind === ts.SyntaxKind.ExclamationEqualsToken;

/** One clause that is true when a field is bad: `!email`, `age == null`, `typeof age !== 'number'`, `isNaN(page)`. */
function failingClause(clause: ts.Expression, site: ResponseSite): FieldProblem | undefined {
  const value = skipTypeWrappers(clause);
  if (ts.isPrefixUnaryExpression(value) && value.operator === ts.SyntaxKind.ExclamationToken) {
    const field = fieldRead(value.operand, site);
    return field ? { field, problem: 'required' } : undefined;
  }
  if (ts.isCallExpression(value) && /^isNaN$/.test(calleeOf(value)?.name ?? '') && value.arguments[0]) {
    const field = fieldRead(value.arguments[0], site);
    return field ? { field, problem: 'must be a number' } : undefined;
  }
  if (!ts.isBinaryExpression(value)) return undefined;
  const operator = value.operatorToken.kind;
  if (isNotEquals(operator)) return typeofProblem(value.left, value.right, site);
  if (!isEquals(operator)) return undefined;
  const nothing = (side: ts.Expression): boolean => {
    const inner = skipTypeWrappers(side);
    return inner.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(inner) && inner.text === 'undefined') || (ts.isStringLiteralLike(inner) && inner.text === '');
  };
  const field = nothing(value.right) ? fieldRead(value.left, site) : nothing(value.left) ? fieldRead(value.right, site) : undefined;
  return field ? { field, problem: 'required' } : undefined;
}

/** One clause that is true when a field is good, for `else` branches: `email`, `typeof age === 'number'`. */
function passingClause(clause: ts.Expression, site: ResponseSite): FieldProblem | undefined {
  const value = skipTypeWrappers(clause);
  if (ts.isBinaryExpression(value) && isEquals(value.operatorToken.kind)) return typeofProblem(value.left, value.right, site);
  const field = fieldRead(value, site);
  return field ? { field, problem: 'required' } : undefined;
}

function clausesOf(expression: ts.Expression, operator: ts.SyntaxKind): ts.Expression[] {
  const value = skipTypeWrappers(expression);
  if (ts.isBinaryExpression(value) && value.operatorToken.kind === operator) return [...clausesOf(value.left, operator), ...clausesOf(value.right, operator)];
  return [value];
}

/**
 * The fields the deciding branch finds missing or of the wrong type, when every clause of its
 * condition is such a check (`if (!email || typeof age !== 'number')`); undefined otherwise, so
 * nobody writes "email is required" where the code tests something else.
 */
export function failedFields(site: ResponseSite): FieldProblem[] | undefined {
  const condition = decidingCondition(site);
  if (!condition) return undefined;
  const clauses = clausesOf(condition.expression, condition.inElse ? ts.SyntaxKind.AmpersandAmpersandToken : ts.SyntaxKind.BarBarToken);
  const problems: FieldProblem[] = [];
  for (const clause of clauses) {
    const problem = condition.inElse ? passingClause(clause, site) : failingClause(clause, site);
    if (!problem) return undefined;
    if (!problems.some((known) => known.field === problem.field)) problems.push(problem);
  }
  return problems;
}
