// Reading response bodies and conditions the way a reviewer does: which keys an object literal
// has, what a value plainly is, what an expression mentions.
import ts from 'typescript';
import { skipTypeWrappers } from '../facts/syntax';

/** The properties of an object literal body, by key; undefined when the body is not a literal. */
export function objectProperties(body: ts.Expression | undefined): Map<string, ts.Expression> | undefined {
  const value = body && skipTypeWrappers(body);
  if (!value || !ts.isObjectLiteralExpression(value)) return undefined;
  const properties = new Map<string, ts.Expression>();
  for (const property of value.properties) {
    if (ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) {
      properties.set(property.name.text, property.initializer);
    } else if (ts.isShorthandPropertyAssignment(property)) {
      properties.set(property.name.text, property.name);
    }
  }
  return properties;
}

/** `null`, `undefined`, `false`, `''` or `0` written as such. */
export function isEmptyLiteral(expression: ts.Expression): boolean {
  const value = skipTypeWrappers(expression);
  return (
    value.kind === ts.SyntaxKind.NullKeyword ||
    value.kind === ts.SyntaxKind.FalseKeyword ||
    (ts.isIdentifier(value) && value.text === 'undefined') ||
    (ts.isStringLiteralLike(value) && value.text === '') ||
    (ts.isNumericLiteral(value) && Number(value.text) === 0) ||
    (ts.isArrayLiteralExpression(value) && value.elements.length === 0)
  );
}

export function isFalseLiteral(expression: ts.Expression): boolean {
  return skipTypeWrappers(expression).kind === ts.SyntaxKind.FalseKeyword;
}

/** The text of a string literal or a template without substitutions. */
export function stringValue(expression: ts.Expression | undefined): string | undefined {
  const value = expression && skipTypeWrappers(expression);
  return value && ts.isStringLiteralLike(value) ? value.text : undefined;
}

/** Every identifier and property name an expression mentions, for "does this test `req.body`?" questions. */
export function mentionedNames(node: ts.Node): Set<string> {
  const names = new Set<string>();
  const visit = (child: ts.Node): void => {
    if (ts.isIdentifier(child) || ts.isPrivateIdentifier(child)) names.add(child.text);
    ts.forEachChild(child, visit);
  };
  visit(node);
  return names;
}

/** Every string literal inside a node, lower-cased, for message wording checks. */
export function mentionedStrings(node: ts.Node): string[] {
  const strings: string[] = [];
  const visit = (child: ts.Node): void => {
    if (ts.isStringLiteralLike(child)) strings.push(child.text.toLowerCase());
    else if (ts.isTemplateExpression(child)) strings.push(child.getText().toLowerCase());
    ts.forEachChild(child, visit);
  };
  visit(node);
  return strings;
}
