// A rule's documentation page from its metadata: docs/rules/<id>.md (written by scripts/generate.ts)
// and the SARIF rule help of the CLI, which has no public site to link to.
import type { Rule } from './analysis/rule';

export function severityLabel(rule: Rule): string {
  return rule.meta.id === 'valid-status-code' ? 'error (out of range) / warning (unregistered)' : rule.meta.defaultSeverity;
}

export function ruleDoc(rule: Rule): string {
  const { meta } = rule;
  const lines = [
    `# ${meta.id}`,
    '',
    meta.description,
    '',
    `Default severity: **${severityLabel(rule)}** · Quick-fix: ${meta.fixable ? 'yes' : 'no'}`,
    '',
    meta.docs.details,
    '',
    '## Incorrect',
    '',
    '```js',
    meta.docs.incorrect,
    '```',
    '',
    '## Correct',
    '',
    '```js',
    meta.docs.correct,
    '```',
  ];
  if (meta.docs.options) lines.push('', '## Options', '', meta.docs.options);
  lines.push(
    '',
    '## Turning it off',
    '',
    `Set \`"httpStatusGuide.rules": { "${meta.id}": "off" }\`, or write \`// http-status-disable-next-line ${meta.id}\` above a line.`,
    '',
  );
  return lines.join('\n');
}
