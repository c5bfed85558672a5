// What the server calls a document: the file name the analysis knows it by, its path on disk, and
// whether it is a script (the client also sends the OpenAPI document, which only drift reads).
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';

const EXTENSIONS: Record<string, string> = { javascript: '.js', javascriptreact: '.jsx', typescript: '.ts', typescriptreact: '.tsx' };

/** A URI's path, the name the analysis knows a file by. */
export function uriPath(uri: string): string {
  return decodeURIComponent(uri.replace(/^[a-z][\w+.-]*:(\/\/[^/]*)?/i, ''));
}

/** Scripts are analysed; the client also sends the OpenAPI document, which only drift reads. */
export function isScript(document: TextDocument): boolean {
  return EXTENSIONS[document.languageId] !== undefined;
}

export function fileNameOf(document: TextDocument): string {
  const path = uriPath(document.uri) || 'untitled';
  return /\.[cm]?[jt]sx?$/i.test(path) ? path : path + (EXTENSIONS[document.languageId] ?? '.js');
}

export function filePathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}
