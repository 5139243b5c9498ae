// The whole dedication, as people do it: the TV app (1920x1080) and the phone page (a phone's size)
// side by side in Debian's Chromium, on a real station that composes for real. The TV shows a code,
// the phone pairs with it and sends a song whose words hold HTML and script, the phone shows the
// stages, the TV shows the toast, and Enter plays the song there; the phone then says it is playing on the TV.
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
const shots = join(ROOT, 'test/artifacts/e2e-tv-phone');
beforeAll(async () => {
  fixture = await tvStation([
    { title: 'Morning', seconds: 40, frequency: 440, color: '#3a7bd5', to: 'Ana', from: 'Jun', lines: ['Good morning to you', 'Sun is on the way'] },
    { title: 'Evening', seconds: 40, frequency: 660, color: '#d53a7b', to: 'Ana', from: 'Jun', lines: ['Good evening to you', 'Stars are on the way'] },
  ]);
  station = await startStation(fixture, await freePort());
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

describeInBrowser('a dedication from a phone to a TV', () => {
  it('pairs by code, shows the stages on the phone, the toast on the TV, and plays the song there', async () => {
    const tv = await browser.context.newPage();
    const errors: string[] = [];
    tv.on('pageerror', (e) => errors.push(`tv: ${e}`));
    await tv.goto(`${station.base}/tv/?lang=en`);
    await tv.getByTestId('view-live').waitFor({ timeout: 30_000 });
    await tv.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'nav-channels', undefined, { timeout: 15_000 });
    // Live -> Pair a phone, with the remote's arrows and Enter.
    await press(tv, 'ArrowRight', 200);
    await press(tv, 'ArrowRight', 200);
    await press(tv, 'Enter', 1200);
    const code = (await tv.getByTestId('pair-code').innerText({ timeout: 10_000 })).trim();
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    await tv.screenshot({ path: join(shots, '1-tv-pair.png') });

    const phone = await browser.context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    phone.on('pageerror', (e) => errors.push(`phone: ${e}`));
    await phone.goto(`${station.base}/pair?code=${code}&lang=en`);
    await phone.fill('input[name="name"]', 'Alex');
    await phone.click('button[type="submit"]');
    await phone.waitForSelector('textarea[name="message"]', { timeout: 15_000 });
    // The TV lists the phone it is now paired with.
    await tv.waitForFunction(() => document.body.innerText.includes('Alex'), undefined, { timeout: 10_000 });
    await tv.screenshot({ path: join(shots, '2-tv-paired.png') });
    await press(tv, 'Escape', 1000); // back to Live

    await phone.fill('input[name="to"]', 'Mom <b>bold</b>');
    await phone.fill('textarea[name="message"]', 'Thank you <script>window.__pwned=1</script> <img src=x onerror="window.__pwned=2"> for every single day');
    await phone.click('form button[type="submit"]');
    const stagesSeen = new Set<string>();
    const watch = setInterval(async () => {
      for (const s of await phone.locator('.stage[data-state="active"] .stage-name, .stage[data-state="done"] .stage-name').allInnerTexts().catch(() => [])) stagesSeen.add(s);
    }, 200);
    await phone.waitForSelector('.stage[data-state]', { timeout: 10_000 });
    await phone.screenshot({ path: join(shots, '3-phone-progress.png') });

    // The TV offers the song; Enter plays it.
    // It is offered as soon as its first part can play (the rest may still be being made).
    await tv.getByTestId('toast').waitFor({ timeout: 90_000 });
    expect(await tv.getByTestId('toast').innerText()).toContain('Alex');
    await tv.screenshot({ path: join(shots, '4-tv-toast.png') });

    await tv.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'toast-play', undefined, { timeout: 5000 });
    await press(tv, 'Enter', 1500);
    const audioTime = () => tv.evaluate(() => (document.querySelector('[data-testid="song-audio"]') as HTMLAudioElement | null)?.currentTime ?? -1);
    await tv.waitForFunction(() => ((document.querySelector('[data-testid="song-audio"]') as HTMLAudioElement | null)?.currentTime ?? 0) > 0, undefined, { timeout: 15_000 });
    const t0 = await audioTime();
    await tv.waitForTimeout(2500);
    const t1 = await audioTime();
    expect(t1).toBeGreaterThan(t0 + 1.5); // the new song is heard on the TV
    await tv.screenshot({ path: join(shots, '5-tv-playing.png') });
    // The TV said it plays it: the phone says so, while the song is still made or on its card.
    await phone.waitForSelector('[data-playing="true"]:visible', { timeout: 30_000 });
    expect(await phone.locator('[data-playing="true"]:visible').innerText()).toContain('Playing on the TV now');
    await phone.screenshot({ path: join(shots, '6-phone-playing-on-tv.png') });
    // The phone shows the finished song once all of it is made, still saying the TV plays it.
    await phone.waitForSelector('.song-card', { timeout: 180_000 });
    clearInterval(watch);
    expect(await phone.locator('.song-card .ready-note').innerText()).toContain('Playing on the TV now');
    await phone.screenshot({ path: join(shots, '4-phone-ready.png'), fullPage: true });
    expect(stagesSeen.size).toBeGreaterThanOrEqual(3);

    // What the sender typed is text everywhere: nothing ran, nothing became markup.
    expect(await tv.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await phone.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await tv.locator('[data-testid="view-song"] b, [data-testid="view-song"] img[src="x"]').count()).toBe(0);
    expect(await tv.getByTestId('view-song').innerText()).toContain('Mom <b>bold</b>');
    expect(errors).toEqual([]);
  }, 360_000);
});
