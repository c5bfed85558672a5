// VS Code glue only: start the bundled language server and register the commands.
import * as path from 'node:path';
import { commands, languages, workspace, window, type ExtensionContext, type TextDocumentContentProvider, Uri } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

const LANGUAGES = ['javascript', 'typescript', 'javascriptreact', 'typescriptreact'];
const CHEAT_SHEET = Uri.parse('http-status-guide:/HTTP%20Status%20Cheat%20Sheet.md');
let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Every scheme: the server reads text from the protocol only, so virtual files work too.
    documentSelector: LANGUAGES.map((language) => ({ language })),
    synchronize: { configurationSection: 'httpStatusGuide' },
  };
  client = new LanguageClient('httpStatusGuide', 'HTTP Status Guide', serverOptions, clientOptions);

  // The cheat sheet is read-only: a virtual document whose text the server renders.
  const cheatSheet: TextDocumentContentProvider = {
    provideTextDocumentContent: () => client?.sendRequest<string>('httpStatusGuide/cheatSheet') ?? '',
  };
  context.subscriptions.push(
    workspace.registerTextDocumentContentProvider(CHEAT_SHEET.scheme, cheatSheet),
    commands.registerCommand('httpStatusGuide.restartServer', () => client?.restart()),
    commands.registerCommand('httpStatusGuide.showOutput', () => client?.outputChannel.show()),
    commands.registerCommand('httpStatusGuide.openCheatSheet', async () => {
      const document = await languages.setTextDocumentLanguage(await workspace.openTextDocument(CHEAT_SHEET), 'markdown');
      await window.showTextDocument(document, { preview: false });
    }),
  );
  await client.start();
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
