// LSP wiring of what the workspace index powers: the routes request and its change notification,
// workspace-wide problems on demand, and OpenAPI drift on the document and on the code. The
// server calls in when documents, watched files or settings change; answers come from features/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Connection, Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Drift } from './analysis/openapi/drift';
import { lineStarts } from './analysis/engine/suppressions';
import { resolverAmong } from './analysis/routes';
import type { AnalysisOptions } from './analysis/types';
import { filesToAnalyse, SOURCE_FILE } from './cli/files';
import { toDiagnostic } from './features/diagnostics';
import { driftActions, driftDiagnostic, malformedDiagnostic } from './features/openapi';
import { positionsFromLines, type Positioned } from './features/positions';
import { ROUTES_CHANGED_NOTIFICATION, ROUTES_REQUEST, routesResult, type IndexScope } from './features/routes';
import { fileNameOf } from './documentNames';
import { isIncluded, type Settings } from './settings';
import { OPENAPI_FILE, openApiDocumentPath, OpenApiDocuments } from './workspace/openApiDocuments';
import { WorkspaceIndex } from './workspace/workspaceIndex';
import { collectYoungGeneration } from './idleCollector';

export const SHOW_WORKSPACE_PROBLEMS_REQUEST = 'httpStatusGuide/showWorkspaceProblems';
/** Tell the client about new routes at most this often while the index reads. */
const NOTICE_DELAY_MS = 300;
/** An open script is indexed again this long after its last edit: routes change rarely while typing. */
const OPEN_DOCUMENT_DELAY_MS = 750;

export interface WorkspaceHost {
  connection: Connection;
  settingsFor(uri: string): Promise<Settings>;
  /** The analysis options of a file on disk (its folder's settings and project facts). */
  optionsFor(filePath: string): Promise<AnalysisOptions>;
  filePathOf(uri: string): string | undefined;
  /** Open documents, by URI. */
  openDocument(uri: string): TextDocument | undefined;
  /** Every open document: what the index holds in a workspace without a folder on disk. */
  openDocuments(): readonly TextDocument[];
  /** Publishes an open code document's diagnostics again, drift included. */
  republish(uri: string): void;
  log(message: string): void;
  /** Resolves once no open document's analysis is on its way (past its debounce), queued or running. */
  documentsIdle(): Promise<void>;
}

function uriOf(file: string): string {
  return pathToFileURL(file).toString();
}

function readText(file: string, maxFileSize: number): string | undefined {
  try {
    const size = fs.statSync(file).size;
    // UTF-8 bytes ≥ UTF-16 units for what matters here: a file over the limit in bytes may still pass, never the reverse.
    if (size > maxFileSize * 3) return undefined;
    const text = fs.readFileSync(file, 'utf8');
    return text.length > maxFileSize ? undefined : text;
  } catch {
    return undefined;
  }
}

export class WorkspaceFeatures {
  private folders: string[] = [];
  private index: WorkspaceIndex | undefined;
  private readonly openApi = new OpenApiDocuments();
  private drifts = new Map<string, Drift[]>();
  private showProblems = false;
  /** Set from the start of `start()` until its index exists: routes asked for meanwhile are not complete. */
  private starting = false;
  /** Files whose workspace problems are published, so they can be cleared. */
  private readonly problemsShown = new Set<string>();
  private noticeTimer: NodeJS.Timeout | undefined;
  private readonly editTimers = new Map<string, NodeJS.Timeout>();
  /** Modules whose importers are read again once the module stops changing. */
  private readonly importerTimers = new Map<string, NodeJS.Timeout>();
  /** Without a folder on disk, the index's files are open documents known by name: their URIs. */
  private readonly documentUris = new Map<string, string>();

  constructor(private readonly host: WorkspaceHost) {
    host.connection.onRequest(ROUTES_REQUEST, () => {
      const index = this.index;
      if (!index) return { complete: !this.starting, routes: [], scope: this.scope };
      return routesResult(index.routes(), index.state === 'ready', this.scope, { uriOf: (file) => this.uriOfFile(file), linesOf: (file) => index.get(file)?.lines });
    });
    host.connection.onRequest(SHOW_WORKSPACE_PROBLEMS_REQUEST, () => {
      this.showProblems = true;
      this.publishWorkspaceProblems();
      return { files: this.index?.size ?? 0, complete: this.index?.state === 'ready' };
    });
  }

  /** A virtual workspace (folders, none on disk) has only its open documents to read. */
  private openDocumentsOnly = false;

  private get scope(): IndexScope {
    return this.openDocumentsOnly ? 'open documents' : 'workspace';
  }

  private uriOfFile(file: string): string {
    return this.documentUris.get(file) ?? uriOf(file);
  }

  /** The name the index knows an open document by: its path on disk, or without a folder on disk its analysis name. */
  private indexFileOf(document: TextDocument): string | undefined {
    const file = this.host.filePathOf(document.uri) ?? (this.scope === 'open documents' ? fileNameOf(document) : undefined);
    if (file && this.scope === 'open documents') this.documentUris.set(file, document.uri);
    return file;
  }

  /** Starts (or restarts) the index over the workspace folders, when the settings allow it; `virtual`: folders none of which is on disk. */
  async start(folderPaths: readonly string[], virtual = false): Promise<void> {
    this.folders = [...folderPaths];
    this.index?.cancel();
    this.index = undefined;
    this.openDocumentsOnly = virtual && this.folders.length === 0;
    if (this.openDocumentsOnly) return this.startOnOpenDocuments();
    this.starting = true;
    const first = this.folders[0];
    const settings = first ? await this.host.settingsFor(uriOf(first)) : undefined;
    if (settings?.workspaceIndex) await this.findOpenApiDocument(settings);
    this.starting = false;
    if (!settings?.workspaceIndex) {
      // No folder at all (a file opened alone): no index; a virtual workspace's folders get one of open documents.
      if (!first) this.host.log('No workspace folder: the routes view and OpenAPI drift are off.');
      this.afterChange();
      return;
    }
    const index: WorkspaceIndex = new WorkspaceIndex({
      filesOf: (folder) => filesToAnalyse(['.'], folder, settings),
      read: (file) => readText(file, settings.analysis.maxFileSize),
      optionsFor: (file) => this.host.optionsFor(file),
      resolve: resolverAmong((file) => index.get(file) !== undefined),
      changed: () => this.scheduleNotice(),
      documentsIdle: () => this.host.documentsIdle(),
      fileDone: collectYoungGeneration,
    });
    this.index = index;
    const started = Date.now();
    await index.start(this.folders);
    if (index.state === 'ready') this.host.log(`Indexed ${index.size} files in ${Date.now() - started} ms.`);
  }

  /** No folder on disk: an index of the open documents, each with its own settings; files are never read. */
  private async startOnOpenDocuments(): Promise<void> {
    this.host.log('No workspace folder on a file system: the workspace index holds open documents only, and the routes view lists their routes.');
    this.openApi.clear();
    const index: WorkspaceIndex = new WorkspaceIndex({
      filesOf: () => [],
      read: () => undefined,
      optionsFor: async (file) => (await this.host.settingsFor(this.uriOfFile(file))).analysis,
      resolve: resolverAmong((file) => index.get(file) !== undefined),
      changed: () => this.scheduleNotice(),
      documentsIdle: () => this.host.documentsIdle(),
    });
    this.index = index;
    await index.start([]);
    for (const document of this.host.openDocuments()) await this.documentChanged(document);
  }

  /** The OpenAPI document: the configured path, or the first file named like one (never inside node_modules). */
  private async findOpenApiDocument(settings: Settings): Promise<void> {
    this.openApi.clear();
    for (const folder of this.folders) {
      const file = openApiDocumentPath(folder, settings);
      const text = file && (this.host.openDocument(uriOf(file))?.getText() ?? readText(file, settings.analysis.maxFileSize));
      if (file && text !== undefined) {
        this.openApi.set(uriOf(file), text);
        return;
      }
    }
  }

  isOpenApiDocument(uri: string): boolean {
    return this.openApi.document?.uri === uri || OPENAPI_FILE.test(uri);
  }

  /** An open document's text changed (or it opened). */
  async documentChanged(document: TextDocument): Promise<void> {
    if (this.isOpenApiDocument(document.uri)) {
      if (this.openApi.document?.uri === document.uri || !this.openApi.document) this.openApi.set(document.uri, document.getText());
      this.afterChange();
      return;
    }
    const file = this.indexFileOf(document);
    if (!this.index || !file || !SOURCE_FILE.test(file)) return;
    if (this.scope === 'open documents' && !(await this.host.settingsFor(document.uri)).workspaceIndex) return;
    clearTimeout(this.editTimers.get(document.uri));
    this.editTimers.set(document.uri, setTimeout(() => {
      this.editTimers.delete(document.uri);
      const open = this.host.openDocument(document.uri);
      if (open) void this.index?.updateOpen(file, open.getText());
    }, OPEN_DOCUMENT_DELAY_MS));
  }

  async documentClosed(document: TextDocument): Promise<void> {
    clearTimeout(this.editTimers.get(document.uri));
    this.editTimers.delete(document.uri);
    const file = this.indexFileOf(document);
    if (!file) return;
    if (this.scope === 'open documents') {
      this.documentUris.delete(file);
      await this.index?.closed(file, false);
      return;
    }
    if (this.openApi.document?.uri === document.uri) {
      const text = readText(file, Number.MAX_SAFE_INTEGER);
      if (text === undefined) this.openApi.clear(document.uri);
      else this.openApi.set(document.uri, text);
      this.afterChange();
      return;
    }
    if (!this.index) return;
    const settings = await this.host.settingsFor(document.uri);
    await this.index.closed(file, fs.existsSync(file) && isIncluded(settings, file.split(path.sep).join('/')));
  }

  /** A watched file changed on disk. */
  async fileChanged(uri: string, exists: boolean): Promise<void> {
    const file = this.host.filePathOf(uri);
    if (!file) return;
    if (OPENAPI_FILE.test(file) || this.openApi.document?.uri === uri) {
      const first = this.folders[0];
      if (first && !this.host.openDocument(uri)) await this.findOpenApiDocument(await this.host.settingsFor(uriOf(first)));
      this.afterChange();
    } else if (this.index && SOURCE_FILE.test(file)) {
      await this.index.changedOnDisk(file, exists);
    }
  }

  /**
   * A module changed (on disk, or an open document's text): the indexed files whose analysis read it
   * are read again in the background, their open text when they are open, once the module rests.
   */
  moduleChanged(fileName: string): void {
    clearTimeout(this.importerTimers.get(fileName));
    this.importerTimers.set(fileName, setTimeout(() => {
      this.importerTimers.delete(fileName);
      void this.refreshImporters(fileName);
    }, OPEN_DOCUMENT_DELAY_MS));
  }

  private async refreshImporters(fileName: string): Promise<void> {
    const index = this.index;
    if (!index) return;
    for (const importer of index.importersOf(fileName)) {
      if (this.index !== index) return;
      const open = index.isOpen(importer) ? this.host.openDocument(uriOf(importer)) : undefined;
      if (open) await index.updateOpen(importer, open.getText());
      else await index.changedOnDisk(importer, true);
    }
  }

  /** Drift diagnostics on an open code file, to publish with its analysis. */
  driftDiagnosticsFor(uri: string, positions: Positioned): Diagnostic[] {
    return (this.drifts.get(uri) ?? []).map((drift) => driftDiagnostic(drift, positions));
  }

  /** Quick-fixes for drift in a file (the document or code), for the requested offsets. */
  driftActionsFor(uri: string, requested: { start: number; end: number }, positions: Positioned): CodeAction[] {
    const positionsOf = (target: string): Positioned | undefined => {
      const open = this.host.openDocument(target);
      if (open) return open;
      const document = this.openApi.document;
      if (document?.uri === target) return positionsFromLines(lineStarts(document.text));
      const file = this.host.filePathOf(target);
      const lines = file ? this.index?.get(file)?.lines : undefined;
      return lines ? positionsFromLines(lines) : undefined;
    };
    return driftActions(this.drifts.get(uri) ?? [], requested, positionsOf, (drift) => driftDiagnostic(drift, positions));
  }

  private scheduleNotice(): void {
    if (this.noticeTimer) return;
    this.noticeTimer = setTimeout(() => {
      this.noticeTimer = undefined;
      this.afterChange();
    }, NOTICE_DELAY_MS);
  }

  /** Routes may have changed: drift again, publish what depends on it, tell the client. */
  private afterChange(): void {
    const before = this.drifts;
    // Joining every file's routes costs time on each notice while the index reads: only with a document to compare.
    this.drifts = this.index && this.openApi.document ? this.openApi.drifts(this.index.routes(), (file) => this.uriOfFile(file)) : new Map();
    const document = this.openApi.document;
    if (document) {
      const positions = this.host.openDocument(document.uri) ?? positionsFromLines(lineStarts(document.text));
      const diagnostics = document.read.kind === 'malformed'
        ? [malformedDiagnostic(document.read.message, document.read.range, positions)]
        : (this.drifts.get(document.uri) ?? []).map((drift) => driftDiagnostic(drift, positions));
      void this.host.connection.sendDiagnostics({ uri: document.uri, diagnostics });
    }
    for (const uri of new Set([...before.keys(), ...this.drifts.keys()])) {
      const changed = JSON.stringify(before.get(uri)) !== JSON.stringify(this.drifts.get(uri));
      if (changed && uri !== document?.uri && this.host.openDocument(uri)) this.host.republish(uri);
    }
    if (this.showProblems) this.publishWorkspaceProblems();
    void this.host.connection.sendNotification(ROUTES_CHANGED_NOTIFICATION, {});
  }

  /** Workspace problems of files that are not open (open ones publish their own). */
  private publishWorkspaceProblems(): void {
    const index = this.index;
    if (!index) return;
    for (const [file, entry] of index.entries()) {
      const uri = uriOf(file);
      if (this.host.openDocument(uri)) continue;
      const positions = positionsFromLines(entry.lines);
      const diagnostics = [...entry.findings.list().map((finding) => toDiagnostic(finding, { ...positions, uri })), ...this.driftDiagnosticsFor(uri, positions)];
      if (diagnostics.length === 0 && !this.problemsShown.has(uri)) continue;
      if (diagnostics.length > 0) this.problemsShown.add(uri);
      else this.problemsShown.delete(uri);
      void this.host.connection.sendDiagnostics({ uri, diagnostics });
    }
  }
}
