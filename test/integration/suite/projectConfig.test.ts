// The project config file in the extension host: VS Code's filled-in defaults must not override
// it (the client sends only what the user set), and a user setting still does.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, openFixtureCopy, setUserSetting, waitForNoRule, waitForRule } from './helpers';

describe('project config file', () => {
  const configFile = (): string => path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, '.httpstatusguiderc.json');
  afterEach(async () => {
    fs.rmSync(configFile(), { force: true });
    await setUserSetting('httpStatusGuide.enable', undefined);
    await closeAllEditors();
  });

  it('obeys the file over the manifest defaults, and a user setting over the file', async () => {
    const document = await openFixtureCopy('seeded.js');
    await waitForRule(document.uri, 'no-error-in-success');
    // "enable" defaults to true in the manifest: were defaults sent, the file could not turn it off.
    fs.writeFileSync(configFile(), '{\n  // the team turns the analysis off\n  "enable": false,\n}\n');
    await waitForNoRule(document.uri);
    await setUserSetting('httpStatusGuide.enable', true);
    await waitForRule(document.uri, 'no-error-in-success');
  });
});
