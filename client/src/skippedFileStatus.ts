// A status bar item for the file in front of the user when the server does not analyse it
// (excluded, too large, minified): without it, such a file looks clean and says nothing.
import { StatusBarAlignment, window, type Disposable, type StatusBarItem } from 'vscode';

/** The server's notification: why an open file is not analysed, or null once it is. */
export const FILE_STATUS_NOTIFICATION = 'httpStatusGuide/fileStatus';
export interface FileStatus {
  uri: string;
  skipped: string | null;
}

export class SkippedFileStatus implements Disposable {
  private readonly item: StatusBarItem = window.createStatusBarItem('httpStatusGuide.skipped', StatusBarAlignment.Right, 100);
  private readonly reasons = new Map<string, string>();
  private readonly activeEditorChange = window.onDidChangeActiveTextEditor(() => this.update());

  constructor() {
    this.item.name = 'HTTP Status Guide: file not analysed';
    this.item.command = 'httpStatusGuide.showOutput';
  }

  /** Why `uri` is not analysed, or undefined when it is. */
  reasonFor(uri: string): string | undefined {
    return this.reasons.get(uri);
  }

  set({ uri, skipped }: FileStatus): void {
    if (skipped) this.reasons.set(uri, skipped);
    else this.reasons.delete(uri);
    this.update();
  }

  dispose(): void {
    this.activeEditorChange.dispose();
    this.item.dispose();
  }

  private update(): void {
    const uri = window.activeTextEditor?.document.uri.toString();
    const reason = uri === undefined ? undefined : this.reasons.get(uri);
    if (!reason) {
      this.item.hide();
      return;
    }
    this.item.text = '$(circle-slash) HTTP Status: not analysed';
    this.item.tooltip = `HTTP Status Guide does not analyse this file: ${reason}. Click for the output.`;
    this.item.show();
  }
}
