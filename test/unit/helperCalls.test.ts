// A local helper called with statuses: which calls become sites, with what they send, and which
// functions are not such helpers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/analysis';

/** Each helper-call site as `status@text of its status|body|send kind`. */
function helperSites(code: string): string[] {
  return analyze(code, 'routes/users.js')
    .sites.filter((site) => site.adapter.framework === 'helper call')
    .map((site) => `${site.status.code}@${code.slice(site.status.range.start, site.status.range.end)}|${site.body?.getText() ?? ''}|${site.send?.kind}`);
}

const ROUTE = (body: string) => `app.get('/users/:id', async (req, res) => {\n${body}\n});`;

describe('local helpers called with statuses', () => {
  it('reads function declarations, arrows, defaults and each shape of send', () => {
    const helpers = [
      'function sendError(res, status, message) {\n  return res.status(status).json({ message });\n}',
      'const fail = (res, code, msg) => res.status(code).send({ error: msg });',
      'const bare = (res, code = 400) => res.sendStatus(code);',
      'function raw(response, data, status) {\n  response.statusCode = status;\n  response.end(data);\n}',
    ].join('\n');
    const calls = ROUTE("  if (!a) return sendError(res, 404, 'No such user');\n  if (!b) return fail(res, 409, 'Taken');\n  if (!c) return bare(res);\n  raw(res, 'gone', 410);");
    assert.deepEqual(helperSites(`${helpers}\n${calls}`), ["404@404|'No such user'|data", "409@409|'Taken'|data", '400@bare(res)||empty', "410@410|'gone'|data"]);
  });

  it('gives each call the surroundings of its handler', () => {
    const code = "function sendError(res, status, message) {\n  return res.status(status).json({ message });\n}\napp.post('/users', async (req, res) => {\n  try {\n    const user = await User.findById(req.params.id);\n    if (!user) return sendError(res, 404, 'No such user');\n  } catch (err) {\n    sendError(res, 500, 'Failed');\n  }\n});";
    const [missing, failed] = analyze(code, 'routes/users.js').sites.filter((site) => site.adapter.framework === 'helper call');
    assert.equal(missing.handler?.method, 'post');
    assert.deepEqual(missing.conditions.map((condition) => condition.expression.getText()), ['!user']);
    assert.deepEqual(missing.callsBefore.map((call) => call.callee), ['User.findById']);
    assert.equal(failed.catchClause?.errorName, 'err');
  });

  it('splits a conditional status argument into its branches', () => {
    const code = "function sendError(res, status, message) {\n  return res.status(status).json({ message });\n}\n" + ROUTE("  sendError(res, dup ? 409 : 400, 'Cannot save');");
    assert.deepEqual(helperSites(code), ["409@409|'Cannot save'|data", "400@400|'Cannot save'|data"]);
  });

  it('leaves alone helpers from modules it is not given, numbers that are not statuses and names declared twice', () => {
    // Imported, with no module source given: the module is not read.
    assert.deepEqual(helperSites("import { sendError } from './errors';\n" + ROUTE("  return sendError(res, 404, 'No such user');")), []);
    assert.deepEqual(helperSites("const { sendError } = require('./errors');\n" + ROUTE("  return sendError(res, 404, 'No such user');")), []);
    // The number is logged, not sent as the status.
    assert.deepEqual(helperSites("function reply(res, retries, message) {\n  log(retries);\n  return res.status(400).json({ message });\n}\n" + ROUTE("  return reply(res, 3, 'x');")), []);
    // Status flows, but nothing is sent: the caller sends.
    assert.deepEqual(helperSites('function withStatus(res, status) {\n  return res.status(status);\n}\n' + ROUTE("  withStatus(res, 404).json({ error: 'x' });")), []);
    // Two functions of one name: which one a call means is not read.
    const twice = "function sendError(res, status, message) {\n  return res.status(status).json({ message });\n}\nfunction wrap() {\n  function sendError(res, message) {\n    return res.status(500).json({ message });\n  }\n}\n";
    assert.deepEqual(helperSites(twice + ROUTE("  return sendError(res, 404, 'No such user');")), []);
    // The response argument must be a name (the handler's response), not an expression.
    assert.deepEqual(helperSites("function sendError(res, status, message) {\n  return res.status(status).json({ message });\n}\n" + ROUTE("  return sendError(getRes(), 404, 'x');")), []);
  });

  it('a let reassigned in a branch is dynamic, so the call is no site', () => {
    const code = "function sendError(res, status, message) {\n  return res.status(status).json({ message });\n}\nlet code = 404;\nif (strict) code = 400;\n" + ROUTE("  return sendError(res, code, 'No such user');");
    assert.deepEqual(helperSites(code), []);
    assert.deepEqual(helperSites(code.replace('if (strict) code = 400;\n', '')), ["404@code|'No such user'|data"]);
  });
});
