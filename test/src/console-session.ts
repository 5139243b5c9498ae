// What the console's browser tests share: accounts written into a station's store before it starts,
// a tab whose script errors are collected, and signing in (or keeping the session an earlier test
// left in the browser's profile).
import type { Page } from 'playwright-core';
import { openSqliteStore } from '@radio-optimism/station-server/dist/library/sqlite-store.js';
import { hashPassword } from '@radio-optimism/station-server/dist/operators/passwords.js';
import type { Browser } from './browser.js';

export type ConsoleRole = 'viewer' | 'moderator' | 'admin';

/** Adds accounts, all with one password, to the library in `dataDir` (the station not yet started). */
export async function addAccounts(dataDir: string, password: string, accounts: Record<string, ConsoleRole>): Promise<void> {
  const store = openSqliteStore(dataDir, { log: () => undefined });
  try {
    const hash = await hashPassword(password);
    for (const [name, role] of Object.entries(accounts)) await store.operators.add(name, role, hash);
  } finally {
    await store.close();
  }
}

/** A console tab whose script errors are collected, and whose confirm dialogs are accepted. */
export async function consolePage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The browser logs every 4xx it is answered (a sign-in check, a wrong password): those are expected.
  page.on('console', (m) => m.type() === 'error' && !/Failed to load resource/.test(m.text()) && errors.push(m.text()));
  page.on('dialog', (d) => void d.accept());
  return { page, errors };
}

/** Opens the console (at a page, in a language) and signs in, unless a session is already there. */
export async function signIn(page: Page, base: string, who: { name: string; password: string }, lang = 'en', hash = ''): Promise<void> {
  await page.goto(`${base}/operator?lang=${lang}${hash ? `#${hash}` : ''}`);
  await page.locator('#login-name, .op-header').first().waitFor({ timeout: 30_000 });
  if (await page.locator('.op-header').count()) return;
  await page.locator('#login-name').fill(who.name);
  await page.locator('#login-password').fill(who.password);
  await page.keyboard.press('Enter');
  await page.locator('.op-header').waitFor({ timeout: 30_000 });
}
