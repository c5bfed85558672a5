// The workspace index: every script file of the workspace read from disk in the background
// (read-only, never executed; .gitignore, include/exclude and maxFileSize honoured), kept as
// plain data per file: its route facts, its findings, and where its lines start. Open documents
// replace their file's entry with their current text. A file is analysed in the analysis' own steps,
// and before each step the index waits until no document analysis is on its way, queued or running:
// an edit waits at most for one step, never for the workspace. A newer start cancels an older.
import { lineStarts } from '../analysis/engine/suppressions';
import { projectRoutes, routesOfFile, type FileRoutes, type ProjectRoute, type ResolveModule } from '../analysis/routes';
import { analysisSteps } from '../analysis';
import type { AnalysisOptions, AnalysisResult } from '../analysis/types';
import { compactRoutes, IndexedFindings, StringTable } from './compactEntry';

/** Plain data only: nothing here holds the file's text or its syntax tree (see compactEntry.ts). */
export interface IndexedFile {
  routes: FileRoutes;
  findings: IndexedFindings;
  /** Line start offsets, to turn offsets into positions without keeping the text. */
  lines: Uint32Array;
  /** The modules the analysis read or looked for (`AnalysisResult.modulesAsked`): a change to one makes this entry stale. */
  modulesAsked: readonly string[];
}

export interface IndexHost {
  /** The files of a workspace folder to index, lazily. */
  filesOf(folder: string): Iterable<string>;
  /** A file's text, or undefined when it may not be read (too large, unreadable, excluded). */
  read(file: string): string | undefined;
  /** The analysis settings for a file (its folder's settings and project facts). */
  optionsFor(file: string): Promise<AnalysisOptions>;
  /** Resolves a relative import to a file the index holds (or could hold). */
  resolve: ResolveModule;
  /** Routes or findings changed: called for every file stored, so the host debounces what it tells. */
  changed(): void;
  /** Resolves once no document analysis is on its way, queued or running: edits go first. */
  documentsIdle(): Promise<void>;
  /** A file is read and stored: its tree is garbage now, cheap to collect before the next file. */
  fileDone?(): void;
}

export type IndexState = 'idle' | 'indexing' | 'ready';

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class WorkspaceIndex {
  private readonly files = new Map<string, IndexedFile>();
  /** Files whose entry comes from an open document: the disk copy must not overwrite it. */
  private readonly open = new Set<string>();
  /** The latest update of each open file, so an older text analysed late does not replace a newer one. */
  private readonly openUpdates = new Map<string, number>();
  private generation = 0;
  private cachedRoutes: ProjectRoute[] | undefined;
  private readonly strings = new StringTable();
  state: IndexState = 'idle';

  constructor(private readonly host: IndexHost) {}

  /** Reads every file of the folders, replacing what the index held; resolves when done or cancelled. */
  async start(folders: readonly string[]): Promise<void> {
    const generation = ++this.generation;
    this.state = 'indexing';
    for (const file of [...this.files.keys()]) if (!this.open.has(file)) this.files.delete(file);
    this.invalidate();
    let sinceNotice = 0;
    for (const folder of folders) {
      for (const file of this.host.filesOf(folder)) {
        if (generation !== this.generation) return;
        if (!this.open.has(file)) {
          await this.readFromDisk(file);
          this.host.fileDone?.();
        }
        // Tell the client now and then, so a view shows routes before the whole workspace is read.
        if (++sinceNotice >= 200) {
          sinceNotice = 0;
          this.invalidate();
        }
      }
    }
    if (generation !== this.generation) return;
    this.state = 'ready';
    this.invalidate();
  }

  /** Stops a running start; what was read stays. */
  cancel(): void {
    this.generation++;
    if (this.state === 'indexing') this.state = 'idle';
  }

  /** An open document's text replaces its file's entry. */
  async updateOpen(file: string, text: string): Promise<void> {
    const update = (this.openUpdates.get(file) ?? 0) + 1;
    this.openUpdates.set(file, update);
    this.open.add(file);
    const analysis = await this.analyse(text, file, await this.host.optionsFor(file));
    await this.turn();
    // A newer text of the same document may have come meanwhile, or the document closed: that one wins.
    if (this.open.has(file) && this.openUpdates.get(file) === update) this.store(file, text, analysis);
  }

  /** A document closed: its file is read from disk again (it may have been saved, or not). */
  async closed(file: string, indexed: boolean): Promise<void> {
    this.open.delete(file);
    this.openUpdates.delete(file);
    if (indexed) await this.readFromDisk(file);
    else if (this.files.delete(file)) this.invalidate();
  }

  /** A file changed, appeared or went away on disk. */
  async changedOnDisk(file: string, exists: boolean): Promise<void> {
    if (this.open.has(file)) return;
    if (exists) await this.readFromDisk(file);
    else if (this.files.delete(file)) this.invalidate();
  }

  /** The indexed files whose analysis read or looked for a module: they are stale when it changes. */
  importersOf(module: string): string[] {
    return [...this.files].filter(([file, entry]) => file !== module && entry.modulesAsked.includes(module)).map(([file]) => file);
  }

  /** Whether the file's entry comes from an open document's text. */
  isOpen(file: string): boolean {
    return this.open.has(file);
  }

  get(file: string): IndexedFile | undefined {
    return this.files.get(file);
  }

  entries(): IterableIterator<[string, IndexedFile]> {
    return this.files.entries();
  }

  get size(): number {
    return this.files.size;
  }

  routes(): ProjectRoute[] {
    if (!this.cachedRoutes) {
      const facts = new Map<string, FileRoutes>();
      for (const [file, entry] of this.files) facts.set(file, entry.routes);
      this.cachedRoutes = projectRoutes(facts, this.host.resolve);
    }
    return this.cachedRoutes;
  }

  private async readFromDisk(file: string): Promise<void> {
    const text = this.host.read(file);
    if (text === undefined) {
      if (this.files.delete(file)) this.invalidate();
      return;
    }
    const analysis = await this.analyse(text, file, await this.host.optionsFor(file));
    // Reading route facts walks the tree once more: one more step, after document work too.
    await this.turn();
    // An open document may have taken the file over while it was read.
    if (!this.open.has(file)) this.store(file, text, analysis);
  }

  /** The analysis step by step, each in a turn of its own. */
  private async analyse(text: string, file: string, options: AnalysisOptions): Promise<AnalysisResult> {
    const steps = analysisSteps(text, file, options);
    for (;;) {
      await this.turn();
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * A turn of the event loop of its own, once no document work waits: the protocol reads one message
   * per turn, so an edit waits for at most the one step under way (not for a read, a store and a
   * parse that follow each other within one turn).
   */
  private async turn(): Promise<void> {
    await nextTurn();
    await this.host.documentsIdle();
  }

  private store(file: string, text: string, analysis: AnalysisResult): void {
    this.files.set(file, {
      routes: compactRoutes(routesOfFile(text, file, analysis), file, this.strings),
      findings: IndexedFindings.of(analysis.findings, this.strings),
      lines: Uint32Array.from(lineStarts(text)),
      modulesAsked: (analysis.modulesAsked ?? []).map((module) => this.strings.intern(module)),
    });
    this.invalidate();
  }

  private invalidate(): void {
    this.cachedRoutes = undefined;
    this.host.changed();
  }
}
