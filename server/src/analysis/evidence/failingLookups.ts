// Lookups whose failure lands in a catch that answers 500, though the client is at fault: a record
// looked up by the client's key and used without a check (a missing record becomes a TypeError),
// and a raw id handed to an ObjectId finder (a malformed id becomes Mongoose's CastError). Read for
// no-server-error-for-bad-input, which reports the 500 and points at the line that fails.
import ts from 'typescript';
import { calleeOf, skipTypeWrappers } from '../facts/syntax';
import { importedModules } from '../facts/imports';
import { handlerLocals, referencesIn } from './causes';
import type { ResponseSite } from '../types';

export interface FailingLookup {
  kind: 'missing-record' | 'malformed-id';
  /** The lookup: `User.findById(req.params.id)`, `new ObjectId(req.params.id)`. */
  call: ts.CallExpression | ts.NewExpression;
  /** Where the failure happens: the unchecked use (`user.name`), or the finder given the raw id. */
  failsAt: ts.Node;
  /** missing-record: the variable that may be null. malformed-id: the id expression, as written. */
  name: string;
  /** The statement a check goes before (malformed-id) or after (missing-record), when it sits in a block. */
  statement?: ts.Statement;
}

// Finders that answer one record or null.
const SINGLE_FINDERS = /^(findById|findOne|findByPk|findUnique|findFirst|findOneBy|findBy(Id|Pk)AndUpdate|find(ById|One)And(Update|Delete|Remove|Replace))$/;
// Mongoose finders that cast their first argument to an ObjectId.
const OBJECT_ID_FINDERS = /^findById(And(Update|Delete|Remove|Replace))?$/;
// Checks that an id is well formed, in the handler or in the route's middleware.
const ID_CHECKS = /isValidObjectId|isValid|isMongoId|isObjectId|ObjectId|validat|celebrate|checkId|checkObjectId|sanitize/i;
// A catch that already tells a malformed id apart.
const CAST_HANDLING = /CastError|BSONError|BSONTypeError|ObjectId/;

/** The try statement whose catch holds the site. */
function tryOf(site: ResponseSite): ts.TryStatement | undefined {
  const parent = site.catchClause?.node.parent;
  return parent && ts.isTryStatement(parent) ? parent : undefined;
}

/** The finder at the root of a query chain: `findById` in `User.findById(id).populate('posts').lean()`. */
function finderIn(expression: ts.Expression, finders: RegExp): ts.CallExpression | undefined {
  let current = skipTypeWrappers(expression);
  if (ts.isAwaitExpression(current)) current = skipTypeWrappers(current.expression);
  while (ts.isCallExpression(current) || ts.isPropertyAccessExpression(current)) {
    if (ts.isCallExpression(current)) {
      const callee = skipTypeWrappers(current.expression);
      if (ts.isPropertyAccessExpression(callee) && finders.test(callee.name.text)) return current;
    }
    current = skipTypeWrappers(current.expression);
  }
  return undefined;
}

/**
 * Does the value come from the request? `sources` narrows where: a record missing for a path or
 * query key is "not found", while one missing for a body field (an email at log-in) may be a 401.
 */
function fromInput(site: ResponseSite, value: ts.Node | undefined, sources?: ReadonlySet<string>): boolean {
  if (!value) return false;
  return referencesIn(value, site.handler?.requestName, handlerLocals(site)).some((reference) => reference.kind === 'input' && (!sources || sources.has(reference.source ?? '')));
}

const PATH_KEYS: ReadonlySet<string> = new Set(['params', 'query']);

function statementOf(node: ts.Node): ts.Statement | undefined {
  let current: ts.Node = node;
  while (current.parent && !ts.isBlock(current.parent) && !ts.isSourceFile(current.parent)) {
    if (ts.isFunctionLike(current.parent)) return undefined;
    current = current.parent;
  }
  return ts.isBlock(current.parent) ? (current as ts.Statement) : undefined;
}

/** Each node of the try block, in source order, without entering nested functions. */
function nodesOf(block: ts.Block): ts.Node[] {
  const nodes: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) return;
    nodes.push(node);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(block, visit);
  return nodes;
}

/**
 * `const user = await User.findById(req.params.id); user.name = …`: the first use that dereferences
 * the record with nothing before it that mentions the record otherwise (a check, a hand-over).
 * Optional chaining (`user?.name`) is a check.
 */
function uncheckedUse(declaration: ts.VariableDeclaration, name: string, nodes: readonly ts.Node[]): ts.Node | undefined {
  for (const node of nodes) {
    if (node.getStart() < declaration.getEnd() || !ts.isIdentifier(node) || node.text !== name) continue;
    const parent = node.parent;
    const dereferenced = (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === node && !parent.questionDotToken;
    if (dereferenced) return parent;
    // A property named like the record (`{ user: … }`, `x.user`) is not the record.
    if ((ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isPropertyAssignment(parent) && parent.name === node)) continue;
    return undefined;
  }
  return undefined;
}

function missingRecord(site: ResponseSite, nodes: readonly ts.Node[]): FailingLookup | undefined {
  for (const node of nodes) {
    if (!ts.isVariableDeclaration(node) || !ts.isIdentifier(node.name) || !node.initializer) continue;
    const call = finderIn(node.initializer, SINGLE_FINDERS);
    if (!call || !call.arguments.some((argument) => fromInput(site, argument, PATH_KEYS))) continue;
    const use = uncheckedUse(node, node.name.text, nodes);
    if (use) return { kind: 'missing-record', call, failsAt: use, name: node.name.text, statement: statementOf(node) };
  }
  return undefined;
}

/** Does the route check ids before this handler runs: middleware beside it, or a router `param` handler? */
function routeChecksIds(site: ResponseSite): boolean {
  const registration = site.handler?.node.parent;
  if (registration && ts.isCallExpression(registration)) {
    const middleware = registration.arguments.filter((argument) => argument !== site.handler?.node && !ts.isStringLiteralLike(argument));
    if (middleware.some((argument) => ID_CHECKS.test(argument.getText()))) return true;
  }
  // `router.param('id', …)` validates every route with `:id`.
  const sourceFile = site.handler?.node.getSourceFile();
  return sourceFile !== undefined && hasParamHandler(sourceFile);
}

const PARAM_HANDLER = /\.param\(\s*['"`][\w-]+['"`]\s*,/;
const paramHandlerByFile = new WeakMap<ts.SourceFile, boolean>();

/** Does the file register a `router.param` handler? Its whole text is searched once, not once per site. */
function hasParamHandler(sourceFile: ts.SourceFile): boolean {
  let found = paramHandlerByFile.get(sourceFile);
  if (found === undefined) paramHandlerByFile.set(sourceFile, (found = PARAM_HANDLER.test(sourceFile.text)));
  return found;
}

/** `new ObjectId(req.params.id)`, `new mongoose.Types.ObjectId(id)`. */
function objectIdConstruction(node: ts.Node): ts.Expression | undefined {
  if (!ts.isNewExpression(node)) return undefined;
  const callee = skipTypeWrappers(node.expression);
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  return name === 'ObjectId' ? node.arguments?.[0] : undefined;
}

function malformedId(site: ResponseSite, tryStatement: ts.TryStatement, nodes: readonly ts.Node[]): FailingLookup | undefined {
  if (CAST_HANDLING.test(tryStatement.catchClause?.getText() ?? '') || routeChecksIds(site)) return undefined;
  for (const node of nodes) {
    const finder = ts.isCallExpression(node) && OBJECT_ID_FINDERS.test(calleeOf(node)?.name ?? '') && isMongooseModel(node) ? node : undefined;
    const id = finder ? finder.arguments[0] : objectIdConstruction(node);
    if (!id || !fromInput(site, id) || checkedBefore(site, node)) continue;
    return { kind: 'malformed-id', call: node as ts.CallExpression | ts.NewExpression, failsAt: node, name: skipTypeWrappers(id).getText(), statement: statementOf(node) };
  }
  return undefined;
}

/**
 * Is the finder Mongoose's? The file imports Mongoose, or calls it on a model (`User.findById`), not on
 * a service or repository of the project's own, whose `findById` may take any id.
 */
function isMongooseModel(call: ts.CallExpression): boolean {
  const modules = importedModules(call.getSourceFile());
  if (modules.has('mongoose')) return true;
  const callee = skipTypeWrappers(call.expression);
  const model = ts.isPropertyAccessExpression(callee) ? skipTypeWrappers(callee.expression) : undefined;
  return !!model && ts.isIdentifier(model) && /^[A-Z]/.test(model.text) && !/(Service|Repository|Repo|Dao|Store|Api|Client)$/.test(model.text);
}

/** A call before `node` in the handler that checks an id (`mongoose.isValidObjectId(id)`, `ObjectId.isValid(id)`). */
function checkedBefore(site: ResponseSite, node: ts.Node): boolean {
  return site.callsBefore.some((call) => call.node.getEnd() <= node.getStart() && /^(isValidObjectId|isValid|isMongoId|isObjectId)$/.test(call.name));
}

/** The lookups whose failure the site's catch answers with 500, as far as the try block shows them. */
export function failingLookups(site: ResponseSite): FailingLookup[] {
  const tryStatement = tryOf(site);
  if (!tryStatement) return [];
  const nodes = nodesOf(tryStatement.tryBlock);
  return [malformedId(site, tryStatement, nodes), missingRecord(site, nodes)].filter((lookup): lookup is FailingLookup => lookup !== undefined);
}

/** The local name the file gives Mongoose (`mongoose` in `import mongoose from 'mongoose'`), if it imports it whole. */
export function mongooseName(sourceFile: ts.SourceFile): string | undefined {
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && statement.moduleSpecifier.text === 'mongoose') {
      const clause = statement.importClause;
      if (clause?.name) return clause.name.text;
      if (clause?.namedBindings && ts.isNamespaceImport(clause.namedBindings)) return clause.namedBindings.name.text;
    }
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer && skipTypeWrappers(declaration.initializer);
        const required = init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'require' && init.arguments[0] && ts.isStringLiteral(init.arguments[0]) && init.arguments[0].text === 'mongoose';
        if (required && ts.isIdentifier(declaration.name)) return declaration.name.text;
      }
    }
  }
  return undefined;
}
