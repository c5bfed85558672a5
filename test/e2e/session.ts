// One code-server window with the packaged extension installed, on a scratch copy
// of the fixture workspace, trusted or in Restricted Mode.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { QUIET_USER_SETTINGS, startCodeServer, type CodeServer } from '../harness/codeServer';
import { repoRoot, resultsDir } from '../harness/paths';
import { makeScratchDir, removeScratchDir } from '../harness/processes';
import type { EditorTools } from '../harness/provision';
import { Workbench } from './workbench';

const fixturesDir = path.join(repoRoot, 'test', 'e2e', 'fixtures');

/**
 * The fixture folders a window can open: `workspace`, one file per editor scenario, and
 * `routes-app`, a multi-file Express app with an OpenAPI document for the routes view (kept
 * apart so its drift findings never show in the other scenarios' files, nor theirs in its view).
 */
export type Fixture = 'workspace' | 'routes-app';

/** The user settings every e2e window starts with (scenarios paste variations of them). */
export const BASE_SETTINGS: Record<string, unknown> = {
  ...QUIET_USER_SETTINGS,
  'editor.hover.delay': 200,
  // Desktop behaviour (the web default saves after a delay and hides the dirty marker).
  'files.autoSave': 'off',
  // Settings and similar editors open as ordinary tabs, not in a modal overlay.
  'workbench.editor.useModal': 'off',
  // Offline, TypeScript's typings download never finishes and holds up the Ctrl+. menu.
  'js/ts.tsserver.automaticTypeAcquisition.enabled': false,
};

/** Builds http-status-guide.vsix with `npm run package` (or takes HSG_E2E_VSIX) and returns its path. */
export function packageExtension(): string {
  const prebuilt = process.env.HSG_E2E_VSIX;
  if (prebuilt) return path.resolve(prebuilt);
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  return path.join(repoRoot, 'http-status-guide.vsix');
}

export interface Session {
  readonly server: CodeServer;
  readonly page: Page;
  readonly workbench: Workbench;
  /** Saves a screenshot under .test-results/e2e/ and returns its path. */
  screenshot(name: string): Promise<string>;
  /** Copies code-server's output and the VS Code logs (output channels included) under .test-results/e2e/; returns the folder. */
  keepLogs(name: string): string;
  close(): Promise<void>;
}

export interface SessionOptions {
  tools: EditorTools;
  browser: Browser;
  vsix: string;
  trusted: boolean;
  /** `workspace` unless given. */
  fixture?: Fixture;
}

export async function openSession({ tools, browser, vsix, trusted, fixture = 'workspace' }: SessionOptions): Promise<Session> {
  const scratch = makeScratchDir(path.join(os.tmpdir(), 'hsg-e2e-'));
  // The folder name shows in the explorer; the window waits for it.
  const folderName = fixture === 'workspace' ? (trusted ? 'express-app' : 'untrusted-app') : fixture;
  const folder = path.join(scratch, folderName);
  fs.cpSync(path.join(fixturesDir, fixture), folder, { recursive: true });
  let server: CodeServer | undefined;
  try {
    server = await startCodeServer(tools, { folder, trusted, vsix, userSettings: BASE_SETTINGS });
    // Clipboard access lets a scenario paste into an editor, as a person would.
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, permissions: ['clipboard-read', 'clipboard-write'] });
    const workbench = await Workbench.open(page, server.url, path.basename(folder));
    const running = server;
    return {
      server: running,
      page,
      workbench,
      async screenshot(name) {
        const file = path.join(resultsDir, 'e2e', `${name.replace(/[^\w.-]+/g, '-')}.png`);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        await page.screenshot({ path: file });
        return file;
      },
      keepLogs(name) {
        return running.keepLogs(path.join(resultsDir, 'e2e', `${name.replace(/[^\w.-]+/g, '-')}-logs`));
      },
      async close() {
        await page.close();
        await running.stop();
        removeScratchDir(scratch);
      },
    };
  } catch (error) {
    await server?.stop();
    removeScratchDir(scratch);
    throw error;
  }
}
