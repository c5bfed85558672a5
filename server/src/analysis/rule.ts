// The shape every rule has: one file, one exported object with its metadata and its check.
import type * as ts from 'typescript';
import type { Bindings } from './facts/bindings';
import type { CodeStyle } from './facts/style';
import type { AnalysisOptions, Fix, RelatedNote, ResponseSite, RuleSetting, Severity, TextRange } from './types';

export interface RuleDocs {
  /** Why the rule exists and what it does not report, in a few sentences of Markdown. */
  details: string;
  /** Code the rule reports. */
  incorrect: string;
  /** The same code, written right. */
  correct: string;
  /** Settings that change the rule, where there are any. */
  options?: string;
}

export interface RuleMeta<Id extends string = string> {
  id: Id;
  defaultSeverity: RuleSetting;
  /** One sentence: what the rule reports. */
  description: string;
  fixable: boolean;
  docs: RuleDocs;
}

export interface RuleReport {
  range: TextRange;
  message: string;
  fixes?: Fix[];
  /** The line that causes the reported response, where it is not the reported line. */
  related?: RelatedNote[];
  /** A grade of its own for this finding; ignored when the user configured the rule's severity. */
  severity?: Severity;
}

export interface RuleContext {
  readonly sourceFile: ts.SourceFile;
  readonly text: string;
  readonly options: AnalysisOptions;
  readonly style: CodeStyle;
  readonly bindings: Bindings;
  /** Every response site of the file, for rules that compare a site with its neighbours. */
  readonly sites: readonly ResponseSite[];
  report(report: RuleReport): void;
}

export interface Rule<Id extends string = string> {
  meta: RuleMeta<Id>;
  check(site: ResponseSite, context: RuleContext): void;
}
