// What a person reads: the hover for a status number and the cheat sheet.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CLIENT_ERROR_RETRY,
  escapeMarkdown,
  GUIDE_CODES,
  REGISTERED_CODES,
  renderCheatSheet,
  renderStatusMarkdown,
  RULES_OF_THUMB,
  SERVER_ERROR_RETRY,
  statusInfo,
} from '../../server/src/knowledge';

// A hover taller than this needs scrolling in VS Code's default hover size.
const MAX_GUIDE_HOVER_LINES = 12;
const MAX_OTHER_HOVER_LINES = 5;

const CLASS_LABEL = ['', '1xx informational', '2xx success', '3xx redirection', '4xx client error', '5xx server error'];

function lines(markdown: string): string[] {
  return markdown.split('\n');
}

describe('status hover', () => {
  for (const code of GUIDE_CODES) {
    it(`${code} shows title, meaning, retry and links within ${MAX_GUIDE_HOVER_LINES} lines`, () => {
      const info = statusInfo(code);
      assert.ok(info?.guide);
      const hover = renderStatusMarkdown(code);
      assert.ok(hover.startsWith(`**${code} ${info.phrase}**`), hover);
      assert.ok(lines(hover)[0]?.endsWith(`· ${CLASS_LABEL[Math.floor(code / 100)]}`), 'title names the class');
      assert.ok(hover.includes(info.meaning));
      assert.ok(hover.includes(info.guide.whenToUse));
      assert.ok(hover.includes(info.guide.mistake));
      assert.ok(hover.includes(info.retry));
      for (const link of info.links) assert.ok(hover.includes(`](${link.url})`), `links ${link.url}`);
      assert.ok(lines(hover).length <= MAX_GUIDE_HOVER_LINES, `${lines(hover).length} lines:\n${hover}`);
    });
  }

  it('names required headers, the missing body and confused codes', () => {
    assert.match(renderStatusMarkdown(429), /`Retry-After`: .*`X-RateLimit-Remaining`/);
    assert.match(renderStatusMarkdown(201), /`Location`/);
    assert.match(renderStatusMarkdown(204), /\*\*Body:\*\* none/);
    assert.doesNotMatch(renderStatusMarkdown(200), /\*\*Body:\*\*/);
    assert.match(renderStatusMarkdown(401), /403 Forbidden/);
    assert.match(renderStatusMarkdown(301), /308 Permanent Redirect/);
  });

  it('shows the former phrase next to the RFC 9110 one', () => {
    assert.ok(renderStatusMarkdown(422).startsWith('**422 Unprocessable Content** (formerly Unprocessable Entity)'));
    assert.ok(renderStatusMarkdown(413).startsWith('**413 Content Too Large** (formerly Payload Too Large)'));
  });

  it('keeps other registered codes to a title, a meaning and links', () => {
    for (const code of REGISTERED_CODES.filter((registered) => !GUIDE_CODES.includes(registered))) {
      const info = statusInfo(code);
      assert.ok(info);
      const hover = renderStatusMarkdown(code);
      assert.ok(hover.startsWith(`**${code} ${info.phrase}**`), hover);
      assert.ok(hover.includes(info.meaning));
      assert.ok(hover.includes(`](${info.links[0]?.url})`));
      assert.ok(lines(hover).length <= MAX_OTHER_HOVER_LINES, `${code}: ${lines(hover).length} lines`);
    }
  });

  it('says in one line that a number is not registered', () => {
    const hover = renderStatusMarkdown(599);
    assert.equal(lines(hover).length, 1);
    assert.match(hover, /^\*\*599\*\* is not a registered HTTP status code/);
    assert.match(hover, /500 Internal Server Error/, 'says how clients treat it');
    assert.match(renderStatusMarkdown(418), /I'm a Teapot/);
  });

  it('says in one line that a number is out of range, and what Express does with it', () => {
    const tooBig = renderStatusMarkdown(1000);
    assert.equal(lines(tooBig).length, 1);
    assert.match(tooBig, /^\*\*1000\*\* is outside 100–599/);
    assert.match(tooBig, /Express 5.*RangeError/);
    assert.match(renderStatusMarkdown(99), /RangeError/);
    assert.match(renderStatusMarkdown(600), /999/);
    assert.doesNotMatch(renderStatusMarkdown(600), /RangeError/, 'Express accepts 600');
    assert.match(renderStatusMarkdown(404.5), /not a whole number/);
  });
});

describe('cheat sheet', () => {
  const sheet = renderCheatSheet();

  it('has a row for every guide code with its phrase and when to use it', () => {
    for (const code of GUIDE_CODES) {
      const info = statusInfo(code);
      assert.ok(info?.guide);
      const row = lines(sheet).find((line) => line.startsWith(`| [${code}](`));
      assert.ok(row, `row for ${code}`);
      assert.ok(row.includes(`| ${info.phrase} |`), `${code} phrase`);
      assert.ok(row.includes(info.guide.whenToUse), `${code} when to use`);
    }
  });

  it('groups the codes by class, in order', () => {
    const headings = lines(sheet).filter((line) => line.startsWith('## '));
    const classHeadings = ['## 2xx success', '## 3xx redirection', '## 4xx client error', '## 5xx server error'];
    assert.deepEqual(headings.slice(0, 4), classHeadings);
    const rowCodes = lines(sheet)
      .map((line) => /^\| \[(\d{3})\]/.exec(line)?.[1])
      .filter((code): code is string => code !== undefined)
      .map(Number);
    assert.deepEqual(rowCodes, [...GUIDE_CODES].sort((a, b) => a - b));
  });

  it('states the retry rules and the rules of thumb', () => {
    assert.ok(sheet.includes(`**4xx:** ${CLIENT_ERROR_RETRY}`));
    assert.ok(sheet.includes(`**5xx:** ${SERVER_ERROR_RETRY}`));
    for (const rule of RULES_OF_THUMB) assert.ok(sheet.includes(rule.text), rule.id);
  });
});

describe('escapeMarkdown', () => {
  it('neutralises markup and links from user code', () => {
    const escaped = escapeMarkdown('res.status(404).json({ error: `*x*` }) [a](javascript:alert(1)) <img>');
    assert.equal(
      escaped,
      'res\\.status\\(404\\)\\.json\\(\\{ error: \\`\\*x\\*\\` \\}\\) \\[a\\]\\(javascript:alert\\(1\\)\\) \\<img\\>',
    );
  });

  it('keeps the text on one line', () => {
    assert.equal(escapeMarkdown('a\nb\r\nc'), 'a b c');
  });
});
