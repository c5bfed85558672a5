// The shapes in which real handlers create a record beyond `await Model.create(…)`: a call whose
// name says it creates (`addComment`, `orderService.createOrder`), a sub-document pushed into a
// loaded record that is then saved, and a response sent from inside the create's callback
// (`user.save((err) => res.send(user))`, `.then((user) => res.json(user))`). createdResource.ts
// turns them into CreateCalls.
import ts from 'typescript';
import { listedBefore, listedWithin } from '../facts/fileIndex';
import { calleeOf, skipTypeWrappers } from '../facts/syntax';
import { mentionedNames } from './body';
import type { CallBefore, ResponseSite } from '../types';

// `createOrder`, `addComment`, `insertUser`, `registerUser`: a verb of creating, then what is created.
const CREATE_VERB = /^(create|add|insert|register)[A-Z]/;
// Things a `createX`/`addX` call makes that are no stored resource of the API (`createError`,
// `createHash`, `addEventListener`, TypeORM's `createQueryBuilder`), and toggles (`addLike`), which
// flip a flag on an existing record rather than create one.
const NOT_RESOURCES =
  /(Error|Hash|Hmac|Server|Stream|Token|Jwt|JWT|Context|Client|Transport(er)?|Element|Url|URL|Cipher\w*|QueryBuilder|Connection|Pool|Router|App|Logger|Helper|Partial|Route|Listener|Handler|Middleware|Session|Signature|Schema|Validator|Instance|Request|Response|Header|Cookie|Event|Log|Query|Hook|Job|Like|Favou?rite|Follow(er)?|Vote|Upvote|Reaction|Bookmark|Star)s?$/;
// `addJobsToQueue`, `addTaskToQueue`, `addToQueue`: work put on a queue is accepted, not a stored resource.
const ENQUEUES = /(Job|Task)s?(To[A-Z]\w*)?$|Queue$/;
// `createOrUpdate`, `addIfMissing`, `insertOrIgnore`: an upsert answers an existing record as often as a new one.
const UPSERTS = /Or[A-Z]|If[A-Z]/;
// Arrays of a record that hold toggles, not sub-documents: `post.likes.unshift({ user })`.
const TOGGLE_ARRAYS = /^(likes|unlikes|favou?rites|followers|following|votes|upvotes|downvotes|stars|bookmarks|reactions|members)$/i;

/**
 * Does the call's name say it stores a new record (`addComment`, `Service.createOrder`)? Not when
 * it is handed the request itself (`createAttachment(req)`): that reads what the request carries,
 * such as uploaded files, rather than storing a record the client described.
 */
export function namesACreate(call: CallBefore, requestName: string | undefined): boolean {
  if (!CREATE_VERB.test(call.name) || NOT_RESOURCES.test(call.name) || ENQUEUES.test(call.name) || UPSERTS.test(call.name)) return false;
  return !call.node.arguments.some((argument) => {
    const value = skipTypeWrappers(argument);
    return ts.isIdentifier(value) && value.text === requestName;
  });
}

function containsNode(outer: ts.Node, inner: ts.Node): boolean {
  return outer.getStart() <= inner.getStart() && inner.getEnd() <= outer.getEnd();
}

function callBefore(node: ts.CallExpression): CallBefore | undefined {
  const callee = calleeOf(node);
  return callee && { callee: callee.text, name: callee.name, node };
}

/**
 * Calls whose callback holds the site, with the calls they chain on: `user.save` in
 * `user.save((err) => res.send(user))`, `User.create` in `User.create(b).then((u) => res.json(u))`.
 * They run before the response does, though their text ends after it.
 */
export function callsAround(site: ResponseSite): CallBefore[] {
  const calls: CallBefore[] = [];
  for (let node = site.chain.parent; node && node !== site.handler?.node; node = node.parent) {
    if (!ts.isCallExpression(node) || !node.arguments.some((argument) => ts.isFunctionLike(argument) && containsNode(argument, site.chain))) continue;
    for (let call: ts.Expression = node; ts.isCallExpression(call); ) {
      const named = callBefore(call);
      if (named) calls.push(named);
      const callee = skipTypeWrappers(call.expression);
      if (!ts.isPropertyAccessExpression(callee)) break;
      call = skipTypeWrappers(callee.expression);
    }
  }
  return calls;
}

/** The record a Node-style callback hands over: `doc` in `Model.create(data, (err, doc) => …)`. */
export function callbackRecord(call: ts.CallExpression): string | undefined {
  const callback = call.arguments.find((argument): argument is ts.ArrowFunction | ts.FunctionExpression => ts.isArrowFunction(argument) || ts.isFunctionExpression(argument));
  const record = callback?.parameters[1];
  return record && ts.isIdentifier(record.name) ? record.name.text : undefined;
}

/** `{ text }`, `new Comment(…)`, or a name bound to one: a sub-document, not a reference such as an id. */
function isBuiltObject(expression: ts.Expression, site: ResponseSite): boolean {
  const value = skipTypeWrappers(expression);
  if (ts.isObjectLiteralExpression(value) || ts.isNewExpression(value)) return true;
  if (!ts.isIdentifier(value) || !site.handler?.node.body) return false;
  let built = false;
  for (const node of listedWithin(site.handler.node.body)) {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === value.text && node.initializer) {
      const initializer = skipTypeWrappers(node.initializer);
      built = ts.isObjectLiteralExpression(initializer) || ts.isNewExpression(initializer);
    }
  }
  return built;
}

/**
 * `post.comments.push(comment)` before `post.save()`, on a route that is that sub-collection
 * (`POST /posts/:id/comments`): the sub-document saved with the record, and the array it went
 * into. A route named otherwise (`/comment/:id`, `/cart`) reads as an update of the loaded record.
 */
export function pushedSubdocument(save: CallBefore, calls: readonly CallBefore[], site: ResponseSite): { item?: string; array: string } | undefined {
  const callee = skipTypeWrappers(save.node.expression);
  const owner = ts.isPropertyAccessExpression(callee) ? skipTypeWrappers(callee.expression) : undefined;
  const collection = site.route?.path?.split('/').filter((part) => part !== '').pop()?.toLowerCase();
  if (!owner || !ts.isIdentifier(owner) || !collection || site.route?.method !== 'post') return undefined;
  for (const call of calls) {
    if (call.node.getEnd() > save.node.getStart() || (call.name !== 'push' && call.name !== 'unshift')) continue;
    const target = skipTypeWrappers(call.node.expression);
    const array = ts.isPropertyAccessExpression(target) ? skipTypeWrappers(target.expression) : undefined;
    if (!array || !ts.isPropertyAccessExpression(array) || array.name.text.toLowerCase() !== collection || TOGGLE_ARRAYS.test(array.name.text)) continue;
    const root = skipTypeWrappers(array.expression);
    const item = call.node.arguments[0];
    if (!ts.isIdentifier(root) || root.text !== owner.text || !item || !isBuiltObject(item, site)) continue;
    const name = skipTypeWrappers(item);
    return { item: ts.isIdentifier(name) ? name.text : undefined, array: array.name.text };
  }
  return undefined;
}

/**
 * Names computed from the record in the handler, before the response: `userData` in
 * `const userData = { _id: user._id }`, `token` in `jwt.sign({ id: user.id }, secret, (err, token) => …)`.
 * A response that sends them is about the new record.
 */
export function derivedNames(site: ResponseSite, records: readonly string[]): string[] {
  const known = new Set(records);
  const body = site.handler?.node.body;
  if (!body || known.size === 0) return [];
  const derived: string[] = [];
  const add = (name: ts.BindingName | undefined): void => {
    if (name && ts.isIdentifier(name) && !known.has(name.text)) {
      known.add(name.text);
      derived.push(name.text);
    }
  };
  const mentionsRecord = (node: ts.Node): boolean => [...mentionedNames(node)].some((name) => known.has(name));
  for (const node of listedBefore(body, site.chain.getStart())) {
    if (ts.isVariableDeclaration(node) && node.initializer && mentionsRecord(node.initializer)) add(node.name);
    else if (ts.isCallExpression(node)) {
      // The callback of a call given the record (or something made from it) receives what was made of it.
      const given = node.arguments.filter((argument) => !ts.isFunctionLike(argument));
      const callback = node.arguments.find((argument): argument is ts.ArrowFunction | ts.FunctionExpression => ts.isArrowFunction(argument) || ts.isFunctionExpression(argument));
      if (callback && given.some(mentionsRecord)) for (const parameter of callback.parameters.slice(callback.parameters.length > 1 ? 1 : 0)) add(parameter.name);
    }
  }
  return derived;
}
