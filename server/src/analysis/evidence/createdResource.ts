// What a handler created, as far as its code says: which earlier calls store a new record, which
// names hold it, and the URL of the new resource (built from the route and the record's id) for a
// Location header. Used by created-for-create and created-needs-location.
import ts from 'typescript';
import { listedWithin } from '../facts/fileIndex';
import { calleeOf, skipTypeWrappers } from '../facts/syntax';
import { objectProperties } from './body';
import { callbackRecord, callsAround, derivedNames, namesACreate, pushedSubdocument } from './createShapes';
import type { CallBefore, ResponseSite } from '../types';

export interface CreateCall {
  call: CallBefore;
  /** Names that hold the new record: `user` in `const user = await User.create(…)` or `await user.save()`. */
  holders: string[];
  /** The variable the call's result is stored in, record or not (`result` of `insertOne`). */
  result?: string;
  /** Several records at once (`insertMany`): there is no single URL to point at. */
  bulk: boolean;
  /**
   * Names made from the record before the response (`userData = { _id: user._id }`, a token signed
   * for it), and the array a sub-document went into: a response that sends them is about the create.
   */
  derived: string[];
}

const SINGLE = new Set(['create', 'insert', 'insertOne', 'save', 'add', 'createOne']);
const BULK = new Set(['insertMany', 'createMany', 'bulkCreate', 'bulkInsert']);
/** Receivers whose `create`/`add`/`save` do not store a resource of the API. */
const NOT_STORES = /^(object|reflect|crypto|jwt|axios|promise|array|date|buffer|math|json|document|url|formdata|console|logger|logs?|audit\w*|emitter|analytics|metrics|queues?|workers?|cache|redis|sessions?|req|request|cookies?|tokens?|fs|set|map|classlist|stripe)$/i;
/** Receivers that look like a store: `userRepository`, `usersService`, `PostModel`, `orders`. */
const STORE_LIKE = /(repo|repository|service|store|dao|model|collection|table|db)s?$/i;

/** Paths of actions that are not creates: logging in, searching, checking, receiving webhooks. */
const ACTION_PATH = /(^|[/_.-])(log-?in|log-?out|sign-?in|sign-?out|auth\w*|oauth|tokens?|sessions?|search|query|find|lookup|filter|verify|validate|check|preview|calculate|estimate|graphql|rpc|refresh|reset|forgot|password|otp|webhooks?|hooks?|callback)(?=$|[/_.-])/i;

export function isActionPath(path: string | undefined): boolean {
  return path !== undefined && ACTION_PATH.test(path);
}


function unwrapValue(node: ts.Node): ts.Node {
  let current = node.parent;
  while (ts.isAwaitExpression(current) || ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isNonNullExpression(current)) current = current.parent;
  return current;
}

/** The last call of a query chain: `returning()` in `db.insert(tasks).values(task).returning()`. */
function chainEnd(call: ts.CallExpression): ts.CallExpression {
  let current = call;
  // A `.then(…)` callback's result is not the record.
  while (ts.isPropertyAccessExpression(current.parent) && !/^(then|catch|finally)$/.test(current.parent.name.text) && ts.isCallExpression(current.parent.parent) && current.parent.parent.expression === current.parent) current = current.parent.parent;
  return current;
}

/** Does the query chain return the rows it wrote (`.returning()`, as drizzle and knex do)? */
function returnsRows(call: ts.CallExpression): boolean {
  const end = skipTypeWrappers(chainEnd(call).expression);
  return ts.isPropertyAccessExpression(end) && end.name.text === 'returning';
}

/** The variable a call's result is stored in (`const user = await User.create(…)`, `const [task] = await db.insert(…)…returning()`). */
function storedIn(call: ts.CallExpression): string | undefined {
  const parent = unwrapValue(chainEnd(call));
  // `newCollection = await Collection.create(…)`, declared earlier.
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(parent.left)) return parent.left.text;
  if (!ts.isVariableDeclaration(parent)) return undefined;
  if (ts.isIdentifier(parent.name)) return parent.name.text;
  const [first] = ts.isArrayBindingPattern(parent.name) ? parent.name.elements : [];
  return first && ts.isBindingElement(first) && ts.isIdentifier(first.name) ? first.name.text : undefined;
}

/** The parameter of a `.then` callback on the call (`User.create(b).then((user) => …)`). */
function thenParameter(call: ts.CallExpression): string | undefined {
  const access = call.parent;
  if (!ts.isPropertyAccessExpression(access) || access.name.text !== 'then' || !ts.isCallExpression(access.parent)) return undefined;
  const callback = access.parent.arguments[0];
  const parameter = callback && (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) ? callback.parameters[0] : undefined;
  return parameter && ts.isIdentifier(parameter.name) ? parameter.name.text : undefined;
}

/** A record built in memory: `new Post(…)`, Sequelize's `Post.build(…)`. */
function isBuiltRecord(expression: ts.Expression): boolean {
  const value = skipTypeWrappers(expression);
  return ts.isNewExpression(value) || (ts.isCallExpression(value) && calleeOf(value)?.name === 'build');
}

const newObjectNamesByHandler = new WeakMap<ts.Node, ReadonlySet<string>>();

/** Names the handler binds to a record built in memory (`const post = new Post(…)`, `user = User.build(…)`). */
function newObjectNames(site: ResponseSite): ReadonlySet<string> {
  const handler = site.handler?.node;
  // The whole handler is read whatever the site: once per handler, however many sites it has.
  const cached = handler && newObjectNamesByHandler.get(handler);
  if (cached) return cached;
  const names = new Set<string>();
  for (const node of handler?.body ? listedWithin(handler.body) : []) {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && isBuiltRecord(node.initializer)) names.add(node.name.text);
    const assigned = ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken;
    if (assigned && ts.isIdentifier(node.left) && isBuiltRecord(node.right)) names.add(node.left.text);
  }
  if (handler) newObjectNamesByHandler.set(handler, names);
  return names;
}

function receiverOf(call: ts.CallExpression): ts.Expression | undefined {
  const callee = skipTypeWrappers(call.expression);
  return ts.isPropertyAccessExpression(callee) ? skipTypeWrappers(callee.expression) : undefined;
}

/** Does `save`/`add` store a new record here? Only for objects built with `new` in the handler, or a store given a fresh object. */
function savesNewRecord(call: CallBefore, fresh: ReadonlySet<string>): boolean {
  const receiver = receiverOf(call.node);
  if (!receiver) return false;
  if (isBuiltRecord(receiver)) return true;
  if (ts.isIdentifier(receiver) && fresh.has(receiver.text)) return true;
  if (!STORE_LIKE.test(call.callee.split('.')[0])) return false;
  // `repository.save(entity)` also updates: only a literal or a fresh object makes it a create.
  const argument = call.node.arguments[0] && skipTypeWrappers(call.node.arguments[0]);
  return !!argument && (ts.isObjectLiteralExpression(argument) || (ts.isIdentifier(argument) && fresh.has(argument.text)));
}

/** Calls inside the response body (`res.json(await User.create(req.body))`), named as `callsBefore` names them. */
function callsInBody(site: ResponseSite): CallBefore[] {
  const calls: CallBefore[] = [];
  const visit = (node: ts.Node): void => {
    const callee = ts.isCallExpression(node) ? skipTypeWrappers(node.expression) : undefined;
    if (callee && ts.isCallExpression(node) && ts.isPropertyAccessExpression(callee)) {
      const object = skipTypeWrappers(callee.expression);
      const qualifier = ts.isIdentifier(object) ? object.text : ts.isPropertyAccessExpression(object) ? object.name.text : '…';
      calls.push({ callee: `${qualifier}.${callee.name.text}`, name: callee.name.text, node });
    }
    ts.forEachChild(node, visit);
  };
  if (site.body) visit(site.body);
  return calls;
}

/**
 * The record an `insert` is given by name, through the calls that reshape it: `comment` in knex's
 * `db('comments').insert(humps.decamelizeKeys(comment))`. The response that sends it answers the create.
 */
function insertedRecord(call: CallBefore): string | undefined {
  if (call.name !== 'insert' && call.name !== 'insertOne') return undefined;
  let argument = call.node.arguments[0] && skipTypeWrappers(call.node.arguments[0]);
  while (argument && ts.isCallExpression(argument)) argument = argument.arguments[0] && skipTypeWrappers(argument.arguments[0]);
  return argument && ts.isIdentifier(argument) ? argument.text : undefined;
}

/** What a call stores: one new record, several, or none (a lookup, an update, a `create` of no resource). */
function storesKind(call: CallBefore, site: ResponseSite, fresh: ReadonlySet<string>, calls: readonly CallBefore[]): 'single' | 'bulk' | undefined {
  const qualifier = call.callee.split('.')[0];
  if (NOT_STORES.test(qualifier)) return undefined;
  if (BULK.has(call.name)) return call.callee === call.name ? undefined : 'bulk';
  // `addComment(…)`, `orderService.createOrder(…)`: the name says it, even for a plain function.
  if (namesACreate(call, site.handler?.requestName)) return 'single';
  if (call.callee === call.name) return undefined;
  if (!SINGLE.has(call.name)) return undefined;
  if (call.name === 'save' && pushedSubdocument(call, calls, site)) return 'single';
  return (call.name !== 'save' && call.name !== 'add') || savesNewRecord(call, fresh) ? 'single' : undefined;
}

/** Calls of the site's handler, before the response, inside its body or around it, that store new records. */
export function createCalls(site: ResponseSite): CreateCall[] {
  const fresh = newObjectNames(site);
  const found: CreateCall[] = [];
  const calls = [...site.callsBefore, ...callsAround(site)];
  for (const call of [...calls, ...callsInBody(site)]) {
    const kind = storesKind(call, site, fresh, calls);
    if (!kind) continue;
    // `Model.create` returns the record; the Mongo driver's `insertOne` returns `{ insertedId }`, knex ids.
    const holders: string[] = [];
    const stored = storedIn(call.node) ?? thenParameter(call.node);
    if (stored && ((call.name !== 'insert' && call.name !== 'insertOne') || returnsRows(call.node))) holders.push(stored);
    const given = insertedRecord(call) ?? callbackRecord(call.node);
    if (given) holders.push(given);
    const receiver = receiverOf(call.node);
    const pushed = call.name === 'save' ? pushedSubdocument(call, calls, site) : undefined;
    if (pushed?.item) holders.push(pushed.item);
    else if (!pushed && call.name === 'save' && receiver && ts.isIdentifier(receiver)) holders.push(receiver.text);
    const derived = derivedNames(site, holders);
    if (pushed) derived.push(pushed.array);
    found.push({ call, holders, result: stored, bulk: kind === 'bulk', derived });
  }
  return found;
}

const UPDATES = /^(update|upsert|patch)(?=$|[A-Z])|^find\w*AndUpdate$/;

/**
 * Does the handler change a stored record and create none (`db.updateTable('person')…`)? Then a
 * 201 answers an update, whose URL the client already used, even where the route is registered
 * out of sight.
 */
export function updatesWithoutCreating(site: ResponseSite, creates: readonly CreateCall[]): boolean {
  return creates.length === 0 && site.callsBefore.some((call) => UPDATES.test(call.name) && call.callee !== call.name && !NOT_STORES.test(call.callee.split('.')[0]));
}

/** `users`, `UserRepository`, `blog-posts` → `user`, `user`, `blogpost`: a resource name to compare. */
export function resourceName(text: string): string {
  const plain = text.replace(/(repository|repo|service|model|collection|store|dao|table)s?$/i, '').replace(/[^a-z0-9]/gi, '').toLowerCase();
  if (plain.endsWith('ies')) return `${plain.slice(0, -3)}y`;
  return plain.endsWith('s') && !plain.endsWith('ss') ? plain.slice(0, -1) : plain;
}

/** The record the response body is, or holds: `user`, `user.toJSON()`, `{ user }`, `{ data: user }`. */
function bodyHolder(site: ResponseSite, holders: ReadonlySet<string>): string | undefined {
  const body = site.body && skipTypeWrappers(site.body);
  if (!body) return undefined;
  const record = ts.isCallExpression(body) ? receiverOf(body) : body;
  if (record && ts.isIdentifier(record)) return holders.has(record.text) ? record.text : undefined;
  for (const value of objectProperties(body)?.values() ?? []) {
    const inner = skipTypeWrappers(value);
    if (ts.isIdentifier(inner) && holders.has(inner.text)) return inner.text;
  }
  return undefined;
}

/** A plain name or member chain (`user.id`, `result.insertedId`), safe to repeat in a template. */
function isPlainReference(expression: ts.Expression): boolean {
  const value = skipTypeWrappers(expression);
  return ts.isIdentifier(value) || (ts.isPropertyAccessExpression(value) && isPlainReference(value.expression));
}

/** The id of the created record as code, where the code says it; undefined otherwise. */
function createdId(site: ResponseSite, creates: readonly CreateCall[]): string | undefined {
  const properties = objectProperties(site.body);
  const idValue = properties?.get('id') ?? properties?.get('_id');
  if (idValue && isPlainReference(idValue)) return skipTypeWrappers(idValue).getText();
  const holder = bodyHolder(site, new Set(creates.flatMap((create) => create.holders)));
  if (holder) {
    // Mongoose code that names `_id` gets `_id`; `id` works for Mongoose, Prisma, Sequelize and TypeORM.
    const handlerText = site.handler?.node.getText() ?? '';
    return `${holder}.${handlerText.includes(`${holder}._id`) ? '_id' : 'id'}`;
  }
  // `const result = await users.insertOne(doc)`: the driver reports the new id.
  const result = creates.find((create) => create.call.name === 'insertOne')?.result;
  return result ? `${result}.insertedId` : literalRecordId(site);
}

/** `const todo = { id: nextId(), ...req.body }; res.status(201).json(todo)`: the record's id key. */
function literalRecordId(site: ResponseSite): string | undefined {
  const body = site.body && skipTypeWrappers(site.body);
  if (!body || !ts.isIdentifier(body) || !site.handler?.node.body) return undefined;
  let id: string | undefined;
  for (const node of listedWithin(site.handler.node.body)) {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === body.text && node.initializer) {
      const key = ['id', '_id'].find((name) => objectProperties(node.initializer)?.has(name));
      if (key) id = `${body.text}.${key}`;
    }
  }
  return id;
}

/**
 * Is the route's path the whole path: the handler registered on `app` itself (not a router), or the
 * path read from a check of the request's URL (`if (req.url === '/users')`), not from a registration?
 */
function isOnApp(site: ResponseSite): boolean {
  if (site.route?.path !== undefined && site.handler?.path === undefined) return true;
  const parent = site.handler?.node.parent;
  if (!parent || !ts.isCallExpression(parent) || !ts.isPropertyAccessExpression(parent.expression)) return false;
  const target = parent.expression.expression;
  return ts.isIdentifier(target) && target.text === 'app';
}

/**
 * The new resource's URL as a template literal (`` `/users/${user.id}` ``), or undefined when the
 * route or the id is not plain in the code. Routes of a router get `req.baseUrl` in front, since
 * the mount path is written elsewhere.
 */
export function createdLocation(site: ResponseSite, creates: readonly CreateCall[]): string | undefined {
  const path = site.route?.path;
  const request = site.handler?.requestName;
  if (path === undefined || creates.some((create) => create.bulk)) return undefined;
  const id = createdId(site, creates);
  if (!id) return undefined;
  const requestPath = site.adapter.requestPathText?.(site);
  if (requestPath !== undefined) return `\`\${${requestPath}}/\${${id}}\``;
  const parts: string[] = [];
  for (const segment of path.split('/').filter((part) => part !== '')) {
    const param = /^:([A-Za-z_$][\w$]*)$/.exec(segment);
    // A whole path's parameters are not `req.params` (Next.js hands them over apart): no URL then.
    if (param && request && !site.route?.full) parts.push(`\${${request}.params.${param[1]}}`);
    else if (/^[\w.~-]+$/.test(segment)) parts.push(segment);
    else return undefined;
  }
  const onApp = site.route?.full === true || isOnApp(site);
  if (!onApp && !request) return undefined;
  const prefix = onApp ? '' : `\${${request}.baseUrl}`;
  return `\`${prefix}/${[...parts, `\${${id}}`].join('/')}\``;
}
