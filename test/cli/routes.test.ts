// The built command line on a multi-file Express project: `--routes` (table and JSON) joins the
// router mounted from another file with the handlers of a controller module, and an OpenAPI
// document's drift is reported with the files' findings (and in SARIF, with rule metadata).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { project, runCli } from './cliProcess';

const APP: Record<string, string> = {
  'src/app.js': `const express = require('express');
const orders = require('./routes/orders');
const app = express();
app.use('/api/orders', orders);
app.get('/health', (req, res) => res.sendStatus(200));
`,
  'src/routes/orders.js': `const { Router } = require('express');
const controller = require('../controllers/orders');
const router = Router();
router.get('/:id', controller.getOrder);
router.post('/', controller.createOrder);
module.exports = router;
`,
  'src/controllers/orders.js': `exports.getOrder = async (req, res) => {
  const order = await Order.findById(req.params.id);
  if (!order) return res.status(404).json({ message: 'No such order' });
  res.json(order);
};
exports.createOrder = async (req, res) => {
  if (!req.body.items) return res.status(400).json({ message: 'An order needs items' });
  res.status(201).location(\`/api/orders/\${order.id}\`).json(await Order.create(req.body));
};
`,
};

/** Declares every route and status but the POST's 400, and one status (GET's 500) no code sends. */
const OPENAPI = `openapi: 3.0.3
info: { title: Orders, version: 1.0.0 }
paths:
  /health:
    get:
      responses:
        '200': { description: Up }
  /api/orders/{id}:
    get:
      responses:
        '200': { description: The order }
        '404': { description: No such order }
        '500': { description: Failure }
  /api/orders:
    post:
      responses:
        '201': { description: Created }
`;

interface JsonReport {
  file: string;
  findings: { ruleId: string; severity: string; start: { line: number; column: number } }[];
}

describe('http-status-guide --routes and OpenAPI drift', { concurrency: true }, () => {
  it('--routes prints each route with its full path, statuses, problems and place', async () => {
    const run = await runCli(['--routes'], project(APP));
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      run.stdout,
      [
        'METHOD  PATH             STATUSES  PROBLEMS  WHERE',
        'POST    /api/orders      201 400   0         src/routes/orders.js:5',
        'GET     /api/orders/:id  200 404   0         src/routes/orders.js:4',
        'GET     /health          200       0         src/app.js:5',
        '3 routes',
        '',
      ].join('\n'),
    );
  });

  it('--routes --format json gives the same routes as data', async () => {
    const run = await runCli(['--routes', '--format', 'json'], project({ ...APP, 'openapi.yaml': OPENAPI }));
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), [
      { method: 'POST', path: '/api/orders', statuses: [201, 400], problems: 0, file: 'src/routes/orders.js', line: 5, rooted: true },
      { method: 'GET', path: '/api/orders/:id', statuses: [200, 404], problems: 0, file: 'src/routes/orders.js', line: 4, rooted: true },
      { method: 'GET', path: '/health', statuses: [200], problems: 0, file: 'src/app.js', line: 5, rooted: true },
    ]);
  });

  it('says when no route is found, and refuses --routes with SARIF', async () => {
    const none = await runCli(['--routes'], project({ 'lib/sum.js': 'module.exports = (a, b) => a + b;\n' }));
    assert.equal(none.stdout, 'No routes found.\n');
    const sarif = await runCli(['--routes', '--format', 'sarif'], project(APP));
    assert.equal(sarif.code, 2);
    assert.match(sarif.stderr, /--routes prints a table or JSON, not SARIF/);
  });

  it('reports drift where it is: an undeclared status on the code, an unsent one on the document; information does not fail the run', async () => {
    const root = project({ ...APP, 'openapi.yaml': OPENAPI });
    const run = await runCli(['--format', 'json'], root);
    const drift = (JSON.parse(run.stdout) as JsonReport[]).flatMap((report) =>
      report.findings.filter((finding) => finding.ruleId.startsWith('openapi-')).map((finding) => [report.file, finding.ruleId, finding.severity, finding.start.line, finding.start.column]),
    );
    assert.deepEqual(drift, [
      ['openapi.yaml', 'openapi-unsent-status', 'information', 13, 9],
      ['src/controllers/orders.js', 'openapi-undeclared-status', 'warning', 7, 42],
    ]);
    assert.equal(run.code, 0, 'a warning and information do not fail a run');
    const strict = await runCli(['--max-warnings', '0'], root);
    assert.equal(strict.code, 1, 'the undeclared status is a warning --max-warnings counts');
    assert.match(strict.stdout, /^ {2}src\/controllers\/orders\.js:7:42 {2}warning {2}400 Bad Request is not declared for POST \/api\/orders in the OpenAPI document \(declared: 201\)\. {2}openapi-undeclared-status$/m);
    assert.match(strict.stdout, /^3 files checked: 0 errors, 1 warning, 1 information, 0 hints$/m);
  });

  it('reads the document the config file names, and says so in SARIF with rule metadata', async () => {
    const root = project({ ...APP, 'api/contract.yaml': OPENAPI, '.httpstatusguiderc.json': '{ "openApi": { "document": "api/contract.yaml" } }' });
    const run = await runCli(['--format', 'sarif'], root);
    assert.equal(run.code, 0, run.stderr);
    const sarif = JSON.parse(run.stdout) as { runs: { tool: { driver: { rules: { id: string; defaultConfiguration: { level: string } }[] } }; results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const [{ tool, results }] = sarif.runs;
    const undeclared = results.find((result) => result.ruleId === 'openapi-undeclared-status');
    assert.ok(undeclared, `results: ${results.map((result) => result.ruleId).join(', ')}`);
    assert.equal(undeclared.level, 'warning');
    assert.equal(undeclared.locations[0].physicalLocation.artifactLocation.uri, 'src/controllers/orders.js');
    assert.equal(tool.driver.rules[undeclared.ruleIndex].id, 'openapi-undeclared-status');
    assert.equal(results.find((result) => result.ruleId === 'openapi-unsent-status')?.locations[0].physicalLocation.artifactLocation.uri, 'api/contract.yaml');
  });

  it('reports a document it cannot read as one error, and the run fails', async () => {
    const run = await runCli([], project({ ...APP, 'openapi.json': '{ "openapi": "3.0.3", "paths": ' }));
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^ {2}openapi\.json:\d+:\d+ {2}error {2}.* {2}openapi-malformed$/m);
  });
});
