// Section 4: what ships. Bundle sizes of the production build and the .vsix that `npm run package`
// writes. Also builds the production server that section 3 spawns, and restores the dev build.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

export const ROOT = path.join(__dirname, '..');
const BUNDLES = ['dist/server.js', 'dist/client.js'];
const VSIX = path.join(ROOT, 'http-status-guide.vsix');

export interface BundleSize {
  file: string;
  bytes: number;
  /** gzip -9: close to what the zip inside a .vsix stores. */
  gzipBytes: number;
}

export interface PackageResults {
  bundles: BundleSize[];
  vsixBytes?: number;
  vsixFiles?: number;
  /** Why `npm run package` failed, when it did. */
  vsixError?: string;
}

function build(production: boolean): void {
  execFileSync(process.execPath, ['scripts/build.mjs', ...(production ? ['--production'] : [])], { cwd: ROOT, stdio: 'pipe' });
}

/** The minified build the .vsix ships, in dist/ where `node dist/server.js --stdio` finds it. */
export function buildProduction(): void {
  build(true);
}

/** Leaves dist/ as `npm run build` makes it (with source maps), as the other suites expect. */
export function restoreDevBuild(): void {
  build(false);
}

function bundleSize(file: string): BundleSize {
  const content = fs.readFileSync(path.join(ROOT, file));
  return { file, bytes: content.length, gzipBytes: zlib.gzipSync(content, { level: 9 }).length };
}

/** The first lines of a failed command's output that say what went wrong. */
function failureOf(error: unknown): string {
  const output = error && typeof error === 'object' && 'stderr' in error ? String((error as { stderr: unknown }).stderr) : String(error);
  const lines = output.split('\n').map((line) => line.trim()).filter((line) => /error/i.test(line));
  return (lines[0] ?? output.trim().split('\n')[0] ?? 'unknown failure').slice(0, 200);
}

export function benchPackage(): PackageResults {
  const bundles = BUNDLES.map(bundleSize);
  fs.rmSync(VSIX, { force: true });
  try {
    const output = execFileSync('npm', ['run', 'package'], { cwd: ROOT, stdio: 'pipe', encoding: 'utf8' });
    const files = /\((\d+) files/.exec(output)?.[1];
    return { bundles, vsixBytes: fs.statSync(VSIX).size, vsixFiles: files ? Number(files) : undefined };
  } catch (error) {
    return { bundles, vsixError: failureOf(error) };
  }
}
