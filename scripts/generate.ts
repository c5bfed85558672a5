// Writes what is derived from the rule metadata and the snippets, so it is never hand-kept:
// the settings schema in package.json, the project config file's schema (the same keys, from the
// settings schema), docs/rules/<id>.md, and the README's rule and snippet tables.
// `npm run generate` writes them; test/unit/catalogue.test.ts fails when they are out of date.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES, RULE_IDS } from '../server/src/analysis/rules';
import type { Rule } from '../server/src/analysis/rule';
import { ruleDoc, severityLabel } from '../server/src/ruleDocs';

const ROOT = path.join(__dirname, '..');
export const CONFIG_SCHEMA_PATH = 'schemas/httpstatusguiderc.schema.json';
const SEVERITIES = ['off', 'hint', 'information', 'warning', 'error'];

export function ruleTable(): string {
  const rows = RULE_IDS.map((id) => {
    const rule: Rule = RULES[id];
    return `| [\`${id}\`](docs/rules/${id}.md) | ${rule.meta.description} | ${severityLabel(rule)} | ${rule.meta.fixable ? 'yes' : ''} |`;
  });
  return ['| rule | reports | default | fix |', '|---|---|---|---|', ...rows].join('\n');
}

function withRuleSchema(packageJson: string): string {
  const manifest = JSON.parse(packageJson);
  const rules = manifest.contributes.configuration.properties['httpStatusGuide.rules'];
  rules.properties = Object.fromEntries(
    RULE_IDS.map((id) => {
      const rule: Rule = RULES[id];
      return [id, { type: 'string', enum: SEVERITIES, default: rule.meta.defaultSeverity, markdownDescription: `${rule.meta.description} Default: ${severityLabel(rule)}.` }];
    }),
  );
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Editor-only settings that mean nothing in a project file. */
const EDITOR_ONLY = new Set(['trace.server']);

/**
 * The schema of `.httpstatusguiderc.json`: every `httpStatusGuide.*` setting under its own key
 * (dotted names nested: `inlayHints.enabled`), editor-only ones left out, unknown keys refused.
 */
export function configSchema(packageJson: string): object {
  const settings: Record<string, Record<string, unknown>> = JSON.parse(packageJson).contributes.configuration.properties;
  const properties: Record<string, unknown> = { $schema: { type: 'string' } };
  for (const [name, { scope: _scope, ...schema }] of Object.entries(settings)) {
    const key = name.replace(/^httpStatusGuide\./, '');
    if (EDITOR_ONLY.has(key)) continue;
    const [head, ...rest] = key.split('.');
    if (rest.length === 0) properties[head] = schema;
    else {
      const parent = (properties[head] ??= { type: 'object', properties: {}, additionalProperties: false }) as { properties: Record<string, unknown> };
      parent.properties[rest.join('.')] = schema;
    }
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'HTTP Status Guide project configuration',
    description: 'Read by the http-status-guide command and the language server. Editor settings a user sets override it key by key.',
    type: 'object',
    properties,
    additionalProperties: false,
  };
}

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->`. */
function replaceSection(text: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to === -1) return text;
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}

/** Every generated file, path relative to the repository → content. */
export async function generatedFiles(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const id of RULE_IDS) files.set(`docs/rules/${id}.md`, ruleDoc(RULES[id]));
  const packageJson = withRuleSchema(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  files.set('package.json', packageJson);
  files.set(CONFIG_SCHEMA_PATH, `${JSON.stringify(configSchema(packageJson), null, 2)}\n`);
  const { snippetTableMarkdown } = await import('./snippet-table');
  let readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  readme = replaceSection(readme, 'rules', ruleTable());
  readme = replaceSection(readme, 'snippets', snippetTableMarkdown());
  files.set('README.md', readme);
  return files;
}

if (require.main === module) {
  void generatedFiles().then((files) => {
    for (const [file, content] of files) {
      fs.mkdirSync(path.dirname(path.join(ROOT, file)), { recursive: true });
      fs.writeFileSync(path.join(ROOT, file), content);
    }
    console.log(`Wrote ${files.size} files.`);
  });
}
