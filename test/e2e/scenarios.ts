// The scenarios a person would check by eye. Each opens its own fixture file, so
// they can run in any order in one window.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { BASE_SETTINGS, type Session } from './session';

const RULE = 'no-error-in-success';

export async function windowIsRestricted({ workbench }: Session): Promise<void> {
  await workbench.statusBar.getByText('Restricted Mode').waitFor({ timeout: 30_000 });
}

export async function hoverExplainsStatus({ workbench }: Session): Promise<void> {
  await workbench.openFile('hover.js');
  const text = await workbench.hover('404', '404 Not Found');
  assert.match(text, /404 Not Found/);
  await workbench.dismissHover();
}

export async function seededMistakeIsReported({ workbench }: Session): Promise<void> {
  await workbench.openFile('seeded.js');
  await workbench.expectSquiggle(true, 'seeded.js has a 200 with a failure body');
  const hover = await workbench.hover('200', RULE);
  assert.match(hover, /http-status\W*no-error-in-success/, `the squiggle's hover names source and rule: ${hover}`);
  await workbench.dismissHover();
  const rows = await workbench.problems(new RegExp(RULE));
  const row = rows.find((text) => text.includes(RULE));
  assert.ok(row, `no Problems entry for ${RULE}; rows: ${rows.join(' | ')}`);
  assert.match(row, /http-status\W*no-error-in-success/, `Problems entry: ${row}`);
}

export async function quickFixChangesStatus({ workbench }: Session): Promise<void> {
  await workbench.openFile('quickfix.js');
  await workbench.expectSquiggle(true, 'quickfix.js has a 200 with a failure body');
  const title = await workbench.applyQuickFix('200', /Change 200 to 4\d\d/);
  const chosen = /to (4\d\d)/.exec(title)?.[1];
  assert.ok(chosen, `unexpected quick-fix title: ${title}`);
  const text = await workbench.waitForEditorText(new RegExp(`res\\.status\\(${chosen}\\)\\.json`), `after choosing "${title}"`);
  assert.doesNotMatch(text, /status\(200\)/);
  await workbench.expectSquiggle(false, `after "${title}"`);
  await workbench.save();
}

export async function snippetIsInserted({ workbench }: Session): Promise<void> {
  await workbench.openFile('snippet.js');
  await workbench.typeOnNewLineAfter('order', 'http-404');
  const row = await workbench.suggestion('http-404');
  await row.click();
  const text = await workbench.waitForEditorText(/\b404\b/, 'after accepting the snippet');
  assert.doesNotMatch(text, /http-404/, 'the prefix should be replaced by the snippet body');
  await workbench.save();
}

async function changeUserSettings({ workbench, server }: Session, settings: Record<string, unknown>): Promise<void> {
  await workbench.editUserSettings(settings);
  const saved: unknown = JSON.parse(fs.readFileSync(server.userSettingsPath, 'utf8'));
  assert.deepEqual(saved, settings, 'settings.json on disk differs from what was pasted into its editor');
}

export async function ruleSettingTurnsDiagnosticOff(session: Session): Promise<void> {
  const { workbench } = session;
  await workbench.openFile('settings.js');
  await workbench.expectSquiggle(true, 'settings.js has a 200 with a failure body');
  await changeUserSettings(session, { ...BASE_SETTINGS, 'httpStatusGuide.rules': { [RULE]: 'off' } });
  await workbench.openFile('settings.js');
  await workbench.expectSquiggle(false, `with "${RULE}": "off" in the user settings`);
  // And back on, still without a reload.
  await changeUserSettings(session, BASE_SETTINGS);
  await workbench.openFile('settings.js');
  await workbench.expectSquiggle(true, `with "${RULE}" back to its default`);
}
