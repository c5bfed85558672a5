// What the branch around a response tests, read the way a reviewer reads it: request input
// (`req.body.email`, or `email` destructured from it), a validation result, a lookup result
// (`const user = await User.findById(id)`), or credentials (`req.headers.authorization`,
// `req.user`). Rules decide causes from these facts, so they agree on what "a validation
// branch" or "a lookup that found nothing" is.
import ts from 'typescript';
import { listedWithin } from '../facts/fileIndex';
import { calleeOf, skipTypeWrappers } from '../facts/syntax';
import type { BranchCondition, ResponseSite } from '../types';

export type ValueKind = 'input' | 'validation' | 'lookup' | 'credential';

/** What a name or an expression in a condition stands for. */
export interface Reference {
  kind: ValueKind;
  node: ts.Expression;
  /** input: the field path (`email`, `user.email`); lookup: the callee (`User.findById`). */
  detail?: string;
  /** input: where it comes from (`body`, `query`, `params`). */
  source?: string;
  /** lookup: the call returns one record (`findById`), not a list (`find`). */
  single?: boolean;
  /** A local variable's name, when the reference is one. */
  local?: string;
}

type Local = Omit<Reference, 'node'>;

// `file()`, `files()`: uploads read by a call (Fastify's @fastify/multipart `await request.file()`).
const INPUT_SOURCES = new Set(['body', 'query', 'params', 'file', 'files', 'file()', 'files()']);
// Where Express apps keep who is asking: `req.user`, `req.session.userId`, `req.isAuthenticated()`.
const IDENTITY_SOURCES = new Set(['user', 'auth', 'session', 'token', 'isAuthenticated()']);
// The part of an identity that says who it is; `req.user.plan` or `req.session.cart` is something else.
const IDENTITY_MEMBERS = /^(id|_id|sub|uid|user|userId|user_id|auth|token|passport|account|accountId|login)$/;
// Headers and cookies that carry credentials; `req.cookies.theme` does not.
const CREDENTIAL_NAMES = /auth|token|api-?key|session|sid|jwt/i;
// Calls whose result describes the validation (`{ error }`, `validationResult(req)`, `safeParse`).
const VALIDATION_CALLS = /^(validate|validationResult|safeParse|safeParseAsync|validateRequest)$/;
const SINGLE_LOOKUPS = /^(findById|findOne|findByPk|findUnique|findFirst|findOneBy|find(ById|One)And(Update|Delete|Remove|Replace)|get|getById|getOne|single|maybeSingle|one|oneOrNone|first)$/;
// `returning()` gives back the rows a write touched (drizzle, knex): none means no such row.
const LOOKUPS = /^(find|get|fetch|load|lookup|select|query|read|retrieve|search|exists|single|maybeSingle|one|oneOrNone|first|returning)(?=$|[A-Z])/;
// Date getters read a value, they do not look anything up.
const DATE_GETTERS = /^get(Time|FullYear|Month|Date|Day|Hours|Minutes|Seconds|Milliseconds|TimezoneOffset|UTC\w*)$/;
/** Writes and query executions: what they return is the store's answer, not the request's input. */
const WRITES = /^(insert|update|upsert|delete|remove|save|create|execute)(?=$|[A-Z])/;
/** Calls that read who is asking from the request's session or token (next-auth, Clerk): their result is the identity. */
const SESSION_CALLS = /^(getServerSession|unstable_getServerSession|getServerAuthSession|getSession|auth|getAuth|currentUser|getCurrentUser)$/;
/** A Fetch API request's body readers (`await request.json()`): what they return is the body. */
const FETCH_BODY_READERS = new Set(['json()', 'formData()', 'text()']);
/** Token checks: a failure in them means the credentials are bad. */
export const VERIFY_CALLS = /^(verify|verifyToken|verifyIdToken|jwtVerify|decode)$/;

function isLookupName(name: string): boolean {
  return LOOKUPS.test(name) && !DATE_GETTERS.test(name);
}

/**
 * Request methods that read input, and where that input comes from: the Web `Request`'s body
 * readers (`await request.json()`) and a context's request (`c.req.param('id')`, `c.req.valid('json')`).
 */
const INPUT_READERS: Readonly<Record<string, string>> = { param: 'params', query: 'query', queries: 'query', json: 'body', parseBody: 'body', formData: 'body', text: 'body', cookie: 'cookies' };
/** What `valid(target)` returns: the validated input of that part of the request. */
const VALIDATED_TARGETS: Readonly<Record<string, string>> = { json: 'body', form: 'body', param: 'params', query: 'query', header: 'headers', cookie: 'cookies' };

/** Is `expression` the request: its name (`req`), or the path that reaches it (`c.req`)? */
function isRequest(expression: ts.Expression, requestName: string): boolean {
  if (ts.isIdentifier(expression)) return expression.text === requestName;
  return ts.isPropertyAccessExpression(expression) && requestName.endsWith(`.${expression.name.text}`) && isRequest(skipTypeWrappers(expression.expression), requestName.slice(0, -expression.name.text.length - 1));
}

/** The path a request method reads: `req.get('Authorization')` → ['headers', 'authorization'], `c.req.param('id')` → ['params', 'id']. */
function readerPath(method: string, name: ts.Expression | undefined): string[] {
  const named = name && ts.isStringLiteralLike(name) ? name.text : undefined;
  if ((method === 'get' || method === 'header') && named !== undefined) return ['headers', named.toLowerCase()];
  if (method === 'valid' && named !== undefined && VALIDATED_TARGETS[named]) return [VALIDATED_TARGETS[named]];
  const source = INPUT_READERS[method];
  if (source) return named !== undefined && source !== 'body' ? [source, named] : [source];
  return [`${method}()`];
}

/** `req.body.email` → ['body', 'email']; `req.get('Authorization')` → ['headers', 'authorization']. */
function requestPath(expression: ts.Expression, requestName: string | undefined): string[] | undefined {
  if (!requestName) return undefined;
  const segments: string[] = [];
  let current = skipTypeWrappers(expression);
  for (;;) {
    if (isRequest(current, requestName)) return segments.length > 0 ? segments : undefined;
    if (ts.isPropertyAccessExpression(current)) {
      segments.unshift(current.name.text);
      current = skipTypeWrappers(current.expression);
    } else if (ts.isElementAccessExpression(current) && ts.isStringLiteralLike(current.argumentExpression)) {
      segments.unshift(current.argumentExpression.text);
      current = skipTypeWrappers(current.expression);
    } else if (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression) && isRequest(skipTypeWrappers(current.expression.expression), requestName)) {
      return [...readerPath(current.expression.name.text, current.arguments[0]), ...segments];
    } else if (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression) && current.expression.name.text === 'get') {
      // A Fetch API request: `request.nextUrl.searchParams.get('id')`, `request.headers.get('authorization')`.
      const [name] = current.arguments;
      const owner = requestPath(current.expression.expression, requestName);
      const container = owner?.[owner.length - 1];
      if (!name || !ts.isStringLiteralLike(name) || !container) return undefined;
      if (container === 'searchParams') return ['query', name.text, ...segments];
      return container === 'headers' || container === 'cookies' ? [container, name.text.toLowerCase(), ...segments] : undefined;
    } else {
      return undefined;
    }
  }
}

/** Where a context holds the request and who is asking (Koa's `ctx.request.body`, `ctx.state.user`): read past them. */
const CONTEXT_HOLDERS = new Set(['request', 'state']);

function requestReference(path: string[]): Local | undefined {
  const [first, ...rest] = CONTEXT_HOLDERS.has(path[0]) && path.length > 1 ? path.slice(1) : path;
  const source = FETCH_BODY_READERS.has(first) ? 'body' : first;
  // `.length`, `.trim` and the like say nothing about which field is tested.
  while (rest.length > 0 && /^(length|trim|toString|toLowerCase|includes|match|test)$/.test(rest[rest.length - 1])) rest.pop();
  if (INPUT_SOURCES.has(source)) return { kind: 'input', source, detail: rest.length > 0 ? rest.join('.') : undefined };
  const carrier = source === 'headers' || source === 'header' || source === 'cookies' || source === 'signedCookies';
  const identity = IDENTITY_SOURCES.has(source) && (rest.length === 0 || IDENTITY_MEMBERS.test(rest[0]));
  if (identity || (carrier && CREDENTIAL_NAMES.test(rest[0] ?? ''))) {
    return { kind: 'credential', detail: path.join('.') };
  }
  return undefined;
}

// Helpers that read and parse a request's body from the request itself: `await readJson(req)`,
// `parseBody(req)`, micro's `json(req)`, `getRawBody(req)` (code without a framework's `req.body`).
const BODY_HELPERS = /^(json|text|buffer|urlencoded|\w*(body|json|form|payload))$/i;

/** `readJson(req)`: a body reader handed the request object. */
function readsBody(call: ts.CallExpression, name: string, requestName: string | undefined): boolean {
  return requestName !== undefined && BODY_HELPERS.test(name) && call.arguments.some((argument) => {
    const value = skipTypeWrappers(argument);
    return ts.isIdentifier(value) && value.text === requestName;
  });
}

/** `body.email` where `body` holds the whole request body: the field it reads (`email`), or undefined. */
function fieldOfBody(expression: ts.PropertyAccessExpression, locals: ReadonlyMap<string, Local>): string | undefined {
  const segments: string[] = [];
  let current: ts.Expression = expression;
  while (ts.isPropertyAccessExpression(current)) {
    segments.unshift(current.name.text);
    current = skipTypeWrappers(current.expression);
  }
  const local = ts.isIdentifier(current) ? locals.get(current.text) : undefined;
  while (segments.length > 0 && /^(length|trim|toString|toLowerCase|includes|match|test)$/.test(segments[segments.length - 1])) segments.pop();
  return local?.kind === 'input' && local.source === 'body' && local.detail === undefined && segments.length > 0 ? segments.join('.') : undefined;
}

/** `url.searchParams.get('q')` (a URL parsed from the request, where no framework fills `req.query`): `q`. */
function searchParameter(call: ts.CallExpression): string | undefined {
  const callee = skipTypeWrappers(call.expression);
  const [name] = call.arguments;
  if (!ts.isPropertyAccessExpression(callee) || !/^(get|getAll|has)$/.test(callee.name.text) || !name || !ts.isStringLiteralLike(name)) return undefined;
  const owner = skipTypeWrappers(callee.expression);
  return ts.isPropertyAccessExpression(owner) && owner.name.text === 'searchParams' ? name.text : undefined;
}

/** The calls of an initializer, outermost first (`User.findById(id).lean()`: `lean`, then `findById`). */
function callsIn(expression: ts.Expression): ts.CallExpression[] {
  const calls: ts.CallExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) return;
    if (ts.isCallExpression(node)) calls.push(node);
    ts.forEachChild(node, visit);
  };
  visit(expression);
  return calls;
}

function isArrayFind(call: ts.CallExpression, name: string): boolean {
  const first = call.arguments[0];
  return name === 'find' && first !== undefined && (ts.isArrowFunction(first) || ts.isFunctionExpression(first));
}

/** What a value computed by `initializer` holds, as far as its calls and reads say. */
function classify(initializer: ts.Expression, requestName: string | undefined, locals: ReadonlyMap<string, Local>): Local | undefined {
  const path = requestPath(initializer, requestName);
  if (path) return requestReference(path);
  const calls = callsIn(initializer).filter((call) => !requestPath(call, requestName));
  for (const call of calls) {
    const callee = calleeOf(call);
    if (!callee) continue;
    if (readsBody(call, callee.name, requestName)) return { kind: 'input', source: 'body' };
    const parameter = searchParameter(call);
    if (parameter) return { kind: 'input', source: 'query', detail: parameter };
    if (VERIFY_CALLS.test(callee.name) || SESSION_CALLS.test(callee.name)) return { kind: 'credential', detail: callee.text };
    if (VALIDATION_CALLS.test(callee.name)) return { kind: 'validation', detail: callee.text };
    if (isLookupName(callee.name)) {
      return { kind: 'lookup', detail: callee.text, single: SINGLE_LOOKUPS.test(callee.name) || isArrayFind(call, callee.name) };
    }
    if (WRITES.test(callee.name)) return undefined;
  }
  // Anything else computed from input is input: `new Date(req.body.start)`, `schema.parse(req.body)`.
  const found = referencesIn(initializer, requestName, locals);
  return found.find((reference) => reference.kind === 'credential') ?? found.find((reference) => reference.kind === 'input');
}

const localsCache = new WeakMap<ts.Node, ReadonlyMap<string, Local>>();

/** The handler's variables and what each holds, by name (the last assignment a reader sees wins). */
export function handlerLocals(site: ResponseSite): ReadonlyMap<string, Local> {
  const handler = site.handler;
  if (!handler) return new Map();
  const cached = localsCache.get(handler.node);
  if (cached) return cached;
  const locals = new Map<string, Local>();
  // Parameters that are parts of the request (`@Body() dto`, `@Param('id') id`) read like `req.body`, `req.params.id`.
  for (const [name, path] of handler.requestParts ?? []) {
    const part = requestReference([...path]);
    if (part) locals.set(name, part);
  }
  const bind = (name: ts.BindingName, initializer: ts.Expression): void => {
    const whole = classify(initializer, handler.requestName, locals);
    if (ts.isIdentifier(name)) {
      if (whole) locals.set(name.text, whole);
      return;
    }
    for (const element of name.elements) {
      if (ts.isOmittedExpression(element) || !ts.isIdentifier(element.name) || !whole) continue;
      const key = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : element.name.text;
      if (whole.kind === 'input' && ts.isObjectBindingPattern(name)) locals.set(element.name.text, { ...whole, detail: whole.detail ? `${whole.detail}.${key}` : key });
      // `const { error, value } = schema.validate(req.body)`: the value is input, the error is the verdict.
      else if (whole.kind === 'validation' && !/err|issue/i.test(key)) locals.set(element.name.text, { kind: 'input' });
      else locals.set(element.name.text, ts.isArrayBindingPattern(name) ? { ...whole, single: false } : whole);
    }
  };
  for (const node of handler.node.body ? listedWithin(handler.node.body) : []) {
    if (ts.isVariableDeclaration(node) && node.initializer) bind(node.name, node.initializer);
    else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(node.left)) bind(node.left, node.right);
  }
  localsCache.set(handler.node, locals);
  return locals;
}

/** Is `node` a reference to a variable (not a property name or a declaration's name)? */
function isVariableReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isBindingElement(parent)) && parent.name === node) return false;
  return !(ts.isVariableDeclaration(parent) && parent.name === node);
}

/** Every input, validation, lookup or credential an expression reads, outermost accesses first. */
export function referencesIn(node: ts.Node, requestName: string | undefined, locals: ReadonlyMap<string, Local>): Reference[] {
  const found: Reference[] = [];
  const visit = (child: ts.Node): void => {
    if (ts.isFunctionLike(child)) return;
    if (ts.isPropertyAccessExpression(child) || ts.isElementAccessExpression(child) || ts.isCallExpression(child)) {
      const path = requestPath(child, requestName);
      if (path) {
        const reference = requestReference(path);
        if (reference) found.push({ ...reference, node: child });
        return;
      }
      // `dto.email` where `dto` holds a whole part of the request (`@Body() dto`): the field it reads.
      const whole = ts.isPropertyAccessExpression(child) && ts.isIdentifier(child.expression) ? locals.get(child.expression.text) : undefined;
      if (whole?.kind === 'input' && whole.source !== undefined && whole.detail === undefined && ts.isPropertyAccessExpression(child)) {
        found.push({ ...whole, node: child, local: child.expression.getText(), detail: child.name.text });
        return;
      }
    }
    if (ts.isPropertyAccessExpression(child) && !ts.isCallExpression(child.parent)) {
      const field = fieldOfBody(child, locals);
      if (field) {
        found.push({ kind: 'input', source: 'body', node: child, detail: field });
        return;
      }
    }
    if (ts.isCallExpression(child)) {
      const parameter = searchParameter(child);
      if (parameter) {
        found.push({ kind: 'input', source: 'query', node: child, detail: parameter });
        return;
      }
    }
    if (ts.isCallExpression(child)) {
      const callee = calleeOf(child);
      if (callee && isLookupName(callee.name)) {
        found.push({ kind: 'lookup', node: child, detail: callee.text, single: SINGLE_LOOKUPS.test(callee.name) || isArrayFind(child, callee.name) });
      }
    }
    if (ts.isIdentifier(child) && isVariableReference(child)) {
      const local = locals.get(child.text);
      if (local) found.push({ ...local, node: child, local: child.text, detail: local.kind === 'input' ? (local.detail ?? child.text) : local.detail });
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

/**
 * The condition that decides this response: the innermost enclosing `if`/ternary, as long as it
 * lies inside the catch clause when the site is in one (otherwise the catch is what decides).
 */
export function decidingCondition(site: ResponseSite): BranchCondition | undefined {
  const innermost = site.conditions[0];
  if (!innermost) return undefined;
  if (site.catchClause && innermost.expression.getStart() < site.catchClause.node.getStart()) return undefined;
  return innermost;
}

/** What a true condition says about the thing it tests: there/valid, missing/invalid, or unclear. */
export type Truth = 'present' | 'absent' | 'unknown';

const flip = (truth: Truth): Truth => (truth === 'present' ? 'absent' : truth === 'absent' ? 'present' : 'unknown');

/** `null`, `undefined`, `''`. */
function isNothing(expression: ts.Expression): boolean {
  const value = skipTypeWrappers(expression);
  return value.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(value) && value.text === 'undefined') || (ts.isStringLiteralLike(value) && value.text === '');
}

/** `typeof x === 'undefined'`, seen from either side. */
function isTypeofUndefined(a: ts.Expression, b: ts.Expression): boolean {
  const literal = skipTypeWrappers(b);
  return ts.isTypeOfExpression(skipTypeWrappers(a)) && ts.isStringLiteralLike(literal) && literal.text === 'undefined';
}

/** `x == null` says "missing"; `x === 'csv'` and `typeof x === 'string'` say "there, and as expected". */
function equalityTruth(left: ts.Expression, right: ts.Expression): Truth {
  if (isNothing(left) || isNothing(right) || isTypeofUndefined(left, right) || isTypeofUndefined(right, left)) return 'absent';
  return 'present';
}

function truthOf(expression: ts.Expression): Truth {
  const value = skipTypeWrappers(expression);
  if (ts.isPrefixUnaryExpression(value) && value.operator === ts.SyntaxKind.ExclamationToken) return flip(truthOf(value.operand));
  if (ts.isAwaitExpression(value)) return truthOf(value.expression);
  if (ts.isCallExpression(value)) return /^(isNaN)$/.test(calleeOf(value)?.name ?? '') ? 'absent' : 'present';
  if (ts.isIdentifier(value) || ts.isPropertyAccessExpression(value) || ts.isElementAccessExpression(value)) return 'present';
  if (!ts.isBinaryExpression(value)) return 'unknown';
  const operator = value.operatorToken.kind;
  if (operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.AmpersandAmpersandToken) {
    const left = truthOf(value.left);
    return left === truthOf(value.right) ? left : 'unknown';
  }
  if (operator === ts.SyntaxKind.EqualsEqualsEqualsToken || operator === ts.SyntaxKind.EqualsEqualsToken) return equalityTruth(value.left, value.right);
  if (operator === ts.SyntaxKind.ExclamationEqualsEqualsToken || operator === ts.SyntaxKind.ExclamationEqualsToken) return flip(equalityTruth(value.left, value.right));
  if (operator === ts.SyntaxKind.InstanceOfKeyword || operator === ts.SyntaxKind.InKeyword) return 'present';
  return 'unknown';
}

/** What the branch that holds the site knows about the thing its condition tests. */
export function branchSees(condition: BranchCondition): Truth {
  const truth = truthOf(condition.expression);
  return condition.inElse ? flip(truth) : truth;
}

const conditionCache = new WeakMap<ResponseSite, { condition: BranchCondition; references: readonly Reference[] } | null>();

/** The site's deciding condition and what it reads (through the handler's locals); asked by several rules, read once per site. */
export function conditionReferences(site: ResponseSite): { condition: BranchCondition; references: readonly Reference[] } | undefined {
  const cached = conditionCache.get(site);
  if (cached !== undefined) return cached ?? undefined;
  const condition = decidingCondition(site);
  const found = condition ? { condition, references: referencesIn(condition.expression, site.handler?.requestName, handlerLocals(site)) } : null;
  conditionCache.set(site, found);
  return found ?? undefined;
}
