// The file's style (`facts/style.ts`): the quote and semicolon habit read from a sample, the first
// 400 string literals and 400 statements in walk order. Each top-level statement's counts are kept
// while TypeScript reuses it, and the statement where the sample fills is walked node by node: the
// result must be the one a single walk that stops there gives, on fresh and on edited documents.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { parse, parseEdited } from '../../server/src/analysis/engine/parse';
import { detectStyle } from '../../server/src/analysis/facts/style';
import { seeded, type Random } from './seeded';

/** The definition: one walk in order, stopping at the node that fills both samples. */
function sampledHabits(sourceFile: ts.SourceFile): { quote: string; semicolons: boolean } {
  const text = sourceFile.text;
  let single = 0;
  let double = 0;
  let withSemicolon = 0;
  let withoutSemicolon = 0;
  const visit = (node: ts.Node): boolean => {
    if (ts.isStringLiteral(node)) {
      if (text[node.getStart()] === "'") single++;
      else double++;
    } else if (ts.isExpressionStatement(node) || ts.isVariableStatement(node) || ts.isReturnStatement(node)) {
      if (text[node.getEnd() - 1] === ';') withSemicolon++;
      else withoutSemicolon++;
    }
    if (single + double >= 400 && withSemicolon + withoutSemicolon >= 400) return true;
    return ts.forEachChild(node, visit) ?? false;
  };
  visit(sourceFile);
  return { quote: double > single ? '"' : "'", semicolons: withSemicolon >= withoutSemicolon };
}

/** A statement with `strings` literals in the quote given and inner statements ending as given. */
function statement(random: Random, index: number, quote: string, semicolon: string): string {
  const strings = Array.from({ length: random(13) }, (_, at) => `${quote}s${at}${quote}`).join(', ');
  const inner = Array.from({ length: random(7) }, (_, at) => `  const v${at} = [${strings}]${semicolon}`).join('\n');
  return random(4) === 0 ? `const top${index} = [${strings}]${semicolon}` : `app.get('/r${index}', (req, res) => {\n${inner}\n  return res.json({ ok: [${strings}] })${semicolon}\n})${semicolon}`;
}

/** Statements whose habits change part-way, so that where the sample stops decides the answer. */
function file(random: Random, statements: number): string {
  const turn = random(statements + 1);
  return Array.from({ length: statements }, (_, index) => statement(random, index, index < turn ? "'" : '"', index < turn === random(5) > 0 ? ';' : '')).join('\n');
}

const habits = (sourceFile: ts.SourceFile) => {
  const { quote, semicolons } = detectStyle(sourceFile);
  return { quote, semicolons };
};

describe('the style sample', () => {
  it('is what one walk that stops where both samples fill reads, on fresh files', () => {
    const random = seeded(5);
    for (let run = 0; run < 60; run++) {
      const sourceFile = parse(file(random, 1 + random(120)), 'app.js');
      assert.deepEqual(habits(sourceFile), sampledHabits(sourceFile), `run ${run}`);
    }
  });

  it('is the same on edited documents, whose unchanged statements keep their counts', () => {
    const random = seeded(9);
    for (let run = 0; run < 12; run++) {
      let text = file(random, 100);
      let sourceFile = parse(text, 'app.js');
      habits(sourceFile);
      for (let edit = 0; edit < 15; edit++) {
        // Swap one quote or drop one semicolon somewhere: the answer may change where the sample stops.
        const at = random(text.length);
        const next = text.indexOf(random(3) === 0 ? "'" : ';', at);
        if (next === -1) continue;
        const after = text.slice(0, next) + (text[next] === "'" ? '"' : '') + text.slice(next + 1);
        sourceFile = parseEdited(after, 'app.js', { text, sourceFile });
        text = after;
        assert.deepEqual(habits(sourceFile), sampledHabits(parse(text, 'app.js')), `run ${run}, edit ${edit}`);
      }
    }
  });
});
