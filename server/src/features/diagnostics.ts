// Findings → LSP diagnostics.
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { Finding, Severity } from '../analysis/types';
import { toRange, type Positioned } from './positions';

export const DIAGNOSTIC_SOURCE = 'http-status';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function diagnosticSeverity(severity: Severity): DiagnosticSeverity {
  return SEVERITY[severity];
}

const docsUris = new Map<string, string>();

/**
 * Each rule's page ships in the extension (docs/rules/<id>.md beside dist/), so links work offline.
 * Built once per rule: every publish links each of its diagnostics.
 */
export function ruleDocsUri(ruleId: string): string {
  let uri = docsUris.get(ruleId);
  if (uri === undefined) {
    uri = pathToFileURL(path.join(__dirname, '..', 'docs', 'rules', `${ruleId}.md`)).toString();
    docsUris.set(ruleId, uri);
  }
  return uri;
}

/** The URI of another file of the same workspace: the document's scheme and authority, with that file's path. */
export function uriBeside(documentUri: string, fileName: string): string {
  const prefix = /^[a-z][\w+.-]*:(\/\/[^/]*)?/i.exec(documentUri)?.[0] ?? '';
  return prefix + fileName.split('/').map(encodeURIComponent).join('/');
}

/** What the client can show beside a diagnostic, read from its capabilities once. */
export interface DiagnosticSupport {
  relatedInformation: boolean;
}

/** What a diagnostic is made from: an open document's finding, or one the workspace index kept (no fixes). */
export type ShownFinding = Pick<Finding, 'ruleId' | 'message' | 'severity' | 'range' | 'related'>;

/** Where a diagnostic is shown: the file's URI and how its offsets become positions. */
export type ShownIn = Positioned & { uri: string };

function relatedOf(finding: ShownFinding, document: ShownIn): DiagnosticRelatedInformation[] | undefined {
  if (!finding.related?.length) return undefined;
  return finding.related.map((note) =>
    'place' in note
      ? { message: note.message, location: { uri: uriBeside(document.uri, note.place.fileName), range: { start: note.place.startLine, end: note.place.endLine } } }
      : { message: note.message, location: { uri: document.uri, range: toRange(document, note.range) } },
  );
}

/** A finding as a diagnostic; its related places only for clients that said they show them. */
export function toDiagnostic(finding: ShownFinding, document: ShownIn, support: DiagnosticSupport = { relatedInformation: false }): Diagnostic {
  const relatedInformation = support.relatedInformation ? relatedOf(finding, document) : undefined;
  return {
    range: toRange(document, finding.range),
    severity: diagnosticSeverity(finding.severity),
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    codeDescription: finding.ruleId === 'unknown-rule' ? undefined : { href: ruleDocsUri(finding.ruleId) },
    message: finding.message,
    data: { ruleId: finding.ruleId, start: finding.range.start, end: finding.range.end },
    ...(relatedInformation ? { relatedInformation } : {}),
  };
}
