// Fix-all: every preferred fix, one per response per pass, repeated until nothing changes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, DEFAULT_OPTIONS } from '../../server/src/analysis';
import { applyEdits, fixAll, minimalEdit } from '../../server/src/analysis/engine/fixAll';

const fix = (text: string): string => fixAll(text, 'case.js', DEFAULT_OPTIONS);

describe('fix-all', () => {
  it('one fix reveals the next: 200 → 201, then the Location header', () => {
    const text = "app.post('/users', async (req, res) => {\n  const user = await User.create(req.body);\n  res.status(200).json(user);\n});\n";
    assert.equal(fix(text), "app.post('/users', async (req, res) => {\n  const user = await User.create(req.body);\n  res.status(201).set('Location', `/users/${user.id}`).json(user);\n});\n");
  });

  it('changes the status first, so a 400 keeps its validation message', () => {
    const text = "app.post('/users', async (req, res) => {\n  try {\n    await schema.validate(req.body);\n  } catch (err) {\n    if (err instanceof ValidationError) {\n      return res.status(500).json({ error: err.message });\n    }\n  }\n});\n";
    assert.ok(fix(text).includes('return res.status(400).json({ error: err.message });'), fix(text));
  });

  it('keeps CRLF line endings and fixes every response in the file', () => {
    const text = "app.get('/admin', (req, res) => {\r\n  if (!req.headers.authorization) {\r\n    return res.status(403).json({ error: 'Sign in first' });\r\n  }\r\n  res.status(200).json({ success: false });\r\n});\r\n";
    const fixed = fix(text);
    assert.equal(fixed.replace(/\r\n/g, '').includes('\n'), false);
    assert.ok(fixed.includes("return res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Sign in first' });"), fixed);
    assert.ok(fixed.includes('res.status(400).json({ success: false });'), fixed);
  });

  it('leaves nothing to fix on a second run', () => {
    const text = "app.get('/a', (req, res) => {\n  res.json({ ok: false });\n});\napp.post('/b', async (req, res) => {\n  const item = await Item.create(req.body);\n  res.json(item);\n});\n";
    const once = fix(text);
    assert.notEqual(once, text);
    assert.equal(fix(once), once);
    assert.deepEqual(analyze(once, 'case.js').findings.filter((finding) => finding.fixes.some((f) => f.isPreferred)), []);
  });

  it('skips overlapping edits and expresses the result as one minimal edit', () => {
    assert.equal(applyEdits('abcdef', [{ start: 1, end: 3, newText: 'X' }, { start: 2, end: 4, newText: 'Y' }, { start: 5, end: 5, newText: 'Z' }]), 'aXdeZf');
    assert.deepEqual(minimalEdit('res.status(200).json(x)', 'res.status(201).json(x)'), { start: 13, end: 14, newText: '1' });
  });
});
