// What a document's project declares: the dependencies of the nearest package.json, found by
// walking up from the document's folder to its workspace folder (or the file-system root). Only
// read, never executed; a package.json that is not valid JSON counts as absent. Each folder's
// answer is cached with the file's stamp (mtime, size), so a changed file is read again.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { ProjectFacts } from './analysis/types';

/** Where package.json files come from: the disk for the editor, a git commit for the eval. */
export interface PackageJsonReader {
  /** Changes whenever the file does; undefined when there is no such file. */
  stamp(file: string): Promise<string | undefined>;
  /** The file's text; undefined when it cannot be read. */
  read(file: string): Promise<string | undefined>;
}

/** A package.json larger than this is not a manifest anyone wrote by hand: not read. */
const MAX_PACKAGE_JSON = 1_000_000;

export const diskReader: PackageJsonReader = {
  stamp: async (file) => {
    try {
      const stat = await fs.stat(file);
      return stat.isFile() && stat.size <= MAX_PACKAGE_JSON ? `${stat.mtimeMs}:${stat.size}:${stat.ino}` : undefined;
    } catch {
      return undefined;
    }
  },
  read: async (file) => {
    try {
      return await fs.readFile(file, 'utf8');
    } catch {
      return undefined;
    }
  },
};

function stringEntries(value: unknown): [string, string][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
}

/** The dependencies of a package.json text (`dependencies` win over `devDependencies`); undefined when it is not a JSON object. */
export function projectFactsFrom(text: string): ProjectFacts | undefined {
  let manifest: unknown;
  try {
    manifest = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) return undefined;
  const { dependencies, devDependencies } = manifest as Record<string, unknown>;
  // A null prototype: a dependency named `constructor` or `__proto__` is just a name.
  const all: Record<string, string> = Object.create(null);
  for (const [name, range] of [...stringEntries(devDependencies), ...stringEntries(dependencies)]) all[name] = range;
  return { dependencies: all };
}

/** What one folder holds: no package.json, or one with these facts (undefined when it is not valid JSON). */
interface FolderEntry {
  stamp: string | undefined;
  facts: ProjectFacts | undefined;
}

function isInside(folder: string, root: string): boolean {
  const relative = path.relative(root, folder);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

export class ProjectFactsLoader {
  private readonly folders = new Map<string, FolderEntry>();

  constructor(private readonly reader: PackageJsonReader = diskReader) {}

  /**
   * The facts of the nearest package.json above `filePath`, looking no higher than `root` when the
   * file is inside it; undefined when there is none, or the nearest is not valid JSON.
   */
  async factsFor(filePath: string, root?: string): Promise<ProjectFacts | undefined> {
    const boundary = root !== undefined && isInside(path.dirname(filePath), root) ? path.resolve(root) : undefined;
    for (let folder = path.dirname(filePath); ; ) {
      const entry = await this.entryOf(folder);
      if (entry.stamp !== undefined) return entry.facts;
      const parent = path.dirname(folder);
      if (parent === folder || (boundary !== undefined && path.resolve(folder) === boundary)) return undefined;
      folder = parent;
    }
  }

  /** Drops what is cached for the folder of a package.json that changed (or every folder). */
  forget(packageJsonPath?: string): void {
    if (packageJsonPath === undefined) this.folders.clear();
    else this.folders.delete(path.dirname(packageJsonPath));
  }

  private async entryOf(folder: string): Promise<FolderEntry> {
    const file = path.join(folder, 'package.json');
    const stamp = await this.reader.stamp(file);
    const cached = this.folders.get(folder);
    if (cached && cached.stamp === stamp) return cached;
    const text = stamp === undefined ? undefined : await this.reader.read(file);
    const entry: FolderEntry = { stamp, facts: text === undefined ? undefined : projectFactsFrom(text) };
    this.folders.set(folder, entry);
    return entry;
  }
}
