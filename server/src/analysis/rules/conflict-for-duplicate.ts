// Reports a duplicate-key error from the database answered 400 or 500. The request was well formed
// and the server did not fail: it conflicts with data that already exists, which is 409 Conflict.
import ts from 'typescript';
import { codeText, propertyName, testBeforeSite, type AtomicTest } from '../evidence/branchTests';
import { shorten } from '../facts/shorten';
import { objectProperties } from '../evidence/body';
import { branchSees, conditionReferences } from '../evidence/causes';
import { bodyWords } from '../evidence/validationCause';
import { initializersOf, skipTypeWrappers } from '../facts/syntax';
import type { ResponseSite } from '../types';
import { changeStatusFix, codeLabel } from '../edits/fixes';
import type { Rule } from '../rule';

// What each driver puts on a unique-constraint violation, by the property that carries it:
// MongoDB 11000/11001, MySQL ER_DUP_ENTRY (errno 1062), Postgres SQLSTATE 23505, Prisma P2002,
// SQLite's extended code, Sequelize's error name.
const DUPLICATE_VALUES: ReadonlyMap<string, readonly (string | number)[]> = new Map([
  ['code', [11000, 11001, '11000', 'ER_DUP_ENTRY', '23505', 'P2002', 'SQLITE_CONSTRAINT_UNIQUE']],
  ['errno', [1062]],
  ['sqlState', ['23505']],
  ['name', ['SequelizeUniqueConstraintError']],
]);
const DUPLICATE_CLASSES = new Set(['UniqueConstraintError', 'UniqueViolationError']);
// A helper the project wrote for the purpose: `isDuplicateKeyError(err)`, `isUniqueViolation(e)`.
const DUPLICATE_HELPER = /^is\w*(Duplicate|Unique)/i;
const REPORTED_STATUSES = new Set([400, 500]);

// What the drivers write in the error's text: `err.message.includes('duplicate key')`, `/E11000/.test(err.message)`.
const DUPLICATE_TEXT = /duplicate (key|entry)|E11000|ER_DUP_ENTRY|unique constraint|UNIQUE constraint failed|violates unique/i;
const TEXT_SEARCHES = new Set(['includes', 'startsWith', 'test', 'match', 'search']);

/** `err.message.includes('duplicate key')`, `/E11000/.test(err.message)`: a search of the error's text for the driver's words. */
function searchesDuplicateText(call: ts.CallExpression): boolean {
  const callee = skipTypeWrappers(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || !TEXT_SEARCHES.has(callee.name.text)) return false;
  const patterns = [callee.expression, ...call.arguments].map(skipTypeWrappers);
  return patterns.some((pattern) => (ts.isStringLiteralLike(pattern) || ts.isRegularExpressionLiteral(pattern)) && DUPLICATE_TEXT.test(pattern.text));
}

function isDuplicateTest(test: AtomicTest): boolean {
  if (test.kind === 'instanceof') return DUPLICATE_CLASSES.has(test.className);
  if (test.kind === 'call') return DUPLICATE_HELPER.test(test.name) || searchesDuplicateText(test.call);
  const property = propertyName(test.subject);
  return property !== undefined && (DUPLICATE_VALUES.get(property)?.includes(test.value) ?? false);
}

// What a response says when a look-up found the value taken: "Email already in use", "Username is taken".
const EXISTS_WORDS = /\b(already (exists?|in use|registered|taken|used)|(is|was) (already )?taken|exists already|duplicate)\b/;

/** The keys a look-up searches by (`{ email }` → email), the unique field the message can name. */
function searchedFields(lookup: ts.Expression, site: ResponseSite): string[] {
  const body = site.handler?.node.body;
  const value = skipTypeWrappers(lookup);
  const calls = ts.isIdentifier(value) && body ? initializersOf(body, new Set([value.text])) : [value];
  for (const expression of calls) {
    const awaited = skipTypeWrappers(expression);
    const call = ts.isAwaitExpression(awaited) ? skipTypeWrappers(awaited.expression) : awaited;
    const query = ts.isCallExpression(call) ? objectProperties(call.arguments[0]) : undefined;
    // Prisma and Sequelize nest the query: `findUnique({ where: { email } })`.
    const fields = query && (objectProperties(query.get('where')) ?? query);
    if (fields && fields.size > 0) return [...fields.keys()];
  }
  return [];
}

/** `if (await User.findOne({ email }))`, `if (existing)` when the answer says the value is taken: what the message names. */
function existingRecord(site: ResponseSite): { evidence: string; fields: string[] } | undefined {
  const branch = conditionReferences(site);
  if (!branch || branchSees(branch.condition) !== 'present') return undefined;
  const lookups = branch.references.filter((reference) => reference.kind === 'lookup');
  const [reference] = lookups;
  // The look-up alone decides: input may appear only as its query (`findOne({ email })`), not beside it.
  const within = (node: ts.Node): boolean => reference !== undefined && node.getStart() >= reference.node.getStart() && node.getEnd() <= reference.node.getEnd();
  if (lookups.length !== 1 || !branch.references.every((other) => within(other.node)) || !EXISTS_WORDS.test(bodyWords(site))) return undefined;
  return { evidence: `\`${codeText(branch.condition.expression)}\` found one`, fields: searchedFields(reference.node, site) };
}

export const conflictForDuplicate: Rule<'conflict-for-duplicate'> = {
  meta: {
    id: 'conflict-for-duplicate',
    defaultSeverity: 'warning',
    description: 'A duplicate-key error answered with 400 or 500 instead of 409 Conflict.',
    fixable: true,
    docs: {
      details:
        'When the database rejects a write because a unique value already exists (MongoDB `11000`, MySQL ' +
        '`ER_DUP_ENTRY`, Postgres `23505`, Prisma `P2002`, Sequelize `SequelizeUniqueConstraintError`, ' +
        '`instanceof UniqueConstraintError`), the request was valid and the server worked: it conflicts with ' +
        'the current state. 409 lets a client say "that email is taken" instead of "your request is broken" ' +
        '(400) or "try again later" (500).\n\n' +
        'The rule reports a response that runs when the code has tested for the duplicate: inside ' +
        '`if (err.code === 11000)`, a matching `case`, after a guard such as `if (err.code !== 11000) throw err`, or ' +
        'where the error\'s text is searched for the driver\'s words (`err.message.includes("duplicate key")`, ' +
        '`/E11000/.test(err.message)`). It also reports a look-up done before the insert when the branch where it found ' +
        'a record answers that the value is taken (`if (await User.findOne({ email })) return res.status(400).json({ ' +
        'message: "Email already in use" })`, or `const existing = …; if (existing)`), and names the fields searched.\n\n' +
        'It does not report a response shared by every error of a `catch`, a test mixed with other causes ' +
        '(`err.code === 11000 || err.name === "ValidationError"`, `existing || !password`), a look-up whose answer does ' +
        'not say the value is taken ("Already verified"), or ' +
        '422: some teams answer uniqueness failures with 422 as a validation error, and that is a defensible choice ' +
        '(the rule stays quiet on it, so either convention passes).',
      incorrect:
        "app.post('/accounts', async (req, res) => {\n  try {\n    res.status(201).json(await Account.create(req.body));\n  } catch (e) {\n" +
        "    if (e.code === 11000) return res.status(400).json({ error: 'Handle already taken' });\n    throw e;\n  }\n});",
      correct:
        "app.post('/accounts', async (req, res) => {\n  try {\n    res.status(201).json(await Account.create(req.body));\n  } catch (e) {\n" +
        "    if (e.code === 11000) return res.status(409).json({ error: 'Handle already taken' });\n    throw e;\n  }\n});",
    },
  },
  check(site, context) {
    const code = site.status.code;
    if (code === undefined || site.status.source === 'implicit' || !REPORTED_STATUSES.has(code)) return;
    const fix = changeStatusFix(site, 409, context, true);
    const test = testBeforeSite(site, isDuplicateTest);
    if (test) {
      context.report({
        range: site.status.range,
        message: `A duplicate-key error (\`${codeText(test)}\`) answered ${codeLabel(code)}: the request conflicts with existing data. Send 409 Conflict.`,
        fixes: fix ? [fix] : [],
      });
      return;
    }
    const existing = existingRecord(site);
    if (!existing) return;
    const field = existing.fields.length > 0 ? ` ${existing.fields.map((name) => shorten(name)).join(' and ')}` : ' value';
    context.report({
      range: site.status.range,
      message: `A look-up (${existing.evidence}) shows the${field} is already taken, answered ${codeLabel(code)}: the request conflicts with existing data. Send 409 Conflict.`,
      fixes: fix ? [fix] : [],
    });
  },
};
