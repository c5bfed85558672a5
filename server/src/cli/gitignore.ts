// .gitignore semantics the walk needs: comments, `!` negation (the last matching line wins),
// a trailing `/` for directories only, a leading or inner `/` anchoring to the file's folder.
// Character classes and escaped `#`/`!` are not supported. Globs are server/src/glob.ts's.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globToRegExp } from '../glob';

interface IgnoreLine {
  pattern: RegExp;
  negated: boolean;
  directoryOnly: boolean;
}

/** The lines of one .gitignore, matched against paths relative to its folder. */
export interface IgnoreFile {
  folder: string;
  lines: IgnoreLine[];
}

export function parseGitignore(folder: string, text: string): IgnoreFile {
  const lines: IgnoreLine[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.replace(/(?<!\\)\s+$/, '');
    if (!line || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    if (negated) line = line.slice(1);
    const directoryOnly = line.endsWith('/');
    if (directoryOnly) line = line.slice(0, -1);
    const anchored = line.includes('/');
    lines.push({ pattern: globToRegExp(line.replace(/^\//, ''), anchored), negated, directoryOnly });
  }
  return { folder, lines };
}

export function readGitignore(folder: string): IgnoreFile | undefined {
  try {
    return parseGitignore(folder, fs.readFileSync(path.join(folder, '.gitignore'), 'utf8'));
  } catch {
    return undefined;
  }
}

/** Whether the .gitignore files (outermost first) ignore `file`; a deeper file's lines win. */
export function isIgnored(ignores: readonly IgnoreFile[], file: string, isDirectory: boolean): boolean {
  let ignored = false;
  for (const { folder, lines } of ignores) {
    const relative = path.relative(folder, file).split(path.sep).join('/');
    if (relative.startsWith('..')) continue;
    for (const line of lines) {
      if ((!line.directoryOnly || isDirectory) && line.pattern.test(relative)) ignored = !line.negated;
    }
  }
  return ignored;
}
