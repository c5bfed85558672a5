// Quick-fixes, disable comments and fix-all, from the findings of one document version.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { applyEdits, fixAll, minimalEdit } from '../analysis/engine/fixAll';
import { syntaxErrorCount } from '../analysis/engine/parse';
import { disableFileEdit, disableNextLineEdit } from '../analysis/engine/suppressions';
import type { AnalysisOptions, Finding, TextEdit } from '../analysis/types';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { toTextEdit } from './positions';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.httpStatus`;

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

function action(document: TextDocument, title: string, edits: TextEdit[], kind: string, diagnostic?: Diagnostic, isPreferred?: boolean): CodeAction {
  return {
    title,
    kind,
    diagnostics: diagnostic ? [diagnostic] : undefined,
    isPreferred,
    edit: { changes: { [document.uri]: edits.map((edit) => toTextEdit(document, edit)) } },
  };
}

/**
 * The finding a diagnostic of ours was made from (same rule, same place). Some clients send the
 * range back in other units (byte columns, not UTF-16): the offsets kept in `data` still match.
 */
function findingFor(diagnostic: Diagnostic, document: TextDocument, findings: readonly Finding[]): Finding | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  const data = diagnostic.data as Partial<Record<'ruleId' | 'start' | 'end', unknown>> | undefined;
  return (
    findings.find((finding) => finding.ruleId === diagnostic.code && finding.range.start === start && finding.range.end === end) ??
    findings.find((finding) => finding.ruleId === data?.ruleId && finding.range.start === data?.start && finding.range.end === data?.end)
  );
}

export function codeActions(
  document: TextDocument,
  findings: readonly Finding[],
  params: CodeActionParams,
  fileName: string,
  options: AnalysisOptions,
  syntaxErrors?: number,
): CodeAction[] {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const text = document.getText();
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  // Code being typed does not parse yet; a fix there is offered only if it makes nothing worse.
  // The count before comes from the analysis's own parse; the document is parsed again only if it is unknown.
  let errorsBefore = syntaxErrors;
  const parsesNoWorse = (edits: readonly TextEdit[]): boolean => {
    errorsBefore ??= syntaxErrorCount(text, fileName);
    return errorsBefore === 0 || syntaxErrorCount(applyEdits(text, edits), fileName) <= errorsBefore;
  };
  if (wants(only, CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      const finding = findingFor(diagnostic, document, findings);
      if (!finding) continue;
      for (const fix of finding.fixes) {
        if (parsesNoWorse(fix.edits)) actions.push(action(document, fix.title, fix.edits, CodeActionKind.QuickFix, diagnostic, fix.isPreferred));
      }
      if (finding.ruleId === 'unknown-rule') continue;
      actions.push(action(document, `Disable ${finding.ruleId} for this line`, [disableNextLineEdit(text, finding.range.start, finding.ruleId, eol)], CodeActionKind.QuickFix, diagnostic));
      actions.push(action(document, `Disable ${finding.ruleId} for this file`, [disableFileEdit(text, finding.ruleId, eol)], CodeActionKind.QuickFix, diagnostic));
    }
  }
  // Fix-all only when asked for by kind (on save, or the Source Action menu).
  if (only && wants(only, FIX_ALL_KIND) && findings.some((finding) => finding.fixes.some((fix) => fix.isPreferred))) {
    const fixed = fixAll(text, fileName, options);
    if (fixed !== text) actions.push(action(document, 'Fix all HTTP status problems', [minimalEdit(text, fixed)], FIX_ALL_KIND));
  }
  return actions;
}
