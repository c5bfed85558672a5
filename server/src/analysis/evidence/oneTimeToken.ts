// A 401 for a bad password-reset, e-mail-verification, invite or activation token, or a one-time
// code, is not HTTP authentication: the client holds no credentials a scheme could ask for, so a
// `WWW-Authenticate: Bearer` challenge would be wrong there. Read from the words around the site:
// its route, the functions it is in, its message, its conditions and the calls before it. Asking
// for a reset (`sendPasswordReset` for an unknown e-mail) involves no token: that 401 stays reported.
import ts from 'typescript';
import type { ResponseSite } from '../types';
import { mentionedNames, mentionedStrings } from './body';
import { bodyWords } from './validationCause';

const ONE_TIME_TOKEN =
  /\b(reset (token|code|link|password)|verification (token|code|link)|verify (email|account|phone|otp|code)|email (verification|token|confirmation)|confirm (email|account)|confirmation (token|code|link)|activation (token|code|link)|activate account|invit(e|ation) (token|code|link)|otp|one time (password|code|token))\b/;

/** `passwordResetToken`, `VERIFY_EMAIL`, `/reset-password/:token` → `password reset token`, `verify email`, `reset password token`. */
function words(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ');
}

/** The names of the functions around a node: `verifyEmail`, `exports.resetPassword = …`, `resetPassword() {…}`. */
function functionNamesAround(node: ts.Node): string[] {
  const names: string[] = [];
  for (let current = node.parent; current; current = current.parent) {
    if (!ts.isFunctionLike(current)) continue;
    const named = (current as ts.FunctionLikeDeclaration).name;
    if (named && (ts.isIdentifier(named) || ts.isStringLiteral(named))) names.push(named.text);
    const holder = current.parent;
    if (holder && ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name)) names.push(holder.name.text);
    if (holder && ts.isPropertyAssignment(holder) && ts.isIdentifier(holder.name)) names.push(holder.name.text);
    if (holder && ts.isBinaryExpression(holder) && ts.isPropertyAccessExpression(holder.left)) names.push(holder.left.name.text);
  }
  return names;
}

/** Is the call on the way to the site, not in a branch beside it (`if (user) { …generate… return }` then `throw`)? */
function isOnPathTo(call: ts.CallExpression, site: ResponseSite): boolean {
  let block: ts.Node | undefined = call.parent;
  while (block && !ts.isBlock(block) && !ts.isSourceFile(block)) block = block.parent;
  return !block || (block.getStart() <= site.statement.getStart() && site.statement.getEnd() <= block.getEnd());
}

/** Does the site answer a bad one-time token (reset, verification, invite, activation, OTP) rather than missing credentials? */
export function isOneTimeTokenFailure(site: ResponseSite): boolean {
  const texts = [
    site.handler?.path ?? '',
    ...functionNamesAround(site.statement),
    bodyWords(site),
    ...site.conditions.flatMap((condition) => [...mentionedNames(condition.expression), ...mentionedStrings(condition.expression)]),
    ...site.callsBefore.filter((call) => isOnPathTo(call.node, site)).flatMap((call) => [call.callee, ...call.node.arguments.flatMap((argument) => [...mentionedNames(argument), ...mentionedStrings(argument)])]),
  ];
  return texts.some((text) => ONE_TIME_TOKEN.test(words(text)));
}
