// Starts code-server on 127.0.0.1 in a throwaway sandbox: its own user data,
// extensions, config file, HOME, XDG_* and TMPDIR, so a run never reads or writes
// the developer's editor state. stop() kills every process it started.
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { EditorTools } from './provision';
import { makeScratchDir, removeScratchDir, runCommand, spawnTracked, stopTracked } from './processes';

export interface CodeServerOptions {
  /** Folder to open; omitted, the workbench opens empty (or on ?folder=). */
  folder?: string;
  /** false leaves workspace trust on, so a folder opens in Restricted Mode. */
  trusted: boolean;
  /** Installed into the sandbox's fresh extensions dir before start, as a user would. */
  vsix?: string;
  /** Written to the user settings.json before start. */
  userSettings?: Record<string, unknown>;
  /** Passed through as `--vscode-option NAME` (e.g. enable-smoke-test-driver). */
  vscodeOptions?: readonly string[];
}

export interface CodeServer {
  readonly url: string;
  readonly port: number;
  readonly userSettingsPath: string;
  /** Everything code-server printed so far (for failure reports). */
  output(): string;
  /**
   * Copies what a failure report needs into `dir`: code-server's own output and the VS Code
   * logs folder, which holds the extension host's log and every output channel (ours carries
   * the language server's stderr). Returns `dir`.
   */
  keepLogs(dir: string): string;
  stop(): Promise<void>;
}

interface Sandbox {
  root: string;
  /** This process's environment (it reaches the extension host) with HOME, XDG_* and TMPDIR inside the sandbox. */
  env: NodeJS.ProcessEnv;
  userDataDir: string;
  extensionsDir: string;
  configPath: string;
  userSettingsPath: string;
}

/** A quiet, offline-friendly window: no welcome page, chat, tips, telemetry or gallery checks. */
export const QUIET_USER_SETTINGS: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'extensions.autoCheckUpdates': false,
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.startupPrompt': 'never',
};

/** Variables that would tie a child to the VS Code a developer runs the tests from. */
const LEAKY_VARIABLES = ['VSCODE_IPC_HOOK', 'VSCODE_IPC_HOOK_CLI', 'ELECTRON_RUN_AS_NODE'];

const START_TIMEOUT_MS = 60_000;

function makeSandbox(tools: EditorTools, userSettings: Record<string, unknown>): Sandbox {
  const root = makeScratchDir(path.join(os.tmpdir(), 'hsg-code-server-'));
  const dir = (name: string): string => {
    const full = path.join(root, name);
    fs.mkdirSync(full, { recursive: true });
    return full;
  };
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of LEAKY_VARIABLES) delete env[name];
  Object.assign(env, {
    HOME: dir('home'),
    XDG_CONFIG_HOME: dir('xdg-config'),
    XDG_DATA_HOME: dir('xdg-data'),
    XDG_CACHE_HOME: dir('xdg-cache'),
    XDG_STATE_HOME: dir('xdg-state'),
    TMPDIR: dir('tmp'),
    PATH: `${path.dirname(tools.node)}${path.delimiter}${process.env.PATH ?? ''}`,
  });
  const userDataDir = dir('user-data');
  const userSettingsPath = path.join(dir(path.join('user-data', 'User')), 'settings.json');
  fs.writeFileSync(userSettingsPath, JSON.stringify(userSettings, null, 2));
  const configPath = path.join(root, 'config.yaml');
  fs.writeFileSync(configPath, 'auth: none\ncert: false\n');
  return { root, env, userDataDir, extensionsDir: dir('extensions'), configPath, userSettingsPath };
}

/** Installs a .vsix the way a user would, with code-server's own CLI. */
async function installVsix(tools: EditorTools, sandbox: Sandbox, vsix: string): Promise<void> {
  const args = ['--user-data-dir', sandbox.userDataDir, '--extensions-dir', sandbox.extensionsDir, '--install-extension', vsix, '--force'];
  await runCommand(tools.node, [tools.codeServerEntry, ...args], { env: sandbox.env });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function answersHttp(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

async function waitUntilReady(child: ChildProcess, url: string, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let delay = 50;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}) before answering:\n${output()}`);
    }
    if (await answersHttp(url)) return;
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 500);
  }
  throw new Error(`code-server did not answer ${url} within ${timeoutMs} ms:\n${output()}`);
}

function serverArguments(tools: EditorTools, sandbox: Sandbox, port: number, options: CodeServerOptions): string[] {
  return [
    tools.codeServerEntry,
    '--config', sandbox.configPath,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--user-data-dir', sandbox.userDataDir,
    '--extensions-dir', sandbox.extensionsDir,
    ...(options.trusted ? ['--disable-workspace-trust'] : []),
    ...(options.vscodeOptions ?? []).flatMap((option) => ['--vscode-option', option]),
    ...(options.folder === undefined ? [] : [options.folder]),
  ];
}

export async function startCodeServer(tools: EditorTools, options: CodeServerOptions): Promise<CodeServer> {
  const sandbox = makeSandbox(tools, options.userSettings ?? {});
  let child: ChildProcess | undefined;
  const stop = async (): Promise<void> => {
    if (child) await stopTracked(child);
    removeScratchDir(sandbox.root);
  };
  let output = '';
  try {
    if (options.vsix !== undefined) await installVsix(tools, sandbox, options.vsix);
    const port = await freePort();
    child = spawnTracked(tools.node, serverArguments(tools, sandbox, port, options), {
      env: sandbox.env,
      cwd: sandbox.root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const collect = (chunk: Buffer): void => {
      output += chunk.toString();
      if (process.env.HSG_VERBOSE === '1') process.stderr.write(chunk);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const url = `http://127.0.0.1:${port}/`;
    await waitUntilReady(child, `${url}healthz`, START_TIMEOUT_MS, () => output);
    const keepLogs = (dir: string): string => {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'code-server.log'), output);
      const logs = path.join(sandbox.userDataDir, 'logs');
      if (fs.existsSync(logs)) fs.cpSync(logs, path.join(dir, 'vscode-logs'), { recursive: true });
      return dir;
    };
    return { url, port, userSettingsPath: sandbox.userSettingsPath, output: () => output, keepLogs, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
