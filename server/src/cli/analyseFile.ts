// One file's analysis as plain data (1-based lines and columns, no syntax tree), small enough to
// pass from a worker thread and to stream: nothing of a file is kept once it is reported.
import * as fs from 'node:fs';
import type ts from 'typescript';
import { analyze } from '../analysis';
import { fixAll } from '../analysis/engine/fixAll';
import { lineOf, lineStarts, readDisableComments } from '../analysis/engine/suppressions';
import { routesOfFile, type FileRoutes } from '../analysis/routes';
import type { AnalysisOptions, Finding, Severity, TextRange } from '../analysis/types';
import { diskModules, type ModuleReading } from './diskModules';

export interface Position {
  line: number;
  column: number;
}

export interface Replacement {
  start: Position;
  end: Position;
  newText: string;
}

export interface ReportedFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  start: Position;
  end: Position;
  /** The text of the start line, for a code frame. */
  lineText: string;
  /** The fix `--fix` would apply, when there is one. */
  fix?: { title: string; replacements: Replacement[] };
}

export interface FileReport {
  file: string;
  findings: ReportedFinding[];
  /** Set when `--fix` changed the file (or would, with `--fix-dry-run`). */
  fixed?: { edits: number };
  /** The file's route facts, when the run joins routes (`--routes`, or an OpenAPI document). */
  routes?: FileRoutes;
}

export interface FileJob {
  file: string;
  /** The text when it comes from stdin; read from `file` otherwise. */
  text?: string;
  options: AnalysisOptions;
  fix: 'none' | 'write' | 'dry-run';
  reportUnusedDisableComments: boolean;
  /** How imported modules are read for their helpers; undefined: they are not. */
  modules?: ModuleReading;
  /** Read the file's routes too. */
  routes: boolean;
}

function positions(text: string): (offset: number) => Position {
  const starts = lineStarts(text);
  return (offset) => {
    const line = lineOf(starts, offset);
    return { line: line + 1, column: offset - starts[line] + 1 };
  };
}

function problem(message: string, ruleId = 'fatal'): ReportedFinding {
  return { ruleId, severity: 'error', message, start: { line: 1, column: 1 }, end: { line: 1, column: 1 }, lineText: '' };
}

/** Disable comments (or the ids in them) that kept no finding out; found by analysing without them. */
function unusedDisableComments(text: string, fileName: string, options: AnalysisOptions, kept: readonly Finding[]): { range: TextRange; message: string }[] {
  const comments = readDisableComments(text);
  if (comments.length === 0) return [];
  // Same length, no longer a directive: offsets stay put.
  const all = analyze(text.replace(/http-status-disable/g, 'http-status-disabl_'), fileName, options).findings;
  const starts = lineStarts(text);
  const suppressed = all.filter((finding) => !kept.some((other) => other.ruleId === finding.ruleId && other.range.start === finding.range.start));
  const covers = (scope: number | 'file', finding: Finding): boolean => scope === 'file' || scope === lineOf(starts, finding.range.start);
  return comments.flatMap((comment) => {
    const hits = suppressed.filter((finding) => covers(comment.scope, finding));
    if (comment.ids.length === 0) return hits.length === 0 ? [{ range: comment.range, message: 'Unused disable comment: it disables no finding.' }] : [];
    return comment.ids
      .filter((entry) => !hits.some((finding) => finding.ruleId === entry.id))
      .map((entry) => ({ range: entry.range, message: `Unused disable comment: no ${entry.id} finding to disable here.` }));
  });
}

function firstSyntaxError(sourceFile: ts.SourceFile | undefined): ts.DiagnosticWithLocation | undefined {
  return (sourceFile as (ts.SourceFile & { parseDiagnostics?: ts.DiagnosticWithLocation[] }) | undefined)?.parseDiagnostics?.[0];
}

/** Turns offsets in `text` into a reported finding, with its line for a code frame and its preferred fix. */
export function reporterFor(text: string): (ruleId: string, severity: Severity, message: string, range: TextRange, finding?: Finding) => ReportedFinding {
  const at = positions(text);
  const lines = text.split(/\r?\n/);
  return (ruleId, severity, message, range, finding) => {
    const start = at(range.start);
    const preferred = finding?.fixes.find((fix) => fix.isPreferred);
    return {
      ruleId,
      severity,
      message,
      start,
      end: at(range.end),
      lineText: lines[start.line - 1] ?? '',
      fix: preferred && { title: preferred.title, replacements: preferred.edits.map((edit) => ({ start: at(edit.start), end: at(edit.end), newText: edit.newText })) },
    };
  };
}

export function analyseFile(job: FileJob): FileReport {
  let text: string;
  try {
    text = job.text ?? fs.readFileSync(job.file, 'utf8');
  } catch (error) {
    return { file: job.file, findings: [problem(`Cannot read the file: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`)] };
  }
  try {
    return analysed(job.modules ? { ...job, options: { ...job.options, modules: diskModules(job.modules) } } : job, text);
  } catch (error) {
    // A bug outside any one rule: this file gets one error, and the run goes on.
    return { file: job.file, findings: [problem(`The analysis failed: ${error instanceof Error ? error.message : String(error)}`, 'internal-error')] };
  }
}

function analysed(job: FileJob, original: string): FileReport {
  let text = original;
  let fixed: FileReport['fixed'];
  if (job.fix !== 'none') {
    const after = fixAll(text, job.file, job.options);
    if (after !== text) {
      fixed = { edits: analyze(text, job.file, job.options).findings.filter((finding) => finding.fixes.some((fix) => fix.isPreferred)).length };
      if (job.fix === 'write') {
        fs.writeFileSync(job.file, after);
        text = after;
      }
    }
  }
  const result = analyze(text, job.file, job.options);
  const reported = reporterFor(text);
  const findings = result.findings.map((finding) => reported(finding.ruleId, finding.severity, finding.message, finding.range, finding));
  if (result.skipped === 'unparsable' || result.skipped === 'too-deep') findings.unshift(problem(`Cannot parse the file (${result.skipped === 'too-deep' ? 'nested too deeply' : "TypeScript's parser failed"}).`));
  const syntaxError = firstSyntaxError(result.sourceFile);
  if (syntaxError) findings.unshift(reported('syntax-error', 'error', `Syntax error: ${typeof syntaxError.messageText === 'string' ? syntaxError.messageText : syntaxError.messageText.messageText}`, { start: syntaxError.start, end: syntaxError.start + syntaxError.length }));
  for (const { ruleId, error } of result.ruleErrors) findings.push(problem(`Rule ${ruleId} failed: ${error instanceof Error ? error.message : String(error)}`, 'internal-error'));
  if (job.reportUnusedDisableComments) {
    for (const unused of unusedDisableComments(text, job.file, job.options, result.findings)) findings.push(reported('unused-disable-comment', 'warning', unused.message, unused.range));
  }
  findings.sort((a, b) => a.start.line - b.start.line || a.start.column - b.start.column);
  return { file: job.file, findings, fixed, routes: job.routes ? routesOfFile(text, job.file, result) : undefined };
}
