// The one flow analysis (`facts/flow.ts`): what always exits, and what control can reach. Each
// row that says "was" is a place where one of the three analyses it replaced answered otherwise.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { alwaysExits, reaches } from '../../server/src/analysis/facts/flow';

function parse(code: string): ts.SourceFile {
  return ts.createSourceFile('case.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

/** The first statement of a loop body inside a function, so `break`, `continue` and `return` are all legal. */
function statementOf(code: string): ts.Statement {
  const file = parse(`function handler(req, res, next) {\n  for (const item of items) {\n    ${code}\n  }\n}`);
  const handler = file.statements[0] as ts.FunctionDeclaration;
  const loop = handler.body!.statements[0] as ts.ForOfStatement;
  return (loop.statement as ts.Block).statements[0];
}

/** The call `name()` in the code (`FROM()`, `TO()`). */
function callNamed(file: ts.SourceFile, name: string): ts.Node {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === name) found ??= node;
    ts.forEachChild(node, visit);
  };
  visit(file);
  assert.ok(found, `no ${name}() in the case`);
  return found;
}

const reachesIn = (code: string, options?: { acrossCallbacks?: boolean }) => {
  const file = parse(code);
  return reaches(callNamed(file, 'FROM'), callNamed(file, 'TO'), options);
};

describe('alwaysExits: control never falls through to the next statement', () => {
  const cases: [string, boolean][] = [
    ['return;', true],
    ['throw new Error("no");', true],
    // Was not an exit for branch tests: `if (!x) continue;` guards what follows in the loop as well as a return does.
    ['continue;', true],
    ['break;', true],
    ['process.exit(1);', true],
    // `next()` returns to the handler: the code after it runs.
    ['next(err);', false],
    ['res.status(404).json({ error: "No such user" });', false],
    ['{ res.status(400); return; }', true],
    // Was not an exit for branch tests (only the block's last statement counted): what follows a return never runs.
    ['{ return; log("never"); }', true],
    ['{ if (a) return; }', false],
    ['if (a) return; else throw new Error("b");', true],
    ['if (a) return;', false],
    ['if (a) { return; } else { log(a); }', false],
    // Was not an exit anywhere: a switch whose every path ends in a return or throw.
    ['switch (kind) { case "a": return 1; case "b": throw new Error("b"); default: return 0; }', true],
    ['switch (kind) { case "a": case "b": log(kind); default: return 0; }', true],
    ['switch (kind) { case "a": return 1; }', false],
    ['switch (kind) { case "a": break; default: return 0; }', false],
    ['switch (kind) { case "a": if (b) break; return 1; default: return 0; }', false],
    // A `continue` inside a switch leaves the switch for the loop: still an exit.
    ['switch (kind) { case "a": continue; default: return 0; }', true],
    ['switch (kind) { default: for (;;) { break; } return 0; }', true],
    ['found: { if (a) break found; return; }', false],
    ['found: { return; }', true],
    ['try { return load(); } finally { log("done"); }', true],
    ['try { log("start"); } finally { return; }', true],
    ['try { return load(); } catch (err) { log(err); }', false],
    ['try { return load(); } catch (err) { throw err; }', true],
    ['while (true) { return; }', false],
    ['const done = () => { return; };', false],
  ];
  for (const [code, expected] of cases) {
    it(`${expected ? 'exits' : 'falls through'}: ${code}`, () => assert.equal(alwaysExits(statementOf(code)), expected));
  }
});

describe('reaches: control leaving FROM() can reach TO() on one run', () => {
  const cases: [string, boolean][] = [
    ['FROM(); TO();', true],
    ['TO(); FROM();', false],
    ['FROM(); return; TO();', false],
    ['FROM(); if (a) return; TO();', true],
    // Was reached for the adapters' status merge (only a bare jump counted): both branches leave.
    ['FROM(); if (a) return; else throw new Error("b"); TO();', false],
    ['if (a) { FROM(); return; } TO();', false],
    ['if (a) { FROM(); } TO();', true],
    ['if (a) { FROM(); } else { TO(); }', false],
    // Was reached for the adapters (a ternary was not a branch): the other arm never runs after this one.
    ['const x = a ? FROM() : TO();', false],
    ['if (FROM()) { TO(); }', true],
    // Was not reached for the adapters: a `break` leaves the switch, and the code after it runs.
    ['switch (kind) { case "a": FROM(); break; } TO();', true],
    ['switch (kind) { case "a": FROM(); break; case "b": TO(); }', false],
    ['switch (kind) { case "a": FROM(); case "b": TO(); }', true],
    // Was reached for status-without-response, which read only blocks: a return in a case ends the path.
    ['switch (kind) { case "a": FROM(); return; } TO();', false],
    // Was not reached for the adapters: a `break` or `continue` out of a loop resumes after it.
    ['for (const x of xs) { FROM(); break; } TO();', true],
    ['for (const x of xs) { if (a) { FROM(); continue; } } TO();', true],
    // A `continue` back to the top of the loop that holds TO() skips it on this run.
    ['for (const x of xs) { if (a) { FROM(); continue; } TO(); }', false],
    ['for (const x of xs) { FROM(); break; TO(); }', false],
    ['outer: for (const x of xs) { for (const y of ys) { FROM(); break outer; } TO(); }', false],
    ['outer: for (const x of xs) { for (const y of ys) { FROM(); break outer; } } TO();', true],
    ['FROM(); process.exit(1); TO();', false],
    ['try { FROM(); } finally { TO(); }', true],
    // A throw ends the path: the catch is not followed.
    ['try { FROM(); throw new Error("x"); } catch (err) { TO(); }', false],
    // A callback runs some other time: its code does not flow into the code after it…
    ['items.forEach((item) => { FROM(); }); TO();', false],
    ['const later = () => { FROM(); TO(); };', true],
  ];
  for (const [code, expected] of cases) {
    it(`${expected ? 'reaches' : 'does not reach'}: ${code}`, () => assert.equal(reachesIn(code), expected));
  }
  // …unless the question is whether anything runs later wherever the callback runs (status-without-response).
  const acrossCallbacks: [string, boolean][] = [
    ['items.forEach((item) => { FROM(); }); TO();', true],
    // Was not reached for status-without-response: returning from the callback does not leave the handler.
    ['items.forEach((item) => { if (!item) { FROM(); return; } }); TO();', true],
    ['items.forEach((item) => { FROM(); }); return; TO();', false],
  ];
  for (const [code, expected] of acrossCallbacks) {
    it(`across callbacks, ${expected ? 'reaches' : 'does not reach'}: ${code}`, () => assert.equal(reachesIn(code, { acrossCallbacks: true }), expected));
  }
});
