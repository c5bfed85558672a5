// Documents no one writes on purpose but an editor opens anyway: a 10 MB bundle on one line,
// 50,000-deep nesting, binary, odd code units and line endings, a BOM, nothing at all.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXPRESS_FIXTURES_DIR } from './corpus';
import { seeded } from './random';

export interface PathologicalCase {
  name: string;
  text: string;
  fileName: string;
  /** A line of `text` whose `299` must be reported at exactly this UTF-16 column, when set. */
  marker?: string;
  /**
   * Nesting near the parser's limit: whether it overflows depends on the stack left to the caller
   * (the bundled server has less than a test), so the server may publish nothing.
   */
  depthDependent?: boolean;
}

const FIXTURE = fs.readFileSync(path.join(EXPRESS_FIXTURES_DIR, 'orders-router.js'), 'utf8');
const DEPTH = 50_000;
const MINIFIED_UNIT = 'app.get("/a",(q,s)=>{s.status(200).json({success:!1,error:"x"})});';

/** A handler whose body nests `depth` times, one level per line (so it does not look minified). */
const nested = (open: string, inner: string, close: string, depth = DEPTH): string =>
  `app.get('/deep', (req, res) => res.status(299).json(\n${`${open}\n`.repeat(depth)}${inner}\n${`${close}\n`.repeat(depth)}));\n`;

function binary(bytes: number, seed: number): string {
  const random = seeded(seed);
  return Array.from({ length: bytes }, () => String.fromCharCode(random.int(256))).join('');
}

function withLineEndings(text: string, endings: readonly string[]): string {
  return text.split('\n').map((line, index) => line + endings[index % endings.length]).join('');
}

const EMOJI_LINE = "app.get('/e', (req, res) => { /* 🚀👩‍💻 𝒳 */ res.status(299).json({ ok: '🎉' }); });";
const SURROGATE_LINE = "app.get('/s', (req, res) => { const odd = '\uD800x\uDC00'; res.status(299).json({ odd }); });";
const BOM_LINE = "\uFEFFapp.get('/b', (req, res) => res.status(299).json({ ok: true }));";

export function pathologicalCases(): PathologicalCase[] {
  return [
    { name: '10 MB of minified code on one line', text: MINIFIED_UNIT.repeat(Math.ceil(10_000_000 / MINIFIED_UNIT.length)), fileName: 'bundle.js' },
    { name: `${DEPTH}-deep parentheses`, text: nested('(', '1', ')'), fileName: 'parens.js' },
    { name: `${DEPTH}-deep arrays`, text: nested('[', '1', ']'), fileName: 'arrays.ts' },
    { name: `${DEPTH}-deep callbacks`, text: nested('f(function () {', 'res.status(299).json({});', '})'), fileName: 'callbacks.js' },
    { name: '1,000-deep parentheses (near the parser limit)', text: nested('(', '1', ')', 1_000), fileName: 'parens-1000.js', depthDependent: true },
    // Under both "minified" tests (lines < 50,000, average < 400) and under maxFileSize: analysed.
    { name: '20 lines just short of the minified limit', text: `${FIXTURE}${`// ${'x'.repeat(49_990)}\n`.repeat(20)}${'\n'.repeat(3_000)}`, fileName: 'long-lines.js' },
    { name: 'NUL bytes between statements', text: FIXTURE.replace(/;\n/g, ';\0\n\0'), fileName: 'nul.js' },
    { name: '64 KB of binary after the code', text: `${FIXTURE}\n${binary(65_536, 9)}`, fileName: 'binary.js' },
    { name: 'astral characters before a finding', text: `${EMOJI_LINE}\n${FIXTURE}`, fileName: 'emoji.js', marker: EMOJI_LINE },
    { name: 'lone surrogates before a finding', text: `${FIXTURE}\n${SURROGATE_LINE}\n`, fileName: 'surrogates.js', marker: SURROGATE_LINE },
    { name: 'CRLF line endings', text: withLineEndings(FIXTURE, ['\r\n']), fileName: 'crlf.js', marker: '  res.status(299);' },
    { name: 'mixed line endings (LF, CRLF, CR)', text: withLineEndings(FIXTURE, ['\n', '\r\n', '\r']), fileName: 'mixed.js', marker: '  res.status(299);' },
    { name: 'a byte-order mark', text: `${BOM_LINE}\n${FIXTURE}`, fileName: 'bom.js', marker: BOM_LINE },
    { name: 'an empty file', text: '', fileName: 'empty.js' },
  ];
}

/** LSP positions computed independently of TextDocument: lines end at \r\n, \r or \n; columns count UTF-16 units. */
export function positionOf(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (const match of text.slice(0, offset).matchAll(/\r\n|\r|\n/g)) {
    line++;
    lineStart = match.index + match[0].length;
  }
  return { line, character: offset - lineStart };
}
