// A log-in that failed: the branch where the password did not match (`if (!isMatch)`, `if (!(await
// user.comparePassword(pw)))`), or where the account was not found in a handler that checks a
// password. Read from the code, not the message, so a message in any language counts.
import ts from 'typescript';
import { calleeOf, initializersOf, skipTypeWrappers } from '../facts/syntax';
import type { ResponseSite } from '../types';
import { branchSees, conditionReferences } from './causes';
import { codeText } from './branchTests';
import { mentionedNames } from './body';

// bcrypt's `compare`, argon2's and passport-local's helpers, and the model methods projects write for it.
const PASSWORD_CHECKS = /^(compare|compareSync|comparePassword|comparePasswords|checkPassword|validPassword|isValidPassword|validatePassword|verifyPassword|matchPassword|matchesPassword|passwordMatches|isPasswordValid|isPasswordCorrect|correctPassword|authenticate)$/;

function passwordCheckIn(node: ts.Node): ts.CallExpression | undefined {
  if (ts.isCallExpression(node) && PASSWORD_CHECKS.test(calleeOf(node)?.name ?? '')) return node;
  if (ts.isFunctionLike(node)) return undefined;
  return ts.forEachChild(node, passwordCheckIn);
}

/** What shows the site answers a failed log-in, for the message; undefined when nothing does. */
export function failedLogin(site: ResponseSite): string | undefined {
  const branch = conditionReferences(site);
  const body = site.handler?.node.body;
  if (!branch || !body || branchSees(branch.condition) !== 'absent') return undefined;
  const condition = skipTypeWrappers(branch.condition.expression);
  const tested = mentionedNames(condition);
  const check = passwordCheckIn(condition) ?? initializersOf(body, tested).map(passwordCheckIn).find((call) => call !== undefined);
  if (check) return `the password check \`${codeText(check)}\` failed`;
  // `if (!user)` after a look-up, in a handler that goes on to check the password: an unknown account.
  const account = branch.references.find((reference) => reference.kind === 'lookup' && reference.single);
  if (account && branch.references.length === 1 && passwordCheckIn(body)) return `no account matched (\`${codeText(condition)}\`)`;
  return undefined;
}
