// Neovim 0.7 (Debian's), headless, with the configuration the README gives: the bundled server
// attaches, diagnostics arrive, a hover answers, a quick-fix applies on a line with non-ASCII text
// before the status (Neovim sends byte columns back), and a setting given at start is obeyed.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ensureDebianPackages } from '../harness/provision';

const ROOT = path.join(__dirname, '..', '..');
const SERVER = path.join(ROOT, 'dist', 'server.js');
const DRIVER = path.join(__dirname, 'neovim', 'driver.lua');
/** Hang guard for the whole session; never a performance threshold. */
const SESSION_MS = 120_000;

const APP = [
  "const express = require('express');",
  'const app = express();',
  "app.get('/orders/:id', async (req, res) => {",
  '  const order = await Order.findById(req.params.id);',
  "  if (!order) return res.status(404).json({ error: 'No such order' });",
  '  res.json(order);',
  '});',
  "app.post('/login', (req, res) => {",
  '  /* Größe ✓ */ res.status(200).json({ success: false });',
  '});',
  "app.get('/me', (req, res) => {",
  "  res.status(401).json({ error: 'Sign in first' });",
  '});',
  '',
].join('\n');

/** The README's tested Neovim configuration, pointed at the server this checkout built. */
function readmeConfig(): string {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const block = /<!-- neovim-0\.7-config:start -->\s*```lua\n([\s\S]*?)```\s*<!-- neovim-0\.7-config:end -->/.exec(readme);
  assert.ok(block, 'README.md holds the Neovim 0.7 configuration between its markers');
  const config = block[1].replace(/vim\.fn\.expand\('[^']*dist\/server\.js'\)/, JSON.stringify(SERVER).replace(/"/g, "'"));
  assert.notEqual(config, block[1], 'the configuration names the server path in the expected form');
  return config;
}

interface NeovimResult {
  error?: string;
  diagnostics?: { line: number; col: number; severity: number; code?: string; message: string }[];
  hover?: string;
  sent_range?: { start: { character: number } };
  actions?: string[];
  fixed_line?: string;
}

function runNeovim(folder: string): Promise<NeovimResult> {
  const out = path.join(folder, 'result.json');
  const init = path.join(folder, 'init.lua');
  fs.writeFileSync(init, readmeConfig());
  fs.writeFileSync(path.join(folder, 'app.js'), APP);
  const env = { ...process.env, HSG_NVIM_OUT: out, XDG_CONFIG_HOME: folder, XDG_DATA_HOME: folder, XDG_STATE_HOME: folder, XDG_CACHE_HOME: folder };
  const child = spawn('nvim', ['--headless', '-n', '-i', 'NONE', '-u', init, '-c', `luafile ${DRIVER}`, 'app.js'], { cwd: folder, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`timed out after ${SESSION_MS} ms waiting for Neovim to finish. Output:\n${output}`));
    }, SESSION_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!fs.existsSync(out)) return reject(new Error(`Neovim exited (${code}) without a result. Output:\n${output}`));
      resolve(JSON.parse(fs.readFileSync(out, 'utf8')) as NeovimResult);
    });
  });
}

describe('Neovim 0.7 with the README configuration', () => {
  let folder: string;
  let result: NeovimResult;
  before(async () => {
    ensureDebianPackages(['neovim'], "the Neovim test drives Debian's Neovim 0.7");
    const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    assert.equal(version.status, 0, `nvim runs: ${version.stderr}`);
    assert.ok(fs.existsSync(SERVER), 'dist/server.js is built (npm run build)');
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hsg-nvim-'));
    result = await runNeovim(folder);
    assert.equal(result.error, undefined, `the driver failed: ${result.error}`);
  });
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('shows the diagnostics, where they are', () => {
    const found = (result.diagnostics ?? []).map((d) => `${d.code}@${d.line + 1}:${d.col}`).sort();
    // Neovim counts columns in bytes: the 200 is character 27 of its line and byte 31.
    assert.deepEqual(found, ['no-error-in-success@9:31', 'unauthorized-needs-www-authenticate@12:13']);
  });

  it('obeys a setting given at start (no-error-in-success raised to an error)', () => {
    const severity = result.diagnostics?.find((d) => d.code === 'no-error-in-success')?.severity;
    assert.equal(severity, 1, 'vim.diagnostic.severity.ERROR');
    const other = result.diagnostics?.find((d) => d.code === 'unauthorized-needs-www-authenticate')?.severity;
    assert.equal(other, 3, 'the other rule keeps its default, information');
  });

  it('answers a hover on a status', () => {
    assert.match(String(result.hover), /404 Not Found/);
  });

  it('applies the quick-fix on a line with non-ASCII text before the status', () => {
    // Neovim 0.7 sends the diagnostic back with byte columns (31), not UTF-16 ones (27).
    assert.equal(result.sent_range?.start.character, 31);
    assert.ok(result.actions?.includes('Change 200 to 400 Bad Request'), `actions offered: ${JSON.stringify(result.actions)}`);
    assert.equal(result.fixed_line, '  /* Größe ✓ */ res.status(400).json({ success: false });');
  });
});
