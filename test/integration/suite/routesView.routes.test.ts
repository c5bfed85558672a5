// The routes view and OpenAPI drift in the real editor, on the routes-app fixture workspace: an
// Express app mounting a router from another file whose handlers live in a controller module,
// and an openapi.yaml that does not declare one status the controller sends.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HttpStatusGuideApi } from '../../../client/src/extension';
import { closeAllEditors, COLD_START_MS, EXTENSION_ID, waitFor, waitForRule } from './helpers';

type Node = Parameters<HttpStatusGuideApi['routesView']['getTreeItem']>[0];

const labelOf = (item: vscode.TreeItem): string => (typeof item.label === 'string' ? item.label : item.label?.label ?? '');

function fixtureUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the routes tests need the routes-app fixture opened as a folder');
  return vscode.Uri.joinPath(folder.uri, relative);
}

/** Activates the extension by opening a script of the fixture, and returns its API. */
async function api(): Promise<HttpStatusGuideApi> {
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fixtureUri('src/app.js')));
  const extension = vscode.extensions.getExtension<HttpStatusGuideApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
  return extension.activate();
}

/** The view's route nodes once the index has read the whole workspace (no "Still reading" note). */
async function completeRoutes(view: HttpStatusGuideApi['routesView']): Promise<{ node: Node; item: vscode.TreeItem }[]> {
  let last = 'nothing yet';
  const read = async (): Promise<{ node: Node; item: vscode.TreeItem }[] | undefined> => {
    const nodes = await view.getChildren();
    const shown = nodes.map((node) => ({ node, item: view.getTreeItem(node) }));
    last = shown.map(({ item }) => `${labelOf(item)} ${item.description ?? ''}`).join(' | ');
    return shown.some(({ node }) => node.kind === 'note') || shown.length === 0 ? undefined : shown;
  };
  // The view refreshes on the server's routesChanged notification: each refresh is a chance to
  // look. Subscribed before the first look, so a refresh between the two is not missed.
  return new Promise((resolve, reject) => {
    const look = (): void => {
      void read().then((shown) => {
        if (!shown) return;
        finish();
        resolve(shown);
      }, reject);
    };
    const subscription = view.onDidChangeTreeData(look);
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${COLD_START_MS} ms waiting for the routes view to list the whole workspace's routes. The view showed: ${last}`));
    }, COLD_START_MS);
    const finish = (): void => {
      clearTimeout(timer);
      subscription.dispose();
    };
    look();
  });
}

describe('routes view and OpenAPI drift', () => {
  afterEach(closeAllEditors);

  it('lists the routes with full paths and statuses, and a route opens where it is registered', async () => {
    const { routesView } = await api();
    const routes = await completeRoutes(routesView);
    assert.deepEqual(
      routes.map(({ item }) => [labelOf(item), item.description]),
      [
        // Sorted by path; the POST handler's 201 lacks a Location header (a hint): one problem.
        ['POST /api/orders', '201 · 400  1 problem'],
        ['GET /api/orders/:id', '200 · 404'],
        ['GET /health', '200'],
      ],
    );
    const post = routes.find(({ item }) => labelOf(item) === 'POST /api/orders');
    const statuses = (await routesView.getChildren(post!.node)).map((node) => labelOf(routesView.getTreeItem(node)));
    assert.deepEqual(statuses, ['400', '201']);

    const command = post!.item.command;
    assert.ok(command, 'a route item opens its registration when clicked');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = await waitFor(
      'the routes file to be the active editor',
      () => (vscode.window.activeTextEditor?.document.uri.path.endsWith('/src/routes/orders.js') ? vscode.window.activeTextEditor : undefined),
      [vscode.window.onDidChangeActiveTextEditor],
      () => `active: ${vscode.window.activeTextEditor?.document.uri.toString() ?? 'none'}`,
    );
    // The registration's path literal, on the line of `router.post('/', controller.createOrder)`.
    assert.equal(editor.selection.start.line, 5);
    assert.equal(editor.document.getText(editor.selection), "'/'");
  });

  it('shows a status the document does not declare, and its fix declares it in openapi.yaml', async () => {
    await api();
    const controller = await vscode.workspace.openTextDocument(fixtureUri('src/controllers/orders.js'));
    await vscode.window.showTextDocument(controller);
    const [drift] = await waitForRule(controller.uri, 'openapi-undeclared-status', COLD_START_MS);
    assert.equal(controller.getText(drift.range), '400');
    assert.equal(drift.severity, vscode.DiagnosticSeverity.Warning);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', controller.uri, drift.range, vscode.CodeActionKind.QuickFix.value);
    const declare = actions.find((action) => action.edit?.entries().some(([uri]) => uri.path.endsWith('/openapi.yaml')));
    assert.ok(declare?.edit, `no fix edits openapi.yaml; offered: ${actions.map((action) => action.title).join(' | ') || 'none'}`);
    assert.ok(await vscode.workspace.applyEdit(declare.edit), 'the fix was not applied');
    const document = await vscode.workspace.openTextDocument(fixtureUri('openapi.yaml'));
    assert.match(document.getText(), /\/api\/orders:\n {4}post:\n {6}responses:\n(?: {8}.*\n)*? {8}'400':\n {10}description: "Bad Request"\n/);
    await waitFor(
      'the drift diagnostic to go once the document declares 400',
      () => (vscode.languages.getDiagnostics(controller.uri).some((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'openapi-undeclared-status') ? undefined : true),
      [vscode.languages.onDidChangeDiagnostics],
    );
  });
});
