// A stand-in language server that answers initialize and shutdown but never publishes
// diagnostics: the waits in serverProcess.ts must fail on it within their timeout.
const { createConnection, ProposedFeatures, TextDocumentSyncKind } = require('vscode-languageserver/node');

const connection = createConnection(ProposedFeatures.all);
connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Full } }));
connection.listen();
