// The project's own modules that analysed files import, read from disk for their helpers: only
// script files the run itself would analyse (include/exclude, .gitignore, node_modules left out),
// no larger than maxFileSize. Read once per run in each thread; never executed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ModuleSource } from '../analysis/facts/modules';
import type { Settings } from '../settings';
import { SOURCE_FILE, isLeftOut } from './files';

/** What a run reads imported modules under: its include and exclude globs and its size limit. */
export interface ModuleReading {
  include: RegExp[];
  exclude: RegExp[];
  maxFileSize: number;
}

const texts = new Map<string, string | undefined>();

/** A file's text, unless it is not a plain file or is far larger than `maxFileSize` (the analysis checks it exactly). */
export function readSmallFile(file: string, maxFileSize: number): string | undefined {
  try {
    const stat = fs.statSync(file);
    // UTF-8 takes at most three bytes per UTF-16 unit: a file larger than that cannot fit.
    if (!stat.isFile() || stat.size > maxFileSize * 3) return undefined;
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function readModule(file: string, reading: ModuleReading): string | undefined {
  return SOURCE_FILE.test(file) && !isLeftOut(file, reading) ? readSmallFile(file, reading.maxFileSize) : undefined;
}

export function diskModules(reading: ModuleReading): ModuleSource {
  return {
    read: (fileName) => {
      const file = path.resolve(fileName);
      if (!texts.has(file)) texts.set(file, readModule(file, reading));
      return texts.get(file);
    },
  };
}

/** The reading a run's settings ask for, or undefined when `readImportedModules` is off. */
export function moduleReadingOf(settings: Settings): ModuleReading | undefined {
  return settings.readImportedModules ? { include: settings.include, exclude: settings.exclude, maxFileSize: settings.analysis.maxFileSize } : undefined;
}
