// Reports a POST handler that stores a new record and answers 200: 201 Created is how HTTP says a
// resource now exists, and clients, caches and API tooling rely on the difference.
import ts from 'typescript';
import { mentionedNames, mentionedStrings } from '../evidence/body';
import { createCalls, createdLocation, isActionPath, resourceName, type CreateCall } from '../evidence/createdResource';
import { addHeadersEdit, changeStatusFix, setStatusEdit } from '../edits/fixes';
import type { Rule, RuleContext } from '../rule';
import { shorten } from '../facts/shorten';
import type { Fix, ResponseSite } from '../types';
import { skipTypeWrappers } from '../facts/syntax';

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

/**
 * Is this a create endpoint? A POST route, or an unregistered controller named for a create
 * (`createX`, `addX`, `signup`, `register`).
 */
function isCreateEndpoint(site: ResponseSite): boolean {
  const method = site.route?.method;
  if (method === 'post') return !isActionPath(site.route?.path);
  return method === undefined && /^(create|add|insert|register|sign_?up)([A-Z_]|$)/i.test(handlerName(site) ?? '');
}

/**
 * A controller registered out of sight, named otherwise (`setGoal`), still creates when its whole
 * answer is the new record or says "created": a GET does neither.
 */
function answersOnlyTheCreate(site: ResponseSite, create: CreateCall): boolean {
  // A bulk import answering a count ("12 documents inserted") has no single new resource.
  if (site.route?.method !== undefined || !site.body || create.bulk) return false;
  const body = skipTypeWrappers(site.body);
  if (ts.isIdentifier(body) && create.holders.includes(body.text)) return true;
  return mentionedStrings(site.body).some((text) => CREATE_WORDS.test(text) && !NEGATIONS.test(text));
}

/** Does the response speak about the created record: returns it, says "created", or the route is its collection? */
function answersTheCreate(site: ResponseSite, create: CreateCall): boolean {
  if (site.body) {
    // `res.json(await User.create(req.body))` answers with the record itself.
    if (site.body.getStart() <= create.call.node.getStart() && create.call.node.getEnd() <= site.body.getEnd()) return true;
    const names = mentionedNames(site.body);
    if ([...create.holders, ...create.derived, create.result].some((name) => name !== undefined && names.has(name))) return true;
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
        'The rule looks for a call that stores a new record, before the response, in its body or around it ' +
        '(`User.create`, `prisma.user.create`, `repository.save(entity)`, knex `insert`, drizzle `insert().values()`, ' +
        '`collection.insertOne`, `new Post(…).save()`, Sequelize `Post.build(…).save()`), including a response sent ' +
        'from the create\'s own callback (`user.save((err) => res.send(user))`, `User.create(b).then((u) => res.json(u))`, ' +
        '`Book.create(b, (err, book) => …)`); a call whose name says it creates (`addComment`, `insertUser`, ' +
        '`orderService.createOrder`, `userModel.registerUser`: registering an account creates one); and a sub-document ' +
        'pushed into a loaded record and saved (`post.comments.push(comment); await post.save()`) on the route of that ' +
        'sub-collection (`POST /posts/:id/comments`). The response must be about it: it returns the record or something ' +
        'made from it (`{ _id: user._id }`, a token signed for the new user), says "created" or "registered", or the ' +
        'route is the record\'s collection (`POST /users` with `User.create`).\n\n' +
        'Not reported: login, token, session, search, query, check and webhook routes (they answer, they do not ' +
        'create); lookups such as `findOne`, and `findOrCreate`; upserts (`createOrUpdate`, `upsert`); toggles ' +
        '(`addLike`, a push into `likes` or `followers`); "ingest" calls; calls that create no resource of the API ' +
        '(`createToken`, `createError`, `createQueryBuilder`) or are handed the request itself (`createAttachment(req)` ' +
        'reads uploads); `save()` on a record that was loaded rather than built (an update), including a push into it on ' +
        'a route that does not name the sub-collection (`POST /comment/:id`) or a push of a mere id; a create that only ' +
        'runs in some branch or loop; side records that the response does not mention (`AuditLog.create`); answers ' +
        'inside a `catch`; rendered pages; and statuses the file does not pin down. Controllers registered in another ' +
        'file are checked when their name says so (`createUser`, `addComment`, `signup`, `register`), or when their ' +
        'whole answer is the new record or says it was created (a bulk import answering a count is not).\n\n' +
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
    const endpoint = isCreateEndpoint(site);
    const creates = createCalls(site).filter((create) => runsBefore(create.call.node, site) && (endpoint ? answersTheCreate(site, create) : answersOnlyTheCreate(site, create)));
    if (creates.length === 0) return;
    const what = site.route?.method === 'post' ? 'POST' : 'handler';
    context.report({
      range: site.status.range,
      message: `This ${what} creates a record (\`${shorten(creates[0].call.callee)}\`) but answers 200 OK: answer 201 Created so clients know a new resource exists.`,
      fixes: fixesFor(site, creates, context),
    });
  },
};
