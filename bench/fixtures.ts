// The code strings of the rule test tables (test/unit/rules/*.test.ts), read with the TypeScript
// parser rather than imported: importing a table file registers its tests as a side effect.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

export interface Fixture {
  code: string;
  fileName: string;
}

const RULE_TESTS = path.join(__dirname, '..', 'test', 'unit', 'rules');

function stringValue(node: ts.Node): string | undefined {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : undefined;
}

function propertyNamed(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === name) return property.initializer;
  }
  return undefined;
}

/** A table entry: a bare string, or `{ code, only?: 'ts' }`. */
function fixtureOf(entry: ts.Expression): Fixture | undefined {
  const bare = stringValue(entry);
  if (bare !== undefined) return { code: bare, fileName: 'case.js' };
  if (!ts.isObjectLiteralExpression(entry)) return undefined;
  const codeNode = propertyNamed(entry, 'code');
  const code = codeNode && stringValue(codeNode);
  if (code === undefined) return undefined;
  const only = propertyNamed(entry, 'only');
  return { code, fileName: only && stringValue(only) === 'ts' ? 'case.ts' : 'case.js' };
}

function fixturesIn(file: string): Fixture[] {
  const sourceFile = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Fixture[] = [];
  const visit = (node: ts.Node): void => {
    // valid: [...] and invalid: [...] inside a ruleTests(...) call.
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && (node.name.text === 'valid' || node.name.text === 'invalid') && ts.isArrayLiteralExpression(node.initializer)) {
      for (const element of node.initializer.elements) {
        const fixture = fixtureOf(element);
        if (fixture) found.push(fixture);
      }
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

export function ruleFixtures(): { files: number; fixtures: Fixture[] } {
  const files = fs.existsSync(RULE_TESTS) ? fs.readdirSync(RULE_TESTS).filter((name) => name.endsWith('.test.ts')) : [];
  return { files: files.length, fixtures: files.flatMap((name) => fixturesIn(path.join(RULE_TESTS, name))) };
}
