import ts from 'typescript';
import { constantValue } from './constants';
import { type Bindings } from './bindings';
import { skipTypeWrappers } from './syntax';
import type { BranchCondition, NamedConstant, StatusValue, TextRange } from '../types';

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
  // StatusCodes.NOT_FOUND, HttpStatus.NOT_FOUND, httpStatus.NOT_FOUND, HTTP.NOT_FOUND, HTTP['NOT_FOUND'], codes.client.notFound
  const access = memberPath(value);
  if (!access) return undefined;
  const binding = bindings.get(access.object.text);
  const qualifier = access.object.text;
  if (binding?.kind === 'table' && access.path.length === 1) {
    const code = constantValue(binding.table, access.path[0]);
    return code === undefined ? undefined : { code, constant: { table: binding.table, qualifier } };
  }
  if (binding?.kind === 'object') {
    const code = binding.members.get(access.path.join('.'));
    return code === undefined ? undefined : { code, constant: { table: 'local', qualifier } };
  }
  return undefined;
}

/** `HTTP.client['notFound']` → `HTTP` and [`client`, `notFound`]: member names read with a dot or a string. */
function memberPath(value: ts.Expression): { object: ts.Identifier; path: string[] } | undefined {
  const path: string[] = [];
  let current = value;
  for (;;) {
    if (ts.isPropertyAccessExpression(current)) path.unshift(current.name.text);
    else if (ts.isElementAccessExpression(current) && ts.isStringLiteral(current.argumentExpression)) path.unshift(current.argumentExpression.text);
    else break;
    current = skipTypeWrappers(current.expression);
  }
  return path.length > 0 && ts.isIdentifier(current) ? { object: current, path } : undefined;
}


/**
 * Each status a conditional may be (`cond ? 409 : 400`, nested ones too), with the conditions that
 * choose it, innermost first; a status that is not a conditional is its only branch.
 */
export function statusBranches(expression: ts.Expression, bindings: Bindings): { status: StatusValue; conditions: BranchCondition[] }[] {
  const value = skipTypeWrappers(expression);
  if (!ts.isConditionalExpression(value)) return [{ status: resolveStatus(expression, bindings), conditions: [] }];
  const branches: [ts.Expression, boolean][] = [
    [value.whenTrue, false],
    [value.whenFalse, true],
  ];
  return branches.flatMap(([branch, inElse]) =>
    statusBranches(branch, bindings).map(({ status, conditions }) => ({ status, conditions: [...conditions, { expression: value.condition, inElse }] })),
  );
}
