// Stands in for the VS Code executable that @vscode/test-electron's runTests()
// spawns: it takes the same command line, runs the extension tests inside
// code-server's extension host (driven by headless Chromium) and exits with the
// suite's result. code-server's workbench runs a test payload only when started
// with the smoke-test driver; it then calls window.codeAutomationExit(code) once
// run() settles.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../harness/browser';
import { QUIET_USER_SETTINGS, startCodeServer, type CodeServer } from '../harness/codeServer';
import { resultsDir } from '../harness/paths';
import { provisionEditorTools } from '../harness/provision';

interface HostArguments {
  extensionTestsPath: string;
  extensionDevelopmentPaths: string[];
  folder?: string;
}

const OFFLINE_GALLERY_NOISE = /getaddrinfo (ENOTFOUND|EAI_AGAIN)|ECONNREFUSED.*gallery/;

/** Exit code when the suite never reports back. */
const NO_RESULT = 3;

function parseArguments(argv: readonly string[]): HostArguments {
  const developmentPaths: string[] = [];
  let testsPath: string | undefined;
  let folder: string | undefined;
  for (const arg of argv) {
    const option = /^--([^=]+)=(.*)$/s.exec(arg);
    if (option?.[1] === 'extensionTestsPath') testsPath = path.resolve(option[2]);
    else if (option?.[1] === 'extensionDevelopmentPath') developmentPaths.push(path.resolve(option[2]));
    else if (!arg.startsWith('-')) folder = path.resolve(arg);
    // Desktop-only switches (--no-sandbox, --user-data-dir, …) do not apply: the sandbox is our own.
  }
  if (testsPath === undefined || developmentPaths.length === 0) {
    throw new Error('expected --extensionTestsPath=… and --extensionDevelopmentPath=…, as runTests() passes them');
  }
  return { extensionTestsPath: testsPath, extensionDevelopmentPaths: developmentPaths, folder };
}

function workbenchUrl(server: CodeServer, host: HostArguments): string {
  const remote = (file: string): string => `vscode-remote://127.0.0.1:${server.port}${file}`;
  const payload = [
    ...host.extensionDevelopmentPaths.map((dir) => ['extensionDevelopmentPath', remote(dir)]),
    ['extensionTestsPath', remote(host.extensionTestsPath)],
  ];
  const query = new URLSearchParams({ payload: JSON.stringify(payload) });
  if (host.folder !== undefined) query.set('folder', host.folder);
  return `${server.url}?${query.toString()}`;
}

interface LogFile {
  relativePath: string;
  contents: string;
}

/** Keeps the workbench's logs (sent with the result) beside code-server's own, and says where. */
function keepLogs(server: CodeServer, logs: unknown): void {
  // One folder per failed run: repeated runs (under CPU pressure, say) keep every failure's logs.
  const dir = server.keepLogs(path.join(resultsDir, 'integration-logs', new Date().toISOString().replace(/[:.]/g, '-')));
  for (const log of Array.isArray(logs) ? (logs as LogFile[]) : []) {
    if (typeof log.relativePath !== 'string' || typeof log.contents !== 'string') continue;
    const target = path.resolve(dir, 'workbench', log.relativePath);
    if (!target.startsWith(dir + path.sep)) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, log.contents);
  }
  process.stderr.write(`[host] the suite failed: logs (output channels, extension host, code-server) kept in ${dir}\n`);
}

interface SuiteResult {
  code: number;
  logs?: unknown;
}

/** Opens the workbench with the test payload and resolves with what codeAutomationExit reports. */
async function driveWorkbench(page: Page, url: string, timeoutMs: number): Promise<SuiteResult> {
  let settle: ((result: SuiteResult) => void) | undefined;
  const finished = new Promise<SuiteResult>((resolve) => {
    settle = resolve;
  });
  await page.exposeFunction('codeAutomationExit', (code: number, logs: unknown) => settle?.({ code, logs }));
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
    const line = format(...args);
    // Offline, the workbench's extension gallery lookups fail; they say nothing about our tests.
    if (OFFLINE_GALLERY_NOISE.test(line)) return;
    (type === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
  });
  await page.goto(url);
  const timer = setTimeout(() => {
    process.stderr.write(`[host] the suite did not finish within ${timeoutMs / 1000} s\n`);
    settle?.({ code: NO_RESULT });
  }, timeoutMs);
  try {
    return await finished;
  } finally {
    clearTimeout(timer);
  }
}

async function runSuite(host: HostArguments, timeoutMs: number): Promise<number> {
  const tools = await provisionEditorTools();
  const server = await startCodeServer(tools, {
    trusted: true,
    vscodeOptions: ['enable-smoke-test-driver'],
    userSettings: QUIET_USER_SETTINGS,
  });
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser(tools);
    const result = await driveWorkbench(await browser.newPage(), workbenchUrl(server, host), timeoutMs);
    if (result.code !== 0) keepLogs(server, result.logs);
    return result.code;
  } catch (error) {
    keepLogs(server, undefined);
    throw error;
  } finally {
    await browser?.close();
    await server.stop();
  }
}

async function main(): Promise<void> {
  const host = parseArguments(process.argv.slice(2));
  const timeoutMs = Number(process.env.HSG_INTEGRATION_TIMEOUT_MS ?? 10 * 60_000);
  try {
    process.exitCode = await runSuite(host, timeoutMs);
  } catch (error) {
    process.stderr.write(`[host] ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

void main();
