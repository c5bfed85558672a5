// Security: nothing from the workspace is loaded, required or evaluated, and there is no network
// or child process. The server runs with a preloaded trap (support/trap.cjs) in a workspace whose
// every file that a tool might load writes a marker when evaluated; both must stay silent.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { startServer, type ServerSession } from '../lsp/serverProcess';
import { HANG_GUARD_MS, PublishLog } from './support/session';

const TRAP = path.join(__dirname, 'support', 'trap.cjs');

/** A workspace of bait: each file, if ever evaluated, leaves a marker in `markers`. */
function createWorkspace(): { root: string; markers: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hsg-trap-'));
  const markers = path.join(root, '.markers');
  fs.mkdirSync(markers);
  const bait = (name: string): string => `require('node:fs').writeFileSync(${JSON.stringify(path.join(markers, name.replace(/[\\/]/g, '_')))}, 'evaluated');\n`;
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'bait', main: 'index.js', scripts: { postinstall: 'node index.js' }, eslintConfig: { extends: './.eslintrc.js' } }),
    'index.js': bait('index.js'),
    '.eslintrc.js': bait('.eslintrc.js'),
    'eslint.config.js': bait('eslint.config.js'),
    'babel.config.js': bait('babel.config.js'),
    '.prettierrc.js': bait('.prettierrc.js'),
    'http-status-guide.config.js': bait('http-status-guide.config.js'),
    'tsconfig.json': JSON.stringify({ compilerOptions: { plugins: [{ name: 'x' }] }, extends: './node_modules/x/tsconfig.json' }),
    'jsconfig.json': JSON.stringify({ compilerOptions: { checkJs: true } }),
  };
  for (const name of ['x', 'express', 'http-status-codes', '@nestjs/common', 'http-status', 'typescript']) {
    files[`node_modules/${name}/package.json`] = JSON.stringify({ name, main: 'index.js' });
    files[`node_modules/${name}/index.js`] = bait(`node_modules/${name}`);
  }
  files['src/routes.js'] = `${bait('src/routes.js')}const express = require('express');\nconst { StatusCodes } = require('http-status-codes');\nconst app = express();\napp.post('/login', (req, res) => {\n  res.status(StatusCodes.OK).json({ success: false, error: 'Wrong password' });\n});\n`;
  files['src/users.ts'] = `/// <reference path="../node_modules/x/index.d.ts" />\nimport { HttpStatus } from '@nestjs/common';\nimport status from 'http-status';\nimport x = require('x');\nexport const answer = (res: any) => res.status(HttpStatus.CREATED).json(x);\napp.get('/s', (req, res) => res.sendStatus(status.OK));\n`;
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), content);
  }
  return { root, markers };
}

interface TrapRecord {
  kind: string;
  detail: string;
}

const trapRecords = (file: string): TrapRecord[] =>
  (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean) : []).map((line) => JSON.parse(line) as TrapRecord);

describe('no workspace code, network or child process (runtime trap)', () => {
  let workspace: { root: string; markers: string };
  before(() => {
    workspace = createWorkspace();
  });
  after(() => fs.rmSync(workspace.root, { recursive: true, force: true }));

  it('the trap sees what it is meant to see (self-test)', () => {
    const log = path.join(workspace.root, 'self-test.log');
    const script = "require('./node_modules/x'); require('node:child_process').spawnSync('true'); require('node:net').connect(9, '127.0.0.1').on('error', () => {});";
    const result = spawnSync(process.execPath, ['--require', TRAP, '-e', script], { cwd: workspace.root, env: { ...process.env, HSG_TRAP_LOG: log }, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const kinds = trapRecords(log).map((record) => record.kind);
    assert.deepEqual([...new Set(kinds)].sort(), ['Module._load', 'child_process.spawnSync', 'net.Socket.connect', 'ready']);
    assert.deepEqual(fs.readdirSync(workspace.markers), ['node_modules_x'], 'the bait wrote its marker');
    fs.rmSync(path.join(workspace.markers, 'node_modules_x'));
  });

  it('the server loads, runs and connects to nothing while it serves the workspace', { timeout: HANG_GUARD_MS }, async () => {
    const log = path.join(workspace.root, 'server.log');
    const server = await startTrappedServer(workspace.root, log);
    const publishes = new PublishLog(server);
    try {
      for (const [name, languageId] of [['src/routes.js', 'javascript'], ['src/users.ts', 'typescript']]) {
        const uri = new URL(`file://${path.join(workspace.root, name)}`).toString();
        const text = fs.readFileSync(path.join(workspace.root, name), 'utf8');
        const { diagnostics } = await publishes.open(uri, text, 1, languageId);
        await exerciseEveryRequest(server, uri, diagnostics);
        await publishes.change(uri, text + '\n// edited\n', 2);
        await publishes.close(uri);
      }
      server.settings.rules = { 'created-needs-location': 'error' };
      await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await server.connection.sendRequest('httpStatusGuide/cheatSheet');
      // The bait documents were analysed: the silence below is not a server that did nothing.
      assert.ok(publishes.all.some((publish) => publish.diagnostics.length > 0), 'the bait documents were analysed');
    } finally {
      await server.stop();
    }
    assert.deepEqual(trapRecords(log), [{ kind: 'ready', detail: String(server.process.pid) }], 'the server loaded a module, spawned a process or opened a connection');
    assert.deepEqual(fs.readdirSync(workspace.markers), [], 'workspace code was evaluated');
  });
});

/** startServer spawns with this process's environment and working directory: lend it both. */
async function startTrappedServer(cwd: string, log: string): Promise<ServerSession> {
  const saved = { options: process.env.NODE_OPTIONS, log: process.env.HSG_TRAP_LOG, cwd: process.cwd() };
  process.env.NODE_OPTIONS = `--require ${TRAP}`;
  process.env.HSG_TRAP_LOG = log;
  process.chdir(cwd);
  try {
    return await startServer({ inlayHints: { enabled: true } });
  } finally {
    process.chdir(saved.cwd);
    restoreEnv('NODE_OPTIONS', saved.options);
    restoreEnv('HSG_TRAP_LOG', saved.log);
  }
}

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

async function exerciseEveryRequest(server: ServerSession, uri: string, diagnostics: Diagnostic[]): Promise<void> {
  const textDocument = { uri };
  const everywhere = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };
  for (const diagnostic of diagnostics) {
    await server.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument, position: diagnostic.range.start });
  }
  await server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument, range: everywhere, context: { diagnostics } });
  await server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument, range: everywhere, context: { diagnostics, only: ['source.fixAll'] } });
  await server.connection.sendRequest('textDocument/inlayHint', { textDocument, range: everywhere });
}
