// Edits reparse incrementally from the previous version's tree; the findings must be exactly those
// of a fresh parse, whatever the edit.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/analysis';
import { editSpan, parse, type EditSpan, type PreviousParse } from '../../server/src/analysis/engine/parse';

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

describe('the span an edit changed', () => {
  /** The definition: the longest common prefix, then the longest common suffix that does not overlap it. */
  const naive = (before: string, after: string): EditSpan => {
    const shorter = Math.min(before.length, after.length);
    let prefix = 0;
    while (prefix < shorter && before[prefix] === after[prefix]) prefix++;
    let suffix = 0;
    while (suffix < shorter - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
    return { prefix, suffix };
  };

  it('is the longest common prefix and the longest suffix that does not overlap it, over edits of every size and place', () => {
    let state = 3;
    const next = (limit: number): number => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % limit;
    };
    const base = BASE.repeat(400);
    for (let step = 0; step < 400; step++) {
      const before = base.slice(0, next(base.length + 1));
      const start = next(before.length + 1);
      // Lengths around the chunk sizes the comparison steps by, and insertions that repeat the text around them.
      const removed = [0, 1, 3, 4, 15, 16, 17, 255, 256, 4095, 4096, 4097, 9000][next(13)];
      const inserted = [before.slice(start, start + next(5000)), 'x', '', before.slice(Math.max(0, start - 64), start)][next(4)];
      const after = before.slice(0, start) + inserted + before.slice(Math.min(before.length, start + removed));
      assert.deepEqual(editSpan(before, after), naive(before, after), `step ${step}: ${before.length} → ${after.length} characters, at ${start}`);
    }
  });

  it('is the whole text when nothing changed, and nothing when one text is empty', () => {
    const text = BASE.repeat(50);
    assert.deepEqual(editSpan(text, text), { prefix: text.length, suffix: 0 });
    assert.deepEqual(editSpan('', text), { prefix: 0, suffix: 0 });
    assert.deepEqual(editSpan(text, ''), { prefix: 0, suffix: 0 });
    assert.deepEqual(editSpan(`${text}!`, text), { prefix: text.length, suffix: 0 });
    assert.deepEqual(editSpan(`!${text}`, text), { prefix: 0, suffix: text.length });
  });
});
