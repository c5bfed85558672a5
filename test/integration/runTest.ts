// Runs the extension-host suite. By default the "VS Code executable" handed to
// runTests() is our code-server host (real VS Code 1.139 in headless Chromium,
// provisioned offline from npm); VSCODE_TEST_TARGET=desktop downloads desktop
// VS Code instead, for a workstation with internet access.
import { runTests } from '@vscode/test-electron';
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../harness/paths';
import { startCpuPressure } from '../harness/pressure';
import { makeScratchDir, removeScratchDir } from '../harness/processes';

const suiteSource = path.join(repoRoot, 'test', 'integration', 'suite');
const suiteOut = path.join(repoRoot, 'out', 'integration');
const fixtures = path.join(repoRoot, 'test', 'integration', 'fixtures');
/**
 * Each run opens its own fixture folder and runs the suite files meant for it (index.ts picks them
 * by HSG_INTEGRATION_SUITE): the routes tests need an OpenAPI document, whose drift would show in
 * every other test's files.
 */
const RUNS = [
  { suite: 'workspace', fixture: 'workspace' },
  { suite: 'routes', fixture: 'routes-app' },
] as const;
const host = path.join(repoRoot, 'test', 'integration', 'code-server-host');

/** Bundles index.ts and each *.test.ts on its own, so index.ts can hand mocha the test files. */
async function bundleSuite(): Promise<string> {
  const entryPoints = fs
    .readdirSync(suiteSource)
    .filter((file) => file === 'index.ts' || file.endsWith('.test.ts'))
    .map((file) => path.join(suiteSource, file));
  fs.rmSync(suiteOut, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outdir: suiteOut,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
    // Mocha's parallel mode (unused here) resolves worker files at run time.
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
  return path.join(suiteOut, 'index.js');
}

/** A scratch copy of a fixture workspace: tests edit documents, the repo stays clean. */
function copyWorkspace(fixture: string): string {
  const dir = makeScratchDir(path.join(os.tmpdir(), 'hsg-integration-'));
  const workspace = path.join(dir, fixture);
  fs.cpSync(path.join(fixtures, fixture), workspace, { recursive: true });
  return workspace;
}

async function main(): Promise<void> {
  const started = Date.now();
  // The extension under test is the repo itself: its dist/ must match the sources.
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  const extensionTestsPath = await bundleSuite();
  const desktop = process.env.VSCODE_TEST_TARGET === 'desktop';
  const stopPressure = startCpuPressure('integration');
  try {
    for (const run of RUNS) {
      const workspace = copyWorkspace(run.fixture);
      try {
        await runTests({
          ...(desktop ? {} : { vscodeExecutablePath: host }),
          extensionDevelopmentPath: repoRoot,
          extensionTestsPath,
          extensionTestsEnv: { HSG_INTEGRATION_SUITE: run.suite },
          launchArgs: [workspace, '--disable-extensions'],
        });
      } finally {
        removeScratchDir(path.dirname(workspace));
      }
    }
  } finally {
    await stopPressure();
    process.stderr.write(`[integration] finished in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
