// The first piece of the workspace index: the project's own modules an open document imports, read
// for the helpers they export. An open document's current text comes first; otherwise the file on
// disk, only inside a workspace folder and only when the settings would analyse it (include/exclude,
// .gitignore, maxFileSize). Read-only, never executed. Disk texts are kept by path until a watched
// change, or an open/change/close of that document, says they may differ.
import * as path from 'node:path';
import type { ModuleSource } from '../analysis/facts/modules';
import { readSmallFile } from '../cli/diskModules';
import { isLeftOut, SOURCE_FILE } from '../cli/files';
import type { Settings } from '../settings';

/** The disk path of an analysis file name (a URI's path: `/c:/x.js` on Windows). */
function diskPathOf(fileName: string): string {
  return path.resolve(process.platform === 'win32' ? fileName.replace(/^\/([a-zA-Z]:)/, '$1') : fileName);
}

export class WorkspaceModules {
  private readonly disk = new Map<string, string | undefined>();
  private roots: string[] = [];

  /** `openText`: the current text of the open document with this analysis file name, if one is open. */
  constructor(private readonly openText: (fileName: string) => string | undefined) {}

  setRoots(roots: readonly string[]): void {
    this.roots = roots.map((root) => path.resolve(root));
    this.disk.clear();
  }

  /**
   * Modules for one document's analysis: open documents, and files on disk when the document itself
   * is a file (`file:`); a virtual or untitled document gets open documents only.
   */
  sourceFor(settings: Settings, onDisk: boolean): ModuleSource {
    return {
      read: (fileName) => this.openText(fileName) ?? (onDisk ? this.fromDisk(diskPathOf(fileName), settings) : undefined),
    };
  }

  /** The file changed on disk, or was opened, edited or closed in the editor: read it again when next asked. */
  forget(fileName: string): void {
    this.disk.delete(diskPathOf(fileName));
  }

  private fromDisk(file: string, settings: Settings): string | undefined {
    if (this.disk.has(file)) return this.disk.get(file);
    const text = this.readable(file, settings) ? readSmallFile(file, settings.analysis.maxFileSize) : undefined;
    this.disk.set(file, text);
    return text;
  }

  private readable(file: string, settings: Settings): boolean {
    const inFolder = this.roots.some((root) => file.startsWith(root.endsWith(path.sep) ? root : root + path.sep));
    return inFolder && SOURCE_FILE.test(file) && !isLeftOut(file, settings);
  }
}
