// Unsaved documents are analysed like files.
import * as assert from 'node:assert/strict';
import { closeAllEditors, openUntitled, waitForRule } from './helpers';

const SEEDED = `app.get('/x', (req, res) => {
  res.status(200).json({ success: false, error: 'x' });
});
`;

describe('untitled documents', () => {
  afterEach(closeAllEditors);

  for (const language of ['javascript', 'typescript']) {
    it(`reports the seeded mistake in an untitled ${language} document`, async () => {
      const document = await openUntitled(language, SEEDED);
      assert.equal(document.uri.scheme, 'untitled');
      await waitForRule(document.uri, 'no-error-in-success');
    });
  }
});
