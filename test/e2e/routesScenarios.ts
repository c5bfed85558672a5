// Issue 21's checks by eye, on the routes-app fixture: an Express app that mounts a router file
// under /api, and an openapi.yaml whose GET /api/books/{isbn} does not declare the 404 the
// handler sends. Each scenario opens what it needs, so they run in any order in one window.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator } from 'playwright-core';
import { repoRoot } from '../harness/paths';
import type { Session } from './session';
import { describeRows } from './workbench';

const VIEW = 'HTTP Routes';
const ROUTER_FILE = 'books.js';
/** The workspace index reads the files after start-up: the first look at the view may wait for it. */
const INDEX_MS = 60_000;

const routerText = fs.readFileSync(path.join(repoRoot, 'test', 'e2e', 'fixtures', 'routes-app', 'src', 'routes', ROUTER_FILE), 'utf8');

/** Where `text` first occurs in the router file, 1-based as the status bar and Problems say it. */
function positionInRouter(text: string): { line: number; column: number } {
  const lines = routerText.split('\n');
  const index = lines.findIndex((line) => line.includes(text));
  assert.ok(index >= 0, `the fixture ${ROUTER_FILE} no longer holds ${text}`);
  return { line: index + 1, column: lines[index].indexOf(text) + 1 };
}

/** The view once the index has read the whole workspace: every route listed, no "Still reading" note. */
async function routesView({ workbench }: Session): Promise<Locator> {
  const pane = await workbench.openView(VIEW);
  await workbench.treeRow(pane, 'GET /api/books/:isbn', 'the routes view lists the mounted router’s routes', INDEX_MS);
  const note = pane.locator('.monaco-list-row', { hasText: 'Still reading the workspace' });
  try {
    await note.waitFor({ state: 'detached', timeout: INDEX_MS });
  } catch {
    throw new Error(`the routes view still says it is reading the workspace after ${INDEX_MS / 1000} s: ${describeRows(await workbench.treeRows(pane))}`);
  }
  return pane;
}

export async function routesViewListsRoutes(session: Session): Promise<void> {
  const { workbench } = session;
  const pane = await routesView(session);
  // Full paths (the router is mounted under /api in app.js), sorted by path, each with the
  // statuses its handler can send: the list route's 200 is Express's default for res.json.
  assert.deepEqual(await workbench.treeRows(pane, 1), [
    { label: 'GET /api/books', description: '200' },
    { label: 'POST /api/books', description: '201 · 400' },
    { label: 'GET /api/books/:isbn', description: '200 · 404' },
  ]);

  // A route's statuses are its children, in the order the handler decides them.
  const route = await workbench.treeRow(pane, 'GET /api/books/:isbn', 'before expanding');
  await workbench.expandTreeRow(route);
  await workbench.treeRow(pane, '404', 'the expanded route lists its statuses');
  const statuses = await workbench.treeRows(pane, 2);
  assert.deepEqual(statuses.map(({ label }) => label), ['404', '200']);
}

export async function routeOpensItsHandler(session: Session): Promise<void> {
  const { workbench } = session;
  // From no open editor, so the router file's tab can only come from the click.
  await workbench.runCommand('View: Close All Editors');
  const pane = await routesView(session);
  const route = await workbench.treeRow(pane, 'GET /api/books/:isbn', 'before clicking');
  await route.locator('.label-name').click();

  await workbench.activeTab(ROUTER_FILE).waitFor({ timeout: 30_000 });
  const registration = "'/books/:isbn'";
  const { line } = positionInRouter(`router.get(${registration}`);
  // The handler is written where the route is registered: the cursor lands on that line with its path selected.
  const cursor = await workbench.expectCursorOnLine(line, 'after clicking GET /api/books/:isbn');
  assert.match(cursor, new RegExp(`\\(${registration.length} selected\\)`), `the route's path is selected: ${cursor}`);
  await workbench.waitForEditorText(/router\.get\('\/books\/:isbn'/, 'the handler is in view');

  // A status opens where the handler decides it.
  await workbench.expandTreeRow(route);
  const notFound = await workbench.treeRow(pane, '404', 'the statuses of GET /api/books/:isbn');
  await notFound.locator('.label-name').click();
  await workbench.expectCursorOnLine(positionInRouter('res.status(404)').line, 'after clicking the route’s 404');
}

export async function undeclaredStatusIsReported({ workbench }: Session): Promise<void> {
  await workbench.openFile(ROUTER_FILE);
  await workbench.expectSquiggle(true, `${ROUTER_FILE} sends a 404 that openapi.yaml does not declare`);
  const hover = await workbench.hover('404', 'openapi-undeclared-status');
  assert.match(hover, /404 Not Found is not declared for GET \/api\/books\/\{isbn\}/, `the squiggle's hover: ${hover}`);
  await workbench.dismissHover();

  const rows = await workbench.problems(/openapi-undeclared-status/);
  const row = rows.find((text) => text.includes('openapi-undeclared-status'));
  assert.ok(row, `no Problems entry for openapi-undeclared-status; rows: ${rows.join(' | ')}`);
  const { line, column } = positionInRouter('404');
  assert.match(row, /404 Not Found is not declared/, `Problems entry: ${row}`);
  assert.match(row, new RegExp(`\\[Ln ${line}, Col ${column}\\]`), `the entry points at the 404 in ${ROUTER_FILE}: ${row}`);
}
