// Which files a run analyses: the paths and globs given (default: the current folder), walked
// with .gitignore (root and nested) and the config's include/exclude honoured, node_modules
// never entered. A generator, so a huge tree is never held as one list.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globToRegExp } from '../glob';
import { isIncluded, type Settings } from '../settings';
import { isIgnored, readGitignore, type IgnoreFile } from './gitignore';

export const SOURCE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/i;
const NEVER_ENTERED = new Set(['node_modules', '.git']);
const GLOB_CHARS = /[*?{]/;

export class UsageError extends Error {}

const posix = (file: string): string => file.split(path.sep).join('/');

/** The folder holding `.git` above `folder`, or `folder` itself: where .gitignore files start. */
function repositoryRoot(folder: string): string {
  for (let current = folder; ; current = path.dirname(current)) {
    if (fs.existsSync(path.join(current, '.git'))) return current;
    if (path.dirname(current) === current) return folder;
  }
}

/** The .gitignore files from the repository root down to `folder`, outermost first. */
function ignoresAbove(folder: string): IgnoreFile[] {
  const root = repositoryRoot(folder);
  const folders: string[] = [];
  for (let current = folder; ; current = path.dirname(current)) {
    folders.unshift(current);
    if (current === root || path.dirname(current) === current) break;
  }
  return folders.map(readGitignore).filter((file): file is IgnoreFile => file !== undefined);
}

/** Ignored itself or inside an ignored folder (below `from`). */
function isIgnoredPath(ignores: readonly IgnoreFile[], from: string, file: string): boolean {
  for (let current = path.dirname(file); current.startsWith(from) && current !== from; current = path.dirname(current)) {
    if (isIgnored(ignores, current, true) || NEVER_ENTERED.has(path.basename(current))) return true;
  }
  return isIgnored(ignores, file, false);
}

/** Would a run over the file's repository leave it out (.gitignore, include/exclude, node_modules)? */
export function isLeftOut(file: string, settings: Pick<Settings, 'include' | 'exclude'>): boolean {
  const folder = path.dirname(file);
  return !isIncluded(settings, posix(file)) || isIgnoredPath(ignoresAbove(folder), repositoryRoot(folder), file);
}

function* walk(folder: string, ignores: IgnoreFile[], accept: (file: string) => boolean, wanted: RegExp): Generator<string> {
  const own = readGitignore(folder);
  const here = own && !ignores.some((ignore) => ignore.folder === folder) ? [...ignores, own] : ignores;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  } catch {
    return;
  }
  for (const entry of entries) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!NEVER_ENTERED.has(entry.name) && !isIgnored(here, file, true)) yield* walk(file, here, accept, wanted);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && wanted.test(entry.name) && !isIgnored(here, file, false) && accept(file)) {
      // A linked file is analysed (a dangling link is reported as unreadable); linked folders are not followed.
      if (entry.isFile() || !isDirectory(file)) yield file;
    }
  }
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** The static folder a glob starts from (`src/**\/*.ts` → `src`). */
function globBase(glob: string): string {
  const parts = glob.split('/');
  const first = parts.findIndex((part) => GLOB_CHARS.test(part));
  return parts.slice(0, first).join('/') || '.';
}

/** A path that does not exist is a usage error, found before any output is written. */
export function checkPaths(patterns: readonly string[], cwd: string): void {
  for (const pattern of patterns) {
    if (!GLOB_CHARS.test(pattern) && !fs.existsSync(path.resolve(cwd, pattern))) throw new UsageError(`No such file or folder: "${pattern}".`);
  }
}

/**
 * Every file to analyse, once each. A named file is analysed unless ignored or excluded; a glob
 * that matches nothing at all is a usage error, as in ESLint.
 */
export function* filesToAnalyse(patterns: readonly string[], cwd: string, settings: Settings, wanted: RegExp = SOURCE_FILE): Generator<string> {
  // Only several patterns can name a file twice; one pattern keeps no list of what it found.
  const seen = patterns.length > 1 ? new Set<string>() : undefined;
  const accept = (file: string): boolean => {
    if (!isIncluded(settings, posix(file)) || seen?.has(file)) return false;
    seen?.add(file);
    return true;
  };
  for (const pattern of patterns.length > 0 ? patterns : ['.']) {
    const target = path.resolve(cwd, pattern);
    let found = 0;
    if (GLOB_CHARS.test(pattern) && !fs.existsSync(target)) {
      const base = path.resolve(cwd, globBase(pattern));
      const matcher = globToRegExp(posix(path.relative(base, target)), true);
      for (const file of walk(base, ignoresAbove(base), (file) => matcher.test(posix(path.relative(base, file))) && accept(file), wanted)) {
        found++;
        yield file;
      }
    } else if (fs.existsSync(target) && fs.statSync(target).isDirectory()) {
      for (const file of walk(target, ignoresAbove(target), accept, wanted)) {
        found++;
        yield file;
      }
    } else if (fs.existsSync(target)) {
      const folder = path.dirname(target);
      found++;
      if (!isIgnoredPath(ignoresAbove(folder), repositoryRoot(folder), target) && accept(target)) yield target;
    }
    if (found === 0 && GLOB_CHARS.test(pattern)) throw new UsageError(`No files match "${pattern}".`);
  }
}
