// Runs the built command line (dist/cli.js, from `npm run build`) as a subprocess on fixture
// folders made in a temporary directory.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd: string, { stdin, env }: { stdin?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

/** A folder holding `files` (path → text), with a `.git` folder so it is a repository root. */
export function project(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hsg-cli-'));
  fs.mkdirSync(path.join(root, '.git'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

/** Findings: a POST answering 200 (information, fixable), a 2xx failure body (warning, fixable), status 999 (error). */
export const HANDLERS = `const express = require('express');
const app = express();
app.post('/users', async (req, res) => {
  const user = await db.create(req.body);
  res.status(200).json(user);
});
app.get('/users/:id', async (req, res) => {
  const user = await db.find(req.params.id);
  if (!user) return res.status(200).json({ error: 'not found' });
  res.status(999).json(user);
});
`;

/** One warning only (a 2xx failure body). */
export const ONE_WARNING = `const express = require('express');
const app = express();
app.get('/users/:id', async (req, res) => {
  const user = await db.find(req.params.id);
  if (!user) return res.status(200).json({ error: 'not found' });
  res.json(user);
});
`;

export const CLEAN = `const express = require('express');
const app = express();
app.get('/users/:id', async (req, res) => {
  const user = await db.find(req.params.id);
  if (!user) return res.status(404).json({ error: 'User not found' });
  res.json(user);
});
`;
