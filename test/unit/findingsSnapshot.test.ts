// Every finding and every fix on the test fixtures and on generated benchmark apps, compared with
// a committed snapshot. A change to the response model or a rule shows here as a diff to review
// line by line (only new, true findings may appear); `HSG_UPDATE_SNAPSHOT=1` rewrites the file.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import { generateApp } from '../../bench/generate';
import { analyze, DEFAULT_OPTIONS } from '../../server/src/analysis';
import type { Finding } from '../../server/src/analysis/types';

const ROOT = path.join(__dirname, '..', '..');
const SNAPSHOT = path.join(ROOT, 'test', 'snapshots', 'findings.snap');
const FIXTURE_FOLDERS = ['test/fixtures/express', 'test/fixtures/hono', 'test/e2e/fixtures/workspace', 'test/integration/fixtures/workspace'];
/** Seeded apps of the benchmark, small enough to review by hand. */
const GENERATED = [
  { seed: 1, lines: 1_500 },
  { seed: 2, lines: 1_500 },
];

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `${line}:${offset - before.lastIndexOf('\n')}`;
}

function describeFinding(text: string, finding: Finding): string[] {
  const where = `${lineAndColumn(text, finding.range.start)}-${lineAndColumn(text, finding.range.end)}`;
  const lines = [`  ${where} ${finding.ruleId} [${finding.severity}] «${text.slice(finding.range.start, finding.range.end)}» ${finding.message}`];
  for (const fix of finding.fixes) {
    const edits = fix.edits.map((edit) => `${lineAndColumn(text, edit.start)}-${lineAndColumn(text, edit.end)} ${JSON.stringify(edit.newText)}`);
    lines.push(`    fix${fix.isPreferred ? '*' : ''} ${fix.title}: ${edits.join('; ')}`);
  }
  return lines;
}

function snapshotOf(name: string, text: string): string[] {
  const findings = analyze(text, name, DEFAULT_OPTIONS).findings;
  return [`${name} (${findings.length})`, ...findings.flatMap((finding) => describeFinding(text, finding))];
}

function currentSnapshot(): string {
  const lines: string[] = [];
  for (const folder of FIXTURE_FOLDERS) {
    for (const file of fs.readdirSync(path.join(ROOT, folder)).filter((name) => /\.[cm]?[jt]sx?$/.test(name)).sort()) {
      lines.push(...snapshotOf(`${folder}/${file}`, fs.readFileSync(path.join(ROOT, folder, file), 'utf8')));
    }
  }
  for (const { seed, lines: size } of GENERATED) lines.push(...snapshotOf(`generated-app-seed-${seed}.js`, generateApp(size, seed).text));
  return `${lines.join('\n')}\n`;
}

it('findings and fixes on the fixtures and generated apps match the reviewed snapshot', () => {
  const current = currentSnapshot();
  if (process.env.HSG_UPDATE_SNAPSHOT === '1') fs.writeFileSync(SNAPSHOT, current);
  assert.ok(fs.existsSync(SNAPSHOT), `no snapshot yet: run HSG_UPDATE_SNAPSHOT=1 npm run test:unit`);
  assert.equal(current, fs.readFileSync(SNAPSHOT, 'utf8'), 'findings changed: review the diff, then HSG_UPDATE_SNAPSHOT=1 npm run test:unit');
});
