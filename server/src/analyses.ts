// Analysis results per document version, and when to compute them: at once on open, debounced on
// edits, never published for a version that is no longer the newest. An analysis runs in steps and
// yields to the event loop between them, so a newer edit can arrive and the stale work is dropped.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseErrorCount, type PreviousParse } from './analysis/engine/parse';
import { reusingAnalysisSteps, type KeptAnalysis } from './analysis/engine/reuse';
import type { AnalysisResult, Finding, SkipReason, StatusRef } from './analysis/types';
import { isIncluded, type Settings } from './settings';
import { collectWhenIdle } from './idleCollector';

/** What the features need of one version. The parsed tree is kept apart, for a few documents only. */
export interface DocumentAnalysis {
  version: number;
  findings: Finding[];
  statusRefs: StatusRef[];
  skipped?: FileSkip;
  /** Syntax errors of this version, counted from the analysis's own parse; undefined when not parsed. */
  syntaxErrors?: number;
  /** The imported modules' file names this result depends on (read or looked for). */
  modulesAsked?: ReadonlySet<string>;
}

export interface AnalysisHost {
  settingsFor(uri: string): Promise<Settings>;
  fileNameOf(document: TextDocument): string;
  publish(uri: string, version: number | undefined, analysis: DocumentAnalysis | undefined): void;
  log(message: string): void;
}

/**
 * Edits wait this long for the next keystroke. An edit re-checks only the units it touched
 * (`analysis/engine/reuse.ts`), so squiggles can follow typing closely (docs/benchmarks.md, section 3).
 */
export const EDIT_DEBOUNCE_MS = 75;
/**
 * Background work starts no step this close to the end of an edit's debounce: a step it started
 * would delay that edit's analysis by its length (a step of the index is one parse, walk or rule of
 * one file, a few milliseconds; under load, more).
 */
export const DEBOUNCE_GUARD_MS = 25;
/** Trees kept for incremental reparsing: the documents being edited, not every open one (decisions). */
const KEPT_TREES = 3;

/**
 * The exact text an analysis was computed from. The version alone is not enough: a client that
 * sends versions out of order can reuse a number for different text.
 */
interface Snapshot {
  uri: string;
  version: number;
  text: string;
  /** Bumped by `clear()` (settings changed): older snapshots are stale whatever their text. */
  generation: number;
}

/** Why an open file was not analysed: the analysis's reasons, or the settings' include/exclude. */
export type FileSkip = SkipReason | 'excluded';

/** Why a file was not analysed, for the one log line and the editor's status; a file without candidates is not worth one. */
export const SKIP_LOG: Record<FileSkip, string | undefined> = {
  excluded: 'matched by httpStatusGuide.exclude, or not by httpStatusGuide.include',
  'too-large': 'larger than httpStatusGuide.maxFileSize',
  minified: 'looks minified or generated',
  'too-deep': 'nested too deeply to parse',
  unparsable: "TypeScript's parser failed on it",
  'no-candidates': undefined,
};

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function emptyAnalysis(version: number): DocumentAnalysis {
  return { version, findings: [], statusRefs: [] };
}

export class DocumentAnalyses {
  private readonly results = new Map<string, { snapshot: Snapshot; analysis: DocumentAnalysis }>();
  /** Analyses under way, shared by the publish of a version and the requests for it. */
  private readonly running = new Map<string, { snapshot: Snapshot; analysis: Promise<DocumentAnalysis | undefined> }>();
  /** Each debounce under way: its timer, and when it ends (`performance.now()`). */
  private readonly debounces = new Map<string, { timer: NodeJS.Timeout; end: number }>();
  /**
   * What each document last had published. Opening fires both an open and a (debounced) change: the
   * second would publish the same result again, late enough to pass for the answer to a later change.
   */
  private readonly published = new Map<string, DocumentAnalysis>();
  private readonly reported = new Set<string>();
  /**
   * The last tree per document, with its findings per unit when they can be reused, oldest first; a
   * run takes its document's entry out (the tree is consumed).
   */
  private readonly trees = new Map<string, KeptAnalysis | PreviousParse>();
  private generation = 0;
  /**
   * Analyses run one at a time: interleaved, they would all hold their parsed trees at once (100
   * files opened together: 406 MB interleaved, under 340 MB in turn). Stale queued work never starts.
   */
  private lane: Promise<unknown> = Promise.resolve();
  /** Refreshes past their debounce and before their analysis (reading settings): document work all the same. */
  private refreshing = 0;
  /** Waiting for no document work: the workspace index, which reads only when edits are answered. */
  private idleWaiters: (() => void)[] = [];
  private settling = false;

  constructor(
    private readonly host: AnalysisHost,
    private readonly current: (uri: string) => TextDocument | undefined,
  ) {}

  /** The analysis of the document's current version; empty once the document is closed. */
  async get(document: TextDocument): Promise<DocumentAnalysis> {
    for (;;) {
      if (this.current(document.uri) !== document) return emptyAnalysis(document.version);
      const generation = this.generation;
      const settings = await this.host.settingsFor(document.uri);
      // Settings or project facts changed while they were read: read them again.
      if (generation !== this.generation) continue;
      // Undefined when an edit superseded the version meanwhile: analyse the newer one.
      const analysis = await this.analysisOf(document, settings);
      if (analysis) return analysis;
    }
  }

  /**
   * True while a document analysis is on its way (its debounce ends within `DEBOUNCE_GUARD_MS`) or
   * queued or running. The rest of a debounce does not count: while the user types without pause it
   * never ends, and background work would never go on.
   */
  get busy(): boolean {
    return this.refreshing > 0 || this.running.size > 0 || this.debounceEndsSoon();
  }

  private debounceEndsSoon(): boolean {
    const soon = performance.now() + DEBOUNCE_GUARD_MS;
    for (const { end } of this.debounces.values()) if (end <= soon) return true;
    return false;
  }

  /** Resolves once no document analysis is on its way, queued or running: background work waits on it. */
  whenIdle(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private settled(): void {
    if (this.busy || this.idleWaiters.length === 0 || this.settling) return;
    this.settling = true;
    // A turn later, behind the writes already queued: the diagnostics just published go out before
    // background work takes its next step (the protocol writes messages from setImmediate callbacks).
    setImmediate(() => {
      this.settling = false;
      if (this.busy) return;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    });
  }

  schedule(document: TextDocument, debounce: boolean): void {
    clearTimeout(this.debounces.get(document.uri)?.timer);
    this.debounces.delete(document.uri);
    const start = (): void => {
      this.debounces.delete(document.uri);
      this.refreshing++;
      void this.refresh(document.uri).finally(() => {
        this.refreshing--;
        this.settled();
      });
    };
    if (debounce) {
      this.debounces.set(document.uri, { timer: setTimeout(start, EDIT_DEBOUNCE_MS), end: performance.now() + EDIT_DEBOUNCE_MS });
      // A keystroke that pushed a debounce's end away frees background work that waited on it.
      this.settled();
    } else start();
  }

  forget(uri: string): void {
    clearTimeout(this.debounces.get(uri)?.timer);
    this.debounces.delete(uri);
    this.results.delete(uri);
    this.running.delete(uri);
    this.trees.delete(uri);
    this.published.delete(uri);
    this.host.publish(uri, undefined, undefined);
    this.settled();
  }

  /**
   * A module changed (on disk or in an editor): the documents whose results read or looked for it
   * are analysed again, after the edit debounce; their own text is the same, so their results go.
   */
  refreshImporters(fileName: string): void {
    for (const [uri, { analysis }] of [...this.results]) {
      const document = this.current(uri);
      if (!analysis.modulesAsked?.has(fileName) || !document) continue;
      this.results.delete(uri);
      // The findings kept for reuse read the old module too: keep only the tree.
      const kept = this.trees.get(uri);
      if (kept) this.trees.set(uri, { text: kept.text, sourceFile: kept.sourceFile });
      this.running.delete(uri);
      this.schedule(document, true);
    }
  }

  /** Settings changed: every result and every analysis under way is stale. */
  clear(): void {
    this.generation++;
    this.results.clear();
    this.running.clear();
    this.settled();
  }

  private async refresh(uri: string): Promise<void> {
    const document = this.current(uri);
    if (!document) return;
    const version = document.version;
    const generation = this.generation;
    const settings = await this.host.settingsFor(uri);
    // `document` is updated in place: compare with the version it had when this refresh began. A
    // newer edit, or a change of settings (`clear()`), has scheduled its own refresh.
    if (this.current(uri) !== document || document.version !== version || generation !== this.generation) return;
    const analysis = await this.analysisOf(document, settings);
    if (!analysis || this.current(uri) !== document || document.version !== analysis.version || this.published.get(uri) === analysis) return;
    this.published.set(uri, analysis);
    this.host.publish(uri, analysis.version, analysis);
  }

  private snapshotOf(document: TextDocument): Snapshot {
    return { uri: document.uri, version: document.version, text: document.getText(), generation: this.generation };
  }

  private isStale(snapshot: Snapshot): boolean {
    const document = this.current(snapshot.uri);
    return !document || document.version !== snapshot.version || document.getText() !== snapshot.text || snapshot.generation !== this.generation;
  }

  private static same(a: Snapshot, b: Snapshot): boolean {
    return a.version === b.version && a.text === b.text && a.generation === b.generation;
  }

  /** The cached or running analysis of the document as it is now, or a new one. */
  private analysisOf(document: TextDocument, settings: Settings): Promise<DocumentAnalysis | undefined> {
    const snapshot = this.snapshotOf(document);
    const cached = this.results.get(snapshot.uri);
    if (cached && DocumentAnalyses.same(cached.snapshot, snapshot)) return Promise.resolve(cached.analysis);
    const running = this.running.get(snapshot.uri);
    if (running && DocumentAnalyses.same(running.snapshot, snapshot)) return running.analysis;
    const fileName = this.host.fileNameOf(document);
    const analysis = this.lane.then(() => this.run(snapshot, fileName, settings));
    this.lane = analysis.catch(() => undefined);
    const entry = { snapshot, analysis };
    this.running.set(snapshot.uri, entry);
    void entry.analysis.finally(() => {
      if (this.running.get(snapshot.uri) === entry) this.running.delete(snapshot.uri);
      this.settled();
    });
    return entry.analysis;
  }

  /** Runs the analysis step by step; undefined when the snapshot went stale before it finished. */
  private async run(snapshot: Snapshot, fileName: string, settings: Settings): Promise<DocumentAnalysis | undefined> {
    if (this.isStale(snapshot)) return undefined;
    let result: AnalysisResult | undefined;
    const included = isIncluded(settings, fileName);
    if (settings.enable && !included) {
      if (this.once(`excluded@${snapshot.uri}`)) this.host.log(`Skipped ${snapshot.uri}: ${SKIP_LOG.excluded}.`);
    } else if (settings.enable) {
      // Taken out before use: an update consumes the old tree, even when the run is then abandoned.
      const previous = this.trees.get(snapshot.uri);
      this.trees.delete(snapshot.uri);
      const steps = reusingAnalysisSteps(snapshot.text, fileName, settings.analysis, previous);
      try {
        let step = steps.next();
        while (!step.done) {
          await yieldToEventLoop();
          if (this.isStale(snapshot)) return undefined;
          step = steps.next();
        }
        result = step.value.result;
        // Kept even if a newer edit came meanwhile (the tree is right for its own text); not once closed.
        if (step.value.kept && this.current(snapshot.uri)) this.keepTree(snapshot.uri, step.value.kept);
      } catch (error) {
        // A bug outside any one rule: this version gets no findings, and the server keeps serving.
        if (this.once(`engine@${snapshot.uri}#${snapshot.version}`)) this.host.log(`Analysis failed on ${snapshot.uri} (version ${snapshot.version}): ${errorText(error)}`);
      }
    }
    if (this.isStale(snapshot)) return undefined;
    if (result) this.logProblems(snapshot, result);
    const analysis: DocumentAnalysis = result
      ? {
          version: snapshot.version,
          findings: result.findings,
          statusRefs: result.statusRefs,
          skipped: result.skipped,
          syntaxErrors: result.sourceFile && parseErrorCount(result.sourceFile),
          modulesAsked: result.modulesAsked?.length ? new Set(result.modulesAsked) : undefined,
        }
      : { ...emptyAnalysis(snapshot.version), skipped: settings.enable && !included ? ('excluded' as const) : undefined };
    this.results.set(snapshot.uri, { snapshot, analysis });
    collectWhenIdle();
    return analysis;
  }

  private keepTree(uri: string, tree: KeptAnalysis | PreviousParse): void {
    this.trees.set(uri, tree);
    for (const oldest of this.trees.keys()) {
      if (this.trees.size <= KEPT_TREES) break;
      this.trees.delete(oldest);
    }
  }

  private logProblems(snapshot: Snapshot, result: AnalysisResult): void {
    for (const { ruleId, error } of result.ruleErrors) {
      if (!this.once(`${ruleId}@${snapshot.uri}#${snapshot.version}`)) continue;
      this.host.log(`Rule ${ruleId} failed on ${snapshot.uri} (version ${snapshot.version}): ${errorText(error)}`);
    }
    const why = result.skipped ? SKIP_LOG[result.skipped] : undefined;
    if (why && this.once(`${result.skipped}@${snapshot.uri}`)) this.host.log(`Skipped ${snapshot.uri}: ${why}.`);
  }

  /** True the first time a key is seen: each problem is logged once, not on every keystroke. */
  private once(key: string): boolean {
    if (this.reported.has(key)) return false;
    if (this.reported.size > 10_000) this.reported.clear();
    this.reported.add(key);
    return true;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
