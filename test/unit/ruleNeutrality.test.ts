// Rules are framework-neutral: they read ResponseSites and ask the site's adapter for edits. A rule
// that named a framework's API (`site.shape`, `'sendStatus'`, `.json(`) would work for one
// framework only, and the next adapter would silently get no findings from it.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import ts from 'typescript';

const RULES = path.join(__dirname, '..', '..', 'server', 'src', 'analysis', 'rules');
/** Adapter detail on a site, and the sending and status methods of Express and node:http. */
const FRAMEWORK_PROPERTIES = new Set(['shape', 'setter', 'sendCall', 'json', 'jsonp', 'sendStatus', 'writeHead', 'setHeader', 'render', 'redirect', 'statusCode']);
// Names that only a framework's response API uses (`'json'` or `'send'` are also a body encoding or a queue method).
const FRAMEWORK_STRINGS = new Set(['jsonp', 'sendStatus', 'writeHead', 'setHeader', 'render', 'statusCode', 'express']);

/** Framework names in a rule's code; its documentation (`meta.docs`) may show Express examples. */
function frameworkNamesIn(file: string): string[] {
  const text = fs.readFileSync(path.join(RULES, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'docs') return;
    if (ts.isPropertyAccessExpression(node) && FRAMEWORK_PROPERTIES.has(node.name.text)) found.push(`.${node.name.text} at line ${source.getLineAndCharacterOfPosition(node.name.getStart()).line + 1}`);
    if (ts.isStringLiteral(node) && FRAMEWORK_STRINGS.has(node.text)) found.push(`'${node.text}' at line ${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.map((where) => `${file}: ${where}`);
}

it('no rule names a framework API in its code', () => {
  const files = fs.readdirSync(RULES).filter((file) => file.endsWith('.ts') && file !== 'index.ts');
  assert.ok(files.length >= 20, `expected the rule files in ${RULES}`);
  assert.deepEqual(files.flatMap(frameworkNamesIn), []);
});
