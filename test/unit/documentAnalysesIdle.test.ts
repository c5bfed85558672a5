// DocumentAnalyses' busy signal, which the workspace index waits on: busy from the end of an edit's
// debounce until its analysis is published, idle during the debounce (typing without pause must not
// stop background work), and whenIdle() resolves once the analysis is done.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentAnalyses } from '../../server/src/analyses';
import { settingsFrom } from '../../server/src/settings';
import { withTimeout } from '../lsp/serverProcess';

describe('DocumentAnalyses busy signal', () => {
  it('is idle during the debounce, busy from its end until the analysis is published, and whenIdle resolves after', async () => {
    const document = TextDocument.create('file:///w/app.js', 'javascript', 1, "app.get('/a', (req, res) => res.status(404).json({ error: 'x' }));\n");
    const published: number[] = [];
    let busyWhenPublished: boolean | undefined;
    const analyses: DocumentAnalyses = new DocumentAnalyses(
      {
        settingsFor: async () => settingsFrom({}),
        fileNameOf: () => '/w/app.js',
        publish: (_uri, version) => {
          if (version !== undefined) published.push(version);
          busyWhenPublished = analyses.busy;
        },
        log: () => undefined,
      },
      () => document,
    );
    analyses.schedule(document, true);
    assert.equal(analyses.busy, false, 'an edit whose debounce runs does not hold background work');
    const started = new Promise<void>((resolve) => {
      const check = (): void => (analyses.busy ? resolve() : void setTimeout(check, 5));
      check();
    });
    await withTimeout(started, 10_000, 'the debounce to end and the analysis to start');
    await withTimeout(analyses.whenIdle(), 10_000, 'whenIdle after the analysis');
    assert.deepEqual(published, [1]);
    assert.equal(busyWhenPublished, true, 'still busy while it publishes');
    assert.equal(analyses.busy, false);
  });
});
