// The built command line on fixture folders: what it finds and skips, its formats, --fix, and
// its exit codes (0 clean or within --max-warnings, 1 errors or too many warnings, 2 usage/config).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { fixAll } from '../../server/src/analysis/engine/fixAll';
import { settingsFrom } from '../../server/src/settings';
import { CLEAN, HANDLERS, ONE_WARNING, project, runCli } from './cliProcess';

interface JsonReport {
  file: string;
  findings: { ruleId: string; severity: string; start: { line: number; column: number }; fix?: unknown }[];
  fixed?: { edits: number };
}

const json = (stdout: string): JsonReport[] => JSON.parse(stdout) as JsonReport[];

describe('http-status-guide', { concurrency: true }, () => {
  it('reports file, line:column, severity, message, rule id, a code frame and a summary; exit 1 on an error', async () => {
    const root = project({ 'src/app.js': HANDLERS });
    const run = await runCli([], root);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /^src\/app\.js\n {2}src\/app\.js:5:14 {2}information {2}/);
    assert.match(run.stdout, /^ {2}src\/app\.js:10:14 {2}error {2}Status 999 is not a valid HTTP status.* {2}valid-status-code$/m);
    assert.match(run.stdout, /^ {2}10 \| {3}res\.status\(999\)\.json\(user\);\n {5}\| {14}\^\^\^$/m);
    assert.match(run.stdout, /^1 file checked: 1 error, 1 warning, 1 information, 0 hints; 2 fixable with --fix$/m);
    assert.equal(run.stderr, '');
  });

  it('skips node_modules, build output and .gitignored files (root and nested .gitignore, negation)', async () => {
    const root = project({
      'src/app.js': ONE_WARNING,
      'node_modules/lib/index.js': HANDLERS,
      'dist/app.js': HANDLERS,
      'generated/api.ts': HANDLERS,
      'src/legacy/old.js': HANDLERS,
      'src/legacy/keep.js': ONE_WARNING,
      '.gitignore': 'generated/\n',
      'src/.gitignore': 'legacy/*\n!legacy/keep.js\n',
      'README.md': 'not code',
    });
    const run = await runCli(['--format', 'json'], root);
    assert.deepEqual(json(run.stdout).map((report) => report.file).sort(), ['src/app.js', 'src/legacy/keep.js']);
    assert.equal(run.code, 0, 'warnings alone do not fail a run');
  });

  it('takes paths and globs, and says when a path does not exist (exit 2)', async () => {
    const root = project({ 'src/a.ts': ONE_WARNING, 'src/b.js': ONE_WARNING, 'lib/c.js': ONE_WARNING });
    const globbed = await runCli(['--format', 'json', 'src/**/*.ts', 'lib'], root);
    assert.deepEqual(json(globbed.stdout).map((report) => report.file), ['src/a.ts', 'lib/c.js']);
    const missing = await runCli(['nowhere'], root);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /No such file or folder: "nowhere"/);
  });

  it('writes JSON with 1-based positions and the fix --fix would apply', async () => {
    const root = project({ 'app.js': HANDLERS, 'clean.js': CLEAN });
    const [report, ...rest] = json((await runCli(['--format', 'json'], root)).stdout);
    assert.equal(rest.length, 0, 'files without findings are left out');
    assert.deepEqual(
      report.findings.map((finding) => [finding.ruleId, finding.severity, finding.start.line, finding.start.column, finding.fix !== undefined]),
      [
        ['created-for-create', 'information', 5, 14, true],
        ['no-error-in-success', 'warning', 9, 32, true],
        ['valid-status-code', 'error', 10, 14, false],
      ],
    );
  });

  it('fixes files exactly as the editor fix-all does, writing only changed files', async () => {
    const root = project({ 'app.js': HANDLERS, 'clean.js': CLEAN });
    const cleanBefore = fs.statSync(path.join(root, 'clean.js')).mtimeMs;
    const dryRun = await runCli(['--fix-dry-run'], root);
    assert.match(dryRun.stdout, /^app\.js: would fix 2 findings$/m);
    assert.equal(fs.readFileSync(path.join(root, 'app.js'), 'utf8'), HANDLERS, '--fix-dry-run writes nothing');
    const fixed = await runCli(['--fix'], root);
    assert.match(fixed.stdout, /^app\.js: fixed 2 findings$/m);
    assert.equal(fs.readFileSync(path.join(root, 'app.js'), 'utf8'), fixAll(HANDLERS, path.join(root, 'app.js'), settingsFrom({}).analysis));
    assert.equal(fs.statSync(path.join(root, 'clean.js')).mtimeMs, cleanBefore);
    assert.match(fixed.stdout, /^2 files checked: 1 error, 0 warnings, 0 information, 0 hints$/m, 'what is left is reported');
    assert.equal(fixed.code, 1);
  });

  it('exit codes: information never fails, --max-warnings, --quiet', async () => {
    const root = project({ 'app.js': ONE_WARNING });
    assert.equal((await runCli(['--max-warnings', '1'], root)).code, 0);
    const over = await runCli(['--max-warnings', '0'], root);
    assert.equal(over.code, 1);
    assert.match(over.stdout, /Too many warnings \(1, at most 0 allowed\)/);
    assert.equal((await runCli(['--rule', 'no-error-in-success=information', '--max-warnings', '0'], root)).code, 0);
    const quiet = await runCli(['--quiet', '--max-warnings', '0'], root);
    assert.equal(quiet.code, 0);
    assert.doesNotMatch(quiet.stdout, /no-error-in-success/);
    assert.equal((await runCli(['--rule', 'no-error-in-success=error'], root)).code, 1);
  });

  it('reads the project config found above the working folder, --rule overriding it', async () => {
    const root = project({
      '.httpstatusguiderc.json': '{\n  // a team choice\n  "rules": { "valid-status-code": "off", "created-for-create": "error", },\n  "exclude": ["**/legacy/**"]\n}',
      'src/app.js': HANDLERS,
      'src/legacy/old.js': HANDLERS,
    });
    const run = await runCli(['--format', 'json', '.'], path.join(root, 'src'));
    const reports = json(run.stdout);
    assert.deepEqual(reports.map((report) => report.file), ['app.js']);
    assert.deepEqual(reports[0].findings.map((finding) => `${finding.ruleId}:${finding.severity}`), ['created-for-create:error', 'no-error-in-success:warning']);
    const overridden = json((await runCli(['--format', 'json', '--rule', 'created-for-create=off'], path.join(root, 'src'))).stdout);
    assert.deepEqual(overridden[0].findings.map((finding) => finding.ruleId), ['no-error-in-success']);
  });

  it('refuses a bad config or option with exit 2 and a message naming the key', async () => {
    const root = project({ 'httpstatusguide.config.json': '{ "rules": { "no-such-rule": "error" }, "maxFileSize": "big" }', 'app.js': HANDLERS });
    const run = await runCli([], root);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /httpstatusguide\.config\.json: "rules\.no-such-rule" is not a rule id/);
    assert.match(run.stderr, /httpstatusguide\.config\.json: "maxFileSize" must be a number, not string/);
    assert.equal(run.stdout, '');
    for (const args of [['--rule', 'nope=error'], ['--rule', 'valid-status-code=loud'], ['--format', 'xml'], ['--max-warnings', 'x'], ['--what']]) {
      const usage = await runCli(args, project({ 'app.js': CLEAN }));
      assert.equal(usage.code, 2, args.join(' '));
      assert.match(usage.stderr, /^http-status-guide: /);
    }
  });

  it('reports an unreadable and an unparsable file as errors and goes on', async () => {
    const root = project({ 'a.js': "app.get('/x', (req, res) => { res.status(200).json({ error: 'x' }) ;; ) });\n", 'b.js': ONE_WARNING });
    fs.symlinkSync(path.join(root, 'missing.js'), path.join(root, 'broken.js'));
    const reports = json((await runCli(['--format', 'json'], root)).stdout);
    const errors = (file: string): string[] => reports.find((report) => report.file === file)?.findings.filter((finding) => finding.severity === 'error').map((finding) => finding.ruleId) ?? [];
    assert.deepEqual([errors('a.js'), errors('b.js'), errors('broken.js')], [['syntax-error'], [], ['fatal']]);
  });

  it('honours disable comments, and reports unused ones when asked', async () => {
    const text = HANDLERS.replace("  res.status(999)", '  // http-status-disable-next-line valid-status-code\n  res.status(999)').replace(
      "  const user = await db.create",
      '  // http-status-disable-next-line no-error-in-success\n  const user = await db.create',
    );
    const root = project({ 'app.js': text });
    const plain = json((await runCli(['--format', 'json'], root)).stdout);
    assert.deepEqual(plain[0].findings.map((finding) => finding.ruleId), ['created-for-create', 'no-error-in-success']);
    const withUnused = json((await runCli(['--format', 'json', '--report-unused-disable-comments'], root)).stdout);
    assert.deepEqual(
      withUnused[0].findings.map((finding) => `${finding.ruleId}@${finding.start.line}`),
      ['unused-disable-comment@4', 'created-for-create@6', 'no-error-in-success@10'],
    );
  });

  it('reads standard input with --stdin-filename', async () => {
    const root = project({});
    const run = await runCli(['--stdin', '--stdin-filename', 'src/routes.ts', '--format', 'json'], root, { stdin: HANDLERS });
    const [report] = json(run.stdout);
    assert.equal(report.file, path.join('src', 'routes.ts'));
    assert.equal(report.findings.length, 3);
    assert.equal(run.code, 1);
  });

  it('prints help and version', async () => {
    const root = project({});
    assert.match((await runCli(['--help'], root)).stdout, /^Usage: http-status-guide/);
    assert.equal((await runCli(['--version'], root)).stdout, `${JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')).version}\n`);
  });

  it('analyses a large run in worker threads (--jobs 3) or in one (--jobs 1) alike, reporting in file order', async () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 230; index++) files[`src/f${String(index).padStart(3, '0')}.js`] = index % 2 ? ONE_WARNING : CLEAN;
    const root = project(files);
    const threaded = await runCli(['--format', 'json', '--jobs', '3'], root);
    const names = json(threaded.stdout).map((report) => report.file);
    assert.equal(names.length, 115);
    assert.deepEqual(names, [...names].sort());
    assert.equal(threaded.stderr, '', 'no progress line on a pipe');
    const single = await runCli(['--format', 'json', '--jobs=1'], root);
    assert.deepEqual(json(single.stdout), json(threaded.stdout));
    assert.equal(single.code, threaded.code);
  });

  it('rejects a --jobs that is not a whole number of at least 1 (exit 2)', async () => {
    const root = project({ 'app.js': CLEAN });
    for (const jobs of ['0', 'many', '1.5']) {
      const run = await runCli(['--jobs', jobs], root);
      assert.equal(run.code, 2, jobs);
      assert.equal(run.stderr, `http-status-guide: --jobs must be a whole number of at least 1, not "${jobs}".\n`);
    }
  });

  it('reads a helper the controller imports from the project, unless it is ignored, excluded or the setting is off', async () => {
    const files = {
      'controllers/auth.js': "const apiResponse = require('../helpers/apiResponse');\nexports.login = (req, res) => {\n  return apiResponse.unauthorizedResponse(res, 'Email or Password wrong.');\n};\n",
      'helpers/apiResponse.js': 'exports.unauthorizedResponse = function (res, msg) {\n  return res.status(401).json({ message: msg });\n};\n',
    };
    const findingsOf = async (root: string): Promise<string[]> =>
      json((await runCli(['--format', 'json', 'controllers'], root)).stdout)
        .flatMap((report) => report.findings)
        .map((finding) => `${finding.ruleId}@${finding.start.line}:${finding.start.column}`);
    assert.deepEqual(await findingsOf(project(files)), ['unauthorized-needs-www-authenticate@3:22']);
    const [report] = json((await runCli(['--format', 'json', 'controllers'], project(files))).stdout) as (JsonReport & { findings: { message: string }[] })[];
    assert.match(report.findings[0].message, /The 401 comes from `apiResponse\.unauthorizedResponse` in \.\.\/helpers\/apiResponse\.js/);
    assert.deepEqual(await findingsOf(project({ ...files, '.gitignore': 'helpers/\n' })), []);
    assert.deepEqual(await findingsOf(project({ ...files, '.httpstatusguiderc.json': '{ "exclude": ["**/helpers/**"] }' })), []);
    assert.deepEqual(await findingsOf(project({ ...files, '.httpstatusguiderc.json': '{ "readImportedModules": false }' })), []);
  });
});
