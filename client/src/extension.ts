// VS Code glue only: start the bundled language server, keep it running, register the commands.
import * as path from 'node:path';
import { commands, languages, workspace, window, type ExtensionContext, type TextDocumentContentProvider, Uri } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { explicitSettingsMiddleware } from './explicitSettings';
import { ServerKeeper } from './serverKeeper';
import { FILE_STATUS_NOTIFICATION, SkippedFileStatus, type FileStatus } from './skippedFileStatus';
import { ROUTES_CHANGED_NOTIFICATION, ROUTES_REQUEST, RoutesView, type RoutesResult } from './routesView';

const LANGUAGES = ['javascript', 'typescript', 'javascriptreact', 'typescriptreact'];
/** The OpenAPI document is sent too, so drift shows on its lines and its fixes apply there. */
const OPENAPI_DOCUMENTS = ['**/{openapi,swagger}*.{yaml,yml,json}', '**/*.openapi.{yaml,yml,json}'];
const SHOW_WORKSPACE_PROBLEMS_REQUEST = 'httpStatusGuide/showWorkspaceProblems';
const CHEAT_SHEET = Uri.parse('http-status-guide:/HTTP%20Status%20Cheat%20Sheet.md');
let keeper: ServerKeeper | undefined;

/** What the extension exposes to other extensions (and to its own extension-host tests). */
export interface HttpStatusGuideApi {
  /** How many times the user was told that the server keeps crashing. */
  readonly crashNotices: number;
  /** Why the server does not analyse the document at `uri` (what the status bar item says), if it does not. */
  skippedReason(uri: string): string | undefined;
  /** The routes view's data provider, for tests that read what the view shows. */
  readonly routesView: RoutesView;
}

export async function activate(context: ExtensionContext): Promise<HttpStatusGuideApi> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const serverKeeper = new ServerKeeper();
  keeper = serverKeeper;
  const clientOptions: LanguageClientOptions = {
    // Every scheme: the server reads text from the protocol only, so virtual files work too.
    documentSelector: [...LANGUAGES.map((language) => ({ language })), ...OPENAPI_DOCUMENTS.map((pattern) => ({ scheme: 'file', pattern }))],
    synchronize: { configurationSection: 'httpStatusGuide' },
    errorHandler: serverKeeper,
    // Only settings the user set, so the manifest's defaults never override the project config file.
    middleware: explicitSettingsMiddleware(context.extension.packageJSON.contributes.configuration.properties),
  };
  const languageClient = new LanguageClient('httpStatusGuide', 'HTTP Status Guide', serverOptions, clientOptions);
  serverKeeper.attach(languageClient);
  const skipped = new SkippedFileStatus();
  languageClient.onNotification(FILE_STATUS_NOTIFICATION, (status: FileStatus) => skipped.set(status));
  const routesView = new RoutesView(() => languageClient.sendRequest<RoutesResult>(ROUTES_REQUEST));
  languageClient.onNotification(ROUTES_CHANGED_NOTIFICATION, () => routesView.refresh());

  // The cheat sheet is read-only: a virtual document whose text the server renders.
  const cheatSheet: TextDocumentContentProvider = {
    provideTextDocumentContent: () => languageClient.sendRequest<string>('httpStatusGuide/cheatSheet'),
  };
  context.subscriptions.push(
    serverKeeper,
    skipped,
    workspace.registerTextDocumentContentProvider(CHEAT_SHEET.scheme, cheatSheet),
    commands.registerCommand('httpStatusGuide.restartServer', () => serverKeeper.restart()),
    commands.registerCommand('httpStatusGuide.showOutput', () => languageClient.outputChannel.show()),
    routesView,
    window.registerTreeDataProvider('httpStatusGuide.routes', routesView),
    commands.registerCommand('httpStatusGuide.routes.refresh', () => routesView.refresh()),
    commands.registerCommand('httpStatusGuide.routes.filter', () => routesView.chooseFilter()),
    commands.registerCommand('httpStatusGuide.showWorkspaceProblems', async () => {
      const { files, complete } = await languageClient.sendRequest<{ files: number; complete: boolean }>(SHOW_WORKSPACE_PROBLEMS_REQUEST);
      await commands.executeCommand('workbench.actions.view.problems');
      if (!complete) void window.showInformationMessage(`HTTP Status Guide: ${files} files read so far; problems of the rest appear as the workspace is read.`);
    }),
    commands.registerCommand('httpStatusGuide.openCheatSheet', async () => {
      const document = await languages.setTextDocumentLanguage(await workspace.openTextDocument(CHEAT_SHEET), 'markdown');
      await window.showTextDocument(document, { preview: false });
    }),
  );
  await languageClient.start();
  return {
    get crashNotices() {
      return serverKeeper.crashNotices;
    },
    skippedReason: (uri) => skipped.reasonFor(uri),
    routesView,
  };
}

export function deactivate(): Promise<void> | undefined {
  // Through the keeper: a stop it was not asked for would count as a crash and start a new server.
  return keeper?.stop();
}
