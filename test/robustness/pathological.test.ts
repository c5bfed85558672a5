// Issue 9.2: pathological documents, in-process and through the spawned server. Each gets correct
// results or none, within a generous hang guard; the time each took is printed for the report. A
// document that overflows the parser's stack must not stop the server from serving the next one.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { analyze, DEFAULT_OPTIONS } from '../../server/src/analysis';
import { EXPRESS_FIXTURES_DIR } from './support/corpus';
import { emptyCounts, exerciseFeatures } from './support/features';
import { pathologicalCases, positionOf, type PathologicalCase } from './support/pathological';
import { seeded } from './support/random';
import { HANG_GUARD_MS, spawnedServerForSuite } from './support/session';

const FIXTURE = fs.readFileSync(path.join(EXPRESS_FIXTURES_DIR, 'orders-router.js'), 'utf8');
/** Each diagnostic's code action is parsed again after its fix: a few are enough here. */
const QUICK_FIX_LIMIT = 5;

/** The diagnostics the analysis implies, with positions computed independently of the server's. */
function expectedDiagnostics(entry: PathologicalCase) {
  return analyze(entry.text, entry.fileName).findings.map((finding) => ({
    code: finding.ruleId,
    message: finding.message,
    range: { start: positionOf(entry.text, finding.range.start), end: positionOf(entry.text, finding.range.end) },
  }));
}

const seen = (diagnostics: readonly Diagnostic[]) => diagnostics.map(({ code, message, range }) => ({ code, message, range }));

/** The marker line's `299` is reported at the UTF-16 column where the line has it. */
function assertMarker(entry: PathologicalCase, diagnostics: ReturnType<typeof seen>): void {
  if (!entry.marker) return;
  const line = entry.text.split(/\r\n|\r|\n/).indexOf(entry.marker);
  assert.ok(line >= 0, 'the marker line is in the text');
  const character = entry.marker.indexOf('299');
  assert.ok(
    diagnostics.some((diagnostic) => diagnostic.range.start.line === line && diagnostic.range.start.character === character),
    `no diagnostic at ${line}:${character} (${entry.name}); got ${JSON.stringify(diagnostics.map((diagnostic) => diagnostic.range.start))}`,
  );
}

describe('pathological documents in-process (analysis and every feature)', () => {
  for (const entry of pathologicalCases()) {
    it(entry.name, { timeout: HANG_GUARD_MS }, () => {
      const started = performance.now();
      const problems = exerciseFeatures(entry.text, entry.fileName, DEFAULT_OPTIONS, seeded(entry.text.length), emptyCounts(), QUICK_FIX_LIMIT);
      const elapsed = performance.now() - started;
      const result = analyze(entry.text, entry.fileName);
      console.log(`in-process: ${entry.name}: ${elapsed.toFixed(0)} ms, ${result.findings.length} findings${result.skipped ? `, skipped: ${result.skipped}` : ''}`);
      assert.deepEqual(problems, []);
      assertMarker(entry, expectedDiagnostics(entry));
    });
  }

  it('skips 10 MB on one line as minified even when maxFileSize lets it through', { timeout: HANG_GUARD_MS }, () => {
    const [minified] = pathologicalCases();
    const started = performance.now();
    const result = analyze(minified.text, minified.fileName, { ...DEFAULT_OPTIONS, maxFileSize: 50_000_000 });
    console.log(`in-process: ${minified.name} with maxFileSize 50 MB: ${(performance.now() - started).toFixed(0)} ms, skipped: ${result.skipped}`);
    assert.equal(result.skipped, 'minified');
  });
});

describe('pathological documents through the spawned server', () => {
  const suite = spawnedServerForSuite();

  pathologicalCases().forEach((entry, index) => {
    it(`${entry.name}: published correctly or empty, and the suite.server keeps serving`, { timeout: HANG_GUARD_MS }, async () => {
      const uri = `file:///project/pathological/${entry.fileName}`;
      const started = performance.now();
      const published = await suite.log.open(uri, entry.text);
      const elapsed = performance.now() - started;
      console.log(`suite.server: ${entry.name}: published ${published.diagnostics.length} diagnostics in ${elapsed.toFixed(0)} ms`);
      const expected = expectedDiagnostics(entry);
      if (!(entry.depthDependent && published.diagnostics.length === 0)) assert.deepEqual(seen(published.diagnostics), expected);
      assertMarker(entry, seen(published.diagnostics));
      await suite.log.close(uri);
      // The next ordinary document is analysed as usual.
      const next = `file:///project/after-${index}.js`;
      const after = await suite.log.open(next, FIXTURE);
      assert.deepEqual(seen(after.diagnostics), expectedDiagnostics({ name: 'fixture', text: FIXTURE, fileName: next }));
      await suite.log.close(next);
    });
  });

  it('logs one line for each skipped document, and stays alive', () => {
    assert.equal(suite.server.process.exitCode, null);
    assert.ok(suite.server.logs.some((line) => /Skipped .*bundle\.js: larger than httpStatusGuide\.maxFileSize/.test(line)), suite.server.logs.join('\n'));
    assert.ok(suite.server.logs.some((line) => /Skipped .*parens\.js: nested too deeply/.test(line)), suite.server.logs.join('\n'));
  });
});
