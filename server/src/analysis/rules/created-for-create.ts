// Reports a POST handler that stores a new record and answers 200: 201 Created is how HTTP says a
// resource now exists, and clients, caches and API tooling rely on the difference.
import ts from 'typescript';
import { mentionedNames, mentionedStrings } from '../evidence/body';
import { createCalls, createdLocation, isActionPath, resourceName, type CreateCall } from '../evidence/createdResource';
import { addHeadersEdit, changeStatusFix, setStatusEdit } from '../edits/fixes';
import type { Rule, RuleContext } from '../rule';
import { shorten } from '../facts/shorten';
import type { Fix, ResponseSite } from '../types';

/** Sends that answer an API client; a rendered page or a file is another conversation. */
const CREATE_WORDS = /\b(created|added|registered|saved|inserted)\b/;
const NEGATIONS = /\b(not|never|already|failed|cannot)\b|n't/;
const SHORT_CIRCUITS = new Set([ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken]);

/**
 * Does the create call run whenever the site runs? Not when it sits in a branch, loop, callback
 * or short-circuit that does not also hold the site (`if (!found) await User.create(…)`).
 */
function runsBefore(call: ts.Node, site: ResponseSite): boolean {
  const holds = (region: ts.Node): boolean => region.getStart() <= site.chain.getStart() && site.chain.getEnd() <= region.getEnd();
  let child: ts.Node = call;
  for (let node = call.parent; node && node !== site.handler?.node; child = node, node = node.parent) {
    const conditional =
      (ts.isIfStatement(node) && child !== node.expression) ||
      (ts.isConditionalExpression(node) && child !== node.condition) ||
      (ts.isBinaryExpression(node) && child === node.right && SHORT_CIRCUITS.has(node.operatorToken.kind)) ||
      ts.isCaseClause(node) || ts.isDefaultClause(node) || ts.isCatchClause(node) || ts.isIterationStatement(node, false) || ts.isFunctionLike(node);
    if (conditional && !holds(child)) return false;
  }
  return true;
}

/** The name the handler is known by (`createUser` in `exports.createUser = async (req, res) => …`). */
function handlerName(site: ResponseSite): string | undefined {
  const node = site.handler?.node;
  if (!node) return undefined;
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name) return node.name.getText();
  const parent = node.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isBinaryExpression(parent) && ts.isPropertyAccessExpression(parent.left)) return parent.left.name.text;
  return undefined;
}

/** Is this a create endpoint? A POST route, or an unregistered controller named `createX`/`addX`. */
function isCreateEndpoint(site: ResponseSite): boolean {
  const method = site.route?.method;
  if (method === 'post') return !isActionPath(site.route?.path);
  return method === undefined && /^(create|add|insert)([A-Z_]|$)/.test(handlerName(site) ?? '');
}

/** Does the response speak about the created record: returns it, says "created", or the route is its collection? */
function answersTheCreate(site: ResponseSite, create: CreateCall): boolean {
  if (site.body) {
    // `res.json(await User.create(req.body))` answers with the record itself.
    if (site.body.getStart() <= create.call.node.getStart() && create.call.node.getEnd() <= site.body.getEnd()) return true;
    const names = mentionedNames(site.body);
    if ([...create.holders, create.result].some((name) => name !== undefined && names.has(name))) return true;
    if (mentionedStrings(site.body).some((text) => CREATE_WORDS.test(text) && !NEGATIONS.test(text))) return true;
  }
  // Only a plural segment names a collection: `/users` does, `/posts/:id/like` is an action.
  const last = site.route?.path?.split('/').filter((part) => part !== '').pop();
  if (!last || !/^[\w-]+s$/.test(last) || site.route?.method !== 'post') return false;
  const receiver = create.call.callee.split('.')[0];
  return receiver !== '…' && resourceName(receiver) === resourceName(last);
}

function fixesFor(site: ResponseSite, creates: readonly CreateCall[], context: RuleContext): Fix[] {
  const fixes: Fix[] = [];
  const change = changeStatusFix(site, 201, context, true);
  if (change) fixes.push(change);
  const location = createdLocation(site, creates);
  const status = setStatusEdit(site, 201, context);
  const header = location === undefined ? undefined : addHeadersEdit(site, [['Location', location]], context);
  if (location && status && header) {
    // An implicit status and the header land at the same anchor: one insertion keeps their order.
    const edits = status.start === header.start && status.end === header.end ? [{ ...status, newText: status.newText + header.newText }] : [status, header];
    fixes.push({ title: `Change 200 to 201 Created and add Location header (${shorten(location)})`, edits });
  }
  return fixes;
}

export const createdForCreate: Rule<'created-for-create'> = {
  meta: {
    id: 'created-for-create',
    defaultSeverity: 'information',
    description: 'A POST handler that creates something and answers 200.',
    fixable: true,
    docs: {
      details:
        'When a POST stores a new record, 201 Created tells the client that a resource now exists (and, with a ' +
        '`Location` header, where). 200 only says "it worked".\n\n' +
        'The rule looks for a call that stores a new record, before the response or in its body (`User.create`, ' +
        '`prisma.user.create`, `repository.insert`, `collection.insertOne`, `new Post(…).save()`), and a response ' +
        'that is about it: it returns the record, says "created", or the route is the record\'s collection ' +
        '(`POST /users` with `User.create`).\n\n' +
        'Not reported: login, token, session, search, query, check and webhook routes (they answer, they do not ' +
        'create); lookups such as `findOne`; `save()` on a record that was loaded rather than built with `new` (an ' +
        'update); a create that only runs in some branch, loop or callback; side records that the response does not ' +
        'mention (`AuditLog.create`); answers inside a `catch`; rendered pages; and statuses the file does not pin ' +
        'down. Controllers registered in another file are checked when their name says so (`createUser`).\n\n' +
        'The preferred fix changes the status to 201. A second fix also adds a `Location` header where the code ' +
        'tells the new URL (route path plus the record\'s id).',
      incorrect:
        "app.post('/books', async (req, res) => {\n  const book = await Book.create(req.body);\n  res.json(book);\n});",
      correct:
        "app.post('/books', async (req, res) => {\n  const book = await Book.create(req.body);\n  res.status(201).location(`/books/${book.id}`).json(book);\n});",
    },
  },
  check(site, context) {
    if (site.status.code !== 200 || !site.send || (site.send.kind !== 'data' && site.send.kind !== 'empty') || site.catchClause) return;
    if (!isCreateEndpoint(site)) return;
    const creates = createCalls(site).filter((create) => runsBefore(create.call.node, site) && answersTheCreate(site, create));
    if (creates.length === 0) return;
    const what = site.route?.method === 'post' ? 'POST' : 'handler';
    context.report({
      range: site.status.range,
      message: `This ${what} creates a record (\`${shorten(creates[0].call.callee)}\`) but answers 200 OK: answer 201 Created so clients know a new resource exists.`,
      fixes: fixesFor(site, creates, context),
    });
  },
};
