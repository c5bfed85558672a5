// A helper that sends a response is a response per call. A helper declared in this file that sends
// with the status it is given (`function sendError(res, status, message)`) makes
// `sendError(res, 404, 'No such user')` a 404 site, reported and fixed at its argument. A helper the
// project's own module exports (`apiResponse.unauthorizedResponse(res, msg)`) is read from that
// module, one level deep: its status comes from an argument, or from the helper itself, and then the
// site is reported at the callee's name and points to the status in the helper's file.
import ts from 'typescript';
import type { Bindings } from '../facts/bindings';
import { listedBefore } from '../facts/fileIndex';
import { readOnce } from '../facts/keptReadings';
import { candidateFiles, moduleBindingsOf, type ModuleBinding } from '../facts/modules';
import { rangeOf, resolveStatus, statusBranches } from '../facts/status';
import { callsReader, chainRootIdentifier, enclosingFunction, skipTypeWrappers } from '../facts/syntax';
import type { AnalysisOptions, Handler, ResponseSite, StatusValue, TextEdit } from '../types';
import type { ResponseAdapter } from './adapter';
import { HEADER_METHODS } from './chains';
import { moduleHelpers, readHelper, type HelperNode, type HelperSummary } from './helperSummaries';
import { enclosingStatement, handlerRoute, surroundings } from './sites';
import { messageEdit } from './thrownErrors';

/** Each call's helper, for the adapter: where the status argument goes, which headers the helper sets. */
const helperOf = new WeakMap<ts.Node, HelperSummary>();

/** The status a call gives the helper: its argument, or the parameter's default when it leaves it out. */
function callStatus(call: ts.CallExpression, callee: ts.Identifier, helper: HelperSummary, bindings: Bindings): StatusValue | undefined {
  // Set inside the helper: reported where the call names it.
  if (helper.status.from === 'body') return { source: 'literal', code: helper.status.code, range: rangeOf(callee) };
  const argument = call.arguments[helper.status.index];
  if (argument) return statusBranches(argument, bindings).some(({ status }) => status.code !== undefined) ? resolveStatus(argument, bindings) : undefined;
  const fallback = helper.status.defaultCode;
  return fallback === undefined ? undefined : { source: 'implicit', code: fallback, range: rangeOf(call) };
}

/** `sendError(res, 'No such user')` → `sendError(res, 'No such user', 404)`: the status argument added where it goes. */
function addStatusArgumentEdit(site: ResponseSite, status: string): TextEdit | undefined {
  const call = site.statusNode;
  const given = call && helperOf.get(call)?.status;
  const index = given?.from === 'parameter' ? given.index : undefined;
  if (!call || !ts.isCallExpression(call) || index === undefined || call.arguments.length !== index) return undefined;
  const at = index === 0 ? call.arguments.pos : call.arguments[index - 1].getEnd();
  return { start: at, end: at, newText: index === 0 ? status : `, ${status}` };
}

/**
 * Before the call, does the code set a header on the response or hand it to other code
 * (`res.set(…)`, `applyCors(res)`)? Then headers may come from where the helper cannot tell.
 */
function responseTouchedBefore(site: ResponseSite): boolean {
  const scope = site.handler?.node ?? enclosingFunction(site.chain);
  const until = site.chain.getStart();
  const isResponse = (argument: ts.Expression): boolean => {
    const value = skipTypeWrappers(argument);
    return ts.isIdentifier(value) && site.responseNames.has(value.text);
  };
  for (const node of scope?.body ? listedBefore(scope.body, until) : []) {
    if (ts.isCallExpression(node)) {
      const method = ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : '';
      const root = chainRootIdentifier(node);
      // Another call of a helper is known not to leave headers behind: it sends.
      if ((!helperOf.has(node) && node.arguments.some(isResponse)) || (HEADER_METHODS.has(method) && root !== undefined && site.responseNames.has(root.text))) return true;
    }
  }
  return false;
}

/** The helper decides headers and the shape of the body: a fix can change the status and a string message. */
const helperCallAdapter: ResponseAdapter = {
  framework: 'helper call',
  setDefaultStatusEdit: addStatusArgumentEdit,
  headersMayBeSetElsewhere: (site) => !site.statusNode || helperOf.get(site.statusNode)?.unnamedHeaders !== false || responseTouchedBefore(site),
  addHeadersEdit: () => undefined,
  sendBodyEdits: (site, body, _context, status) => {
    const message = messageEdit(site, body);
    const statusEdit = status === undefined ? undefined : site.status.expression ? { ...site.status.range, newText: status } : addStatusArgumentEdit(site, status);
    if (!message || (status !== undefined && !statusEdit)) return undefined;
    return statusEdit ? [statusEdit, message] : [message];
  },
  dropBodyFix: () => undefined,
  completeResponseFixes: () => [],
  completesLater: () => true,
  stringStatusProblem: () => undefined,
};

/** The name a call is made by when its callee is a name or a path of names (`sendError`, `apiResponse.unauthorizedResponse`); nothing is allocated, for the file's walk. */
function calleeName(call: ts.CallExpression): ts.Identifier | undefined {
  let current = skipTypeWrappers(call.expression);
  const name = ts.isPropertyAccessExpression(current) ? current.name : current;
  while (ts.isPropertyAccessExpression(current) && ts.isIdentifier(current.name)) current = skipTypeWrappers(current.expression);
  return ts.isIdentifier(current) && ts.isIdentifier(name) ? name : undefined;
}

/** A call's callee as a name and the members after it: `apiResponse.unauthorizedResponse` → `apiResponse`, [`unauthorizedResponse`]. */
interface CalleePath {
  root: string;
  members: string[];
  name: ts.Identifier;
}

/** Per call, its callee's path: an edited document's calls that TypeScript reused are read once. */
const calleePaths = new WeakMap<ts.CallExpression, CalleePath | null>();

function calleePath(call: ts.CallExpression): CalleePath | undefined {
  const known = calleePaths.get(call);
  if (known !== undefined) return known ?? undefined;
  const name = calleeName(call);
  let path: CalleePath | null = null;
  if (name) {
    const members: string[] = [];
    let current = skipTypeWrappers(call.expression);
    while (ts.isPropertyAccessExpression(current)) {
      members.unshift(current.name.text);
      current = skipTypeWrappers(current.expression);
    }
    path = { root: (current as ts.Identifier).text, members, name };
  }
  calleePaths.set(call, path);
  return path ?? undefined;
}

/** A helper a call reaches, and for an imported one where its module was read. */
interface CalledHelper {
  helper: HelperSummary;
  callee: ts.Identifier;
  /** The module as the importer names it, when the helper is imported. */
  shownModule?: string;
}

/** Calls, and the nodes that declare a name. Tested first on every node of the walk: one look-up in a set, where each `ts.isX` is a look-up in TypeScript's very large namespace object. */
export const HELPER_WALK_KINDS: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.CallExpression,
  ts.SyntaxKind.ImportDeclaration,
  ts.SyntaxKind.VariableDeclaration,
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.Parameter,
  ts.SyntaxKind.ImportSpecifier,
  ts.SyntaxKind.ImportClause,
  ts.SyntaxKind.NamespaceImport,
  ts.SyntaxKind.BindingElement,
]);

/** What nodes of the walk give the collector, in walk order. */
interface HelperNotes {
  /** Calls of a name with arguments. */
  calls: ts.CallExpression[];
  /** Names bound to a relative module (`import { x } from './m'`, `const m = require('./m')`). */
  imports: [string, ModuleBinding][];
  /** Each name declared, once per declaration: a name declared twice (a parameter, a shadowing function) is not one helper. */
  declared: string[];
  functions: { name: string; fn: HelperNode }[];
}

const noNotes = (): HelperNotes => ({ calls: [], imports: [], declared: [], functions: [] });

/** Notes what a node gives; true when it is a call of a name, a declaration or an import, judged from its own syntax. */
function noteHelperNode(node: ts.Node, notes: HelperNotes): boolean {
  if (ts.isCallExpression(node)) {
    if (node.arguments.length === 0 || !calleeName(node)) return false;
    notes.calls.push(node);
    return true;
  }
  // Only imports and declarations bind a module: skip the lookup for every other node.
  const binds = ts.isImportDeclaration(node) || ts.isVariableDeclaration(node);
  if (binds) notes.imports.push(...moduleBindingsOf(node));
  const name = (ts.isFunctionDeclaration(node) || ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isImportSpecifier(node) || ts.isImportClause(node) || ts.isNamespaceImport(node) || ts.isBindingElement(node)) && node.name;
  if (!name || !ts.isIdentifier(name)) return binds;
  notes.declared.push(name.text);
  if (ts.isFunctionDeclaration(node)) notes.functions.push({ name: name.text, fn: node });
  const init = ts.isVariableDeclaration(node) && node.initializer && skipTypeWrappers(node.initializer);
  if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) notes.functions.push({ name: name.text, fn: init });
  return true;
}

/** What a kept statement's taken nodes give (`keptReadings.ts`). */
const notesByTaken = new WeakMap<readonly ts.Node[], HelperNotes>();

/** The notes of a run of statements, in walk order, and whether those statements are checked (an edit re-checks part of the file). */
interface NotesRun {
  notes: HelperNotes;
  checked: boolean;
}

/** Collects, during the file's one walk, the functions declared here, relative imports, and calls of names. */
export class HelperCallCollector {
  /** A kept statement's notes are one run as they were made; statements walked add to the last run. */
  private readonly runs: NotesRun[] = [];
  private walked: NotesRun | undefined;
  /** The file names asked of the host's module source, found or not. */
  readonly modulesAsked: string[] = [];

  visit(node: ts.Node, inChecked: boolean): boolean {
    if (!HELPER_WALK_KINDS.has(node.kind)) return false;
    if (this.walked?.checked !== inChecked) this.runs.push((this.walked = { notes: noNotes(), checked: inChecked }));
    return noteHelperNode(node, this.walked.notes);
  }

  /** The nodes `visit` took before (an edited document's unchanged statement), at once. */
  takeAll(nodes: readonly ts.Node[], inChecked: boolean): void {
    const notes = readOnce(notesByTaken, nodes, (taken) => {
      const read = noNotes();
      for (const node of taken) noteHelperNode(node, read);
      return read;
    });
    this.walked = undefined;
    this.runs.push({ notes, checked: inChecked });
  }

  /** Sites of the calls in the statements checked; every call's module is still asked for. */
  sites(sourceFile: ts.SourceFile, handlers: readonly Handler[], bindings: Bindings, options: AnalysisOptions): ResponseSite[] {
    const imports = new Map<string, ModuleBinding>();
    const declared = new Map<string, number>();
    const candidates = new Map<string, HelperNode>();
    for (const { notes } of this.runs) {
      for (const [name, binding] of notes.imports) imports.set(name, binding);
      for (const name of notes.declared) declared.set(name, (declared.get(name) ?? 0) + 1);
    }
    // A status given as an argument needs a second parameter besides the response.
    for (const { notes } of this.runs) for (const { name, fn } of notes.functions) if (declared.get(name) === 1 && fn.parameters.length >= 2) candidates.set(name, fn);
    // No local helper, and no module to read imported ones from: no call can be a helper's.
    if (candidates.size === 0 && (imports.size === 0 || !options.modules)) return [];
    // Read when a call first names it: an edit re-checks the calls of a few handlers, not every function.
    const localHelpers = new Map<string, HelperSummary | undefined>();
    const localHelper = (name: string): HelperSummary | undefined => {
      if (!localHelpers.has(name)) {
        const fn = candidates.get(name);
        const helper = fn && readHelper(name, fn, bindings);
        // A local helper that sets its own status is read where it sends, in this file.
        localHelpers.set(name, helper?.status.from === 'parameter' ? helper : undefined);
      }
      return localHelpers.get(name);
    };
    const modules = this.moduleReader(sourceFile.fileName, options);
    const byNode = new Map<ts.Node, Handler>(handlers.map((handler) => [handler.node, handler]));
    const callsOnce = callsReader();
    // Outside the part re-checked, a call only asks for its module (the modules asked are the file's):
    // without a module left to ask, it is passed by.
    let unasked = options.modules === undefined ? 0 : new Set([...imports.values()].map((binding) => binding.specifier)).size;
    const ask = (specifier: string): ReadModule | undefined => {
      if (unasked > 0 && !modules.asked(specifier)) unasked--;
      return modules(specifier);
    };
    const sites: ResponseSite[] = [];
    for (const { notes, checked } of this.runs) {
      if (!checked && unasked === 0) continue;
      for (const call of notes.calls) {
        const path = calleePath(call);
        if (!path || declared.get(path.root) !== 1) continue;
        const binding = imports.get(path.root);
        if (!checked) {
          if (binding) ask(binding.specifier);
          if (unasked === 0) break;
          continue;
        }
        const local = path.members.length === 0 ? localHelper(path.root) : undefined;
        const module = !local && binding ? ask(binding.specifier) : undefined;
        const key = [...(binding?.path ?? []), ...path.members];
        const imported = module?.helpers.get(key.length === 0 ? 'default' : key.join('.'));
        const called: CalledHelper | undefined = local ? { helper: local, callee: path.name } : imported && module && { helper: imported, callee: path.name, shownModule: module.shown };
        const site = called && helperCallSite(call, called, bindings, byNode, sourceFile, callsOnce);
        if (site) sites.push(site);
      }
    }
    return sites;
  }

  /** Reads each relative module once per analysis: the first candidate file the host has, skipped when too large or binary. */
  private moduleReader(importer: string, options: AnalysisOptions): ModuleReader {
    const read = new Map<string, ReadModule | undefined>();
    const reader = (specifier: string): ReadModule | undefined => {
      if (!options.modules || read.has(specifier)) return read.get(specifier);
      let found: ReadModule | undefined;
      for (const candidate of candidateFiles(importer, specifier)) {
        this.modulesAsked.push(candidate.fileName);
        const text = options.modules.read(candidate.fileName);
        if (text === undefined) continue;
        // A module the host would not analyse itself is not read for its helpers either.
        if (text.length <= options.maxFileSize && !text.includes('\u0000')) found = { helpers: moduleHelpers(candidate.fileName, text), shown: candidate.shown };
        break;
      }
      read.set(specifier, found);
      return found;
    };
    return Object.assign(reader, { asked: (specifier: string) => read.has(specifier) });
  }
}

/** A relative module read for its helpers, and how a finding names it. */
interface ReadModule {
  helpers: ReadonlyMap<string, HelperSummary>;
  shown: string;
}

/** Reads a module by its specifier, once; `asked` says whether it was asked for already. */
type ModuleReader = ((specifier: string) => ReadModule | undefined) & { asked(specifier: string): boolean };

function enclosingHandler(node: ts.Node, byNode: ReadonlyMap<ts.Node, Handler>): Handler | undefined {
  for (let current = node.parent; current; current = current.parent) {
    const handler = byNode.get(current);
    if (handler) return handler;
  }
  return undefined;
}

function helperCallSite(
  call: ts.CallExpression,
  { helper, callee, shownModule }: CalledHelper,
  bindings: Bindings,
  byNode: ReadonlyMap<ts.Node, Handler>,
  sourceFile: ts.SourceFile,
  callsOnce: ReturnType<typeof callsReader>,
): ResponseSite | undefined {
  const spread = call.arguments.findIndex((argument) => ts.isSpreadElement(argument));
  const statusIndex = helper.status.from === 'parameter' ? helper.status.index : 0;
  if (spread !== -1 && spread <= Math.max(statusIndex, helper.responseIndex, helper.bodyIndex ?? 0)) return undefined;
  const response = call.arguments[helper.responseIndex] && skipTypeWrappers(call.arguments[helper.responseIndex]);
  const status = response && ts.isIdentifier(response) ? callStatus(call, callee, helper, bindings) : undefined;
  if (!response || !ts.isIdentifier(response) || !status) return undefined;
  helperOf.set(call, helper);
  const calleeText = skipTypeWrappers(call.expression).getText(sourceFile);
  const handler = enclosingHandler(call, byNode);
  const scope = handler?.node ?? enclosingFunction(call);
  return {
    adapter: helperCallAdapter,
    responseName: response.text,
    responseNames: new Set([response.text]),
    handler,
    route: handlerRoute(handler),
    status,
    statusNode: call,
    send: { kind: helper.kind, node: call, label: `${calleeText}(…)`, encoding: helper.encoding },
    body: helper.bodyIndex === undefined ? undefined : call.arguments[helper.bodyIndex],
    // The helper's headers, set on this call's response.
    headers: helper.headerNames.map((name) => ({ name, node: call })),
    statusFrom: helper.status.from === 'body' && shownModule !== undefined ? { helper: calleeText, module: shownModule, code: helper.status.code, place: helper.status.place } : undefined,
    chain: call,
    statement: enclosingStatement(call),
    ...surroundings(call, scope ?? sourceFile),
    callsBefore: callsOnce(scope).filter((before) => before.node.getEnd() <= call.getStart()),
    // The helper sets the status: no setter of the site's own.
    shape: { setter: 'implicit' },
  };
}
