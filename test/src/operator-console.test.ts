// The operators' console in Debian's Chromium at a laptop's size, against a real station process: a
// moderator signs in, approves a radio dedication a phone sent (made for real by the composer) and
// sees it go on air; a viewer's approve is refused with 403; a takedown from the library makes the
// song's page answer 410. Screenshots of every console page in English and Korean.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, type Browser } from './browser.js';
import { describeInBrowser } from './describe-in-browser.js';
import { addAccounts, consolePage, signIn as signInAs } from './console-session.js';
import { ROOT } from './run.js';
import { freePort, startStation, toneStation, type RunningStation, type StationFixture } from './station-process.js';
import { Peer } from './ws-peer.js';

const PASSWORD = 'moderate with care';
let fixture: StationFixture;
let station: RunningStation;
let browser: Browser;
const shots = join(ROOT, 'test/artifacts/e2e-console');

beforeAll(async () => {
  fixture = await toneStation([
    { title: 'Morning Tone', seconds: 30, frequency: 330 },
    { title: 'Evening Tone', seconds: 30, frequency: 440, to: 'Sam' },
  ]);
  await addAccounts(fixture.dataDir, PASSWORD, { mo: 'moderator', vi: 'viewer', ad: 'admin' });
  station = await startStation(fixture, await freePort());
  browser = await launchBrowser({ width: 1440, height: 900 });
  await mkdir(shots, { recursive: true });
}, 120_000);
afterAll(async () => {
  station?.child.kill('SIGKILL');
  await browser?.close();
  await rm(fixture.dir, { recursive: true, force: true });
});

const signIn = (page: Page, name: string, lang: string) => signInAs(page, station.base, { name, password: PASSWORD }, lang);

/** A radio dedication sent from the real phone page, paired with a TV: it waits for a moderator. */
async function radioDedication(message: string): Promise<{ id: string; songId: string; phone: Page; tv: Peer }> {
  const tv = await Peer.open(`ws://127.0.0.1:${station.port}/ws`);
  tv.send({ type: 'tv.hello' });
  const welcome = await tv.next('tv.welcome');
  const phone = await browser.context.newPage();
  await phone.goto(`${station.base}/pair?code=${welcome.pairingCode}&lang=en`);
  await phone.click('button[type="submit"]');
  await phone.waitForSelector('.form-view', { timeout: 15_000 });
  await phone.fill('input[name="to"]', 'Mina');
  await phone.fill('textarea[name="message"]', message);
  await phone.locator('input.target-input[value="radio"]').check({ force: true });
  await phone.click('.form-view button[type="submit"]');
  await phone.waitForSelector('.song-card', { timeout: 150_000 });
  expect(await phone.textContent('.ready-note')).toMatch(/on its way to the radio/);
  // The station's record of it, as the moderation queue lists it.
  const token = (await readFile(join(fixture.dataDir, 'operator-token'), 'utf8')).trim();
  const queue = (await (await fetch(`${station.base}/api/v1/moderation`, { headers: { authorization: `Bearer ${token}` } })).json()) as { id: string; message: string; song: { id: string } }[];
  const sent = queue.find((d) => d.message === message)!;
  return { id: sent.id, songId: sent.song.id, phone, tv };
}

describeInBrowser('the operators\' console', () => {
  it('lets a moderator approve a phone\'s radio dedication and see it go on air; refuses a viewer; takes a song down', async () => {
    const { page, errors } = await consolePage(browser);

    await page.goto(`${station.base}/operator?lang=en`);
    await page.locator('#login-name').waitFor();
    await page.screenshot({ path: join(shots, 'en-1-login.png') });
    // A wrong password: one message, no session.
    await page.locator('#login-name').fill('mo');
    await page.locator('#login-password').fill('not the password');
    await page.keyboard.press('Enter');
    await expect(page.locator('.op-error').textContent()).resolves.toBeDefined();
    await page.locator('.op-error:not(:empty)').waitFor();
    await signIn(page, 'mo', 'en');

    // Sent from a phone while the console is open: it appears without a reload.
    const sent = await radioDedication('You make <b>every</b> morning brighter. <script>alert(1)</script>');
    const card = page.locator(`.op-item[data-id="${sent.id}"]`);
    await card.waitFor({ timeout: 30_000 });
    await expect(card.locator('.op-message').textContent()).resolves.toContain('<script>alert(1)</script>');
    await expect(page.locator('.op-message b').count()).resolves.toBe(0);
    await page.screenshot({ path: join(shots, 'en-2-queue.png'), fullPage: true });
    // The same card in Korean (the language picker re-renders the console in place).
    await page.locator('#op-language').selectOption('ko');
    await page.locator(`.op-item[data-id="${sent.id}"] button[data-action="approve"]`).waitFor({ timeout: 30_000 });
    await expect(page.locator('#queue-title').textContent()).resolves.toBe('검토');
    await page.screenshot({ path: join(shots, 'ko-2-queue.png'), fullPage: true });
    await page.locator('#op-language').selectOption('en');
    await card.waitFor({ timeout: 30_000 });

    // A viewer may look but not decide (the server says 403, whatever a page shows).
    const viewer = await fetch(`${station.base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'vi', password: PASSWORD }) });
    const cookie = viewer.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await viewer.json()) as { csrfToken: string };
    const refused = await fetch(`${station.base}/api/v1/moderation/${sent.id}/approve`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: '{}' });
    expect(refused.status).toBe(403);

    await card.locator('button[data-action="approve"]').click();
    await page.locator(`.op-item[data-id="${sent.id}"] .op-status:not(:empty)`).waitFor();
    // The phone that sent it learns the outcome, on its page.
    await sent.phone.waitForSelector('.ready-note[data-moderation="approved"]', { timeout: 15_000 });
    expect(await sent.phone.textContent('.ready-note')).toMatch(/approved it/);
    await sent.phone.screenshot({ path: join(shots, 'phone-approved.png'), fullPage: true });
    // On air: next on radio-optimism (its intro first), or already playing.
    const deadline = Date.now() + 60_000;
    let onAir = false;
    while (Date.now() < deadline && !onAir) {
      const now = (await (await fetch(`${station.base}/api/v1/channels/radio-optimism/now`)).json()) as { current: { songId: string } | null; next: { songId: string } | null };
      onAir = now.current?.songId === sent.songId || now.next?.songId === sent.songId;
      if (!onAir) await new Promise((r) => setTimeout(r, 500));
    }
    expect(onAir).toBe(true);
    await sent.phone.close();
    sent.tv.close();

    // The library: take the approved song down; its page answers 410.
    await page.goto(`${station.base}/operator?lang=en#library`);
    const row = page.locator(`tr[data-id="${sent.songId}"]`);
    await row.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(shots, 'en-3-library.png'), fullPage: true });
    expect((await fetch(`${station.base}/s/${sent.songId}`)).status).toBe(200);
    await row.locator('button[data-action="takedown"]').click();
    await page.locator(`tr[data-id="${sent.songId}"] button[data-action="restore"]`).waitFor();
    expect((await fetch(`${station.base}/s/${sent.songId}`)).status).toBe(410);
    const feed = await (await fetch(`${station.base}/feed`)).text();
    expect(feed).not.toContain(sent.songId);

    // Search by airing: each row found says where and when it last aired.
    await page.goto(`${station.base}/operator?lang=en#library`);
    await page.locator('.op-table tbody tr').first().waitFor();
    await page.locator('#filter-aired').selectOption('yes');
    await page.locator('.op-filters button[type="submit"]').click();
    await page.waitForFunction(() => {
      const cells = [...document.querySelectorAll('.op-table tbody td[data-col="aired"]')];
      return cells.length > 0 && cells.every((c) => / on [a-z0-9-]+$/.test(c.textContent ?? ''));
    }, undefined, { timeout: 15_000 });
    await page.screenshot({ path: join(shots, 'en-3-library-aired.png'), fullPage: true });

    // Korean: the same pages.
    await page.goto(`${station.base}/operator?lang=ko#library`);
    await page.locator('.op-table tbody tr').first().waitFor();
    await page.screenshot({ path: join(shots, 'ko-3-library.png'), fullPage: true });
    await page.locator('.op-header button.op-secondary').click();
    await page.locator('#login-name').waitFor();
    await page.screenshot({ path: join(shots, 'ko-1-login.png') });

    // The audit log has it all, with who did it.
    const token = (await import('node:fs/promises')).readFile(join(fixture.dataDir, 'operator-token'), 'utf8');
    const audit = (await (await fetch(`${station.base}/api/v1/audit?limit=20`, { headers: { authorization: `Bearer ${(await token).trim()}` } })).json()) as { actor: string; action: string }[];
    expect(audit.map((a) => `${a.actor} ${a.action}`)).toEqual(expect.arrayContaining(['mo song.takedown', 'mo dedication.approve', 'mo login', 'vi login', 'mo logout']));
    expect(errors).toEqual([]);
    await page.close();
  }, 400_000);

  it('lets an admin add an account with a generated password, change its role, and read it all in the audit log', async () => {
    const { page, errors } = await consolePage(browser);
    await signIn(page, 'ad', 'en');
    await page.goto(`${station.base}/operator?lang=en#accounts`);
    await page.locator('tr[data-name="ad"]').waitFor();
    await page.locator('#account-name').fill('night-shift');
    await page.locator('#account-role').selectOption('viewer');
    await page.locator('form button[type="submit"]').click();
    const secret = page.locator('.op-secret');
    await secret.waitFor();
    const password = (await secret.textContent())!;
    expect(password).toMatch(/^[A-Za-z2-9]{20}$/);
    await page.locator('#role-night-shift').selectOption('moderator');
    await page.locator('tr[data-name="night-shift"] button[data-action="role"]').click();
    await page.waitForFunction(() => document.querySelector('tr[data-name="night-shift"] .op-status')?.textContent !== '');
    await page.screenshot({ path: join(shots, 'en-8-accounts.png'), fullPage: true });
    // The new account signs in with the password shown, as a moderator.
    const login = await fetch(`${station.base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'night-shift', password }) });
    expect(login.status).toBe(200);
    expect(await login.json()).toMatchObject({ name: 'night-shift', role: 'moderator' });
    // Its own row has no controls: an admin cannot demote or remove themself here.
    expect(await page.locator('tr[data-name="ad"] button').count()).toBe(0);

    await page.goto(`${station.base}/operator?lang=en#audit`);
    await page.locator('.op-audit tr[data-action="account.role"]').first().waitFor();
    expect(await page.locator('.op-audit tr[data-action="account.role"]').first().textContent()).toMatch(/night-shift.*role: viewer.*role: moderator/);
    expect(await page.locator('.op-audit').textContent()).not.toContain(password);
    await page.screenshot({ path: join(shots, 'en-9-audit.png'), fullPage: true });

    await page.goto(`${station.base}/operator?lang=ko#accounts`);
    await page.locator('tr[data-name="night-shift"]').waitFor();
    await page.screenshot({ path: join(shots, 'ko-8-accounts.png'), fullPage: true });
    await page.goto(`${station.base}/operator?lang=ko#audit`);
    await page.locator('.op-audit tbody tr').first().waitFor();
    await page.screenshot({ path: join(shots, 'ko-9-audit.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.locator('.op-header button.op-secondary').click();
    await page.locator('#login-name').waitFor();
    await page.close();

    // A moderator has neither page: no tab, and the default page instead.
    const mod = await browser.context.newPage();
    await signIn(mod, 'mo', 'en');
    await mod.goto(`${station.base}/operator?lang=en#audit`);
    await mod.locator('.op-header').waitFor();
    const tabs = await mod.locator('.op-tab').allTextContents();
    expect(tabs).toEqual(expect.arrayContaining(['Moderation', 'Library']));
    expect(tabs).not.toEqual(expect.arrayContaining(['Accounts']));
    expect(tabs).not.toEqual(expect.arrayContaining(['Audit log']));
    expect(await mod.locator('.op-audit').count()).toBe(0);
    await mod.close();
  }, 120_000);
});
