// The knowledge layer is pure data: it may not reach into the editor, the protocol, or the
// layers that build on it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const KNOWLEDGE_DIR = join(import.meta.dirname, '../../server/src/knowledge');
const IMPORT_SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;
const FORBIDDEN = [/^vscode($|-)/, /\/analysis(\/|$)/, /\/features(\/|$)/];

function importsOf(source: string): string[] {
  return [...source.matchAll(IMPORT_SPECIFIER)].map((match) => match[1] ?? '');
}

describe('knowledge layer boundary', () => {
  const files = readdirSync(KNOWLEDGE_DIR, { recursive: true, encoding: 'utf8' }).filter((file) =>
    file.endsWith('.ts'),
  );

  it('finds the module files', () => {
    assert.ok(files.includes('index.ts'));
  });

  it('reads imports the way this check expects', () => {
    assert.deepEqual(importsOf(`import x from 'vscode';\nimport { y } from "../analysis/rules";`), [
      'vscode',
      '../analysis/rules',
    ]);
  });

  for (const file of files) {
    it(`${file} imports neither vscode nor analysis/ nor features/`, () => {
      const offending = importsOf(readFileSync(join(KNOWLEDGE_DIR, file), 'utf8')).filter((specifier) =>
        FORBIDDEN.some((pattern) => pattern.test(specifier)),
      );
      assert.deepEqual(offending, []);
    });
  }
});
