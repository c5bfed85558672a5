// How statements become response sites: what a reviewer reads as one response is one site.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/analysis';

const sitesOf = (body: string, route = "app.post('/users', async (req, res) => {") =>
  analyze(`${route}\n${body}\n});`, 'case.ts').sites.map((site) => `${site.status.source} ${site.status.code ?? '?'} ${site.shape.sendCall?.method ?? 'unsent'}`);

describe('response sites', () => {
  it('a status set on one line and sent on the next is one response', () => {
    assert.deepEqual(sitesOf('  res.status(500);\n  res.json({ error: "Something broke" });'), ['literal 500 json']);
  });
  it('res.format keeps the status for every branch, chained or set before it', () => {
    const branches = '{\n    json() { res.json(user); },\n    html: () => res.render("user", { user }),\n    default: function () { res.send(String(user.id)); },\n  }';
    assert.deepEqual(sitesOf(`  const user = await User.create(req.body);\n  res.status(201).format(${branches});`), ['literal 201 json', 'literal 201 render', 'literal 201 send']);
    const missing = '{\n      json() { res.json({ error: "User not found" }); },\n      html: () => res.render("404"),\n      default: function () { res.send("Not found"); },\n    }';
    assert.deepEqual(sitesOf(`  const user = await User.findById(req.params.id);\n  if (!user) {\n    res.status(404);\n    return res.format(${missing});\n  }\n  res.json(user);`), ['literal 404 json', 'literal 404 render', 'literal 404 send', 'implicit 200 json']);
    // Without a status, each branch sends the default.
    assert.deepEqual(sitesOf(`  res.format(${branches});`), ['implicit 200 json', 'implicit 200 render', 'implicit 200 send']);
  });
  it('statusCode assignment followed by end()', () => {
    assert.deepEqual(sitesOf('  res.statusCode = 404;\n  res.end();'), ['literal 404 end']);
  });
  it('a status before a return does not flow into a later send', () => {
    assert.deepEqual(sitesOf('  if (!req.user) {\n    res.status(401);\n    return;\n  }\n  res.json(req.user);'), ['literal 401 unsent', 'implicit 200 json']);
  });
  it('statuses before throws are each kept (express-async-handler style)', () => {
    assert.deepEqual(sitesOf('  if (!a) {\n    res.status(400);\n    throw new Error("a is required");\n  }\n  if (!b) {\n    res.status(401);\n    throw new Error("Sign in");\n  }'), [
      'literal 400 unsent',
      'literal 401 unsent',
    ]);
  });
  it('a status followed by a throw is sent by the error handler, with the message as its body', () => {
    const code = "app.post('/users', async (req, res) => {\n  if (!req.body.name) {\n    res.status(400);\n    throw new Error('Name is required');\n  }\n  res.status(401);\n  log('x');\n  throw new Error('later');\n});";
    const sites = analyze(code, 'case.ts').sites.map((site) => `${site.status.code} ${site.send?.kind ?? 'unsent'} ${site.completedBy ?? '-'} ${site.body?.getText() ?? '-'}`);
    // Only the statement right after the status counts: work in between may answer first.
    assert.deepEqual(sites, ["400 data error-handler 'Name is required'", '401 unsent - -']);
  });
  it('implicit statuses: 200 for json/send, 302 for redirect(url)', () => {
    assert.deepEqual(sitesOf('  res.json({ id: 1 });\n  res.redirect("/home");'), ['implicit 200 json', 'implicit 302 redirect']);
  });
  it('explicit redirect status, sendStatus, writeHead', () => {
    assert.deepEqual(sitesOf('  res.redirect(301, "/v2");\n  res.sendStatus(204);\n  res.writeHead(200, { "Content-Type": "text/plain" });\n  res.end("ok");'), [
      'literal 301 redirect',
      'literal 204 sendStatus',
      'literal 200 end',
    ]);
  });
  it('a dynamic status is kept as unknown', () => {
    assert.deepEqual(sitesOf('  res.status(err.status || 500).json({ error: "Failed" });'), ['dynamic ? json']);
  });
  it('an alias of the response object is followed', () => {
    assert.deepEqual(sitesOf('  const r = res;\n  r.status(201).json({ id: 1 });'), ['literal 201 json']);
  });
  it('a chain handed to a caller is not a site of its own', () => {
    assert.deepEqual(sitesOf('  return res.status(404);', 'function notFound(req, res) {'), []);
  });
  it('never the result of fetch', () => {
    assert.deepEqual(sitesOf('  const res = await fetch("/api");\n  const data = await res.json();', 'async function load() {'), []);
  });
  it('each branch of a conditional status is a site, under the conditions that choose it', () => {
    const code = "app.get('/u', (req, res) => {\n  if (req.query.id) res.status(!user ? 404 : dup ? 409 : 400).json({ error: 'No' });\n});";
    const sites = analyze(code, 'case.ts').sites.map((site) => [
      code.slice(site.status.range.start, site.status.range.end),
      site.conditions.map((condition) => `${condition.inElse ? 'else ' : ''}${condition.expression.getText()}`).join(', '),
    ]);
    assert.deepEqual(sites, [
      ['404', '!user, req.query.id'],
      ['409', 'dup, else !user, req.query.id'],
      ['400', 'else dup, else !user, req.query.id'],
    ]);
  });
  it('a branch site offers no body edit: the body is every branch\'s', () => {
    const fixes = analyze("app.delete('/u', (req, res) => {\n  res.status(removed ? 204 : 404).json({ removed });\n});", 'case.ts').findings.flatMap((finding) => finding.fixes.map((fix) => fix.title));
    assert.deepEqual(fixes, ['Change 204 to 200 OK and keep the body']);
  });
  it('collects headers, route, conditions, catch and earlier calls', () => {
    const [site] = analyze(
      "router.route('/users').post(async (req, res) => {\n  try {\n    const user = await User.create(req.body);\n    if (user) res.status(201).location(`/users/${user.id}`).json(user);\n  } catch (err) {\n    next(err);\n  }\n});",
      'case.ts',
    ).sites;
    assert.equal(site.handler?.method, 'post');
    assert.equal(site.handler?.path, '/users');
    assert.deepEqual(site.headers.map((header) => header.name), ['location']);
    assert.equal(site.conditions[0]?.expression.getText(), 'user');
    assert.deepEqual(site.callsBefore.map((call) => call.callee), ['User.create']);
  });
});
