// Reports a duplicate-key error from the database answered 400 or 500. The request was well formed
// and the server did not fail: it conflicts with data that already exists, which is 409 Conflict.
import ts from 'typescript';
import { codeText, propertyName, testBeforeSite, type AtomicTest } from '../evidence/branchTests';
import { skipTypeWrappers } from '../facts/syntax';
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
        'The rule reports only a response that runs when the code has tested for the duplicate: inside ' +
        '`if (err.code === 11000)`, a matching `case`, after a guard such as `if (err.code !== 11000) throw err`, or ' +
        'where the error\'s text is searched for the driver\'s words (`err.message.includes("duplicate key")`, ' +
        '`/E11000/.test(err.message)`). ' +
        'It does not report a response shared by every error of a `catch`, a test mixed with other causes ' +
        '(`err.code === 11000 || err.name === "ValidationError"`), a look-up done before the insert ' +
        '(`if (await User.exists({ email }))`, which the file cannot tell apart from other checks), or ' +
        '422: some teams answer uniqueness failures with 422 as a validation error, and that is a defensible choice.',
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
    const test = testBeforeSite(site, isDuplicateTest);
    if (!test) return;
    const fix = changeStatusFix(site, 409, context, true);
    context.report({
      range: site.status.range,
      message: `A duplicate-key error (\`${codeText(test)}\`) answered ${codeLabel(code)}: the request conflicts with existing data. Send 409 Conflict.`,
      fixes: fix ? [fix] : [],
    });
  },
};
