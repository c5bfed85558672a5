// A log-in that failed: the branch where the password did not match (`if (!isMatch)`, `if (!(await
// user.comparePassword(pw)))`), or where the account was not found in a handler that checks a
// password. Read from the code, not the message, so a message in any language counts.
import ts from 'typescript';
import { calleeOf, skipTypeWrappers } from '../facts/syntax';
import type { ResponseSite } from '../types';
import { branchSees, conditionReferences } from './causes';
import { codeText } from './branchTests';

// bcrypt's `compare`, argon2's and passport-local's helpers, and the model methods projects write for it.
const PASSWORD_CHECKS = /^(compare|compareSync|comparePassword|comparePasswords|checkPassword|validPassword|isValidPassword|validatePassword|verifyPassword|matchPassword|matchesPassword|passwordMatches|isPasswordValid|isPasswordCorrect|correctPassword|authenticate)$/;

function passwordCheckIn(node: ts.Node): ts.CallExpression | undefined {
  if (ts.isCallExpression(node) && PASSWORD_CHECKS.test(calleeOf(node)?.name ?? '')) return node;
  if (ts.isFunctionLike(node)) return undefined;
  return ts.forEachChild(node, passwordCheckIn);
}

/** Where each of `names` is given its value in `body`: `const isMatch = await bcrypt.compare(…)`. */
function initializersOf(body: ts.Node, names: ReadonlySet<string>): ts.Expression[] {
  const found: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && names.has(node.name.text) && node.initializer) found.push(node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(body);
  return found;
}

function identifiersIn(node: ts.Node): Set<string> {
  const names = new Set<string>();
  const visit = (child: ts.Node): void => {
    if (ts.isIdentifier(child) && !(ts.isPropertyAccessExpression(child.parent) && child.parent.name === child)) names.add(child.text);
    ts.forEachChild(child, visit);
  };
  visit(node);
  return names;
}

/** What shows the site answers a failed log-in, for the message; undefined when nothing does. */
export function failedLogin(site: ResponseSite): string | undefined {
  const branch = conditionReferences(site);
  const body = site.handler?.node.body;
  if (!branch || !body || branchSees(branch.condition) !== 'absent') return undefined;
  const condition = skipTypeWrappers(branch.condition.expression);
  const tested = identifiersIn(condition);
  const check = passwordCheckIn(condition) ?? initializersOf(body, tested).map(passwordCheckIn).find((call) => call !== undefined);
  if (check) return `the password check \`${codeText(check)}\` failed`;
  // `if (!user)` after a look-up, in a handler that goes on to check the password: an unknown account.
  const account = branch.references.find((reference) => reference.kind === 'lookup' && reference.single);
  if (account && branch.references.length === 1 && passwordCheckIn(body)) return `no account matched (\`${codeText(condition)}\`)`;
  return undefined;
}
