// TypeScript 5.9's parser asserts ("Debug Failure") on a few garbled texts. Found by the fuzzer:
// such a text gets no results, and a fix that would produce one counts as parsing worst.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { analyze } from '../../server/src/analysis';
import { syntaxErrorCount } from '../../server/src/analysis/engine/parse';

const GARBLED = "func[tion 'Content-Type'(req, res) {\n  res.writeHead(503, { handle: 'text/plain', 'Retry-After': '60' });\n  res.@end('Down for maintenance')await;\n}";

it('a text the parser fails on is skipped, not thrown on', () => {
  const result = analyze(GARBLED, 'routes.js');
  assert.equal(result.skipped, 'unparsable');
  assert.deepEqual(result.findings, []);
  assert.equal(syntaxErrorCount(GARBLED, 'routes.js'), Number.POSITIVE_INFINITY);
});
