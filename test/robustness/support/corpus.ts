// The texts the robustness tests mutate: every code string of the rule test tables (read from the
// files, so new tables join automatically), every rule's docs examples, and the realistic Express
// files under test/fixtures/express.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { RULES, RULE_IDS } from '../../../server/src/analysis/rules';

const ROOT = path.join(__dirname, '..', '..', '..');
const RULE_TABLES_DIR = path.join(ROOT, 'test', 'unit', 'rules');
export const EXPRESS_FIXTURES_DIR = path.join(ROOT, 'test', 'fixtures', 'express');

export interface CorpusEntry {
  /** Where the text comes from, for failure messages. */
  origin: string;
  text: string;
}

/** The value of a string literal, or of a `+` concatenation of them; undefined for anything else. */
function constantString(node: ts.Expression): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isParenthesizedExpression(node)) return constantString(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = constantString(node.left);
    const right = constantString(node.right);
    return left !== undefined && right !== undefined ? left + right : undefined;
  }
  return undefined;
}

const propertyNameOf = (node: ts.Node): string | undefined =>
  ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) ? node.name.text : undefined;

/** Code strings of one table: `code:`/`output:` values and the bare strings of `valid`/`invalid`. */
function tableStrings(source: string, fileName: string): string[] {
  const sourceFile = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const name = propertyNameOf(node);
    if (ts.isPropertyAssignment(node) && (name === 'code' || name === 'output')) {
      const value = constantString(node.initializer);
      if (value !== undefined) found.push(value);
    }
    if (ts.isPropertyAssignment(node) && (name === 'valid' || name === 'invalid') && ts.isArrayLiteralExpression(node.initializer)) {
      for (const element of node.initializer.elements) {
        const value = constantString(element);
        if (value !== undefined) found.push(value);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

function filesIn(dir: string, pattern: RegExp): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => pattern.test(name)).sort().map((name) => path.join(dir, name)) : [];
}

export function ruleTableCorpus(): CorpusEntry[] {
  return filesIn(RULE_TABLES_DIR, /\.test\.ts$/).flatMap((file) =>
    tableStrings(fs.readFileSync(file, 'utf8'), file).map((text, index) => ({ origin: `${path.basename(file)} #${index + 1}`, text })),
  );
}

export function docsExampleCorpus(): CorpusEntry[] {
  return RULE_IDS.flatMap((id) => {
    const { incorrect, correct } = RULES[id].meta.docs;
    return [
      { origin: `${id} docs.incorrect`, text: incorrect },
      { origin: `${id} docs.correct`, text: correct },
    ].filter((entry) => entry.text.trim().length > 0);
  });
}

export function expressFixtureCorpus(): CorpusEntry[] {
  return filesIn(EXPRESS_FIXTURES_DIR, /\.[cm]?[jt]sx?$/).map((file) => ({ origin: path.relative(ROOT, file), text: fs.readFileSync(file, 'utf8') }));
}

export function fullCorpus(): CorpusEntry[] {
  return [...ruleTableCorpus(), ...docsExampleCorpus(), ...expressFixtureCorpus()];
}
