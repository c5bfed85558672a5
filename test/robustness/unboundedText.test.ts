// Messages, fix titles and hovers never echo unbounded user text: code they quote is shortened.
// Every identifier a message quotes, and every string literal, is made huge in turn, and what the
// user sees must stay short. A line of 50,000+ characters makes a file "minified" (not analysed),
// so identifiers are 45,000 characters and strings 100 KB spread over lines; blank lines keep the
// average line short for the same reason. A 100 KB identifier on one line is checked as well.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as ts from 'typescript';
import { analyze, DEFAULT_OPTIONS } from '../../server/src/analysis';
import { RULE_IDS } from '../../server/src/analysis/rules';
import type { AnalysisOptions } from '../../server/src/analysis/types';
import { hoverAt } from '../../server/src/features/hover';
import { fullCorpus } from './support/corpus';
import { MAX_MESSAGE_LENGTH } from './support/features';

const PAD = 'Z';
const IDENTIFIER_PAD = PAD.repeat(45_000);
/** 100 KB of string content in lines of 80. */
const STRING_PAD = Array.from({ length: 1_250 }, () => PAD.repeat(79)).join('\n');
/** More of the pad than any quote may carry. */
const ECHO = new RegExp(`${PAD}{100}`);
const VARIANTS_PER_TEXT = 5;
const OPTIONS: AnalysisOptions = { ...DEFAULT_OPTIONS, rules: Object.fromEntries(RULE_IDS.map((id) => [id, 'warning'])) };

const withShortLines = (text: string): string => text + '\n'.repeat(Math.ceil(text.length / 100));

/** Identifiers inside the `code spans` of a text's messages: what the messages quote. */
function quotedIdentifiers(messages: readonly string[]): string[] {
  const spans = messages.flatMap((message) => [...message.matchAll(/`([^`]*)`/g)].map((match) => match[1]));
  return [...new Set(spans.flatMap((span) => span.match(/[A-Za-z_$][\w$]{2,}/g) ?? []))].slice(0, VARIANTS_PER_TEXT);
}

function stringLiterals(text: string): ts.StringLiteral[] {
  const found: ts.StringLiteral[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) && found.length < VARIANTS_PER_TEXT) found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX));
  return found;
}

/** Each variant lengthens one quoted identifier (every occurrence) or one string literal. */
function variants(text: string, messages: readonly string[]): string[] {
  const renamed = quotedIdentifiers(messages).map((name) => text.replace(new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g'), name + IDENTIFIER_PAD));
  // 'not found' stays at the start of the string, so heuristics on its words still apply.
  const lengthened = stringLiterals(text).map((literal) => `${text.slice(0, literal.getStart())}\`${literal.text.replace(/[`\\$]/g, '')}${STRING_PAD}\`${text.slice(literal.getEnd())}`);
  return [...renamed, ...lengthened].map(withShortLines);
}

function visibleText(text: string): string[] {
  const result = analyze(text, 'routes.ts', OPTIONS);
  const document = TextDocument.create('file:///routes.ts', 'typescript', 1, text);
  const hovers = result.statusRefs.map((ref) => hoverAt(document, result.statusRefs, document.positionAt(ref.range.start)));
  return [
    ...result.findings.map((finding) => finding.message),
    ...result.findings.flatMap((finding) => finding.fixes.map((fix) => fix.title)),
    ...hovers.map((hover) => (hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '')),
  ];
}

describe('unbounded user text', () => {
  it('is shortened in every message, fix title and hover', { timeout: 120_000 }, () => {
    let analysed = 0;
    let quotedShortened = 0;
    const echoes: string[] = [];
    const started = performance.now();
    for (const entry of fullCorpus()) {
      const original = analyze(entry.text, 'routes.ts', OPTIONS);
      if (original.findings.length === 0) continue;
      for (const variant of variants(entry.text, original.findings.map((finding) => finding.message))) {
        analysed++;
        for (const shown of visibleText(variant)) {
          if (ECHO.test(shown) || shown.length > MAX_MESSAGE_LENGTH * 10) echoes.push(`${entry.origin}: ${shown.slice(0, 300)}… (${shown.length} characters)`);
          else if (shown.includes(PAD.repeat(5))) quotedShortened++;
        }
      }
    }
    console.log(`unbounded text: ${analysed} variants in ${((performance.now() - started) / 1000).toFixed(1)} s; ${quotedShortened} messages quoted the long text, shortened`);
    assert.ok(analysed > 50, `only ${analysed} variants`);
    assert.ok(quotedShortened > 0, 'no message quoted a lengthened name: the variants miss what messages quote');
    assert.deepEqual(echoes.slice(0, 10), [], `${echoes.length} echoes of unbounded text`);
  });

  it('skips a file with a 100 KB identifier on one line without quoting it', () => {
    const text = `app.get('/x', (req, res) => {\n  if (!req.body.${PAD.repeat(100_000)}) return res.status(500).json({ error: 'missing' });\n  res.json({});\n});\n`;
    const result = analyze(text, 'routes.js', OPTIONS);
    assert.equal(result.skipped, 'minified');
    assert.deepEqual(result.findings, []);
  });
});
