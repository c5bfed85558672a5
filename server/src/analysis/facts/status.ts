import ts from 'typescript';
import { constantValue } from './constants';
import { type Bindings } from './bindings';
import { skipTypeWrappers } from './syntax';
import type { NamedConstant, StatusValue, TextRange } from '../types';

export function rangeOf(node: ts.Node): TextRange {
  return { start: node.getStart(), end: node.getEnd() };
}

/** Resolves a status expression as far as the file tells; unknown values stay `dynamic`. */
export function resolveStatus(expression: ts.Expression, bindings: Bindings): StatusValue {
  const range = rangeOf(expression);
  const value = skipTypeWrappers(expression);
  if (ts.isNumericLiteral(value)) return { source: 'literal', code: Number(value.text), expression, range };
  const named = resolveName(value, bindings);
  if (named) return { source: 'constant', code: named.code, expression, range, constant: named.constant };
  return { source: 'dynamic', expression, range };
}

function resolveName(value: ts.Expression, bindings: Bindings): { code: number; constant: NamedConstant } | undefined {
  // NOT_FOUND (a local const, or a member imported by name)
  if (ts.isIdentifier(value)) {
    const binding = bindings.get(value.text);
    if (binding?.kind === 'number') return { code: binding.value, constant: { table: 'local', qualifier: '' } };
    if (binding?.kind === 'member') {
      const code = constantValue(binding.table, binding.member);
      return code === undefined ? undefined : { code, constant: { table: binding.table, qualifier: '' } };
    }
    return undefined;
  }
  // StatusCodes.NOT_FOUND, HttpStatus.NOT_FOUND, httpStatus.NOT_FOUND, HTTP.NOT_FOUND, HTTP['NOT_FOUND']
  const access = memberAccess(value);
  if (!access || !ts.isIdentifier(access.object)) return undefined;
  const binding = bindings.get(access.object.text);
  const qualifier = access.object.text;
  if (binding?.kind === 'table') {
    const code = constantValue(binding.table, access.member);
    return code === undefined ? undefined : { code, constant: { table: binding.table, qualifier } };
  }
  if (binding?.kind === 'object') {
    const code = binding.members.get(access.member);
    return code === undefined ? undefined : { code, constant: { table: 'local', qualifier } };
  }
  return undefined;
}

function memberAccess(value: ts.Expression): { object: ts.Expression; member: string } | undefined {
  if (ts.isPropertyAccessExpression(value)) return { object: value.expression, member: value.name.text };
  if (ts.isElementAccessExpression(value) && ts.isStringLiteral(value.argumentExpression)) {
    return { object: value.expression, member: value.argumentExpression.text };
  }
  return undefined;
}
