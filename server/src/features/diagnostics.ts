// Findings → LSP diagnostics.
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Severity, TextRange } from '../analysis/types';
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

/** Each rule's page ships in the extension (docs/rules/<id>.md beside dist/), so links work offline. */
export function ruleDocsUri(ruleId: string): string {
  return pathToFileURL(path.join(__dirname, '..', 'docs', 'rules', `${ruleId}.md`)).toString();
}

export function toDiagnostic(finding: { ruleId: string; message: string; severity: Severity; range: TextRange }, document: Positioned): Diagnostic {
  return {
    range: toRange(document, finding.range),
    severity: diagnosticSeverity(finding.severity),
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    codeDescription: finding.ruleId === 'unknown-rule' ? undefined : { href: ruleDocsUri(finding.ruleId) },
    message: finding.message,
    data: { ruleId: finding.ruleId, start: finding.range.start, end: finding.range.end },
  };
}
