// The phone page in Debian's Chromium at a phone's size, against a real station process that makes
// the song for real: pair by code, send a dedication whose words hold HTML and script, watch the
// stages, get the preview; the paired TV (a real WebSocket client here) is offered the song.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser, type Browser } from './browser.js';
import { describeInBrowser } from './describe-in-browser.js';
import { ROOT } from './run.js';
import { freePort, startStation, toneStation, type RunningStation, type StationFixture } from './station-process.js';
import { Peer } from './ws-peer.js';

let fixture: StationFixture;
let station: RunningStation;
let browser: Browser;
const shots = join(ROOT, 'test/artifacts/e2e-phone');
beforeAll(async () => {
  fixture = await toneStation([{ title: 'A', seconds: 30, frequency: 330 }]);
  station = await startStation(fixture, await freePort());
  browser = await launchBrowser({ width: 390, height: 844 });
  await mkdir(shots, { recursive: true });
});
afterAll(async () => {
  station?.child.kill('SIGKILL');
  await browser?.close();
  await rm(fixture.dir, { recursive: true, force: true });
});

describeInBrowser('the phone page', () => {
  it('pairs by code, sends a dedication, shows the stages and the song, and keeps user text as text', async () => {
    const tv = await Peer.open(`${station.base.replace('http', 'ws')}/ws`);
    tv.send({ type: 'tv.hello' });
    const welcome = await tv.next('tv.welcome');

    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    const response = await page.goto(`${station.base}/pair?code=${welcome.pairingCode}&lang=en`);
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    await page.fill('input[name="name"]', 'Alex');
    await page.screenshot({ path: join(shots, '1-pair.png') });
    await page.click('button[type="submit"]');
    await tv.next('tv.phones', () => true, 10_000);

    const evil = `Thank you <img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script> for everything`;
    await page.fill('textarea[name="message"]', evil);
    await page.fill('input[name="to"]', 'Mom <b>bold</b>');
    await page.screenshot({ path: join(shots, '2-form.png'), fullPage: true });
    await page.click('form button[type="submit"]');
    await page.waitForSelector('.stage[data-state]', { timeout: 10_000 });
    await page.screenshot({ path: join(shots, '3-progress.png') });
    const offered = await tv.next('dedication.ready', () => true, 90_000);
    await page.waitForSelector('.song-card', { timeout: 20_000 });
    await page.screenshot({ path: join(shots, '4-song.png'), fullPage: true });

    expect((offered.song as { to: string }).to).toBe('Mom <b>bold</b>');
    const card = await page.textContent('.song-card');
    expect(card).toContain('Mom <b>bold</b>');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('.song-card b, .song-card img[src="x"]').count()).toBe(0);
    // The share page shows the same words as text too.
    const shareLink = await page.evaluate(() => {
      const field = [...document.querySelectorAll('input, a')].find((e) => ((e as HTMLInputElement).value ?? (e as HTMLAnchorElement).href ?? '').includes('/s/'));
      return field ? (field as HTMLInputElement).value || (field as HTMLAnchorElement).href : null;
    });
    const share = await (await fetch(new URL(shareLink!, station.base))).text();
    expect(share.match(/<title>[^<]*<\/title>/)?.[0]).toContain('Mom &lt;b&gt;bold&lt;/b&gt;');
    expect(share).not.toContain('<b>bold</b>');
    // Markup in the message is neither run nor sung.
    expect(card).not.toMatch(/onerror|<img|script>/i);
    expect(problems).toEqual([]);
    tv.close();
  }, 150_000);
});
