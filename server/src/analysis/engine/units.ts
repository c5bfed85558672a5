// The units an edit is measured in: a file's top-level statements (with their leading trivia) and
// the trivia after the last one, each of a kind that says what the rest of the file reads of it.
import ts from 'typescript';
import { readOnce } from '../facts/keptReadings';
import { skipTypeWrappers } from '../facts/syntax';

/** A top-level statement with its leading trivia (or the trailing trivia of the file): `[start, end)`. */
export interface Unit {
  start: number;
  end: number;
  /**
   * `handler`: a route registration (`app.get('/x', handler)`) or a Next.js route function, which
   * nothing else reads; `function`: a function declared at the top (`function requireAuth(…)`,
   * `const sendError = (…) => …`), which other code reads only by its name; `other`: anything else.
   */
  kind: 'handler' | 'function' | 'other';
  /** The function's name, for a `function` unit. */
  name?: string;
}

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all']);
const NEXT_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/** A statement's kind of unit, and its function's name: read from its own subtree, so kept while TypeScript reuses it. */
const kindByStatement = new WeakMap<ts.Statement, Pick<Unit, 'kind' | 'name'>>();

function kindOf(statement: ts.Statement): Pick<Unit, 'kind' | 'name'> {
  return readOnce(kindByStatement, statement, (read): Pick<Unit, 'kind' | 'name'> => {
    if (isRouteHandler(read)) return { kind: 'handler' };
    const name = declaredFunctionName(read);
    return name === undefined ? { kind: 'other' } : { kind: 'function', name };
  });
}

export function unitsOf(sourceFile: ts.SourceFile): Unit[] {
  const units: Unit[] = sourceFile.statements.map((statement) => ({ start: statement.pos, end: statement.end, ...kindOf(statement) }));
  const last = units.length > 0 ? units[units.length - 1].end : 0;
  units.push({ start: last, end: sourceFile.text.length, kind: 'other' });
  return units;
}

/** `function f(…) {…}` or `const f = (…) => …` / `function (…) {…}` alone in its statement: its name. */
function declaredFunctionName(statement: ts.Statement): string | undefined {
  if (ts.isFunctionDeclaration(statement)) return statement.name?.text;
  const declaration = ownFunctionDeclaration(statement);
  return declaration && ts.isIdentifier(declaration.name) ? declaration.name.text : undefined;
}

/** The one declaration of a variable statement whose value is a function. */
export function ownFunctionDeclaration(statement: ts.Node): ts.VariableDeclaration | undefined {
  if (!ts.isVariableStatement(statement) || statement.declarationList.declarations.length !== 1) return undefined;
  const declaration = statement.declarationList.declarations[0];
  const value = declaration.initializer && skipTypeWrappers(declaration.initializer);
  return value && (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) ? declaration : undefined;
}

function isRouteHandler(statement: ts.Statement): boolean {
  if (ts.isExpressionStatement(statement)) {
    const call = statement.expression;
    if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression)) return false;
    const method = call.expression.name.text;
    return ROUTE_METHODS.has(method) || (method === 'use' && isPlainMiddleware(call.arguments));
  }
  return ts.isFunctionDeclaration(statement) && statement.name !== undefined && NEXT_METHODS.has(statement.name.text) && (ts.getCombinedModifierFlags(statement) & ts.ModifierFlags.Export) !== 0;
}

/**
 * `app.use((req, res, next) => …)`: middleware written in place, which nothing else reads. Not an
 * error handler (four parameters: the errors of every handler go there), nor a mount (`app.use('/api', router)`).
 */
function isPlainMiddleware(args: ts.NodeArray<ts.Expression>): boolean {
  const functions = args.map(skipTypeWrappers).filter((arg) => ts.isArrowFunction(arg) || ts.isFunctionExpression(arg));
  return functions.length > 0 && functions.length === args.length && functions.every((fn) => (fn as ts.FunctionLikeDeclaration).parameters.length <= 3);
}

/** The unit holding `offset` (units cover the text without gaps). */
export function unitAt(units: readonly Unit[], offset: number): number {
  let low = 0;
  let high = units.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (units[middle].start <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}
