// LSP wiring only: capabilities, documents, settings and scheduling. Every answer comes from one
// function in features/, computed from the cached analysis of the document's current version.
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DocumentAnalyses } from './analyses';
import { FIX_ALL_KIND, codeActions } from './features/codeActions';
import { toDiagnostic } from './features/diagnostics';
import { hoverAt } from './features/hover';
import { inlayHints } from './features/inlayHints';
import { renderCheatSheet } from './knowledge';
import { ProjectFactsLoader } from './projectFacts';
import { settingsFrom, type Settings } from './settings';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const settingsCache = new Map<string, Promise<Settings>>();
let globalSettings = settingsFrom({});
let canPullConfiguration = false;
let canRefreshInlayHints = false;
let canWatchFiles = false;
const projectFacts = new ProjectFactsLoader();
/** Workspace folder paths: the walk up to a document's package.json stops at its folder's root. */
let workspaceRoots: string[] = [];

const EXTENSIONS: Record<string, string> = { javascript: '.js', javascriptreact: '.jsx', typescript: '.ts', typescriptreact: '.tsx' };

function fileNameOf(document: TextDocument): string {
  const path = decodeURIComponent(document.uri.replace(/^[a-z][\w+.-]*:(\/\/[^/]*)?/i, '')) || 'untitled';
  return /\.[cm]?[jt]sx?$/i.test(path) ? path : path + (EXTENSIONS[document.languageId] ?? '.js');
}

function filePathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

function configuredSettingsFor(uri: string): Promise<Settings> {
  if (!canPullConfiguration) return Promise.resolve(globalSettings);
  let settings = settingsCache.get(uri);
  if (!settings) {
    settings = connection.workspace.getConfiguration({ scopeUri: uri, section: 'httpStatusGuide' }).then(settingsFrom, () => globalSettings);
    settingsCache.set(uri, settings);
  }
  return settings;
}

/** The settings with the document's project facts; untitled and virtual documents have none. */
async function settingsFor(uri: string): Promise<Settings> {
  const settings = await configuredSettingsFor(uri);
  const filePath = filePathOf(uri);
  if (!filePath) return settings;
  const root = workspaceRoots.filter((folder) => filePath.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep)).sort((a, b) => b.length - a.length)[0];
  // Read with a stat per folder on each call: a cheap check that also sees changes no watcher reported.
  const project = await projectFacts.factsFor(filePath, root).catch(() => undefined);
  return project ? { ...settings, analysis: { ...settings.analysis, project } } : settings;
}

const analyses = new DocumentAnalyses(
  {
    settingsFor,
    fileNameOf,
    log: (message) => connection.console.log(message),
    publish: (uri, version, analysis) => {
      const document = documents.get(uri);
      const diagnostics = document && analysis ? analysis.findings.map((finding) => toDiagnostic(finding, document)) : [];
      void connection.sendDiagnostics({ uri, version, diagnostics });
    },
  },
  (uri) => documents.get(uri),
);

connection.onInitialize((params) => {
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  canRefreshInlayHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
  canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  workspaceRoots = folders.flatMap((uri) => filePathOf(uri) ?? []);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      inlayHintProvider: true,
      executeCommandProvider: undefined,
    },
    serverInfo: { name: 'HTTP Status Guide' },
  };
});

connection.onInitialized(() => {
  if (canPullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'httpStatusGuide' });
  if (canWatchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/package.json' }] });
});

/** A package.json changed: the Express version or the async-error patch may have changed with it. */
connection.onDidChangeWatchedFiles((params) => {
  const manifests = params.changes.flatMap((change) => (/\/package\.json$/.test(change.uri) ? (filePathOf(change.uri) ?? []) : []));
  if (manifests.length === 0) return;
  for (const manifest of manifests) projectFacts.forget(manifest);
  analyses.clear();
  for (const document of documents.all()) analyses.schedule(document, false);
});

connection.onDidChangeConfiguration((change) => {
  settingsCache.clear();
  if (!canPullConfiguration) globalSettings = settingsFrom((change.settings as { httpStatusGuide?: unknown } | undefined)?.httpStatusGuide);
  analyses.clear();
  for (const document of documents.all()) analyses.schedule(document, false);
  if (canRefreshInlayHints) void connection.languages.inlayHint.refresh();
});

documents.onDidOpen((event) => analyses.schedule(event.document, false));
documents.onDidChangeContent((event) => analyses.schedule(event.document, true));
documents.onDidClose((event) => {
  settingsCache.delete(event.document.uri);
  analyses.forget(event.document.uri);
});

connection.onHover(async (params, token) => {
  const document = documents.get(params.textDocument.uri);
  if (!document || token.isCancellationRequested) return null;
  const analysis = await analyses.get(document);
  return token.isCancellationRequested ? null : hoverAt(document, analysis.statusRefs, params.position);
});

connection.onCodeAction(async (params, token) => {
  const document = documents.get(params.textDocument.uri);
  if (!document || token.isCancellationRequested) return [];
  const [analysis, settings] = await Promise.all([analyses.get(document), settingsFor(document.uri)]);
  if (token.isCancellationRequested || !settings.enable) return [];
  return codeActions(document, analysis.findings, params, fileNameOf(document), settings.analysis, analysis.syntaxErrors);
});

connection.languages.inlayHint.on(async (params, token) => {
  const document = documents.get(params.textDocument.uri);
  if (!document || token.isCancellationRequested) return [];
  const settings = await settingsFor(document.uri);
  if (!settings.enable || !settings.inlayHints) return [];
  return inlayHints(document, (await analyses.get(document)).statusRefs, params.range);
});

connection.onRequest('httpStatusGuide/cheatSheet', () => renderCheatSheet());

// A bug in one request must never take the editor's language support down with it.
process.on('uncaughtException', (error) => connection.console.error(`Unexpected error: ${error.stack ?? error.message}`));

documents.listen(connection);
connection.listen();
