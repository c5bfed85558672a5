// Reports a 2xx that answers "nothing found": sent in the branch where a single-record lookup came
// back empty (`if (!user) return res.json(...)`), or a GET that sends `null` / `{ data: null }`.
// The client cannot tell "exists but empty" from "does not exist"; 404 says which.
import ts from 'typescript';
import { skipTypeWrappers } from '../facts/syntax';
import { isEmptyLiteral, isFalseLiteral, objectProperties } from '../evidence/body';
import { sendBodyEdits } from '../edits/bodyFix';
import { codeText } from '../evidence/branchTests';
import { branchSees, handlerLocals, referencesIn, type Reference } from '../evidence/causes';
import { changeStatusFix, codeLabel } from '../edits/fixes';
import type { Rule, RuleContext } from '../rule';
import { quoted } from '../facts/style';
import type { BranchCondition, Fix, ResponseSite } from '../types';
import { bodyWords, NOT_FOUND_WORDS } from '../evidence/validationCause';

function isNullish(expression: ts.Expression): boolean {
  const value = skipTypeWrappers(expression);
  return value.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(value) && value.text === 'undefined');
}

/** `send('')`: an empty text says as little as no body. */
function isEmptyText(expression: ts.Expression): boolean {
  const value = skipTypeWrappers(expression);
  return ts.isStringLiteralLike(value) && value.text === '';
}

/** `null`, or `{ data: null }`: an object whose every property is a null payload (`{ error: null }` says "no error"). */
function isEmptyBody(body: ts.Expression): boolean {
  if (isNullish(body)) return true;
  const properties = objectProperties(body);
  const literal = skipTypeWrappers(body);
  const spreads = ts.isObjectLiteralExpression(literal) && literal.properties.some((property) => !ts.isPropertyAssignment(property));
  if (!properties || properties.size === 0 || spreads) return false;
  return [...properties].every(([key, value]) => isNullish(value) && !/^(error|errors|err|message)$/i.test(key));
}

/** `error: …`, `errors: …`, `success: false`, `ok: false`: what no-error-in-success reports. */
function hasFailureMarker(body: ts.Expression): boolean {
  const properties = objectProperties(body);
  if (!properties) return false;
  const failed = (key: string): boolean => {
    const value = properties.get(key);
    return value !== undefined && isFalseLiteral(value);
  };
  const error = properties.get('error') ?? properties.get('errors');
  return failed('success') || failed('ok') || (error !== undefined && !isEmptyLiteral(error));
}

/**
 * The innermost condition that tests a value of the handler. One that reads nothing (`if (req.isHTML)`,
 * how the client asked) only picks the answer's form: `if (!link) { if (req.isHTML) … }` is decided by `!link`.
 */
function testedCondition(site: ResponseSite): { condition: BranchCondition; references: Reference[] } | undefined {
  for (const condition of site.conditions) {
    if (site.catchClause && condition.expression.getStart() < site.catchClause.node.getStart()) return undefined;
    const references = referencesIn(condition.expression, site.handler?.requestName, handlerLocals(site));
    if (references.length > 0) return { condition, references };
  }
  return undefined;
}

// A name for many records: `users`, `linkList`, `rows`. A list is never falsy, so `!users` asks something else.
const PLURAL_NAME = /(s|List|Array|Rows|Items|Set)$/;

/** The lookup whose absence the deciding branch tests: `if (!user)`, `if (user == null)`, `else` of `if (user)`. */
function missingLookup(site: ResponseSite): { reference: Reference; evidence: string } | undefined {
  const found = testedCondition(site);
  if (!found || found.references.length !== 1 || branchSees(found.condition) !== 'absent') return undefined;
  const [reference] = found.references;
  // `const link = await query.link.find(…); if (!link)`: testing a singular result for absence says it is one record or none.
  const oneRecord = reference.single || (reference.local !== undefined && !PLURAL_NAME.test(reference.local));
  if (reference.kind !== 'lookup' || !oneRecord) return undefined;
  // Only `!x`, `(x)` and `x == null` may stand between the lookup and the condition: `!user.active` is another question.
  for (let node: ts.Node = reference.node; node !== found.condition.expression; node = node.parent) {
    const parent = node.parent;
    const nullCheck = ts.isBinaryExpression(parent) && [parent.left, parent.right].some(isNullish);
    if (!ts.isPrefixUnaryExpression(parent) && !ts.isParenthesizedExpression(parent) && !ts.isAwaitExpression(parent) && !nullCheck) return undefined;
  }
  const test = codeText(found.condition.expression);
  return { reference, evidence: found.condition.inElse ? `the else of \`if (${test})\`` : `\`${test}\`` };
}

/** Does the body stand for "nothing": no body, null, the missing record itself, or a "not found" message? */
function answersNothing(site: ResponseSite, reference: Reference): boolean {
  const body = site.body && skipTypeWrappers(site.body);
  // `{ error: 'User not found' }` in a 2xx is no-error-in-success's finding; one report is enough.
  const saysNotFound = NOT_FOUND_WORDS.test(bodyWords(site)) && !(body && hasFailureMarker(body));
  // A POST that finds no account (a password reset) may answer the same either way: only "not found" counts.
  if (saysNotFound || site.route?.method === 'post') return saysNotFound;
  if (!body) return site.send?.kind === 'empty';
  return isEmptyBody(body) || isEmptyText(body) || (reference.local !== undefined && ts.isIdentifier(body) && body.text === reference.local);
}

/** "User" from `User.findById`, `const user`, `const existingUser`, or the route `/users/:id`. */
function thingName(site: ResponseSite, reference: Reference | undefined): string {
  const qualifier = reference?.detail?.split('.')[0] ?? '';
  const model = /^[A-Z][a-z]\w*$/.test(qualifier) ? qualifier : undefined;
  const local = reference?.local?.replace(/^(existing|found|current|target|matching|selected|the)(?=[A-Z])/, '');
  const segment = site.route?.path?.split('/').filter((part) => part && !part.startsWith(':')).pop()?.replace(/s$/, '');
  const name = model ?? local ?? segment;
  if (!name || !/^[A-Za-z]\w*$/.test(name)) return 'Resource';
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return (words[0].toUpperCase() + words.slice(1)).slice(0, 30);
}

function notFoundFixes(site: ResponseSite, thing: string, context: RuleContext): Fix[] {
  const from = site.status.code ?? 200;
  // A body that already says "not found" only needs the status.
  if (NOT_FOUND_WORDS.test(bodyWords(site))) return [changeStatusFix(site, 404, context, true)].filter((fix): fix is Fix => fix !== undefined);
  const body = `{ error: ${quoted(`${thing} not found`, context.style)} }`;
  const edits = sendBodyEdits(site, body, context, 404);
  return edits ? [{ title: `Change ${from} to ${codeLabel(404)} and send ${body}`, edits, isPreferred: true }] : [];
}

export const noSuccessForMissing: Rule<'no-success-for-missing'> = {
  meta: {
    id: 'no-success-for-missing',
    defaultSeverity: 'warning',
    description: 'A 2xx response with an empty body, or sent where a lookup found nothing.',
    fixable: true,
    docs: {
      details:
        'When `GET /users/999` answers 200, the client cannot tell a user that exists but is empty from one ' +
        'that does not exist. 404 says it plainly, and caches, clients and monitoring all understand it.\n\n' +
        'Reported: a 2xx sent in the branch where a single-record lookup found nothing (`const user = await ' +
        'User.findById(id); if (!user) return res.json(...)`, `user == null`, the `else` of `if (user)`) when ' +
        'the response sends nothing, `null`, the missing record itself or a "not found" message; and a GET that ' +
        'answers 2xx with `null` or `{ data: null }`. A look-up counts as one record when its result has a singular name ' +
        'and is tested for absence (`const link = await query.link.find(…); if (!link)`: a list is never falsy); the test ' +
        'may sit outside a branch that only picks the answer\'s form (`if (!link) { if (req.isHTML) … }`); an empty text ' +
        '(`send("")`) is nothing, and a page rendered at 200 saying "Could not find the link" says "not found".\n\n' +
        'Not reported: a successful lookup answered with the record (`res.json(user)`); lists (`find`, ' +
        '`findMany`: an empty list is a valid answer); 204; a branch that answers something meaningful when ' +
        'nothing was found (`{ available: true }` for an availability check); a POST whose branch does not say ' +
        '"not found", since a password reset or sign-in may answer the same for known and unknown emails on ' +
        'purpose; `{ error: \'User not found\' }` in a 2xx, which no-error-in-success reports; a lookup whose ' +
        'result is never tested; a check written as an early return before the response (`if (user) return ' +
        'res.json(user);` then `res.json(null)` is reported only for its null body in a GET); and any dynamic status.',
      incorrect: "app.get('/users/:id', async (req, res) => {\n  const user = await User.findById(req.params.id);\n  if (!user) {\n    return res.json({ data: null });\n  }\n  res.json(user);\n});",
      correct: "app.get('/users/:id', async (req, res) => {\n  const user = await User.findById(req.params.id);\n  if (!user) {\n    return res.status(404).json({ error: 'User not found' });\n  }\n  res.json(user);\n});",
    },
  },
  check(site, context) {
    const code = site.status.code;
    if (code === undefined || code < 200 || code > 299 || code === 204 || !site.send) return;
    const missing = missingLookup(site);
    if (missing && answersNothing(site, missing.reference)) {
      context.report({
        range: site.status.range,
        message: `${codeLabel(code)} where the lookup found nothing (${missing.evidence}): clients cannot tell "missing" from "empty". Answer ${codeLabel(404)}.`,
        fixes: notFoundFixes(site, thingName(site, missing.reference), context),
      });
    } else if (site.route?.method === 'get' && site.body && isEmptyBody(site.body)) {
      context.report({
        range: site.status.range,
        message: `${codeLabel(code)} with an empty body (\`${codeText(site.body)}\`): clients cannot tell "missing" from "empty". Answer ${codeLabel(404)}.`,
        fixes: notFoundFixes(site, thingName(site, undefined), context),
      });
    }
  },
};
