// `npm run screenshots`: the README's pictures, taken in the same harness as the
// e2e tests (packaged .vsix, code-server, headless Chromium) and written to docs/images/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { launchBrowser } from '../harness/browser';
import { repoRoot } from '../harness/paths';
import { provisionEditorTools } from '../harness/provision';
import { openSession, packageExtension, type Session } from './session';

const imagesDir = path.join(repoRoot, 'docs', 'images');

async function capture(session: Session, name: string): Promise<void> {
  const file = path.join(imagesDir, `${name}.png`);
  // The editor area only: hovers and menus drawn over it are part of the picture.
  await session.page.locator('.part.editor').screenshot({ path: file });
  process.stdout.write(`wrote ${path.relative(repoRoot, file)}\n`);
}

async function takeAll(session: Session): Promise<void> {
  const { workbench } = session;
  // More room for the editor, so hovers and details open where they would on a wide screen.
  await workbench.runCommand('View: Close Primary Side Bar');
  await workbench.openFile('hover.js');
  await workbench.hover('404', '404 Not Found');
  await capture(session, 'hover');

  await workbench.openFile('quickfix.js');
  await workbench.expectSquiggle(true, 'quickfix.js has a 200 with a failure body');
  await workbench.openQuickFixMenu('200', /Change 200 to 4\d\d/);
  await capture(session, 'quick-fix');

  await workbench.openFile('snippet.js');
  await workbench.typeOnNewLineAfter('order', 'http-404');
  await workbench.suggestion('http-404');
  // Ctrl+Space on an open list shows the snippet's description beside it.
  await session.page.keyboard.press('Control+Space');
  await session.page.locator('.suggest-details-container .suggest-details').waitFor({ timeout: 30_000 });
  await capture(session, 'snippet');
}

async function main(): Promise<void> {
  const tools = await provisionEditorTools();
  const vsix = packageExtension();
  fs.mkdirSync(imagesDir, { recursive: true });
  const browser = await launchBrowser(tools);
  try {
    const session = await openSession({ tools, browser, vsix, trusted: true });
    try {
      await takeAll(session);
    } finally {
      await session.close();
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
