// Which settings a document or a workspace file is analysed with: the editor's (pulled per document
// and cached, or pushed), layered over the project config file and `initializationOptions`, plus
// the document's project facts (its package.json) and the reader of imported modules.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver/node';
import type { AnalysisOptions } from './analysis/types';
import { filePathOf } from './documentNames';
import type { ProjectConfigs } from './projectConfigs';
import type { ProjectFactsLoader } from './projectFacts';
import { overlaid, settingsFrom, type Settings } from './settings';
import type { WorkspaceModules } from './workspace/moduleReader';

export class DocumentSettings {
  private readonly cache = new Map<string, Promise<Settings>>();
  /** What the client gave at start (`initializationOptions`): the base that editor settings override. */
  initialSection: unknown;
  /** The editor settings of a client that pushes them (`didChangeConfiguration`) instead of being asked. */
  pushedSection: unknown;
  canPull = false;
  /** Workspace folder paths: the walk up to a document's package.json stops at its folder's root. */
  roots: string[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly projectConfigs: ProjectConfigs,
    private readonly projectFacts: ProjectFactsLoader,
    private readonly modules: WorkspaceModules,
  ) {}

  /** The settings with the document's project facts; untitled and virtual documents have none. */
  async settingsFor(uri: string): Promise<Settings> {
    const settings = this.withModules(await this.configured(uri), uri);
    const filePath = filePathOf(uri);
    return filePath ? this.withProjectFacts(settings, filePath) : settings;
  }

  /** A workspace file's analysis options: its folder's settings (one request per folder, not per file) and its project facts. */
  async optionsForFile(filePath: string): Promise<AnalysisOptions> {
    const root = this.rootOf(filePath);
    const settings = this.withModules(await this.configured(pathToFileURL(root ?? path.dirname(filePath)).toString()), pathToFileURL(filePath).toString());
    return (await this.withProjectFacts(settings, filePath)).analysis;
  }

  /** Settings changed: every document's are asked for again. */
  clear(): void {
    this.cache.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** Precedence (decisions): defaults < project config file < initializationOptions < editor settings the user set. */
  private settingsOf(uri: string, editorSection: unknown): Settings {
    return settingsFrom(overlaid(overlaid(this.projectConfigs.sectionFor(uri), this.initialSection), editorSection));
  }

  private configured(uri: string): Promise<Settings> {
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.canPull
        ? this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'httpStatusGuide' }).then(
            (section: unknown) => this.settingsOf(uri, section),
            () => this.settingsOf(uri, undefined),
          )
        : Promise.resolve(this.settingsOf(uri, this.pushedSection));
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** The workspace folder holding a file, the innermost when folders nest. */
  private rootOf(filePath: string): string | undefined {
    return this.roots.filter((folder) => filePath.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep)).sort((a, b) => b.length - a.length)[0];
  }

  private async withProjectFacts(settings: Settings, filePath: string): Promise<Settings> {
    // Read with a stat per folder on each call: a cheap check that also sees changes no watcher reported.
    const project = await this.projectFacts.factsFor(filePath, this.rootOf(filePath)).catch(() => undefined);
    return project ? { ...settings, analysis: { ...settings.analysis, project } } : settings;
  }

  /** The settings with the reader of imported modules, unless `readImportedModules` is off. */
  private withModules(settings: Settings, uri: string): Settings {
    if (!settings.readImportedModules) return settings;
    return { ...settings, analysis: { ...settings.analysis, modules: this.modules.sourceFor(settings, filePathOf(uri) !== undefined) } };
  }
}
