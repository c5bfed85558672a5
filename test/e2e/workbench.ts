// What a person does in the code-server window, as Playwright steps: open a
// file, hover a word, open the Problems panel, pick from the Ctrl+. menu, accept
// a suggestion. Every step waits for a DOM state with a timeout, never a sleep.
import type { Locator, Page } from 'playwright-core';

const STEP_MS = 30_000;
/** How long one try of a gesture (hover, Ctrl+.) may take to show its result. */
const GESTURE_MS = 10_000;
const GESTURE_ATTEMPTS = 3;
/** A window's first hover can come before its language server answers: 28 s once on a loaded machine. */
const HOVER_ATTEMPTS = 6;

/** Waits one gesture's time for the locator; says so on stderr when it has to give up. */
async function appears(locator: Locator, gesture: string): Promise<boolean> {
  try {
    await locator.waitFor({ timeout: GESTURE_MS });
    return true;
  } catch {
    process.stderr.write(`[e2e] ${gesture}: nothing after ${GESTURE_MS / 1000} s, trying again\n`);
    return false;
  }
}

/** A row of a tree view as a person reads it. */
export interface TreeRow {
  label: string;
  description: string;
}

/** Rows as one line for failure messages: "GET /api (200 · 404) | …". */
export const describeRows = (rows: readonly TreeRow[]): string =>
  rows.map(({ label, description }) => (description ? `${label} (${description})` : label)).join(' | ') || 'nothing';

/** Monaco renders spaces as no-break spaces. */
const plain = (text: string): string => text.replace(/\u00a0/g, ' ');

export class Workbench {
  constructor(readonly page: Page) {}

  /** Loads the workbench and waits until the explorer lists the opened folder. */
  static async open(page: Page, url: string, folderName: string): Promise<Workbench> {
    await page.goto(url);
    await page.locator('.part.sidebar .pane-header h3.title', { hasText: folderName }).first().waitFor({ timeout: 60_000 });
    return new Workbench(page);
  }

  /** The editor of the active editor group (the code editor, not inputs or panels). */
  get editor(): Locator {
    return this.page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
  }

  get statusBar(): Locator {
    return this.page.locator('#workbench\\.parts\\.statusbar');
  }

  /** Opens a workspace file with Quick Open (Ctrl+P), as a person would. */
  async openFile(name: string): Promise<void> {
    // Exactly that file: typing "settings.js" also lists settings.json.
    const row = this.page
      .locator('.quick-input-widget .monaco-list-row')
      .filter({ has: this.page.locator('.label-name').getByText(name, { exact: true }) })
      .first();
    // The list re-sorts while results stream in, so a click can land on a neighbour: try again.
    for (let attempt = 1; attempt <= GESTURE_ATTEMPTS; attempt++) {
      await this.closeWidgets();
      await this.page.keyboard.press('Control+P');
      await this.page.locator('.quick-input-widget input').waitFor({ timeout: STEP_MS });
      await this.page.keyboard.type(name);
      await row.click({ timeout: STEP_MS });
      if (await appears(this.activeTab(name), `Quick Open ${name}`)) {
        await this.editor.locator('.view-lines').waitFor({ timeout: STEP_MS });
        return;
      }
    }
    throw new Error(`Quick Open did not open ${name}`);
  }

  activeTab(fileName: string): Locator {
    return this.page.locator(`.editor-group-container.active .tab.active[data-resource-name="${fileName}"]`);
  }

  /** Closes menus, hovers and suggestion lists a previous step may have left open. */
  async closeWidgets(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Escape');
  }

  /** Runs a command by its title from the Command Palette (F1). */
  async runCommand(title: string): Promise<void> {
    await this.closeWidgets();
    await this.page.keyboard.press('F1');
    const quickInput = this.page.locator('.quick-input-widget');
    await quickInput.locator('input').waitFor({ timeout: STEP_MS });
    await this.page.keyboard.type(title);
    await quickInput.locator('.monaco-list-row', { hasText: title }).first().waitFor({ timeout: STEP_MS });
    await this.page.keyboard.press('Enter');
  }

  /** A token of the editor's text, e.g. the `404` of `res.status(404)`. */
  token(text: string): Locator {
    return this.editor.locator('.view-lines').getByText(text, { exact: true }).first();
  }

  async editorText(): Promise<string> {
    return plain(await this.editor.locator('.view-lines').innerText());
  }

  async waitForEditorText(pattern: RegExp, what: string): Promise<string> {
    const lines = this.editor.locator('.view-lines');
    try {
      await lines.filter({ hasText: pattern }).waitFor({ timeout: STEP_MS });
    } catch {
      throw new Error(`${what}: the editor never matched ${pattern}; it shows:\n${await this.editorText()}`);
    }
    return this.editorText();
  }

  /** Waits until the active editor shows a warning squiggle, or none; `why` goes into the failure message. */
  async expectSquiggle(present: boolean, why: string): Promise<void> {
    const squiggle = this.editor.locator('.view-overlays .squiggly-warning').first();
    try {
      await squiggle.waitFor({ state: present ? 'visible' : 'detached', timeout: STEP_MS });
    } catch {
      throw new Error(`${why}: expected ${present ? 'a' : 'no'} warning squiggle; the editor shows:\n${await this.editorText()}`);
    }
  }

  /** Hovers the token and resolves with the hover's text once it contains `expected`. */
  async hover(token: string, expected: string | RegExp): Promise<string> {
    const hover = this.page.locator('.monaco-hover:not(.hidden)', { hasText: expected }).first();
    // A hover asked for before the language server is up stays empty; a person moves the mouse again.
    for (let attempt = 1; attempt <= HOVER_ATTEMPTS; attempt++) {
      await this.page.mouse.move(0, 0);
      await this.token(token).hover();
      if (await appears(hover, `hover over ${token}`)) return plain(await hover.innerText());
    }
    const shown = await this.page.locator('.monaco-hover:not(.hidden)').allInnerTexts();
    throw new Error(`hovering "${token}" never showed ${String(expected)}; hovers shown: ${shown.map(plain).join(' | ') || 'none'}`);
  }

  /** Moves the mouse away and closes any hover. */
  async dismissHover(): Promise<void> {
    await this.page.mouse.move(0, 0);
    await this.page.keyboard.press('Escape');
    await this.page.locator('.monaco-hover:not(.hidden)').waitFor({ state: 'detached', timeout: STEP_MS });
  }

  /** Opens the Problems panel and returns its rows' texts once one matches `expected`. */
  async problems(expected: RegExp): Promise<string[]> {
    await this.runCommand('View: Focus Problems');
    const panel = this.page.locator('.markers-panel');
    try {
      await panel.locator('.monaco-list-row', { hasText: expected }).first().waitFor({ timeout: STEP_MS });
    } catch {
      const shown = (await panel.count()) > 0 ? (await panel.innerText()).trim() : 'no Problems panel';
      throw new Error(`the Problems panel never listed ${expected}; it shows: ${shown || 'nothing'}`);
    }
    return (await panel.locator('.monaco-list-row').allInnerTexts()).map(plain);
  }

  /**
   * Puts the cursor on the token and opens the Ctrl+. menu until it lists `entry`;
   * returns the entry's row.
   */
  async openQuickFixMenu(token: string, entry: RegExp): Promise<Locator> {
    const menu = this.page.locator('.action-widget:not(.action-list-submenu-panel)');
    const row = menu.locator('.monaco-list-row.action', { hasText: entry }).first();
    // The menu sometimes closes as soon as it opens, when the editor refreshes its code
    // actions (TypeScript reporting in): a person presses Ctrl+. again.
    for (let attempt = 1; attempt <= GESTURE_ATTEMPTS; attempt++) {
      await this.page.keyboard.press('Escape');
      await this.token(token).click();
      await this.page.keyboard.press('Control+.');
      if (await appears(row, `Ctrl+. on ${token}`)) return row;
    }
    const listed = await menu.locator('.monaco-list-row').allInnerTexts();
    throw new Error(`the Ctrl+. menu on "${token}" never listed ${entry}; it listed: ${listed.map(plain).join(' | ') || 'nothing'}`);
  }

  /** Picks `entry` from the Ctrl+. menu on the token; returns the entry's title. */
  async applyQuickFix(token: string, entry: RegExp): Promise<string> {
    const row = await this.openQuickFixMenu(token, entry);
    const title = plain(await row.innerText());
    await row.click();
    return title;
  }

  /** Types `text` at the end of the line holding `anchor`, on a new line below it. */
  async typeOnNewLineAfter(anchor: string, text: string): Promise<void> {
    await this.token(anchor).click();
    await this.page.keyboard.press('End');
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.type(text);
  }

  /** Waits for the suggestion list to offer `label` (asking with Ctrl+Space if it does not) and returns its row. */
  async suggestion(label: string): Promise<Locator> {
    const widget = this.page.locator('.editor-widget.suggest-widget');
    const row = widget.locator('.monaco-list-row', { hasText: label }).first();
    for (let attempt = 1; attempt <= GESTURE_ATTEMPTS; attempt++) {
      if (await appears(row, `suggestions for ${label}`)) return row;
      await this.page.keyboard.press('Escape');
      await this.page.keyboard.press('Control+Space');
    }
    const offered = await widget.locator('.monaco-list-row').allInnerTexts();
    throw new Error(`the suggestions never offered ${label}; offered: ${offered.map(plain).join(' | ') || 'nothing'}`);
  }

  /** Expands a side bar view by a click on its header, as a person would, and returns its pane. */
  async openView(name: string): Promise<Locator> {
    await this.closeWidgets();
    const header = this.page.locator('.pane-header', { has: this.page.locator('h3.title', { hasText: name }) }).first();
    await header.waitFor({ timeout: STEP_MS });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    const pane = this.page.locator('.pane', { has: header });
    try {
      await pane.locator('.pane-body').waitFor({ timeout: STEP_MS });
    } catch {
      throw new Error(`the ${name} view did not open: its header says aria-expanded=${await header.getAttribute('aria-expanded')}`);
    }
    return pane;
  }

  /** A tree view's rows as they read: label and description, at one nesting level (1: top) or all. */
  async treeRows(pane: Locator, level?: number): Promise<TreeRow[]> {
    const rows = await pane.locator(level === undefined ? '.monaco-list-row' : `.monaco-list-row[aria-level="${level}"]`).all();
    return Promise.all(rows.map(async (row) => {
      const description = row.locator('.label-description');
      return {
        label: plain(await row.locator('.label-name').innerText()),
        description: (await description.count()) > 0 ? plain(await description.innerText()) : '',
      };
    }));
  }

  /** Waits for the tree row whose label is exactly `label`; `what` says why it should be there. */
  async treeRow(pane: Locator, label: string, what: string, timeout = STEP_MS): Promise<Locator> {
    const row = pane.locator('.monaco-list-row').filter({ has: this.page.locator('.label-name').getByText(label, { exact: true }) }).first();
    try {
      await row.waitFor({ timeout });
    } catch {
      throw new Error(`${what}: no row "${label}" after ${timeout / 1000} s; the view shows: ${describeRows(await this.treeRows(pane))}`);
    }
    return row;
  }

  /** Expands a tree row, if it is not already, by its twistie (a click on the label runs the row's command instead). */
  async expandTreeRow(row: Locator): Promise<void> {
    if ((await row.getAttribute('aria-expanded')) === 'true') return;
    await row.locator('.monaco-tl-twistie').click();
    await row.and(this.page.locator('[aria-expanded="true"]')).waitFor({ timeout: STEP_MS });
  }

  /** Waits until the status bar puts the cursor on `line` (1-based) and returns what it says, e.g. "Ln 10, Col 26 (14 selected)". */
  async expectCursorOnLine(line: number, why: string): Promise<string> {
    const cursor = this.statusBar.getByText(/^Ln \d+, Col \d+/).first();
    try {
      await this.statusBar.getByText(new RegExp(`^Ln ${line}, Col \\d+`)).first().waitFor({ timeout: STEP_MS });
    } catch {
      const shown = (await cursor.count()) > 0 ? plain(await cursor.innerText()) : 'no cursor position';
      throw new Error(`${why}: expected the cursor on line ${line}; the status bar shows: ${shown}`);
    }
    return plain(await cursor.innerText());
  }

  /** Replaces the user settings.json through its editor, as a person would, and saves it. */
  async editUserSettings(settings: Record<string, unknown>): Promise<void> {
    await this.runCommand('Preferences: Open User Settings (JSON)');
    await this.activeTab('settings.json').waitFor({ timeout: STEP_MS });
    await this.editor.locator('.view-lines').click();
    // Pasted, not typed: typed JSON would fight the editor's auto-indent and bracket closing.
    const json = JSON.stringify(settings, null, 2);
    // Evaluated as a string: the page's `navigator` is not in this file's (Node) types.
    await this.page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(json)})`);
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.press('Control+V');
    // Pasting reads the clipboard asynchronously: save only once the text has changed.
    await this.dirtyTab.waitFor({ timeout: STEP_MS });
    await this.save();
  }

  /** Ctrl+S, then waits for the tab's unsaved-changes marker to go. */
  async save(): Promise<void> {
    await this.page.keyboard.press('Control+S');
    await this.dirtyTab.waitFor({ state: 'detached', timeout: STEP_MS });
  }

  private get dirtyTab(): Locator {
    return this.page.locator('.editor-group-container.active .tab.active.dirty');
  }
}
