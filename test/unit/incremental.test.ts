// Edits reparse incrementally from the previous version's tree; the findings must be exactly those
// of a fresh parse, whatever the edit.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/analysis';
import { parse, type PreviousParse } from '../../server/src/analysis/engine/parse';

const BASE = [
  "import { StatusCodes } from 'http-status-codes';",
  "app.post('/users', async (req, res) => {",
  '  if (!req.body.email) {',
  "    return res.status(500).json({ error: 'email is required' });",
  '  }',
  '  const user = await User.create(req.body);',
  '  res.status(StatusCodes.OK).json(user);',
  '});',
  "app.get('/users/:id', async (req, res) => {",
  '  const user = await User.findById(req.params.id);',
  "  if (!user) return res.status(200).json({ success: false, error: 'User not found' });",
  '  res.status(204).json(user);',
  '});',
].join('\n');

/** A small seeded generator, so a failure names the edit that caused it. */
function* edits(seed: number, count: number): Generator<(text: string) => string> {
  let state = seed;
  const next = (limit: number): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % limit;
  };
  const snippets = ['(', ')', '{', '}', '404', 'res.status(', ';', '\n', "'x'", 'await ', '.json({ ok: false })', ''];
  for (let index = 0; index < count; index++) {
    const at = next(1000);
    const length = next(6);
    const insert = snippets[next(snippets.length)];
    yield (text) => {
      const start = at % (text.length + 1);
      return text.slice(0, start) + insert + text.slice(Math.min(text.length, start + length));
    };
  }
}

describe('incremental parsing', () => {
  it('gives the same findings as a fresh parse over 300 random edits', () => {
    let text = BASE;
    let previous: PreviousParse = { text, sourceFile: parse(text, 'case.ts') };
    let step = 0;
    for (const edit of edits(7, 300)) {
      step++;
      const edited = edit(text);
      const incremental = analyze(edited, 'case.ts', undefined, previous);
      const fresh = analyze(edited, 'case.ts');
      const summary = (result: typeof fresh) => result.findings.map((finding) => `${finding.ruleId}@${finding.range.start}-${finding.range.end}`);
      assert.deepEqual(summary(incremental), summary(fresh), `edit ${step} gave different findings:\n${edited}`);
      assert.deepEqual(incremental.statusRefs, fresh.statusRefs, `edit ${step} gave different status references`);
      text = edited;
      previous = incremental.sourceFile ? { text, sourceFile: incremental.sourceFile } : { text, sourceFile: parse(text, 'case.ts') };
    }
  });
});
