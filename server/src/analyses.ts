// Analysis results per document version, and when to compute them: at once on open, debounced on
// edits, never published for a version that is no longer the newest.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from './analysis';
import type { Finding, SkipReason, StatusRef } from './analysis/types';
import { isIncluded, type Settings } from './settings';

/** What the features need of one version. The parsed tree is not kept: it is large and not needed. */
export interface DocumentAnalysis {
  version: number;
  findings: Finding[];
  statusRefs: StatusRef[];
  skipped?: SkipReason;
}

export interface AnalysisHost {
  settingsFor(uri: string): Promise<Settings>;
  fileNameOf(document: TextDocument): string;
  publish(uri: string, version: number | undefined, analysis: DocumentAnalysis | undefined): void;
  log(message: string): void;
}

export const EDIT_DEBOUNCE_MS = 150;

export class DocumentAnalyses {
  private readonly results = new Map<string, DocumentAnalysis>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly reported = new Set<string>();

  constructor(
    private readonly host: AnalysisHost,
    private readonly current: (uri: string) => TextDocument | undefined,
  ) {}

  /** The analysis of the document's current version, computing it now if needed. */
  async get(document: TextDocument): Promise<DocumentAnalysis> {
    const cached = this.results.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    return this.run(document, await this.host.settingsFor(document.uri));
  }

  schedule(document: TextDocument, debounce: boolean): void {
    clearTimeout(this.timers.get(document.uri));
    const start = (): void => {
      this.timers.delete(document.uri);
      void this.refresh(document.uri);
    };
    if (debounce) this.timers.set(document.uri, setTimeout(start, EDIT_DEBOUNCE_MS));
    else start();
  }

  forget(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.results.delete(uri);
    this.host.publish(uri, undefined, undefined);
  }

  clear(): void {
    this.results.clear();
  }

  private async refresh(uri: string): Promise<void> {
    const document = this.current(uri);
    if (!document) return;
    const settings = await this.host.settingsFor(uri);
    // Settings arrive asynchronously: a newer edit may have come in meanwhile.
    const latest = this.current(uri);
    if (!latest || latest.version !== document.version) return;
    if (!settings.enable) {
      this.results.delete(uri);
      this.host.publish(uri, document.version, undefined);
      return;
    }
    this.host.publish(uri, document.version, this.run(document, settings));
  }

  /** True the first time a key is seen: each problem is logged once, not on every keystroke. */
  private once(key: string): boolean {
    if (this.reported.has(key)) return false;
    if (this.reported.size > 10_000) this.reported.clear();
    this.reported.add(key);
    return true;
  }

  private run(document: TextDocument, settings: Settings): DocumentAnalysis {
    const fileName = this.host.fileNameOf(document);
    const result = settings.enable && isIncluded(settings, fileName)
      ? analyze(document.getText(), fileName, settings.analysis)
      : { findings: [], statusRefs: [], skipped: undefined, ruleErrors: [] };
    for (const { ruleId, error } of result.ruleErrors) {
      if (!this.once(`${ruleId}@${document.uri}#${document.version}`)) continue;
      this.host.log(`Rule ${ruleId} failed on ${document.uri} (version ${document.version}): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    if ((result.skipped === 'too-large' || result.skipped === 'minified') && this.once(`skip@${document.uri}`)) this.host.log(`Skipped ${document.uri}: ${result.skipped === 'too-large' ? 'larger than httpStatusGuide.maxFileSize' : 'looks minified or generated'}.`);
    const analysis: DocumentAnalysis = { version: document.version, findings: result.findings, statusRefs: result.statusRefs, skipped: result.skipped };
    this.results.set(document.uri, analysis);
    return analysis;
  }
}
