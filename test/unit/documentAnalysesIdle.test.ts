// DocumentAnalyses' busy signal, which the workspace index waits on: busy from shortly before the end
// of an edit's debounce until its analysis is published, idle during the rest of the debounce (typing
// without pause must not stop background work), and whenIdle() resolves once the analysis is done.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEBOUNCE_GUARD_MS, DocumentAnalyses, EDIT_DEBOUNCE_MS } from '../../server/src/analyses';
import { settingsFrom } from '../../server/src/settings';
import { withTimeout } from '../lsp/serverProcess';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('DocumentAnalyses busy signal', () => {
  it('is idle early in the debounce, busy from shortly before its end until the analysis is published, and whenIdle resolves after', async () => {
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
    assert.equal(analyses.busy, false, 'an edit whose debounce has just begun does not hold background work');
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

  it('holds background work in the last DEBOUNCE_GUARD_MS of a debounce, before its analysis starts', async () => {
    // Busy before the timer fires: polled every millisecond until the analysis asks for its settings.
    // A loaded machine can skip the whole window once; it must be seen in one of five tries.
    let seen = false;
    for (let attempt = 0; attempt < 5 && !seen; attempt++) {
      const document = TextDocument.create('file:///w/app.js', 'javascript', 1, "app.get('/a', (req, res) => res.sendStatus(404));\n");
      let started = false;
      const analyses = new DocumentAnalyses(
        {
          settingsFor: async () => ((started = true), settingsFrom({})),
          fileNameOf: () => '/w/app.js',
          publish: () => undefined,
          log: () => undefined,
        },
        () => document,
      );
      const scheduled = performance.now();
      analyses.schedule(document, true);
      while (!started && !seen) {
        if (analyses.busy) {
          seen = true;
          assert.ok(performance.now() - scheduled >= EDIT_DEBOUNCE_MS - DEBOUNCE_GUARD_MS, 'not busy before the guard begins');
        }
        await sleep(1);
      }
      await withTimeout(analyses.whenIdle(), 10_000, 'whenIdle after the analysis');
      assert.equal(analyses.busy, false);
    }
    assert.equal(seen, true, 'busy within the guard, before the analysis started');
  });

  it('frees background work waiting in the guard when a keystroke pushes the debounce away', async () => {
    let freedEarly = false;
    for (let attempt = 0; attempt < 5 && !freedEarly; attempt++) {
      const document = TextDocument.create('file:///w/app.js', 'javascript', 1, "app.get('/a', (req, res) => res.sendStatus(404));\n");
      let started = false;
      let published!: () => void;
      const publishedOnce = new Promise<void>((resolve) => (published = resolve));
      const analyses = new DocumentAnalyses(
        {
          settingsFor: async () => ((started = true), settingsFrom({})),
          fileNameOf: () => '/w/app.js',
          publish: () => published(),
          log: () => undefined,
        },
        () => document,
      );
      analyses.schedule(document, true);
      await sleep(EDIT_DEBOUNCE_MS - DEBOUNCE_GUARD_MS + 5);
      // A loaded machine may have slept past the debounce: then the analysis holds the work; try again.
      if (!started && analyses.busy) {
        let freed = false;
        const waiting = analyses.whenIdle().then(() => (freed = true));
        // The next keystroke: a debounce that ends a full delay from now.
        analyses.schedule(document, true);
        await withTimeout(waiting, 10_000, 'the waiter to be freed');
        freedEarly = freed && !started;
      }
      await withTimeout(publishedOnce, 10_000, 'the analysis to be published');
      await withTimeout(analyses.whenIdle(), 10_000, 'whenIdle after the analysis');
    }
    assert.equal(freedEarly, true, 'the keystroke freed the waiter before any analysis started');
  });
});
