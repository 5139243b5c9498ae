// Debian's Chromium driven by playwright-core (never a downloaded browser), with the flags this
// machine needs: no sandbox as root, no GPU, no background network calls, autoplay allowed.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { findBrowser, INSTALL_HINT } from './find-browser.js';

/** The browser the tests drive, or undefined when this machine has none. */
export const CHROMIUM: string | undefined = findBrowser({ env: process.env, platform: process.platform });

export class BrowserMissingError extends Error {
  constructor() {
    super(`no browser found: ${INSTALL_HINT}`);
    this.name = 'BrowserMissingError';
  }
}

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(viewport = { width: 1920, height: 1080 }): Promise<Browser> {
  if (!CHROMIUM) throw new BrowserMissingError();
  const profile = await mkdtemp(join(tmpdir(), 'chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: CHROMIUM_FLAGS,
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
