// Helpers the project's own modules export: which calls in the importing file become sites, with the
// status from an argument or from the helper, where they are reported and what points to the helper.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, DEFAULT_OPTIONS } from '../../server/src/analysis';
import { candidateFiles } from '../../server/src/analysis/facts/modules';
import { memoryModules } from './memoryModules';

const CONTROLLER = 'controllers/auth.js';

/** Each helper-call site of the controller as `status@reported text|body|send kind`. */
function importedSites(code: string, files: Record<string, string>, fileName = CONTROLLER): string[] {
  return analyze(code, fileName, { ...DEFAULT_OPTIONS, modules: memoryModules(files) })
    .sites.filter((site) => site.adapter.framework === 'helper call')
    .map((site) => `${site.status.code}@${code.slice(site.status.range.start, site.status.range.end)}|${site.body?.getText() ?? ''}|${site.send?.kind}`);
}

const ROUTE = (body: string): string => `app.post('/login', async (req, res) => {\n${body}\n});`;

const COMMON_JS = [
  'exports.unauthorizedResponse = function (res, msg) {',
  '  var data = { status: 0, message: msg };',
  '  return res.status(401).json(data);',
  '};',
  'module.exports.notFound = (res, msg) => res.status(404).json({ error: msg });',
  'exports.fail = function (res, code, msg) {',
  '  return res.status(code).json({ message: msg });',
  '};',
  'exports.bad = (res, msg, code = 400) => res.status(code).send(msg);',
].join('\n');

describe('helpers imported from the project', () => {
  it('reads CommonJS exports through a required namespace: fixed, parametrised and default statuses', () => {
    const code = "const apiResponse = require('../helpers/apiResponse');\n" + ROUTE("  if (!a) return apiResponse.unauthorizedResponse(res, 'Email or Password wrong.');\n  if (!b) return apiResponse.notFound(res, 'No such user');\n  if (!c) return apiResponse.fail(res, 409, 'Taken');\n  apiResponse.bad(res, 'Missing email');");
    assert.deepEqual(importedSites(code, { 'helpers/apiResponse.js': COMMON_JS }), [
      "401@unauthorizedResponse|'Email or Password wrong.'|data",
      "404@notFound|'No such user'|data",
      "409@409|'Taken'|data",
      "400@apiResponse.bad(res, 'Missing email')|'Missing email'|data",
    ]);
  });

  it('reads destructured requires, named, default and namespace imports, with extensions and index files', () => {
    const call = ROUTE("  return unauthorizedResponse(res, 'Wrong password');");
    assert.deepEqual(importedSites("const { unauthorizedResponse } = require('../helpers/apiResponse');\n" + call, { 'helpers/apiResponse.js': COMMON_JS }), ["401@unauthorizedResponse|'Wrong password'|data"]);
    assert.deepEqual(importedSites("const unauthorizedResponse = require('../helpers/apiResponse').unauthorizedResponse;\n" + call, { 'helpers/apiResponse.js': COMMON_JS }), ["401@unauthorizedResponse|'Wrong password'|data"]);
    const esm = 'export function unauthorizedResponse(res: Response, msg: string) {\n  return res.status(401).json({ message: msg });\n}';
    assert.deepEqual(importedSites("import { unauthorizedResponse } from '../helpers';\n" + call, { 'helpers/index.ts': esm }, 'controllers/auth.ts'), ["401@unauthorizedResponse|'Wrong password'|data"]);
    // A TypeScript project names `./http.ts` as `./http.js`.
    assert.deepEqual(importedSites("import { unauthorizedResponse as deny } from './http.js';\n" + ROUTE("  return deny(res, 'x');"), { 'controllers/http.ts': esm }, 'controllers/auth.ts'), ["401@deny|'x'|data"]);
    assert.deepEqual(importedSites("import * as http from './http';\n" + ROUTE("  return http.unauthorizedResponse(res, 'x');"), { 'controllers/http.ts': esm }), ["401@unauthorizedResponse|'x'|data"]);
    // The ESM default of a CommonJS module is its `module.exports`.
    assert.deepEqual(importedSites("import api from '../helpers/apiResponse';\n" + ROUTE("  return api.notFound(res, 'x');"), { 'helpers/apiResponse.js': COMMON_JS }), ["404@notFound|'x'|data"]);
  });

  it('reads each ESM and CommonJS shape of export', () => {
    const shapes: [string, string][] = [
      ['export const deny = (res, msg) => res.status(403).json({ msg });', "import { deny } from './h';\n"],
      ["const deny = (res, msg) => res.status(403).json({ msg });\nexport { deny };", "import { deny } from './h';\n"],
      ['function deny(res, msg) { return res.status(403).json({ msg }); }\nmodule.exports = { deny };', "const { deny } = require('./h');\n"],
      ['module.exports = { deny(res, msg) { return res.status(403).json({ msg }); } };', "const { deny } = require('./h');\n"],
      ['export default { deny: (res, msg) => res.status(403).json({ msg }) };', "import h from './h';\nconst { deny } = h;\n"],
      ['export const replies = { deny(res, msg) { return res.status(403).json({ msg }); } };', "import { replies } from './h';\n"],
      ['export class Replies {\n  static deny(res, msg) { return res.status(403).json({ msg }); }\n}', "import { Replies } from './h';\n"],
      ['export default class Replies {\n  static deny(res, msg) { return res.status(403).json({ msg }); }\n}', "import Replies from './h';\n"],
      ['module.exports = function deny(res, msg) { return res.status(403).json({ msg }); };', "const deny = require('./h');\n"],
    ];
    const callOf = (imports: string): string => (imports.includes('replies') ? 'replies.deny' : imports.includes('Replies') ? 'Replies.deny' : imports.includes('= h;') ? 'h.deny' : 'deny');
    for (const [helper, imports] of shapes) {
      const code = imports.replace("const { deny } = h;\n", '') + ROUTE(`  return ${callOf(imports)}(res, 'Not yours');`);
      assert.deepEqual(importedSites(code, { 'controllers/h.js': helper }), ["403@deny|'Not yours'|data"], `${helper}\n---\n${code}`);
    }
  });

  it('makes no site where the status is decided elsewhere, or the module cannot be read', () => {
    const call = "const api = require('./api');\n" + ROUTE("  return api.send(res, 'x');");
    const none = (helper: string): void => assert.deepEqual(importedSites(call, { 'controllers/api.js': helper }), [], helper);
    none('exports.send = (res, msg) => res.status(res.locals.code).json({ msg });');
    none('exports.send = (res, msg) => res.status(ok ? 200 : 500).json({ msg });');
    none('exports.send = (res, msg) => { if (msg) res.status(400).json({ msg }); else res.status(500).json({ msg }); };');
    // Does not parse: half an edit.
    none('exports.send = (res, msg) => res.status(401).json({ msg }');
    // Not a script at all, or too large to read.
    none('\u0000\u0001binary' + 'exports.send = (res, msg) => res.status(401).json({ msg });');
    assert.deepEqual(analyze(call, CONTROLLER, { ...DEFAULT_OPTIONS, maxFileSize: 40, modules: memoryModules({ 'controllers/api.js': 'exports.send = (res, msg) => res.status(401).json({ msg });' }) }).sites.length, 0);
  });

  it('asks only for relative imports, as candidate files, once per module; a package is never read', () => {
    const modules = memoryModules({});
    const code = "const api = require('api-response');\nconst local = require('./missing');\n" + ROUTE("  api.unauthorized(res, 'x');\n  local.unauthorized(res, 'y');\n  local.denied(res, 'z');");
    const result = analyze(code, CONTROLLER, { ...DEFAULT_OPTIONS, modules });
    assert.deepEqual(result.sites.filter((site) => site.adapter.framework === 'helper call'), []);
    assert.ok(modules.asked.every((name) => name.startsWith('controllers/missing')), modules.asked.join(', '));
    assert.deepEqual(new Set(modules.asked).size, modules.asked.length);
    assert.deepEqual(result.modulesAsked, modules.asked);
  });

  it('reads one level: a helper module that imports the controller back is read once, its own imports not followed', () => {
    const helper = "const auth = require('../controllers/auth');\nexports.deny = (res, msg) => res.status(403).json({ msg });";
    const modules = memoryModules({ 'helpers/reply.js': helper, 'controllers/auth.js': 'unused' });
    const code = "const reply = require('../helpers/reply');\n" + ROUTE("  return reply.deny(res, 'x');");
    const result = analyze(code, CONTROLLER, { ...DEFAULT_OPTIONS, modules });
    assert.deepEqual(modules.asked, ['helpers/reply.js']);
    assert.equal(result.sites.filter((site) => site.adapter.framework === 'helper call').length, 1);
  });

  it('reports a fixed status at the callee, names the helper and points to its status', () => {
    const code = "const apiResponse = require('../helpers/apiResponse');\n" + ROUTE("  return apiResponse.unauthorizedResponse(res, 'Email or Password wrong.');");
    const result = analyze(code, CONTROLLER, { ...DEFAULT_OPTIONS, modules: memoryModules({ 'helpers/apiResponse.js': COMMON_JS }) });
    const [finding] = result.findings.filter((found) => found.ruleId === 'unauthorized-needs-www-authenticate');
    assert.equal(code.slice(finding.range.start, finding.range.end), 'unauthorizedResponse');
    assert.match(finding.message, /The 401 comes from `apiResponse\.unauthorizedResponse` in \.\.\/helpers\/apiResponse\.js\.\)$/);
    // No edit in another file, and none here: the status is not an argument.
    assert.deepEqual(finding.fixes, []);
    assert.deepEqual(finding.related?.map((note) => ('place' in note ? note : assert.fail('expected a place in another file'))).map(({ message, place }) => ({ message, fileName: place.fileName, text: COMMON_JS.slice(place.start, place.end), line: place.startLine.line, character: place.startLine.character })), [
      { message: '`apiResponse.unauthorizedResponse` in ../helpers/apiResponse.js sets 401 here.', fileName: 'helpers/apiResponse.js', text: '401', line: 2, character: 20 },
    ]);
  });

  it('without a module source, imported helpers are not read', () => {
    const code = "const apiResponse = require('../helpers/apiResponse');\n" + ROUTE("  return apiResponse.unauthorizedResponse(res, 'x');");
    assert.deepEqual(analyze(code, CONTROLLER).sites.filter((site) => site.adapter.framework === 'helper call'), []);
  });

  it('resolves specifiers to candidate files beside the importer', () => {
    assert.deepEqual(candidateFiles('/p/src/controllers/a.js', '../helpers/x').map((candidate) => candidate.fileName).slice(0, 2), ['/p/src/helpers/x.js', '/p/src/helpers/x.ts']);
    assert.deepEqual(candidateFiles('/p/a.ts', './x.js').map((candidate) => candidate.fileName), ['/p/x.js', '/p/x.ts', '/p/x.tsx']);
    assert.equal(candidateFiles('a.js', './lib').at(-1)?.fileName, 'lib/index.cjs');
    assert.equal(candidateFiles('C:\\p\\a.js', './lib')[0].fileName, 'C:/p/lib.js');
  });
});
