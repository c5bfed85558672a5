// Every status a reader would recognise in a file, set or checked, for hovers and inlay hints.
// Found by syntax, so it also covers statuses outside handlers and in tests.
import ts from 'typescript';
import { type Bindings } from './bindings';
import { skipTypeWrappers } from './syntax';
import { rangeOf, resolveStatus } from './status';
import { httpStatusCompanionCode } from './constants';
import type { StatusRef, TextRange } from '../types';

/** Calls whose first argument is a status: `res.status(404)`, `reply.code(404)`, `@HttpCode(201)`, `createError(404)`, `ctx.throw(404)`, `reply.getHttpError(404)`. */
const STATUS_FIRST = new Set(['status', 'sendStatus', 'writeHead', 'code', 'HttpCode', 'createError', 'throw', 'getHttpError']);
/** Assertions in tests that compare a checked status with their argument. */
const ASSERT_METHODS = new Set(['toBe', 'toEqual', 'toStrictEqual', 'equal', 'equals', 'eql', 'strictEqual', 'deepEqual', 'toHaveStatus']);
const STATUS_PROPERTIES = new Set(['status', 'statusCode']);

function isStatusProperty(expression: ts.Expression): boolean {
  const value = skipTypeWrappers(expression);
  // NestJS: exception.getStatus() === HttpStatus.NOT_FOUND
  if (ts.isCallExpression(value) && value.arguments.length === 0 && ts.isPropertyAccessExpression(value.expression)) return value.expression.name.text === 'getStatus';
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

/** Most nodes hold no status: one shared empty answer instead of an array per node of the walk. */
const NONE: readonly StatusPosition[] = [];
const COMPARISONS = new Set([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken]);

/** The kinds of node a status can stand in. Tested first on every node of the walk: one look-up in a set, where each `ts.isX` is a look-up in TypeScript's very large namespace object. */
export const STATUS_HOLDING_KINDS: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.CallExpression,
  ts.SyntaxKind.NewExpression,
  ts.SyntaxKind.BinaryExpression,
  ts.SyntaxKind.PropertyAssignment,
  ts.SyntaxKind.ShorthandPropertyAssignment,
  ts.SyntaxKind.ElementAccessExpression,
]);

/** Where in this node a status value stands, with the member that names it. */
function statusPositions(node: ts.Node): readonly StatusPosition[] {
  if (!STATUS_HOLDING_KINDS.has(node.kind)) return NONE;
  if (ts.isCallExpression(node)) {
    const called = calledName(node);
    const [first, second] = node.arguments;
    if (!called || !first) return NONE;
    // Koa: ctx.throw('No such user', 404), ctx.assert(user, 404, 'No such user')
    if (second && ((called.name === 'throw' && ts.isStringLiteralLike(first)) || (called.name === 'assert' && called.member))) return [{ value: second, member: called.member, strict: true }];
    if (STATUS_FIRST.has(called.name)) return [{ value: first, member: called.member, strict: false }];
    if (called.name === 'redirect' && second) {
      // The Fetch API's `Response.redirect(url, 308)` (and Next.js's NextResponse) put the status second; Express's
      // `res.redirect(301, url)` first; Fastify v5's `reply.redirect(url, 301)` and Hono's `c.redirect(url, 301)` second.
      const receiver = ts.isPropertyAccessExpression(node.expression) ? node.expression.expression : undefined;
      const fetchStyle = receiver !== undefined && ts.isIdentifier(receiver) && (receiver.text === 'Response' || receiver.text === 'NextResponse');
      if (fetchStyle || isText(first)) return [{ value: second, member: called.member, strict: true }];
      return [{ value: first, member: called.member, strict: false }, { value: second, member: called.member, strict: true }];
    }
    // NestJS: @Redirect('https://docs.nestjs.com', 301)
    if (called.name === 'Redirect' && second && ts.isDecorator(node.parent)) return [{ value: second, strict: false }];
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
    return NONE;
  }
  // new HttpException('Forbidden', HttpStatus.FORBIDDEN); Hono's new HTTPException(401, { message })
  if (ts.isNewExpression(node) && node.arguments && node.arguments.length >= 1) {
    const called = calledName(node);
    if (called?.name === 'HTTPException') return [{ value: node.arguments[0], strict: true }];
    if (node.arguments.length < 2) return NONE;
    if (called && /Exception$|Error$/.test(called.name)) return [{ value: node.arguments[1], strict: true }];
    return NONE;
  }
  if (ts.isBinaryExpression(node)) {
    const operator = node.operatorToken.kind;
    if (operator === ts.SyntaxKind.EqualsToken && isStatusProperty(node.left)) return [{ value: node.right, strict: false }];
    if (COMPARISONS.has(operator)) {
      if (isStatusProperty(node.left)) return [{ value: node.right, strict: true }];
      if (isStatusProperty(node.right)) return [{ value: node.left, strict: true }];
    }
    return NONE;
  }
  // An OpenAPI route's declared responses: createRoute({ responses: { [HttpStatusCodes.OK]: …, 404: … } })
  if (ts.isPropertyAssignment(node) && isDeclaredResponses(node.parent)) {
    const name = ts.isComputedPropertyName(node.name) ? node.name.expression : ts.isNumericLiteral(node.name) ? node.name : undefined;
    return name ? [{ value: name, strict: true }] : NONE;
  }
  // httpStatus[404], httpStatus['404_MESSAGE'], httpStatus[`${httpStatus.NOT_FOUND}_NAME`]: resolved once bindings are known.
  if (ts.isElementAccessExpression(node) && ts.isIdentifier(node.expression)) return [{ value: node, strict: false, companion: true }];
  // NextResponse.json(body, { status: 404 }), new Response(body, { status: 404 }), `{ status }` of a `const status = 404`
  const statusValue = ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'status' ? node.initializer : ts.isShorthandPropertyAssignment(node) && node.name.text === 'status' ? node.name : undefined;
  if (statusValue && ts.isObjectLiteralExpression(node.parent)) {
    const owner = node.parent.parent;
    if (ts.isCallExpression(owner) || ts.isNewExpression(owner)) return [{ value: statusValue, strict: true }];
  }
  // A Fastify route schema's declared statuses: schema: { response: { 201: {…} } }
  if (ts.isPropertyAssignment(node) && ts.isNumericLiteral(node.name) && isSchemaResponse(node.parent)) return [{ value: node.name, strict: true }];
  return NONE;
}

/** `response: { … }` inside `schema: { … }` or a `const getUserSchema = { … }`. */
function isSchemaResponse(object: ts.Node): boolean {
  const response = object.parent;
  if (!ts.isObjectLiteralExpression(object) || !ts.isPropertyAssignment(response) || !ts.isIdentifier(response.name) || response.name.text !== 'response') return false;
  const schema = response.parent.parent;
  return (ts.isPropertyAssignment(schema) || ts.isVariableDeclaration(schema)) && ts.isIdentifier(schema.name) && /schema$/i.test(schema.name.text);
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
  /** An http-status companion (`httpStatus['404_MESSAGE']`): the code it speaks of, not a status it holds. */
  companion?: boolean;
}

/** The code an http-status companion lookup speaks of: `httpStatus[404]`, `httpStatus[httpStatus.NOT_FOUND]`, `` httpStatus[`${httpStatus.NOT_FOUND}_NAME`] ``. */
function companionCode(access: ts.ElementAccessExpression, bindings: Bindings): number | undefined {
  const table = ts.isIdentifier(access.expression) ? bindings.get(access.expression.text) : undefined;
  if (table?.kind !== 'table' || table.table !== 'http-status') return undefined;
  const key = skipTypeWrappers(access.argumentExpression);
  if (ts.isNumericLiteral(key) || ts.isStringLiteralLike(key)) return httpStatusCompanionCode(key.text);
  if (ts.isTemplateExpression(key)) {
    const [span] = key.templateSpans;
    const code = key.head.text === '' && key.templateSpans.length === 1 ? resolveStatus(span.expression, bindings).code : undefined;
    return code === undefined ? undefined : httpStatusCompanionCode(`${code}${span.literal.text}`);
  }
  const code = resolveStatus(key, bindings).code;
  return code === undefined ? undefined : httpStatusCompanionCode(String(code));
}

/** Adds the status positions of one node to `positions`, and says whether it had any; called for every node of the file in one walk. */
export function addStatusPositionsOf(node: ts.Node, positions: StatusPosition[]): boolean {
  const found = statusPositions(node);
  for (const position of found) for (const value of alternatives(position.value)) positions.push({ ...position, value });
  return found.length > 0;
}

export function resolveStatusRefs(positions: readonly StatusPosition[], bindings: Bindings): StatusRef[] {
  const refs: StatusRef[] = [];
  for (const position of positions) {
    if (position.companion) {
      const code = ts.isElementAccessExpression(position.value) ? companionCode(position.value, bindings) : undefined;
      if (code !== undefined) refs.push({ code, range: rangeOf(position.value) });
      continue;
    }
    const status = resolveStatus(position.value, bindings);
    if (status.code === undefined) continue;
    // Checks in tests compare with many numbers; only real status numbers count there.
    if (position.strict && (status.code < 100 || status.code > 599 || !Number.isInteger(status.code))) continue;
    refs.push({ code: status.code, range: rangeOf(position.value), memberRange: position.member && rangeOf(position.member) });
  }
  return refs;
}

/**
 * "Is this range inside one of `refs`?" without a scan per question: `refs` by start, each with the
 * furthest end among those starting at or before it.
 */
export function coverageOf(refs: readonly StatusRef[]): (range: TextRange) => boolean {
  const sorted = [...refs].sort((a, b) => a.range.start - b.range.start);
  const furthestEnd: number[] = [];
  for (const ref of sorted) furthestEnd.push(Math.max(ref.range.end, furthestEnd[furthestEnd.length - 1] ?? -Infinity));
  return (range) => {
    // The number of refs that start at or before the range.
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sorted[middle].range.start <= range.start) low = middle + 1;
      else high = middle;
    }
    return low > 0 && furthestEnd[low - 1] >= range.end;
  };
}
