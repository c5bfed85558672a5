// Where the editor tests keep their tools and their results.
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Screenshots and logs of failed runs; git-ignored. */
export const resultsDir = path.join(repoRoot, '.test-results');

/** Provisioned Node, code-server and friends live outside the repo so a clean clone reuses them. */
export function cacheRoot(): string {
  const override = process.env.HSG_TEST_CACHE;
  if (override !== undefined && override.trim() !== '') return path.resolve(override);
  return path.join(os.homedir(), '.cache', 'http-status-guide');
}
