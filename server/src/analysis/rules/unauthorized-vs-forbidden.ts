// Reports 401 and 403 swapped. 401 means "we do not know who you are: authenticate and retry";
// 403 means "we know who you are, and you may not". A 403 for a missing token stops clients from
// logging in; a 401 for a missing role sends them to log in again, which cannot help.
import ts from 'typescript';
import { mentionedNames } from '../evidence/body';
import { calleeOf, skipTypeWrappers } from '../facts/syntax';
import { codeText, propertyName, testBeforeSite, type AtomicTest } from '../evidence/branchTests';
import { branchSees, conditionReferences, decidingCondition, handlerLocals, referencesIn, VERIFY_CALLS } from '../evidence/causes';
import { addHeadersEdit, changeStatusFix, codeLabel, setStatusEdit } from '../edits/fixes';
import type { Rule, RuleContext } from '../rule';
import { quoted } from '../facts/style';
import type { Fix, ResponseSite } from '../types';
import { bodyWords } from '../evidence/validationCause';
import { isOneTimeTokenFailure } from '../evidence/oneTimeToken';
import { failedLogin } from '../evidence/failedLogin';

// Names that ask "may this identity do it?" rather than "who is it?".
const PERMISSION_NAMES = /^(roles?|isAdmin|admin|permissions?|scopes?|can|cannot|isAllowed|allowed|has(Role|Permission|Scope|Access|Any\w*)\w*|isOwner|owner(Id)?|authorId|createdBy|isSuperuser|isStaff|ability|plan|tier|verified|isVerified|emailVerified|banned|isBanned|active|isActive|locked|isLocked|suspended|blocked)$/;
const AUTHENTICATION_WORDS = /\b(not (logged|signed) in|log ?in required|please (log|sign) in|authentication (is )?required|unauthenticated|not authenticated|(no|missing) (auth\w*|token|credentials|api key)|invalid (token|credentials|api key)|token (has )?expired|expired token)\b/;
const PERMISSION_WORDS = /\b(insufficient (permissions?|privileges|rights)|not (allowed|permitted) to|(do|does) not have (the )?(permission|access|rights)|admins? only|requires? (an? )?admin|forbidden|access denied)\b/;
const CSRF = /csrf|xsrf/i;
const TOKEN_ERRORS = /^(TokenExpiredError|JsonWebTokenError|NotBeforeError|JWTExpired|JWSSignatureVerificationFailed|JWTInvalid)$/;
const TOKEN_SCHEME = /token|authorization|bearer|jwt/i;

/** A permission name, in camelCase or snake_case (`email_verified` reads as `emailVerified`). */
function isPermissionName(name: string): boolean {
  return PERMISSION_NAMES.test(name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()));
}

type Atom = 'identity' | 'permission' | 'other';

/** Splits a condition at `&&` and `||` and says what each part tests. */
function atomsOf(expression: ts.Expression, site: ResponseSite): Atom[] {
  const value = ts.isParenthesizedExpression(expression) ? expression.expression : expression;
  if (ts.isBinaryExpression(value) && (value.operatorToken.kind === ts.SyntaxKind.BarBarToken || value.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)) {
    return [...atomsOf(value.left, site), ...atomsOf(value.right, site)];
  }
  if ([...mentionedNames(value)].some(isPermissionName) || isOwnershipTest(value, site) || asksAboutUser(value, site)) return ['permission'];
  const references = referencesIn(value, site.handler?.requestName, handlerLocals(site));
  return references.length > 0 && references.every((reference) => reference.kind === 'credential') ? ['identity'] : ['other'];
}

/**
 * `!auth.checkAccess(req.user, ['write:assets'])`: a call handed the signed-in user asks what that
 * user may do. Its failure says nothing about missing credentials, whatever the function is called.
 */
function asksAboutUser(expression: ts.Expression, site: ResponseSite): boolean {
  let value = skipTypeWrappers(expression);
  while (ts.isPrefixUnaryExpression(value) && value.operator === ts.SyntaxKind.ExclamationToken) value = skipTypeWrappers(value.operand);
  if (ts.isAwaitExpression(value)) value = skipTypeWrappers(value.expression);
  if (!ts.isCallExpression(value) || VERIFY_CALLS.test(calleeOf(value)?.name ?? '')) return false;
  const locals = handlerLocals(site);
  return value.arguments.some((argument) => {
    // The user itself (`req.user`, `currentUser`), not a claim of a token (`decoded.iat`).
    const value = skipTypeWrappers(argument);
    const name = ts.isIdentifier(value) ? value.text : ts.isPropertyAccessExpression(value) ? value.name.text : undefined;
    return name !== undefined && USER_NAMES.test(name) && referencesIn(argument, site.handler?.requestName, locals).some((reference) => reference.kind === 'credential');
  });
}

const USER_NAMES = /^(user|currentUser|authUser|me|account|principal|identity)$/i;

/** Names of values that are secrets to check, not identities to compare: comparing them authenticates. */
const SECRET_NAMES = /token|secret|password|passwd|hash|otp|code|signature|nonce/i;

/** `post.user.toString() !== req.user.id`: a looked-up record's owner compared with who is asking. */
function isOwnershipTest(expression: ts.Expression, site: ResponseSite): boolean {
  if (!ts.isBinaryExpression(expression)) return false;
  const operator = expression.operatorToken.kind;
  const equality = [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken];
  if (!equality.includes(operator)) return false;
  const kinds = (side: ts.Expression): Set<string> => new Set(referencesIn(side, site.handler?.requestName, handlerLocals(site)).map((reference) => reference.kind));
  // `storedToken !== refreshToken` checks a credential, as a login does: that failure is a 401.
  if ([...mentionedNames(expression)].some((name) => SECRET_NAMES.test(name))) return false;
  const left = kinds(expression.left);
  const right = kinds(expression.right);
  return (left.has('credential') && right.has('lookup')) || (left.has('lookup') && right.has('credential'));
}

/** `try { jwt.verify(token, key) } catch { here }` where nothing else in the try could fail. */
function failedVerify(site: ResponseSite): ts.CallExpression | undefined {
  const tryStatement = site.catchClause?.node.parent;
  if (!tryStatement || !ts.isTryStatement(tryStatement) || decidingCondition(site)) return undefined;
  let verify: ts.CallExpression | undefined;
  let other = false;
  const isVerify = (node: ts.Node): boolean => ts.isCallExpression(node) && VERIFY_CALLS.test(calleeOf(node)?.name ?? '');
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) return;
    if (isVerify(node)) verify ??= node as ts.CallExpression;
    // Awaiting anything but the token check (a user lookup, a query) is another way to fail.
    if (ts.isAwaitExpression(node) && !isVerify(skipTypeWrappers(node.expression))) other = true;
    if (ts.isCallExpression(node) && /^(find|fetch|load|query|select)/.test(calleeOf(node)?.name ?? '')) other = true;
    ts.forEachChild(node, visit);
  };
  visit(tryStatement.tryBlock);
  const permission = [...mentionedNames(tryStatement.tryBlock)].some(isPermissionName);
  return other || permission ? undefined : verify;
}

/** `if (err.name === 'TokenExpiredError')`, `err instanceof JsonWebTokenError`: the token was bad. */
function isTokenErrorTest(test: AtomicTest): boolean {
  if (test.kind === 'instanceof') return TOKEN_ERRORS.test(test.className);
  return test.kind === 'equals' && propertyName(test.subject) === 'name' && TOKEN_ERRORS.test(String(test.value));
}

/** What shows the client gave no (valid) credentials, for a 403. */
function missingCredentials(site: ResponseSite): string | undefined {
  const branch = conditionReferences(site);
  if (branch) {
    const text = branch.condition.expression.getText();
    const atoms = atomsOf(branch.condition.expression, site);
    if (CSRF.test(text) || atoms.includes('permission')) return undefined;
    if (atoms.includes('identity') && branchSees(branch.condition) === 'absent') return `the branch tests \`${codeText(branch.condition.expression)}\``;
    const login = failedLogin(site);
    if (login) return login;
  }
  const tokenError = testBeforeSite(site, isTokenErrorTest);
  if (tokenError) return `the branch handles \`${codeText(tokenError)}\``;
  const verify = failedVerify(site);
  if (verify) return `the catch of \`${codeText(verify)}\``;
  const words = bodyWords(site);
  const phrase = AUTHENTICATION_WORDS.exec(words)?.[0];
  return phrase && !CSRF.test(words) && !branch?.references.length ? `the message says "${phrase}"` : undefined;
}

/** What shows a known identity lacks permission, for a 401. */
function missingPermission(site: ResponseSite): string | undefined {
  const branch = conditionReferences(site);
  if (branch) {
    const atoms = atomsOf(branch.condition.expression, site);
    // `!req.user || req.user.role !== 'admin'` mixes both failures, and `req.user?.role` also covers "no user".
    if (atoms.includes('identity') || branch.condition.expression.getText().includes('?.')) return undefined;
    if (atoms.includes('permission')) return `the branch tests \`${codeText(branch.condition.expression)}\``;
  }
  const phrase = PERMISSION_WORDS.exec(bodyWords(site))?.[0];
  return phrase && !branch ? `the message says "${phrase}"` : undefined;
}

function toUnauthorizedFixes(site: ResponseSite, context: RuleContext): Fix[] {
  const plain = changeStatusFix(site, 401, context);
  if (!plain) return [];
  const scope = (site.catchClause?.node.parent ?? decidingCondition(site)?.expression)?.getText() ?? '';
  const hasChallenge = site.headers.some((header) => header.name === 'www-authenticate');
  const status = setStatusEdit(site, 401, context);
  const header = TOKEN_SCHEME.test(scope) && !hasChallenge ? addHeadersEdit(site, [['WWW-Authenticate', quoted('Bearer', context.style)]], context) : undefined;
  if (!status || !header) return [{ ...plain, isPreferred: true }];
  return [{ title: `Change 403 to ${codeLabel(401)} and add WWW-Authenticate: Bearer header`, edits: [status, header], isPreferred: true }, plain];
}

export const unauthorizedVsForbidden: Rule<'unauthorized-vs-forbidden'> = {
  meta: {
    id: 'unauthorized-vs-forbidden',
    defaultSeverity: 'information',
    description: '403 where no credentials were given, or 401 where a known identity lacks permission.',
    fixable: true,
    docs: {
      details:
        '401 Unauthorized is badly named: it means *unauthenticated*. The client should (re)authenticate and retry, ' +
        'and the response names the scheme in `WWW-Authenticate`. 403 Forbidden means the server knows who is ' +
        'asking and the answer is no: other credentials for the same identity will not help.\n\n' +
        'Reported: a 403 in a branch that finds credentials missing (`!req.headers.authorization`, `!token`, ' +
        '`!req.user`, `!req.session.userId`, `!req.isAuthenticated()`), in a failed log-in (a password check that ' +
        'did not match, `if (!isMatch)`, or no account found in a handler that checks the password, whatever the ' +
        'language of the message and whether the answer is data or a page), in a branch for a token error ' +
        '(`TokenExpiredError`, `JsonWebTokenError`), in the `catch` of a token check (`jwt.verify`) that does ' +
        'nothing else, or with a message such as "not logged in" or "invalid token"; and a 401 in a branch that ' +
        'checks a role or permission (`req.user.role !== "admin"`, `!user.roles.includes(…)`, `!can(…)`, any call ' +
        'handed the signed-in user such as `!auth.checkAccess(req.user, scopes)`) or ownership ' +
        '(`post.user.toString() !== req.user.id`), or with a message such as "insufficient permissions".\n\n' +
        'Not reported: CSRF checks (403 is right for a missing CSRF token); conditions that mix both failures ' +
        '(`!req.user || !req.user.isAdmin`) or use optional chaining (`req.user?.role`), which cover a missing ' +
        'user too: split them; account states such as `!user.emailVerified` or `user.banned`, which are 403; ' +
        'session data that is not an identity (`req.session.cart`); comparisons of tokens, passwords or codes ' +
        '(`storedToken !== refreshToken`), which authenticate; a `catch` whose `try` also loads the user or ' +
        'awaits anything else; a 403 after a lookup found no user, outside a log-in that checks a password; a bad password-reset, verification or invite ' +
        'token or a wrong one-time code (neither missing credentials nor a missing permission); and any dynamic status. A 404 chosen to hide a ' +
        'resource from someone without access is left alone too.\n\n' +
        'The fix for a 403 on a token check also adds `WWW-Authenticate: Bearer`; for a session it only changes the status.',
      incorrect: "app.get('/admin', (req, res) => {\n  if (!req.headers.authorization) {\n    return res.status(403).json({ error: 'Log in first' });\n  }\n  if (req.user.role !== 'admin') {\n    return res.status(401).json({ error: 'Admins only' });\n  }\n  res.json(stats());\n});",
      correct: "app.get('/admin', (req, res) => {\n  if (!req.headers.authorization) {\n    return res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Log in first' });\n  }\n  if (req.user.role !== 'admin') {\n    return res.status(403).json({ error: 'Admins only' });\n  }\n  res.json(stats());\n});",
    },
  },
  check(site, context) {
    const code = site.status.code;
    if (site.status.source === 'implicit' || (code !== 401 && code !== 403)) return;
    // A bad reset, verification or invite token, or a wrong one-time code, is neither missing credentials nor a missing permission.
    if (isOneTimeTokenFailure(site)) return;
    if (code === 403) {
      const evidence = missingCredentials(site);
      if (!evidence) return;
      context.report({
        range: site.status.range,
        message: `403 where no valid credentials were given (${evidence}): 403 tells the client not to bother logging in. Answer ${codeLabel(401)}.`,
        fixes: toUnauthorizedFixes(site, context),
      });
      return;
    }
    const evidence = missingPermission(site);
    if (!evidence) return;
    context.report({
      range: site.status.range,
      message: `401 for a known user without permission (${evidence}): logging in again will not help. Answer ${codeLabel(403)}.`,
      fixes: [changeStatusFix(site, 403, context, true)].filter((fix): fix is Fix => fix !== undefined),
    });
  },
};
