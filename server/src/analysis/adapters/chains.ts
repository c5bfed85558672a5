// Reads one statement's use of a response object: `res.status(201).location(url).json(user)`
// becomes links [status, location, json] rooted at `res`.
import ts from 'typescript';
import { chainRootIdentifier, skipTypeWrappers } from '../facts/syntax';

export interface ChainLink {
  name: string;
  call: ts.CallExpression;
  /** The `.name` member, for hovers on `.status`. */
  member: ts.MemberName;
}

export interface ResponseUse {
  /** The outermost expression: the whole chain, or the assignment `res.statusCode = 404`. */
  expression: ts.Expression;
  links: ChainLink[];
  /** `res.statusCode = N`: the assigned value. */
  statusCodeAssignment?: { value: ts.Expression; target: ts.PropertyAccessExpression };
}

export const SEND_METHODS = new Set(['json', 'send', 'end', 'sendStatus', 'redirect', 'render', 'sendFile', 'download', 'jsonp']);
export const HEADER_METHODS = new Set(['set', 'header', 'setHeader', 'append', 'location', 'links', 'type', 'contentType', 'cookie', 'vary', 'attachment']);

/** The links of a call chain from the root outwards. */
function linksOf(outermost: ts.CallExpression): ChainLink[] {
  const links: ChainLink[] = [];
  let current: ts.Expression = outermost;
  for (;;) {
    current = skipTypeWrappers(current);
    if (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression)) {
      links.unshift({ name: current.expression.name.text, call: current, member: current.expression.name });
      current = current.expression.expression;
    } else if (ts.isPropertyAccessExpression(current)) {
      current = current.expression;
    } else {
      return links;
    }
  }
}

/** Is this call the last one of its chain (nothing is called on its result)? */
function isOutermostCall(call: ts.CallExpression): boolean {
  let parent = call.parent;
  while (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isNonNullExpression(parent)) parent = parent.parent;
  return !(ts.isPropertyAccessExpression(parent) && ts.isCallExpression(parent.parent) && parent.parent.expression === parent);
}

/** A use of `responseName` starting at `node`, or undefined when `node` is not one. */
export function responseUseAt(node: ts.Node, responseNames: ReadonlySet<string>): ResponseUse | undefined {
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && isOutermostCall(node)) {
    const root = chainRootIdentifier(node);
    if (!root || !responseNames.has(root.text)) return undefined;
    const links = linksOf(node);
    return links.length > 0 ? { expression: node, links } : undefined;
  }
  if (
    ts.isBinaryExpression(node) &&
    node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    ts.isPropertyAccessExpression(node.left) &&
    node.left.name.text === 'statusCode'
  ) {
    const root = chainRootIdentifier(node.left.expression);
    if (root && responseNames.has(root.text) && ts.isIdentifier(skipTypeWrappers(node.left.expression))) {
      return { expression: node, links: [], statusCodeAssignment: { value: node.right, target: node.left } };
    }
  }
  return undefined;
}
