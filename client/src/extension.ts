// VS Code glue only: start the bundled language server, keep it running, register the commands.
import * as path from 'node:path';
import { commands, languages, workspace, window, type ExtensionContext, type TextDocumentContentProvider, Uri } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ServerKeeper } from './serverKeeper';

const LANGUAGES = ['javascript', 'typescript', 'javascriptreact', 'typescriptreact'];
const CHEAT_SHEET = Uri.parse('http-status-guide:/HTTP%20Status%20Cheat%20Sheet.md');
let client: LanguageClient | undefined;

/** What the extension exposes to other extensions (and to its own extension-host tests). */
export interface HttpStatusGuideApi {
  /** How many times the user was told that the server keeps crashing. */
  readonly crashNotices: number;
}

export async function activate(context: ExtensionContext): Promise<HttpStatusGuideApi> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const keeper = new ServerKeeper();
  const clientOptions: LanguageClientOptions = {
    // Every scheme: the server reads text from the protocol only, so virtual files work too.
    documentSelector: LANGUAGES.map((language) => ({ language })),
    synchronize: { configurationSection: 'httpStatusGuide' },
    errorHandler: keeper,
  };
  const languageClient = new LanguageClient('httpStatusGuide', 'HTTP Status Guide', serverOptions, clientOptions);
  client = languageClient;
  keeper.attach(languageClient);

  // The cheat sheet is read-only: a virtual document whose text the server renders.
  const cheatSheet: TextDocumentContentProvider = {
    provideTextDocumentContent: () => languageClient.sendRequest<string>('httpStatusGuide/cheatSheet'),
  };
  context.subscriptions.push(
    keeper,
    workspace.registerTextDocumentContentProvider(CHEAT_SHEET.scheme, cheatSheet),
    commands.registerCommand('httpStatusGuide.restartServer', () => keeper.restart()),
    commands.registerCommand('httpStatusGuide.showOutput', () => languageClient.outputChannel.show()),
    commands.registerCommand('httpStatusGuide.openCheatSheet', async () => {
      const document = await languages.setTextDocumentLanguage(await workspace.openTextDocument(CHEAT_SHEET), 'markdown');
      await window.showTextDocument(document, { preview: false });
    }),
  );
  await languageClient.start();
  return {
    get crashNotices() {
      return keeper.crashNotices;
    },
  };
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
