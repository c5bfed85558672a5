// A handler's readings take the handler's run of the walk's node list (`listedWithin`) instead of
// walking its subtree. For every node of a file, that run must hold exactly the subtree's nodes of
// the listed kinds, in walk order: with the list the analysis's walk made, and with the one a file
// read outside the analysis gets. Garbled texts bring the parser's empty (missing) nodes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { walkFile } from '../../server/src/analysis/engine/walk';
import { parse, parseEdited } from '../../server/src/analysis/engine/parse';
import { LISTED_KINDS, afterSubtree, fileIndexing, fileIndexOf, listedBefore, listedWithin, visitListed } from '../../server/src/analysis/facts/fileIndex';
import { EXPRESS, FASTIFY, MIDDLEWARE, NEST, NEXT } from './reuseFixtures';

const GARBLED = [
  "app.get('/x', (req, res) => { res.status( ; if (req.query) { return res.json({ a: 1 }) ",
  "import x from", // an empty module name at the declaration's very end
  'for (const',
  'function f(res) { return () => { throw new Error(', // unterminated: empty nodes at the very end
  "router.post('/a', async (req, res) => res.status(201).json(await (async () => { const x = req.body; return x; })()))",
  'const C = class { get x() { return res.send(1) } constructor(res) { res.status(500) } };;;)',
  '',
];

const TEXTS: [string, string][] = [
  ...Object.entries({ EXPRESS, FASTIFY, MIDDLEWARE, NEST, NEXT }).map(([name, text]): [string, string] => [name, text]),
  ...GARBLED.map((text, index): [string, string] => [`garbled ${index}`, text]),
];

function everyNode(root: ts.Node): ts.Node[] {
  const nodes: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    nodes.push(node);
    ts.forEachChild(node, visit);
  };
  visit(root);
  return nodes;
}

const listed = (nodes: readonly ts.Node[]): ts.Node[] => nodes.filter((node) => LISTED_KINDS.has(node.kind));
const named = (nodes: readonly ts.Node[]): string[] => nodes.map((node) => `${ts.SyntaxKind[node.kind]} ${node.pos}-${node.end}`);

/** The file parsed, with its list made by the analysis's walk, or left for `fileIndexOf` to make. */
function parsedWith(text: string, list: 'walk' | 'fallback'): ts.SourceFile {
  const sourceFile = parse(text, 'app.tsx');
  if (list === 'walk') {
    const indexing = fileIndexing();
    walkFile(sourceFile, indexing.parts, false);
    indexing.remember(sourceFile);
  }
  return sourceFile;
}

describe('listedWithin: a subtree is one run of the walk’s nodes', () => {
  for (const list of ['walk', 'fallback'] as const) {
    for (const [name, text] of TEXTS) {
      it(`${name}, list from the ${list}: every node's run is its subtree's listed nodes, in order`, () => {
        const sourceFile = parsedWith(text, list);
        const inList = new Set(fileIndexOf(sourceFile).nodes);
        for (const kind of LISTED_KINDS) assert.ok(everyNode(sourceFile).every((node) => node.kind !== kind || inList.has(node)), `every ${ts.SyntaxKind[kind]} is listed`);
        for (const node of everyNode(sourceFile)) {
          const expected = everyNode(node).filter((descendant) => inList.has(descendant));
          assert.deepEqual(named(listedWithin(node)), named(expected), `the run of ${ts.SyntaxKind[node.kind]} at ${node.pos}-${node.end}`);
          assert.deepEqual(listedWithin(node), expected);
        }
      });
    }
  }

  it('afterSubtree skips exactly a node’s descendants', () => {
    for (const [name, text] of TEXTS) {
      const sourceFile = parsedWith(text, 'walk');
      const nodes = fileIndexOf(sourceFile).nodes;
      nodes.forEach((node, index) => {
        const after = afterSubtree(nodes, index);
        const inList = new Set(nodes);
        const descendants = everyNode(node).slice(1).filter((descendant) => inList.has(descendant));
        assert.deepEqual(named(nodes.slice(index + 1, after)), named(descendants), `${name}: the descendants of ${ts.SyntaxKind[node.kind]} at ${node.pos}-${node.end}`);
      });
    }
  });

  it('visitListed leaves out the descendants of what it is told to skip, as a walk that does not enter them', () => {
    for (const [name, text] of TEXTS) {
      const sourceFile = parsedWith(text, 'walk');
      const inList = new Set(fileIndexOf(sourceFile).nodes);
      const expected: ts.Node[] = [];
      const walk = (node: ts.Node): void => {
        if (inList.has(node)) expected.push(node);
        if (!ts.isFunctionLike(node)) ts.forEachChild(node, walk);
      };
      ts.forEachChild(sourceFile, walk);
      const visited: ts.Node[] = [];
      visitListed(sourceFile, (node) => {
        visited.push(node);
        return ts.isFunctionLike(node) ? 'skip' : undefined;
      });
      assert.deepEqual(named(visited), named(expected), name);
    }
  });

  it('listedBefore keeps the nodes whose first token starts before the offset, as a walk that stops there would', () => {
    for (const [name, text] of TEXTS) {
      const sourceFile = parsedWith(text, 'walk');
      const inList = new Set(fileIndexOf(sourceFile).nodes);
      const roots = everyNode(sourceFile).filter((node) => ts.isBlock(node) || ts.isSourceFile(node));
      const offsets = [...new Set(everyNode(sourceFile).flatMap((node) => [node.pos, node.getStart(sourceFile), node.end]))];
      for (const root of roots) {
        for (const offset of offsets) {
          const expected: ts.Node[] = [];
          const visit = (node: ts.Node): void => {
            if (node.getStart(sourceFile) >= offset) return;
            if (inList.has(node)) expected.push(node);
            ts.forEachChild(node, visit);
          };
          ts.forEachChild(root, visit);
          assert.deepEqual(named(listedBefore(root, offset)), named(expected), `${name}: before ${offset} in ${ts.SyntaxKind[root.kind]} at ${root.pos}`);
        }
      }
    }
  });

  it('an expression statement and its call share a span: the call’s run does not start at the statement', () => {
    const sourceFile = parsedWith('f(g(1))', 'walk');
    const call = (sourceFile.statements[0] as ts.ExpressionStatement).expression as ts.CallExpression;
    assert.equal(call.pos, sourceFile.statements[0].pos);
    assert.equal(call.end, sourceFile.statements[0].end);
    assert.deepEqual(named(listed(listedWithin(call))), ['CallExpression 0-7', 'CallExpression 2-6']);
  });
});

describe('the index of an edited document', () => {
  /** The index's lists as kinds and spans, in order. */
  const shown = (sourceFile: ts.SourceFile) => {
    const index = fileIndexOf(sourceFile);
    return { nodes: named(index.nodes), strings: named(index.strings), properties: named(index.properties), modules: [...index.modules].sort() };
  };

  it('is what a fresh walk of the new text gathers, though kept statements hand their nodes on as one list each', () => {
    for (const [name, text] of Object.entries({ EXPRESS, FASTIFY, NEST })) {
      let before = text;
      let sourceFile = parse(before, 'app.ts');
      let indexing = fileIndexing();
      walkFile(sourceFile, indexing.parts, true);
      indexing.remember(sourceFile);
      // Edits that lengthen, shorten and rewrite a statement near the start, in the middle and at the end.
      for (const [at, cut, insert] of [[0.1, 0, "'x' + "], [0.5, 3, ''], [0.9, 1, "{ a: 'b', c }; require('./m');\n"], [0.3, 0, 'x']] as const) {
        const offset = before.indexOf('\n', Math.floor(before.length * at)) + 1;
        const after = before.slice(0, offset) + insert + before.slice(offset + cut);
        sourceFile = parseEdited(after, 'app.ts', { text: before, sourceFile });
        indexing = fileIndexing();
        walkFile(sourceFile, indexing.parts, true);
        indexing.remember(sourceFile);
        assert.deepEqual(shown(sourceFile), shown(parse(after, 'app.ts')), `${name}, edit at ${at}`);
        before = after;
      }
    }
  });
});
