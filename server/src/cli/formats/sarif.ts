// `--format sarif`: SARIF 2.1.0 for GitHub code scanning. Every rule with its documentation as
// help.markdown (there is no public docs site to link); results streamed into the one run.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArtifactLocation, Log, Region, ReportingDescriptor, Result } from 'sarif';
import { DRIFT_FINDINGS } from '../../analysis/openapi/drift';
import { RULES, RULE_IDS } from '../../analysis/rules';
import type { Rule } from '../../analysis/rule';
import type { Severity } from '../../analysis/types';
import { ruleDoc } from '../../ruleDocs';
import type { FileReport, ReportedFinding } from '../analyseFile';
import type { Formatter, FormatContext } from './formatter';

type Level = Exclude<Result.level, 'none'>;
const LEVELS: Record<Severity, Level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** Findings the CLI itself reports, and OpenAPI drift: no rule module describes them. */
const CLI_RULES: Record<string, { description: string; level: Level }> = {
  'syntax-error': { description: 'The file has a syntax error; findings after it may be missing.', level: 'error' },
  fatal: { description: 'The file could not be read or parsed.', level: 'error' },
  'internal-error': { description: 'A rule failed on the file (a bug in HTTP Status Guide).', level: 'error' },
  'unknown-rule': { description: 'A disable comment names no rule.', level: 'warning' },
  'unused-disable-comment': { description: 'A disable comment that disables no finding (--report-unused-disable-comments).', level: 'warning' },
  ...Object.fromEntries(Object.values(DRIFT_FINDINGS).map(({ id, severity, description }) => [id, { description: `${description} (with an OpenAPI document)`, level: LEVELS[severity] }])),
};

function ruleDescriptors(): ReportingDescriptor[] {
  const fromRules = RULE_IDS.map((id): ReportingDescriptor => {
    const rule: Rule = RULES[id];
    const level = rule.meta.defaultSeverity === 'off' ? 'none' : LEVELS[rule.meta.defaultSeverity];
    return {
      id,
      shortDescription: { text: rule.meta.description },
      fullDescription: { text: rule.meta.docs.details },
      help: { text: rule.meta.description, markdown: ruleDoc(rule) },
      defaultConfiguration: { level, enabled: rule.meta.defaultSeverity !== 'off' },
    };
  });
  const fromCli = Object.entries(CLI_RULES).map(([id, { description, level }]): ReportingDescriptor => ({
    id,
    shortDescription: { text: description },
    fullDescription: { text: description },
    help: { text: description, markdown: description },
    defaultConfiguration: { level },
  }));
  return [...fromRules, ...fromCli];
}

export function sarifFormatter(context: FormatContext, version: string): Formatter {
  const rules = ruleDescriptors();
  const indexOf = new Map(rules.map((rule, index) => [rule.id, index]));
  const location = (file: string): ArtifactLocation => ({ uri: path.relative(context.cwd, file).split(path.sep).join('/'), uriBaseId: '%SRCROOT%' });
  const region = (start: ReportedFinding['start'], end: ReportedFinding['end']): Region => ({ startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column });
  const resultOf = (file: string, finding: ReportedFinding): Result => ({
    ruleId: finding.ruleId,
    ruleIndex: indexOf.get(finding.ruleId),
    level: LEVELS[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation: location(file), region: region(finding.start, finding.end) } }],
    fixes: finding.fix && [
      {
        description: { text: finding.fix.title },
        artifactChanges: [
          {
            artifactLocation: location(file),
            replacements: finding.fix.replacements.map((replacement) => ({ deletedRegion: region(replacement.start, replacement.end), insertedContent: { text: replacement.newText } })),
          },
        ],
      },
    ],
  });
  const head: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'HTTP Status Guide', semanticVersion: version, version, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(context.cwd + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        results: [],
      },
    ],
  };
  // The document around the results, split where they go, so each result is written when known.
  // `results` is the run's last key, so its last occurrence is the one (rule docs come earlier).
  const document = JSON.stringify(head, null, 2);
  const at = document.lastIndexOf('"results": []');
  const [before, after] = [document.slice(0, at), document.slice(at + '"results": []'.length)];
  let first = true;
  context.write(`${before}"results": [`);
  return {
    file(report: FileReport) {
      for (const finding of report.findings) {
        context.write(`${first ? '\n' : ',\n'}        ${JSON.stringify(resultOf(report.file, finding))}`);
        first = false;
      }
    },
    end() {
      context.write(`${first ? '' : '\n      '}]${after}\n`);
    },
  };
}
