// The project config file as the server sees it: per workspace folder (or, outside any folder,
// found from the document's own folder), read from disk for file: URIs only, re-read when it
// changes. A bad key is logged once per version of the file; the rest is used.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_FILE_NAMES, findConfigFile, readProjectConfig } from './config/projectConfig';

/** What a client watches for us (`workspace/didChangeWatchedFiles`). */
export const CONFIG_FILE_GLOB = `**/{${CONFIG_FILE_NAMES.join(',')}}`;

interface Entry {
  file?: string;
  /** The file's modification time when read; undefined when there was none. */
  mtimeMs?: number;
  section: Record<string, unknown>;
}

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function mtimeOf(file: string | undefined): number | undefined {
  try {
    return file ? fs.statSync(file).mtimeMs : undefined;
  } catch {
    return undefined;
  }
}

export class ProjectConfigs {
  private folders: string[] = [];
  /** By the folder the search starts from. */
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly log: (message: string) => void) {}

  setFolders(uris: readonly string[]): void {
    this.folders = uris.map(pathOf).filter((folder): folder is string => folder !== undefined).sort((a, b) => b.length - a.length);
    this.entries.clear();
  }

  /** The settings section the project file gives the document at `uri` (empty without one). */
  sectionFor(uri: string): Record<string, unknown> {
    const file = pathOf(uri);
    if (!file) return {};
    const start = this.folders.find((folder) => file.startsWith(folder + path.sep)) ?? path.dirname(file);
    let entry = this.entries.get(start);
    if (!entry) {
      entry = this.read(start);
      this.entries.set(start, entry);
    }
    return entry.section;
  }

  /** Forgets everything read: a watched config file changed. */
  clear(): void {
    this.entries.clear();
  }

  /**
   * For clients that cannot watch files: true (and forgotten) when a config file read before has
   * changed, appeared or gone. Only stats the files and folders already read.
   */
  changedOnDisk(): boolean {
    const changed = [...this.entries].some(([start, entry]) => {
      const file = findConfigFile(start);
      return file !== entry.file || mtimeOf(file) !== entry.mtimeMs;
    });
    if (changed) this.clear();
    return changed;
  }

  private read(start: string): Entry {
    const file = findConfigFile(start);
    const config = readProjectConfig(file);
    for (const error of config.errors) this.log(`Config file: ${error} (the rest of the file is used).`);
    if (file) this.log(`Using the config file ${file} for ${start}.`);
    return { file, mtimeMs: mtimeOf(file), section: config.section };
  }
}
