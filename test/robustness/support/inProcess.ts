// DocumentAnalyses (the server's scheduler and cache) driven in-process with a fake host: tests
// see every publish and log line, and change documents exactly when they want to.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentAnalyses, type DocumentAnalysis } from '../../../server/src/analyses';
import { settingsFrom, type Settings } from '../../../server/src/settings';

export interface InProcessPublish {
  uri: string;
  version: number | undefined;
  analysis: DocumentAnalysis | undefined;
}

export class InProcessServer {
  readonly documents = new Map<string, TextDocument>();
  readonly published: InProcessPublish[] = [];
  readonly logs: string[] = [];
  readonly analyses: DocumentAnalyses;
  private readonly waiters: { uri: string; version: number; resolve: (publish: InProcessPublish) => void }[] = [];

  constructor(settings: Settings = settingsFrom({})) {
    this.analyses = new DocumentAnalyses(
      {
        settingsFor: () => Promise.resolve(settings),
        fileNameOf: (document) => new URL(document.uri).pathname,
        log: (message) => this.logs.push(message),
        publish: (uri, version, analysis) => {
          const publish = { uri, version, analysis };
          this.published.push(publish);
          for (const waiter of this.waiters.filter((candidate) => candidate.uri === uri && candidate.version === version)) {
            this.waiters.splice(this.waiters.indexOf(waiter), 1);
            waiter.resolve(publish);
          }
        },
      },
      (uri) => this.documents.get(uri),
    );
  }

  /** Resolves with the publish of `version`; call before the action that causes it. */
  publishOf(uri: string, version: number): Promise<InProcessPublish> {
    return new Promise((resolve) => this.waiters.push({ uri, version, resolve }));
  }

  open(uri: string, text: string, version = 1): TextDocument {
    const document = TextDocument.create(uri, 'javascript', version, text);
    this.documents.set(uri, document);
    this.analyses.schedule(document, false);
    return document;
  }

  /** Like the server's TextDocuments: the document object is updated in place. */
  change(uri: string, text: string, version: number, debounce = true): TextDocument {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    TextDocument.update(document, [{ text }], version);
    this.analyses.schedule(document, debounce);
    return document;
  }
}
