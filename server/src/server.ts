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
  FileChangeType,
  type Diagnostic,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentAnalyses, SKIP_LOG } from './analyses';
import { frameworksOf } from './analysis/adapters/frameworks';
import { parse } from './analysis/engine/parse';
import { FIX_ALL_KIND, codeActions } from './features/codeActions';
import { COMPLETION_TRIGGERS, snippetCompletions, wantsSnippets } from './features/completion';
import { toDiagnostic, type DiagnosticSupport } from './features/diagnostics';
import { hoverAt } from './features/hover';
import { inlayHints } from './features/inlayHints';
import { renderCheatSheet } from './knowledge';
import { initializationSection, type Settings } from './settings';
import { CONFIG_FILE_GLOB, ProjectConfigs } from './projectConfigs';
import { ProjectFactsLoader } from './projectFacts';
import { WorkspaceModules } from './workspace/moduleReader';
import { fileNameOf, filePathOf, isScript, uriPath } from './documentNames';
import { WorkspaceFeatures } from './workspaceFeatures';
import { DocumentSettings } from './documentSettings';
import { OPENAPI_FILE } from './workspace/openApiDocuments';
import { SOURCE_FILE } from './cli/files';

/** Tells the client why an open file is not analysed (VS Code shows it in the status bar). */
const FILE_STATUS_NOTIFICATION = 'httpStatusGuide/fileStatus';
/** Script files whose changes on disk can change what an open document's imported helpers send. */
const SCRIPT_GLOB = '**/*.{js,jsx,ts,tsx,mjs,cjs}';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let canRefreshInlayHints = false;
let canRegisterConfigurationChange = false;
let canWatchFiles = false;
const diagnosticSupport: DiagnosticSupport = { relatedInformation: false };
/** Snippet bodies hold tab stops (`${1:user}`): a client that cannot expand them gets no completions. */
let canInsertSnippets = false;
const projectConfigs = new ProjectConfigs((message) => connection.console.log(message));
const projectFacts = new ProjectFactsLoader();
/** Workspace folders none of which is on a file system (a virtual workspace): the index holds open documents. */
let virtualWorkspace = false;

/** Imported modules: an open document's text first, then the file on disk (the workspace index's reader). */
const workspaceModules = new WorkspaceModules((fileName) => documents.all().find((document) => fileNameOf(document) === fileName)?.getText());
const documentSettings = new DocumentSettings(connection, projectConfigs, projectFacts, workspaceModules);
const settingsFor = (uri: string): Promise<Settings> => documentSettings.settingsFor(uri);

/** A module changed in an editor or on disk: read it again, and analyse again the open documents and indexed files that import it. */
function moduleChanged(fileName: string): void {
  workspaceModules.forget(fileName);
  analyses.refreshImporters(fileName);
  workspace.moduleChanged(fileName);
}

/** Settings or a config file changed: every document is analysed again under the new ones. */
function reanalyseAll(): void {
  documentSettings.clear();
  analyses.clear();
  for (const document of documents.all()) if (isScript(document)) analyses.schedule(document, false);
  void workspace.start(documentSettings.roots, virtualWorkspace);
  if (canRefreshInlayHints) void connection.languages.inlayHint.refresh();
}

/** Without file watching, a config file edited on disk is noticed on the next open, edit or save. */
function reloadConfigIfChanged(): void {
  if (!canWatchFiles && projectConfigs.changedOnDisk()) reanalyseAll();
}

/** Why each open file is not analysed, as last told to the client: told again only when it changes. */
const skippedTold = new Map<string, string>();
function tellSkipped(uri: string, reason: string | undefined): void {
  if ((skippedTold.get(uri) ?? null) === (reason ?? null)) return;
  if (reason) skippedTold.set(uri, reason);
  else skippedTold.delete(uri);
  void connection.sendNotification(FILE_STATUS_NOTIFICATION, { uri, skipped: reason ?? null });
}

/** Each open script's last published analysis diagnostics, so drift can be published with them again. */
const analysisDiagnostics = new Map<string, { version: number | undefined; diagnostics: Diagnostic[] }>();

function publishWithDrift(uri: string): void {
  const document = documents.get(uri);
  const published = analysisDiagnostics.get(uri);
  if (!document || !published) return;
  void connection.sendDiagnostics({ uri, version: published.version, diagnostics: [...published.diagnostics, ...workspace.driftDiagnosticsFor(uri, document)] });
}

const analyses = new DocumentAnalyses(
  {
    settingsFor,
    fileNameOf,
    log: (message) => connection.console.log(message),
    publish: (uri, version, analysis) => {
      const document = documents.get(uri);
      const diagnostics = document && analysis ? analysis.findings.map((finding) => toDiagnostic(finding, document, diagnosticSupport)) : [];
      // First, so a client that has the diagnostics knows whether the file was analysed at all.
      if (document) tellSkipped(uri, analysis?.skipped && SKIP_LOG[analysis.skipped]);
      analysisDiagnostics.set(uri, { version, diagnostics });
      if (document) publishWithDrift(uri);
      else void connection.sendDiagnostics({ uri, version, diagnostics });
    },
  },
  (uri) => documents.get(uri),
);

const workspace = new WorkspaceFeatures({
  connection,
  settingsFor,
  optionsFor: (filePath) => documentSettings.optionsForFile(filePath),
  filePathOf,
  openDocument: (uri) => documents.get(uri),
  openDocuments: () => documents.all(),
  republish: publishWithDrift,
  log: (message) => connection.console.log(message),
  documentsIdle: () => analyses.whenIdle(),
});

connection.onInitialize((params) => {
  documentSettings.canPull = params.capabilities.workspace?.configuration === true;
  canRefreshInlayHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
  canRegisterConfigurationChange = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  diagnosticSupport.relatedInformation = params.capabilities.textDocument?.publishDiagnostics?.relatedInformation === true;
  canInsertSnippets = params.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
  documentSettings.initialSection = initializationSection(params.initializationOptions);
  const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  projectConfigs.setFolders(folders);
  documentSettings.roots = folders.flatMap((uri) => filePathOf(uri) ?? []);
  virtualWorkspace = folders.length > 0 && documentSettings.roots.length === 0;
  workspaceModules.setRoots(documentSettings.roots);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      inlayHintProvider: true,
      completionProvider: canInsertSnippets ? { triggerCharacters: COMPLETION_TRIGGERS } : undefined,
      executeCommandProvider: undefined,
    },
    serverInfo: { name: 'HTTP Status Guide' },
  };
});

connection.onInitialized(() => {
  // Clients that cannot register dynamically (Neovim) send the notification unasked, or not at all.
  if (documentSettings.canPull && canRegisterConfigurationChange) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'httpStatusGuide' });
  if (canWatchFiles) {
    const watchers = [{ globPattern: CONFIG_FILE_GLOB }, { globPattern: '**/package.json' }, { globPattern: SCRIPT_GLOB }, { globPattern: '**/{openapi,swagger,*.openapi}*.{yaml,yml,json}' }];
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
  }
  // In the background: requests and edits are answered between files.
  void workspace.start(documentSettings.roots, virtualWorkspace);
});

const CONFIG_OR_MANIFEST = /(?:\/package\.json|\.httpstatusguiderc\.json|\/httpstatusguide\.config\.json)$/;

/** A config file or a package.json changed (the Express version, the async-error patch): analyse again. */
connection.onDidChangeWatchedFiles(async (params) => {
  let settingsChanged = false;
  for (const change of params.changes) {
    if (SOURCE_FILE.test(change.uri)) {
      // A script: the open documents that import it are analysed again, and the index reads it.
      moduleChanged(uriPath(change.uri));
      await workspace.fileChanged(change.uri, change.type !== FileChangeType.Deleted);
    } else if (OPENAPI_FILE.test(change.uri)) {
      await workspace.fileChanged(change.uri, change.type !== FileChangeType.Deleted);
    } else if (CONFIG_OR_MANIFEST.test(change.uri)) {
      settingsChanged = true;
      const manifest = /\/package\.json$/.test(change.uri) ? filePathOf(change.uri) : undefined;
      if (manifest) projectFacts.forget(manifest);
    }
  }
  if (!settingsChanged) return;
  projectConfigs.clear();
  reanalyseAll();
});

connection.onDidChangeConfiguration((change) => {
  if (!documentSettings.canPull) documentSettings.pushedSection = (change.settings as { httpStatusGuide?: unknown } | undefined)?.httpStatusGuide;
  reanalyseAll();
});

// The document manager fires a content change on open too: one analysis per opened version.
const opened = new Map<string, number>();
documents.onDidOpen((event) => {
  reloadConfigIfChanged();
  opened.set(event.document.uri, event.document.version);
  if (isScript(event.document)) analyses.schedule(event.document, false);
  moduleChanged(fileNameOf(event.document));
  void workspace.documentChanged(event.document);
});
documents.onDidChangeContent((event) => {
  if (opened.get(event.document.uri) === event.document.version) return;
  opened.delete(event.document.uri);
  reloadConfigIfChanged();
  if (isScript(event.document)) analyses.schedule(event.document, true);
  moduleChanged(fileNameOf(event.document));
  void workspace.documentChanged(event.document);
});
documents.onDidClose((event) => {
  opened.delete(event.document.uri);
  skippedTold.delete(event.document.uri);
  documentSettings.forget(event.document.uri);
  analysisDiagnostics.delete(event.document.uri);
  analyses.forget(event.document.uri);
  // Importers read the file from disk again, as saved.
  moduleChanged(fileNameOf(event.document));
  void workspace.documentClosed(event.document);
});

connection.onHover(async (params, token) => {
  const document = documents.get(params.textDocument.uri);
  if (!document || !isScript(document) || token.isCancellationRequested) return null;
  const analysis = await analyses.get(document);
  return token.isCancellationRequested ? null : hoverAt(document, analysis.statusRefs, params.position);
});

connection.onCodeAction(async (params, token) => {
  const document = documents.get(params.textDocument.uri);
  if (!document || token.isCancellationRequested) return [];
  const requested = { start: document.offsetAt(params.range.start), end: document.offsetAt(params.range.end) };
  const drift = workspace.driftActionsFor(document.uri, requested, document);
  if (!isScript(document)) return drift;
  const [analysis, settings] = await Promise.all([analyses.get(document), settingsFor(document.uri)]);
  if (token.isCancellationRequested || !settings.enable) return [];
  return [...codeActions(document, analysis.findings, params, fileNameOf(document), settings.analysis, analysis.syntaxErrors), ...drift];
});

connection.onCompletion(async (params, token) => {
  const document = documents.get(params.textDocument.uri);
  // Most requests come from typing anything else: answered before any work.
  if (!document || !canInsertSnippets || !wantsSnippets(document, params.position)) return [];
  const settings = await settingsFor(document.uri);
  if (token.isCancellationRequested) return [];
  // A fresh parse of the current text: the cached analysis may be a version behind or skipped.
  const text = document.getText();
  const fileName = fileNameOf(document);
  const frameworks = text.length > settings.analysis.maxFileSize ? settings.analysis.frameworks : frameworksOf(parse(text, fileName), settings.analysis.frameworks);
  return snippetCompletions(document, params.position, frameworks, fileName);
});

connection.languages.inlayHint.on(async (params, token) => {
  const document = documents.get(params.textDocument.uri);
  if (!document || !isScript(document) || token.isCancellationRequested) return [];
  const settings = await settingsFor(document.uri);
  if (!settings.enable || !settings.inlayHints) return [];
  return inlayHints(document, (await analyses.get(document)).statusRefs, params.range);
});

connection.onRequest('httpStatusGuide/cheatSheet', () => renderCheatSheet());

// A bug in one request must never take the editor's language support down with it.
process.on('uncaughtException', (error) => connection.console.error(`Unexpected error: ${error.stack ?? error.message}`));

documents.listen(connection);
connection.listen();
