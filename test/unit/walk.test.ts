// The file's one walk (`engine/walk.ts`). For an edited document it keeps, per statement and per
// reader, the nodes the reader took; the next walk hands those back instead of walking the statement.
// Every reader must then meet exactly what a fresh walk of the new tree would hand it, in the same
// order, and a kept statement's other nodes must not be offered again.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { parse, parseEdited } from '../../server/src/analysis/engine/parse';
import { walkFile, type WalkReader } from '../../server/src/analysis/engine/walk';
import { EXPRESS, FASTIFY } from './reuseFixtures';

/** The kinds the readers below are offered: every one they take, and some they do not. */
const KINDS: ReadonlySet<ts.SyntaxKind> = new Set([ts.SyntaxKind.SourceFile, ts.SyntaxKind.CallExpression, ts.SyntaxKind.ReturnStatement, ts.SyntaxKind.VariableDeclaration, ts.SyntaxKind.ArrowFunction, ts.SyntaxKind.StringLiteral, ts.SyntaxKind.Parameter]);

/** What a reader met: each node as kind, span and text, with whether its statement was checked. */
type Met = string[];

/** Readers that take calls, returns (all at once), every node, and calls with numbers in checked statements only. */
function recordingReaders(): { readers: WalkReader[]; met: Map<string, Met>; offered: Map<string, ts.Node[]> } {
  const met = new Map<string, Met>();
  const offered = new Map<string, ts.Node[]>();
  const note = (key: string, node: ts.Node, inChecked: boolean): void => {
    const list = met.get(key) ?? [];
    list.push(`${ts.SyntaxKind[node.kind]} ${node.pos}-${node.end} ${inChecked ? 'checked' : 'kept'} ${node.getText().slice(0, 40)}`);
    met.set(key, list);
  };
  /** Takes what `takes` says; what it records (its effect) is what `records` says, all it takes by default. */
  const reader = (key: string, takes: (node: ts.Node, inChecked: boolean) => boolean, options: { bulk?: boolean; records?: (node: ts.Node, inChecked: boolean) => boolean; kinds?: ReadonlySet<ts.SyntaxKind> } = {}): WalkReader => ({
    key,
    kinds: options.kinds ?? KINDS,
    read: (node, inChecked) => {
      offered.set(key, [...(offered.get(key) ?? []), node]);
      if (!takes(node, inChecked)) return false;
      if (!ts.isSourceFile(node) && (options.records?.(node, inChecked) ?? true)) note(key, node, inChecked);
      return true;
    },
    ...(options.bulk ? { readTaken: (nodes: readonly ts.Node[], inChecked: boolean) => nodes.forEach((node) => note(key, node, inChecked)) } : {}),
  });
  const hasNumber = (node: ts.Node): boolean => ts.isCallExpression(node) && node.arguments.some((argument) => ts.isNumericLiteral(argument));
  const readers = [
    reader('calls', (node) => ts.isCallExpression(node)),
    reader('returns', (node) => ts.isReturnStatement(node), { bulk: true }),
    reader('everything', () => true),
    reader('strings', () => true, { kinds: new Set([ts.SyntaxKind.StringLiteral]) }),
    // As status positions: records only in checked statements, and takes every candidate where it does not look.
    reader('numbers', (node, inChecked) => (inChecked ? hasNumber(node) : ts.isCallExpression(node)), { records: (node, inChecked) => inChecked && hasNumber(node) }),
  ];
  return { readers, met, offered };
}

/** The text with its `occurrence`th status-like number changed, and where. */
function withStatusChanged(text: string, occurrence: number, to: string): { text: string; at: number } {
  const found = [...text.matchAll(/\b[1-5]\d\d\b/g)][occurrence];
  assert.ok(found?.index !== undefined, `no status number ${occurrence}`);
  return { text: text.slice(0, found.index) + to + text.slice(found.index + 3), at: found.index };
}

/** The top-level statement an offset lies in. */
function statementAt(sourceFile: ts.SourceFile, offset: number): ts.Statement | undefined {
  return sourceFile.statements.find((statement) => statement.pos <= offset && offset < statement.end);
}

describe('the walk of an edited document', () => {
  for (const [name, text] of [
    ['Express', EXPRESS],
    ['Fastify', FASTIFY],
  ] as const) {
    it(`hands each reader of ${name} what a fresh walk would, in order, after edits`, () => {
      let before: string = text;
      let sourceFile = parse(before, 'app.ts');
      walkFile(sourceFile, recordingReaders().readers, true);
      const edits: [number, string][] = [
        [0, '401'],
        [2, '500'],
        [1, 'NOT_FOUND'],
        [0, '200'],
      ];
      for (const [step, [occurrence, to]] of edits.entries()) {
        const { text: after, at } = withStatusChanged(before, occurrence, to);
        const reusable = new Set<ts.Node>(sourceFile.statements);
        const edited = parseEdited(after, 'app.ts', { text: before, sourceFile });
        const changed = statementAt(edited, at);
        if (!changed) throw new Error(`step ${step}: the edit lies in no statement`);
        // The changed statement and every other one are checked, by position, in both trees.
        const checkedAt = new Set([changed.pos, ...edited.statements.filter((_, index) => index % 2 === 0).map((statement) => statement.pos)]);
        const checked = (statement: ts.Statement): boolean => checkedAt.has(statement.pos);
        const kept = recordingReaders();
        // A reader the kept statements have not met (the frameworks changed) walks them.
        const other = recordingReaders();
        const newcomer: WalkReader = { ...other.readers[0], key: `calls, new at step ${step}` };
        walkFile(edited, [...kept.readers, newcomer], true, checked);
        const fresh = recordingReaders();
        walkFile(parse(after, 'app.ts'), fresh.readers, false, checked);
        for (const [key, list] of fresh.met) assert.deepEqual(kept.met.get(key), list, `step ${step}: reader "${key}" met other nodes`);
        for (const walked of [kept, fresh]) assert.ok(walked.offered.get('strings')?.every((node) => ts.isStringLiteral(node)), `step ${step}: a reader was offered a kind it does not read`);
        assert.ok((fresh.met.get('numbers')?.length ?? 0) > 0 && (fresh.met.get('returns')?.length ?? 0) > 0, 'the fixture has what the readers take');
        // In the statements TypeScript reused, a reader is offered only what it took before; one that reads them all at once, nothing.
        const inReused = (node: ts.Node): boolean => !ts.isSourceFile(node) && reusable.has(statementAt(edited, node.pos) as ts.Node);
        const outside = (key: string): ts.Node[] => (kept.offered.get(key) ?? []).filter(inReused);
        assert.ok(outside('calls').length > 0, `step ${step}: the kept statements' calls were offered`);
        for (const node of outside('calls')) assert.ok(ts.isCallExpression(node), `step ${step}: a kept statement offered a ${ts.SyntaxKind[node.kind]} again`);
        assert.deepEqual(outside('returns'), [], `step ${step}: kept returns were offered one by one`);
        const newcomerOutside = (other.offered.get('calls') ?? []).filter(inReused);
        assert.ok(newcomerOutside.some((node) => !ts.isCallExpression(node)), `step ${step}: the newcomer did not walk the kept statements`);
        assert.deepEqual(other.met.get('calls'), fresh.met.get('calls'), `step ${step}: the newcomer met other calls`);
        // The same readers again: every statement, the changed one too, hands on what it kept.
        const again = recordingReaders();
        walkFile(edited, [...again.readers, { ...recordingReaders().readers[0], key: newcomer.key }], true, checked);
        for (const [key, list] of fresh.met) assert.deepEqual(again.met.get(key), list, `step ${step}: reader "${key}" met other nodes in a walk by the same readers`);
        assert.deepEqual((again.offered.get('returns') ?? []).filter((node) => !ts.isSourceFile(node)), [], `step ${step}: returns were offered one by one in a walk by the same readers`);
        before = after;
        sourceFile = edited;
      }
    });
  }

  it('keeps nothing for a file read once', () => {
    const sourceFile = parse(EXPRESS, 'app.ts');
    walkFile(sourceFile, recordingReaders().readers, false);
    const again = recordingReaders();
    walkFile(sourceFile, again.readers, true);
    const everything = again.offered.get('everything') ?? [];
    assert.ok(everything.some((node) => ts.isIdentifier(node) === false && !ts.isCallExpression(node) && !ts.isSourceFile(node)), 'the second walk walked the statements');
  });
});
