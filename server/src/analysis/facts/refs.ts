// Every status a reader would recognise in a file, set or checked, for hovers and inlay hints.
// Found by syntax, so it also covers statuses outside handlers and in tests.
import ts from 'typescript';
import { type Bindings } from './bindings';
import { skipTypeWrappers } from './syntax';
import { rangeOf, resolveStatus } from './status';
import type { StatusRef } from '../types';

/** Calls whose first argument is a status: `res.status(404)`, `reply.code(404)`, `@HttpCode(201)`, `createError(404)`, `ctx.throw(404)`. */
const STATUS_FIRST = new Set(['status', 'sendStatus', 'writeHead', 'code', 'HttpCode', 'createError', 'throw']);
/** Assertions in tests that compare a checked status with their argument. */
const ASSERT_METHODS = new Set(['toBe', 'toEqual', 'toStrictEqual', 'equal', 'equals', 'eql', 'strictEqual', 'deepEqual', 'toHaveStatus']);
const STATUS_PROPERTIES = new Set(['status', 'statusCode']);

function isStatusProperty(expression: ts.Expression): boolean {
  const value = skipTypeWrappers(expression);
  return ts.isPropertyAccessExpression(value) && STATUS_PROPERTIES.has(value.name.text);
}

function calledName(call: ts.CallExpression | ts.NewExpression): { name: string; member?: ts.MemberName } | undefined {
  const callee = call.expression;
  const target = ts.isCallExpression(callee) ? callee.expression : callee;
  if (ts.isIdentifier(target)) return { name: target.text };
  if (ts.isPropertyAccessExpression(target)) return { name: target.name.text, member: target.name };
  return undefined;
}

/** Hono's senders that take the status second. */
const STATUS_SECOND = new Set(['json', 'text', 'html', 'body', 'newResponse']);

const isText = (expression: ts.Expression): boolean => {
  const value = skipTypeWrappers(expression);
  return ts.isStringLiteralLike(value) || ts.isTemplateExpression(value);
};

/** The object of a `responses:` property (an OpenAPI route definition). */
function isDeclaredResponses(node: ts.Node): boolean {
  const property = node.parent;
  return ts.isObjectLiteralExpression(node) && ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === 'responses';
}

/** Where in this node a status value stands, with the member that names it. */
function statusPositions(node: ts.Node): StatusPosition[] {
  if (ts.isCallExpression(node)) {
    const called = calledName(node);
    const [first, second] = node.arguments;
    if (!called || !first) return [];
    if (STATUS_FIRST.has(called.name)) return [{ value: first, member: called.member, strict: false }];
    // res.redirect(301, url) (Express), c.redirect(url, 301) (Hono)
    if (called.name === 'redirect' && second) return [{ value: isText(first) ? second : first, member: called.member, strict: false }];
    // Hono: c.json(body, 404), c.text(text, 503), c.body(null, 204)
    if (STATUS_SECOND.has(called.name) && called.member && second && !isText(second)) return [{ value: second, strict: true }];
    // supertest: request(app).get('/x').expect(404)
    if (called.name === 'expect' && called.member) return [{ value: first, member: called.member, strict: true }];
    // expect(res.status).toBe(404)
    if (ASSERT_METHODS.has(called.name) && ts.isPropertyAccessExpression(node.expression)) {
      const subject = node.expression.expression;
      const inner = ts.isPropertyAccessExpression(subject) ? subject.expression : subject;
      if (ts.isCallExpression(inner) && inner.arguments[0] && isStatusProperty(inner.arguments[0])) return [{ value: first, strict: true }];
      // assert.equal(res.status, 404)
      if (second && isStatusProperty(first)) return [{ value: second, strict: true }];
    }
    return [];
  }
  // new HttpException('Forbidden', HttpStatus.FORBIDDEN); Hono's new HTTPException(401, { message })
  if (ts.isNewExpression(node) && node.arguments && node.arguments.length >= 1) {
    const called = calledName(node);
    if (called?.name === 'HTTPException') return [{ value: node.arguments[0], strict: true }];
    if (node.arguments.length < 2) return [];
    if (called && /Exception$|Error$/.test(called.name)) return [{ value: node.arguments[1], strict: true }];
    return [];
  }
  if (ts.isBinaryExpression(node)) {
    const operator = node.operatorToken.kind;
    if (operator === ts.SyntaxKind.EqualsToken && isStatusProperty(node.left)) return [{ value: node.right, strict: false }];
    const comparisons = [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken];
    if (comparisons.includes(operator)) {
      if (isStatusProperty(node.left)) return [{ value: node.right, strict: true }];
      if (isStatusProperty(node.right)) return [{ value: node.left, strict: true }];
    }
    return [];
  }
  // An OpenAPI route's declared responses: createRoute({ responses: { [HttpStatusCodes.OK]: …, 404: … } })
  if (ts.isPropertyAssignment(node) && isDeclaredResponses(node.parent)) {
    const name = ts.isComputedPropertyName(node.name) ? node.name.expression : ts.isNumericLiteral(node.name) ? node.name : undefined;
    return name ? [{ value: name, strict: true }] : [];
  }
  // NextResponse.json(body, { status: 404 }), new Response(body, { status: 404 })
  if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'status' && ts.isObjectLiteralExpression(node.parent)) {
    const owner = node.parent.parent;
    if (ts.isCallExpression(owner) || ts.isNewExpression(owner)) return [{ value: node.initializer, strict: true }];
  }
  return [];
}

/** Each status a value may be: `user ? 200 : 404`, `err.status || 500`, `code ?? 500`. */
function alternatives(value: ts.Expression): ts.Expression[] {
  const inner = skipTypeWrappers(value);
  if (ts.isConditionalExpression(inner)) return [...alternatives(inner.whenTrue), ...alternatives(inner.whenFalse)];
  if (ts.isBinaryExpression(inner) && (inner.operatorToken.kind === ts.SyntaxKind.BarBarToken || inner.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) {
    return [...alternatives(inner.left), ...alternatives(inner.right)];
  }
  return [value];
}

/** A place where a status stands, found in the walk and resolved once every binding is known. */
export interface StatusPosition {
  value: ts.Expression;
  member?: ts.MemberName;
  strict: boolean;
}

/** The status positions of one node; called for every node of the file in one walk. */
export function statusPositionsOf(node: ts.Node): StatusPosition[] {
  return statusPositions(node).flatMap((found) => alternatives(found.value).map((value) => ({ ...found, value })));
}

export function resolveStatusRefs(positions: readonly StatusPosition[], bindings: Bindings): StatusRef[] {
  const refs: StatusRef[] = [];
  for (const position of positions) {
    const status = resolveStatus(position.value, bindings);
    if (status.code === undefined) continue;
    // Checks in tests compare with many numbers; only real status numbers count there.
    if (position.strict && (status.code < 100 || status.code > 599 || !Number.isInteger(status.code))) continue;
    refs.push({ code: status.code, range: rangeOf(position.value), memberRange: position.member && rangeOf(position.member) });
  }
  return refs;
}
