// The project's own modules a file imports by a relative path (`require('../helpers/apiResponse')`,
// `import { sendError } from './http'`): which local names they bind, and the file names a specifier
// may resolve to. The analysis reads no files: the host answers through `ModuleSource`.
import ts from 'typescript';
import { skipTypeWrappers } from './syntax';

/** Where module text comes from: the host's files (disk, open documents, a git commit). */
export interface ModuleSource {
  /** The text of a file by its resolved name, or undefined when there is none or it may not be read. */
  read(fileName: string): string | undefined;
}

/**
 * A local name bound to part of a relative module: `path` names the export from the module's
 * namespace (`[]` for `import * as api` or `const api = require(…)`, `['default']` for a default
 * import, `['sendError']` for `import { sendError }` or `const { sendError } = require(…)`).
 */
export interface ModuleBinding {
  specifier: string;
  path: readonly string[];
}

const EXTENSIONS = ['.js', '.ts', '.jsx', '.tsx', '.mjs', '.cjs'];

export function isRelativeSpecifier(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../');
}

/** `a/b/../c` → `a/c`, with `/` separators whatever the host wrote. */
function normalized(fileName: string): string {
  const parts: string[] = [];
  for (const part of fileName.replace(/\\/g, '/').split('/')) {
    if (part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..' && parts[parts.length - 1] !== '') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

/**
 * The file names a relative specifier may name, in the order Node and bundlers try them: as written,
 * with each script extension, then the folder's `index`. TypeScript projects write `./x.js` for `./x.ts`.
 */
export function candidateFiles(importer: string, specifier: string): { fileName: string; shown: string }[] {
  const importerPath = importer.replace(/\\/g, '/');
  const folder = importerPath.includes('/') ? importerPath.replace(/\/[^/]*$/, '') : '.';
  const base = normalized(`${folder}/${specifier}`);
  const written = /\.[cm]?[jt]sx?$/i.exec(base);
  // `shown`: the file as the importer would name it, for messages.
  const named = (suffix: string): { fileName: string; shown: string } => ({ fileName: base + suffix, shown: specifier + suffix });
  if (written) {
    const stem = base.slice(0, -written[0].length);
    const shownStem = specifier.slice(0, -written[0].length);
    const sources = /^\.[cm]?js$/i.test(written[0]) ? ['.ts', '.tsx'].map((extension) => ({ fileName: stem + extension, shown: shownStem + extension })) : [];
    return [named(''), ...sources];
  }
  return [...EXTENSIONS.map((extension) => named(extension)), ...EXTENSIONS.map((extension) => named(`/index${extension}`))];
}

function requiredSpecifier(expression: ts.Expression | undefined): string | undefined {
  const value = expression && skipTypeWrappers(expression);
  if (!value || !ts.isCallExpression(value) || !ts.isIdentifier(value.expression) || value.expression.text !== 'require') return undefined;
  const [argument] = value.arguments;
  return argument && ts.isStringLiteralLike(argument) && isRelativeSpecifier(argument.text) ? argument.text : undefined;
}

/** The local names one node binds to relative modules: import declarations and `require` declarations. */
export function moduleBindingsOf(node: ts.Node): [string, ModuleBinding][] {
  if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && isRelativeSpecifier(node.moduleSpecifier.text)) {
    const specifier = node.moduleSpecifier.text;
    const clause = node.importClause;
    if (!clause || clause.isTypeOnly) return [];
    const bound: [string, ModuleBinding][] = clause.name ? [[clause.name.text, { specifier, path: ['default'] }]] : [];
    const named = clause.namedBindings;
    if (named && ts.isNamespaceImport(named)) bound.push([named.name.text, { specifier, path: [] }]);
    if (named && ts.isNamedImports(named)) {
      for (const element of named.elements) if (!element.isTypeOnly) bound.push([element.name.text, { specifier, path: [(element.propertyName ?? element.name).text] }]);
    }
    return bound;
  }
  if (!ts.isVariableDeclaration(node) || !node.initializer) return [];
  // `require('./x').sendError`
  const init = skipTypeWrappers(node.initializer);
  const member = ts.isPropertyAccessExpression(init) ? init : undefined;
  const specifier = requiredSpecifier(member ? member.expression : init);
  if (!specifier) return [];
  const path = member ? [member.name.text] : [];
  if (ts.isIdentifier(node.name)) return [[node.name.text, { specifier, path }]];
  if (!ts.isObjectBindingPattern(node.name)) return [];
  return node.name.elements.flatMap((element): [string, ModuleBinding][] => {
    const key = element.propertyName ?? element.name;
    if (element.dotDotDotToken || !ts.isIdentifier(element.name) || !(ts.isIdentifier(key) || ts.isStringLiteral(key))) return [];
    return [[element.name.text, { specifier, path: [...path, key.text] }]];
  });
}
