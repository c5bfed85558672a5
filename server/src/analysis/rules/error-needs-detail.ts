// Reports a 400, 409 or 422 that does not say what is wrong: no body at all (`sendStatus(400)`,
// `status(400).end()`), or a body that only repeats the reason phrase (`{ error: 'Bad Request' }`).
// The client must change its request and cannot guess which field, value or format to change.
import ts from 'typescript';
import { skipTypeWrappers } from '../facts/syntax';
import { objectKey, sendBodyEdits } from '../edits/bodyFix';
import { failedFields, type FieldProblem } from '../evidence/failedFields';
import { codeLabel } from '../edits/fixes';
import { statusInfo } from '../../knowledge';
import type { Rule, RuleContext } from '../rule';
import { quoted } from '../facts/style';
import type { Fix, ResponseSite, TextEdit } from '../types';

// 404, 401, 403, 429… say what happened by themselves; these three ask the client to change the content.
const DETAIL_CODES = new Set([400, 409, 422]);
const GENERIC = new Set(['error', 'bad request', 'invalid request', 'invalid input', 'invalid data', 'invalid parameters', 'validation failed', 'validation error', 'request failed', 'failed', 'something went wrong']);

function words(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

// Letters outside the Latin script (Cyrillic, CJK, Arabic…): a message in the user's language, which
// names the problem in words the English phrase list cannot read. It is detail, not a reason phrase.
const NON_LATIN_LETTER = /(?![\p{Script=Latin}])\p{L}/u;

function isGenericText(text: string, code: number): boolean {
  if (NON_LATIN_LETTER.test(text)) return false;
  const info = statusInfo(code);
  const phrases = [info?.phrase, info?.formerPhrase].filter((phrase): phrase is string => phrase !== undefined).map(words);
  const said = words(text);
  return said === '' || GENERIC.has(said) || phrases.includes(said);
}

/** A value that tells nothing: a generic string, a number (`status: 400`), a boolean, `{}`, `[]`, null. */
function isUninformative(expression: ts.Expression, code: number): boolean {
  const value = skipTypeWrappers(expression);
  if (ts.isStringLiteralLike(value)) return isGenericText(value.text, code);
  if (ts.isNumericLiteral(value) || value.kind === ts.SyntaxKind.TrueKeyword || value.kind === ts.SyntaxKind.FalseKeyword || value.kind === ts.SyntaxKind.NullKeyword) return true;
  if (ts.isArrayLiteralExpression(value)) return value.elements.length === 0;
  return ts.isObjectLiteralExpression(value) && value.properties.length === 0;
}

/** The generic string literals of a body, when the body says nothing else; undefined when it says something. */
function genericStrings(body: ts.Expression, code: number): ts.StringLiteralLike[] | undefined {
  const value = skipTypeWrappers(body);
  if (ts.isStringLiteralLike(value)) return isGenericText(value.text, code) ? [value] : undefined;
  if (!ts.isObjectLiteralExpression(value)) return undefined;
  const strings: ts.StringLiteralLike[] = [];
  for (const property of value.properties) {
    if (!ts.isPropertyAssignment(property) || !isUninformative(property.initializer, code)) return undefined;
    const initializer = skipTypeWrappers(property.initializer);
    if (ts.isStringLiteralLike(initializer)) strings.push(initializer);
  }
  return strings;
}

/** "email and password are required; age must be a number". */
function describe(problems: FieldProblem[]): string {
  const byProblem = new Map<string, string[]>();
  for (const { field, problem } of problems) byProblem.set(problem, [...(byProblem.get(problem) ?? []), field]);
  return [...byProblem].map(([problem, fields]) => {
    const list = fields.length === 1 ? fields[0] : `${fields.slice(0, -1).join(', ')} and ${fields[fields.length - 1]}`;
    return problem === 'required' ? `${list} ${fields.length === 1 ? 'is' : 'are'} required` : `${list} ${problem}`;
  }).join('; ');
}

function errorBody(message: string, problems: FieldProblem[], context: RuleContext): string {
  const fields = problems.map(({ field, problem }) => `${objectKey(field, context)}: ${quoted(problem, context.style)}`).join(', ');
  return `{ error: ${quoted(message, context.style)}, fields: { ${fields} } }`;
}

/** Edits that put `message` in the body, keeping what the body already sends. */
function detailEdits(site: ResponseSite, message: string, problems: FieldProblem[], generic: ts.StringLiteralLike[] | undefined, context: RuleContext): TextEdit[] | undefined {
  const text = quoted(message, context.style);
  if (generic?.[0]) return [{ start: generic[0].getStart(), end: generic[0].getEnd(), newText: text }];
  const body = site.body && skipTypeWrappers(site.body);
  // `{ success: false }` keeps its flag and gains the message.
  if (body && ts.isObjectLiteralExpression(body) && body.properties.length > 0) {
    const at = body.properties[0].getStart();
    return [{ start: at, end: at, newText: `error: ${text}, ` }];
  }
  return sendBodyEdits(site, errorBody(message, problems, context), context);
}

/** No body, a string or `{}`: nothing a skeleton would overwrite. */
function isBare(body: ts.Expression | undefined): boolean {
  const value = body && skipTypeWrappers(body);
  return !value || ts.isStringLiteralLike(value) || (ts.isObjectLiteralExpression(value) && value.properties.length === 0);
}

function fixesFor(site: ResponseSite, code: number, generic: ts.StringLiteralLike[] | undefined, context: RuleContext): Fix[] {
  const problems = failedFields(site);
  if (problems && problems.length > 0) {
    const message = describe(problems).slice(0, 80);
    const edits = detailEdits(site, message, problems, generic, context);
    return edits ? [{ title: `Say "${message}" in the response body`, edits, isPreferred: true }] : [];
  }
  // Nothing in the code says what is wrong: offer the shape to fill in, which the rule keeps reporting.
  if (!isBare(site.body)) return [];
  const skeleton = `{ error: ${quoted(statusInfo(code)?.phrase ?? 'Error', context.style)}, fields: {} }`;
  const edits = sendBodyEdits(site, skeleton, context);
  return edits ? [{ title: 'Send an { error, fields } body to fill in', edits }] : [];
}

export const errorNeedsDetail: Rule<'error-needs-detail'> = {
  meta: {
    id: 'error-needs-detail',
    defaultSeverity: 'information',
    description: 'A 4xx response with no body, or a body that only repeats the reason phrase.',
    fixable: true,
    docs: {
      details:
        'A 400 that only says "Bad Request" leaves the client guessing which field is wrong, what value was ' +
        'received and what was expected. Naming them (`{ error, fields: { email: "required" } }`) saves the ' +
        'consumer of the API a debugging session.\n\n' +
        'Reported: 400, 409 and 422 sent with no body (`sendStatus(400)`, `status(400).end()`, an empty `json()`), ' +
        'or with a body made only of the reason phrase or a generic word ("Bad Request", "Invalid request", ' +
        '"Validation failed", "error"), status numbers, booleans and empty `{}`/`[]`.\n\n' +
        'Not reported: other 4xx codes. 401, 403, 404, 405, 410 and 429 already tell the client what happened ' +
        '(and 401/429 carry their detail in headers), so a bare one is common and reporting it would be noise. ' +
        'Bodies built at run time (`err.message`, `errors.array()`, a variable) are assumed to carry detail, and so is ' +
        'a message with letters of a non-Latin script ("Неверный адрес почты", "参数错误", "البريد مطلوب"): the generic words ' +
        'are read in English only, so such a message is taken for the detail it usually is.\n\n' +
        'The fix writes the detail only where the code says what is wrong: when the branch tests ' +
        '`!req.body.email`, it writes "email is required". Otherwise it offers an `{ error, fields }` skeleton ' +
        'that the rule keeps reporting until a person fills it in.',
      incorrect: "app.post('/users', (req, res) => {\n  if (!req.body.email) {\n    return res.sendStatus(400);\n  }\n  res.status(201).json(createUser(req.body));\n});",
      correct: "app.post('/users', (req, res) => {\n  if (!req.body.email) {\n    return res.status(400).json({ error: 'email is required', fields: { email: 'required' } });\n  }\n  res.status(201).json(createUser(req.body));\n});",
    },
  },
  check(site, context) {
    const code = site.status.code;
    if (code === undefined || !DETAIL_CODES.has(code) || !site.send || (site.send.kind !== 'data' && site.send.kind !== 'empty')) return;
    const empty = !site.body && site.send.kind === 'empty';
    const generic = site.body ? genericStrings(site.body, code) : undefined;
    if (!empty && !generic) return;
    const said = generic?.[0] ? `only says "${generic[0].text.slice(0, 30)}"` : site.body ? 'says nothing specific' : 'has no body';
    context.report({
      range: site.status.range,
      message: `${codeLabel(code)} ${said}: the client cannot tell which field or value to fix. Name the problem, e.g. { error, fields }.`,
      fixes: fixesFor(site, code, generic, context),
    });
  },
};
