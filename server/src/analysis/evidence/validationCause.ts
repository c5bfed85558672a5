// Does a response answer a validation failure, and how does the code say so? The rules that
// question 500 and 404 for bad input, and the 400-vs-422 rule, read their evidence from here.
import ts from 'typescript';
import { calleeOf, chainRootIdentifier, skipTypeWrappers } from '../facts/syntax';
import { mentionedStrings } from './body';
import { codeText, propertyName, testBeforeSite, type AtomicTest } from './branchTests';
import { branchSees, conditionReferences, decidingCondition, handlerLocals, referencesIn, type Reference, type Truth } from './causes';
import { changeStatusFix } from '../edits/fixes';
import type { RuleContext } from '../rule';
import type { Fix, ResponseSite } from '../types';

export interface ValidationCause {
  /** What the code shows, for messages: "the branch tests `!req.body.email`". */
  evidence: string;
  /** A business rule failed (two values compared), which the guide answers with 422. */
  semantic: boolean;
  /** Only route parameters are tested: an id that cannot exist may fairly be "not found". */
  paramsOnly: boolean;
}

// Phrases of a validation message: "email is required", "age must be a number", "Invalid email".
// Not "invalid id", "invalid URL" or "is missing": a 404 handler may fairly say those of a path.
const VALIDATION_WORDS =
  /\b(is|are) (required|invalid)\b|\brequired fields?\b|\bmust (be|have|contain|include|match|not)\b|\binvalid (input|request|param(eter)?s?|body|payload|query|format|e-?mail|value|data|fields?|json|date|number|phone|name|password)\b|\bmissing (required )?(fields?|param(eter)?s?|arguments?|input|body)\b|\bvalidation (failed|error)s?\b|\bis not a valid\b/;
export const NOT_FOUND_WORDS = /not (be )?found|(could|can)(not| not|n't|'t) find|does ?n[o']t exist|no such/;
// Business-rule wording: "insufficient balance", "endDate must be after startDate".
const SEMANTIC_WORDS = /\binsufficient\b|\bnot enough\b|\bout of stock\b|\bmust be (after|before|later|earlier)\b|\bexceeds (the )?(available|balance|limit|stock)\b/;

const VALIDATION_CLASSES = /^(\w*ValidationError|ZodError|ValidatorError|CastError|BadRequest\w*|StructError|ValiError)$/;
const VALIDATION_CODES = /^(VALIDATION_ERROR|INVALID_INPUT|BAD_REQUEST|E_VALIDATION|entity\.parse\.failed)$/i;
const VALIDATION_HELPERS = /^is\w*(Validation|Zod|Joi|Celebrate|BadRequest)\w*$/;
// Calls a try block may make and still "only validate": the validators, and the response itself.
const VALIDATING_CALLS = /^(parse|parseAsync|validate|validateAsync|validateSync|validateOrReject|assert|cast|next)$/;

/** The lower-cased text of every string the response sends. */
export function bodyWords(site: ResponseSite): string {
  return site.body ? mentionedStrings(site.body).join(' ') : '';
}

function isValidationErrorTest(allowCast: boolean): (test: AtomicTest) => boolean {
  return (test) => {
    if (test.kind === 'instanceof') return VALIDATION_CLASSES.test(test.className) && (allowCast || test.className !== 'CastError');
    if (test.kind === 'call') return VALIDATION_HELPERS.test(test.name);
    const property = propertyName(test.subject);
    if (typeof test.value !== 'string') return false;
    if (property === 'name') return VALIDATION_CLASSES.test(test.value) && (allowCast || test.value !== 'CastError');
    return (property === 'code' || property === 'type') && VALIDATION_CODES.test(test.value);
  };
}

/** `if (err.isJoi)`: Joi marks its errors with a flag rather than a class. */
function joiTest(site: ResponseSite): ts.Node | undefined {
  const condition = site.conditions.find((candidate) => !candidate.inElse);
  if (!condition) return undefined;
  const operands: ts.Expression[] = [];
  const collect = (expression: ts.Expression): void => {
    const value = skipTypeWrappers(expression);
    if (ts.isBinaryExpression(value) && value.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
      collect(value.left);
      collect(value.right);
    } else operands.push(value);
  };
  collect(condition.expression);
  return operands.find((operand) => ts.isPropertyAccessExpression(operand) && operand.name.text === 'isJoi');
}

/** `try { const data = schema.parse(req.body) } catch { here }`: nothing but validation can throw. */
function validationOnlyTry(site: ResponseSite): ts.CallExpression | undefined {
  const tryStatement = site.catchClause?.node.parent;
  if (!tryStatement || !ts.isTryStatement(tryStatement)) return undefined;
  const requestName = site.handler?.requestName;
  let validator: ts.CallExpression | undefined;
  let other = false;
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) return;
    if (ts.isCallExpression(node)) {
      const callee = calleeOf(node);
      const fromResponse = chainRootIdentifier(node)?.text === site.responseName;
      if (!callee || (!VALIDATING_CALLS.test(callee.name) && !fromResponse)) other = true;
      else if (!fromResponse && callee.name !== 'next' && referencesIn(node, requestName, handlerLocals(site)).some((reference) => reference.kind === 'input')) validator ??= node;
    }
    ts.forEachChild(node, visit);
  };
  visit(tryStatement.tryBlock);
  return other ? undefined : validator;
}

function isRelational(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.LessThanToken || kind === ts.SyntaxKind.LessThanEqualsToken || kind === ts.SyntaxKind.GreaterThanToken || kind === ts.SyntaxKind.GreaterThanEqualsToken;
}

/**
 * Does the condition compare two values the client sent, or one it sent with stored state
 * (`req.body.endDate <= req.body.startDate`, `account.balance < amount`)? Presence checks mixed in
 * with `||` make it a format check; `&&` guards before the comparison do not.
 */
function isSemanticCondition(expression: ts.Expression, site: ResponseSite): boolean {
  const value = skipTypeWrappers(expression);
  if (ts.isPrefixUnaryExpression(value) && value.operator === ts.SyntaxKind.ExclamationToken) return isSemanticCondition(value.operand, site);
  if (ts.isCallExpression(value)) {
    // date-fns / dayjs: isAfter(end, start), end.isBefore(start)
    if (!/^is(Same)?(Or)?(After|Before)$/.test(calleeOf(value)?.name ?? '')) return false;
    const callee = skipTypeWrappers(value.expression);
    const [first, second] = ts.isPropertyAccessExpression(callee) ? [callee.expression, value.arguments[0]] : value.arguments;
    return isComparisonOfData(first, second, site);
  }
  if (!ts.isBinaryExpression(value)) return false;
  const operator = value.operatorToken.kind;
  if (operator === ts.SyntaxKind.BarBarToken) return isSemanticCondition(value.left, site) && isSemanticCondition(value.right, site);
  if (operator === ts.SyntaxKind.AmpersandAmpersandToken) return isSemanticCondition(value.left, site) || isSemanticCondition(value.right, site);
  const unequal = operator === ts.SyntaxKind.ExclamationEqualsEqualsToken || operator === ts.SyntaxKind.ExclamationEqualsToken;
  return (isRelational(operator) || unequal) && isComparisonOfData(value.left, value.right, site, unequal);
}

function isComparisonOfData(left: ts.Expression | undefined, right: ts.Expression | undefined, site: ResponseSite, inputsOnly = false): boolean {
  if (!left || !right) return false;
  const locals = handlerLocals(site);
  const kinds = (side: ts.Expression): Set<string> => new Set(referencesIn(side, site.handler?.requestName, locals).map((reference) => reference.kind));
  const a = kinds(left);
  const b = kinds(right);
  if (a.has('credential') || b.has('credential')) return false;
  // `password !== confirmPassword` compares two inputs; `user.id !== req.params.id` is ownership, not a business rule.
  if (inputsOnly) return a.has('input') && b.has('input') && a.size === 1 && b.size === 1;
  const data = (kindsOfSide: Set<string>): boolean => kindsOfSide.has('input') || kindsOfSide.has('lookup');
  return data(a) && data(b) && (a.has('input') || b.has('input'));
}

/** Does the branch run when a validation result says "failed" (`if (error)`, `if (!result.success)`)? */
function seesFailedVerdict(references: readonly Reference[], seen: Truth): boolean {
  const verdict = references.find((reference) => reference.kind === 'validation');
  if (!verdict) return false;
  const tested = verdict.node.parent && ts.isPropertyAccessExpression(verdict.node.parent) ? verdict.node.parent.getText() : verdict.node.getText();
  if (/isEmpty|success|valid/i.test(tested)) return seen === 'absent';
  // `errors.length > 0` compares a count of errors: its branch is the failing one.
  return /err|issue/i.test(tested) ? seen !== 'absent' : false;
}

function fromCondition(site: ResponseSite): ValidationCause | null | undefined {
  const found = conditionReferences(site);
  if (!found) return undefined;
  const { condition, references } = found;
  const evidence = `the branch tests \`${codeText(condition.expression)}\``;
  if (references.some((reference) => reference.kind === 'credential')) return null;
  const inputs = references.filter((reference) => reference.kind === 'input');
  if (references.some((reference) => reference.kind === 'lookup')) {
    // A lookup decides: "not found" is right. Only a business rule against stored state is the client's fault.
    return inputs.length > 0 && isSemanticCondition(condition.expression, site) ? { evidence, semantic: true, paramsOnly: false } : null;
  }
  const seen = branchSees(condition);
  if (references.some((reference) => reference.kind === 'validation')) {
    return seesFailedVerdict(references, seen) ? { evidence, semantic: false, paramsOnly: false } : null;
  }
  if (inputs.length === 0) return undefined;
  // A branch for good input (`if (req.body.email)`) or a mode switch (`req.query.format === 'csv'`).
  if (seen === 'present') return null;
  const paramsOnly = inputs.every((reference) => reference.source === 'params');
  return { evidence, semantic: isSemanticCondition(condition.expression, site), paramsOnly };
}

/**
 * Why this response answers a validation failure, or undefined when the code does not say so.
 * `allowCast`: count Mongoose's CastError (a malformed id) as a validation failure.
 */
export function validationCause(site: ResponseSite, allowCast: boolean): ValidationCause | undefined {
  const byCondition = fromCondition(site);
  if (byCondition) return byCondition;
  // `null`: the branch tests something that rules validation out (a lookup, credentials, good input).
  if (byCondition === null) return undefined;
  const errorTest = testBeforeSite(site, isValidationErrorTest(allowCast)) ?? joiTest(site);
  if (errorTest) return { evidence: `the branch handles \`${codeText(errorTest)}\``, semantic: false, paramsOnly: false };
  const validator = decidingCondition(site) ? undefined : validationOnlyTry(site);
  if (validator) return { evidence: `only \`${codeText(validator)}\` can throw here`, semantic: false, paramsOnly: false };
  // A branch that tests something else (`!process.env.API_KEY`) may use the same words for a server fault.
  if (decidingCondition(site)) return undefined;
  const words = bodyWords(site);
  const phrase = VALIDATION_WORDS.exec(words) ?? SEMANTIC_WORDS.exec(words);
  if (phrase && !NOT_FOUND_WORDS.test(words)) {
    return { evidence: `the message says "${phrase[0]}"`, semantic: SEMANTIC_WORDS.test(words), paramsOnly: false };
  }
  return undefined;
}

/** A validation phrase in the body ("is required"), unless it also says "not found". */
export function validationPhrase(site: ResponseSite): string | undefined {
  const words = bodyWords(site);
  return NOT_FOUND_WORDS.test(words) ? undefined : VALIDATION_WORDS.exec(words)?.[0];
}

/** Business-rule wording in the body ("insufficient balance"), for the 400-vs-422 rule. */
export function semanticWording(site: ResponseSite): string | undefined {
  return SEMANTIC_WORDS.exec(bodyWords(site))?.[0];
}

/** The guide's split: 422 when a business rule failed, otherwise the team's validation status. */
export function preferredValidationStatus(semantic: boolean, context: RuleContext): 400 | 422 {
  return semantic ? 422 : context.options.validationStatus;
}

/** "Change N to 400" and "Change N to 422", the preferred one first. */
export function validationFixes(site: ResponseSite, preferred: 400 | 422, context: RuleContext): Fix[] {
  const other = preferred === 400 ? 422 : 400;
  return [changeStatusFix(site, preferred, context, true), changeStatusFix(site, other, context)].filter((fix): fix is Fix => fix !== undefined);
}
