// Headless Debian Chromium driven by playwright-core (which ships no browser of its own).
import { chromium, type Browser } from 'playwright-core';
import type { EditorTools } from './provision';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(tools: EditorTools): Promise<Browser> {
  return chromium.launch({ executablePath: tools.chromium, headless: true, args: CHROMIUM_ARGS });
}
