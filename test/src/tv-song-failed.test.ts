// A song that fails after the TV was offered it, as people see it: the TV app (1920x1080, in French)
// and the phone page in Debian's Chromium, on a real station whose composer fails every song it
// offered once the rest is made (a test-only hook, read only under NODE_ENV=test). The TV plays the start, then
// says kindly that the song could not be finished and goes back to the channel by itself (or with
// Back); the phone's card says it failed once the station has given up.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, type Browser } from './browser.js';
import { describeInBrowser } from './describe-in-browser.js';
import { ROOT } from './run.js';
import { freePort, startStation, type RunningStation, type StationFixture } from './station-process.js';
import { tvStation } from './tv-fixture.js';

let fixture: StationFixture;
let station: RunningStation;
let browser: Browser;
const shots = join(ROOT, 'test/artifacts/e2e-tv-song-failed');
beforeAll(async () => {
  fixture = await tvStation([
    { title: 'Morning', seconds: 40, frequency: 440, color: '#3a7bd5', to: 'Ana', from: 'Jun', lines: ['Good morning to you', 'Sun is on the way'] },
    { title: 'Evening', seconds: 40, frequency: 660, color: '#d53a7b', to: 'Ana', from: 'Jun', lines: ['Good evening to you', 'Stars are on the way'] },
  ]);
  station = await startStation(fixture, await freePort(), { NODE_ENV: 'test', COMPOSER_TEST_FAIL_AFTER_FIRST_PART: 'end' });
  browser = await launchBrowser();
  await mkdir(shots, { recursive: true });
});
afterAll(async () => {
  station?.child.kill('SIGKILL');
  await browser?.close();
  await rm(fixture.dir, { recursive: true, force: true });
});

async function press(page: Page, key: string, settle = 500) {
  await page.keyboard.press(key);
  await page.waitForTimeout(settle);
}

/** Waits for the TV's offer, plays it with Enter, and waits until its audio moves. */
async function playOffer(tv: Page, timeout: number) {
  await tv.getByTestId('toast').waitFor({ timeout });
  await tv.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'toast-play', undefined, { timeout: 5000 });
  await press(tv, 'Enter', 500);
  await tv.getByTestId('view-song').waitFor({ timeout: 10_000 });
}

describeInBrowser('a song that fails after the TV was offered it', () => {
  it('the TV says so kindly and goes back to the channel; the phone says it failed', async () => {
    const tv = await browser.context.newPage();
    const errors: string[] = [];
    tv.on('pageerror', (e) => errors.push(`tv: ${e}`));
    // The viewer's language, as Settings keeps it.
    await tv.addInitScript(() => {
      if (!localStorage.getItem('radio-optimism.settings')) localStorage.setItem('radio-optimism.settings', JSON.stringify({ language: 'fr' }));
    });
    await tv.goto(`${station.base}/tv/`);
    await tv.getByTestId('view-live').waitFor({ timeout: 30_000 });
    await tv.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'nav-channels', undefined, { timeout: 15_000 });
    await press(tv, 'ArrowRight', 200);
    await press(tv, 'ArrowRight', 200);
    await press(tv, 'Enter', 1200);
    const code = (await tv.getByTestId('pair-code').innerText({ timeout: 10_000 })).trim();

    const phone = await browser.context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    phone.on('pageerror', (e) => errors.push(`phone: ${e}`));
    await phone.goto(`${station.base}/pair?code=${code}&lang=en`);
    await phone.fill('input[name="name"]', 'Alex');
    await phone.click('button[type="submit"]');
    await phone.waitForSelector('textarea[name="message"]', { timeout: 15_000 });
    await tv.waitForFunction(() => document.body.innerText.includes('Alex'), undefined, { timeout: 10_000 });
    await press(tv, 'Escape', 1000); // back to Live

    await phone.fill('input[name="to"]', 'Mom');
    await phone.fill('textarea[name="message"]', 'Thank you for every single day');
    await phone.click('form button[type="submit"]');

    // First try: played from its start, then it fails; the TV says so and goes back by itself.
    await playOffer(tv, 300_000);
    const notice = tv.getByTestId('song-failed');
    await notice.waitFor({ timeout: 120_000 });
    expect(await notice.innerText()).toContain('Désolé, cette chanson n’a pas pu être terminée.');
    await tv.screenshot({ path: join(shots, '1-tv-song-failed.png') });
    const shownAt = Date.now();
    await tv.getByTestId('view-song').waitFor({ state: 'detached', timeout: 20_000 });
    await tv.getByTestId('view-live').waitFor({ timeout: 5000 });
    expect(Date.now() - shownAt).toBeGreaterThan(3000); // long enough to read
    await tv.screenshot({ path: join(shots, '2-tv-back-on-live.png') });

    // The station tries again; that try is offered and fails too: Back leaves the message at once.
    await playOffer(tv, 300_000);
    await notice.waitFor({ timeout: 120_000 });
    await press(tv, 'Escape', 0);
    await tv.getByTestId('view-song').waitFor({ state: 'detached', timeout: 20_000 });
    await tv.getByTestId('view-live').waitFor({ timeout: 5000 });

    // Its tries spent, the phone's card says it failed.
    await phone.waitForSelector('.failed', { timeout: 480_000 });
    expect(await phone.locator('.failed').innerText()).toMatch(/went wrong|could not/i);
    await phone.screenshot({ path: join(shots, '3-phone-failed.png'), fullPage: true });
    expect(errors).toEqual([]);
  }, 900_000);
});
