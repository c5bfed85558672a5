// Errors that carry a status are responses: which throws and forwards become sites, with the
// status they carry (where it is written) and their message, and which stay out.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/analysis';

/** Each thrown-error site as `status@text of its status`, with `|body` when it carries a message. */
function thrownSites(code: string, fileName = 'routes/users.js'): string[] {
  return analyze(code, fileName)
    .sites.filter((site) => site.completedBy === 'error-handler')
    .map((site) => `${site.status.code}@${code.slice(site.status.range.start, site.status.range.end)}${site.body ? `|${site.body.getText()}` : ''}`);
}

const HANDLER = (body: string, imports = "const createError = require('http-errors');\n") =>
  `${imports}router.get('/users/:id', async (req, res, next) => {\n${body}\n});`;

describe('thrown and forwarded errors as response sites', () => {
  it('reads http-errors in all its forms', () => {
    assert.deepEqual(thrownSites(HANDLER("  if (!user) throw createError(404, 'No such user');")), ["404@404|'No such user'"]);
    assert.deepEqual(thrownSites(HANDLER('  return next(createError.Unauthorized());')), ['401@Unauthorized']);
    assert.deepEqual(thrownSites(HANDLER("  throw new createError.NotFound('Gone');")), ["404@NotFound|'Gone'"]);
    assert.deepEqual(thrownSites(HANDLER("  throw httpError(403, 'No');", "import httpError from 'http-errors';\n")), ["403@403|'No'"]);
  });

  it('reads project error classes that take a status as an argument or an option', () => {
    const imports = "const httpStatus = require('http-status');\n";
    assert.deepEqual(thrownSites(HANDLER("  throw new ApiError(httpStatus.UNAUTHORIZED, 'Please authenticate');", imports)), ["401@httpStatus.UNAUTHORIZED|'Please authenticate'"]);
    assert.deepEqual(thrownSites(HANDLER("  return next(new AppError('No tour found with that ID', 404));")), ["404@404|'No tour found with that ID'"]);
    assert.deepEqual(thrownSites(HANDLER("  throw new APIError({ status: 401, message: 'Bad token' });")), ["401@401|'Bad token'"]);
    assert.deepEqual(thrownSites(HANDLER("  throw new HttpException(422, { errors: { email: ['taken'] } });")), ["422@422|{ errors: { email: ['taken'] } }"]);
  });

  it('reads throws outside handlers too: a service the handler calls', () => {
    assert.deepEqual(thrownSites("async function getUser(id) {\n  const user = await User.findById(id);\n  if (!user) throw new ApiError(404, 'User not found');\n  return user;\n}"), ["404@404|'User not found'"]);
  });

  it('leaves alone errors whose status the file does not spell out', () => {
    // The class decides its status elsewhere; an unknown error is forwarded; a caught error is rethrown.
    assert.deepEqual(thrownSites(HANDLER('  throw new NotFoundError();')), []);
    assert.deepEqual(thrownSites(HANDLER('  return next(err);')), []);
    assert.deepEqual(thrownSites(HANDLER('  try { await save(); } catch (error) { throw error; }')), []);
    assert.deepEqual(thrownSites(HANDLER("  throw new Error('Something broke');")), []);
    assert.deepEqual(thrownSites(HANDLER('  throw new ApiError(code, message);')), []);
    // A number that is not a status, and a call that is not the handler's `next`.
    assert.deepEqual(thrownSites(HANDLER('  throw new RangeError(5);')), []);
    assert.deepEqual(thrownSites(HANDLER("  logger(new AppError('x', 404));")), []);
  });

  it('leaves alone test files, which throw to test the code that catches', () => {
    const code = HANDLER("  throw createError(404, 'No such user');");
    assert.deepEqual(thrownSites(code, 'test/users.test.js'), []);
    assert.deepEqual(thrownSites(code, 'src/__tests__/users.js'), []);
    assert.deepEqual(thrownSites(code, 'users.spec.ts'), []);
  });
});
