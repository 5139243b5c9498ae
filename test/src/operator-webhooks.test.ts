// The console's Webhooks page in Debian's Chromium at a laptop's size (1366×768), against a real
// station process on tone songs: an admin adds a webhook to a receiver on 127.0.0.1, copies the
// secret shown once, and the receiver gets song.changed when the next song starts and a test ping,
// both signed with that secret; a receiver that is down shows in the log as waiting to retry.
// Screenshots in English and Korean (7 = webhooks).
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { mkdir, rm } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { verify } from '@radio-optimism/station-server/dist/webhooks/webhook-body.js';
import { launchBrowser, type Browser } from './browser.js';
import { describeInBrowser } from './describe-in-browser.js';
import { addAccounts, consolePage, signIn as signInAs } from './console-session.js';
import { ROOT } from './run.js';
import { freePort, startStation, toneStation, type RunningStation, type StationFixture } from './station-process.js';

const PASSWORD = 'hooks with care';
let fixture: StationFixture;
let station: RunningStation;
let browser: Browser;
let receiver: Server;
let receiverUrl: string;
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
const shots = join(ROOT, 'test/artifacts/e2e-console');

beforeAll(async () => {
  fixture = await toneStation([
    { title: 'Morning Tone', seconds: 20, frequency: 330 },
    { title: 'Evening Tone', seconds: 20, frequency: 440, to: 'Sam' },
    { title: 'Night Tone', seconds: 20, frequency: 550, to: 'Mina' },
  ]);
  await addAccounts(fixture.dataDir, PASSWORD, { ana: 'admin', mo: 'moderator' });
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c)).on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/radio`;
  station = await startStation(fixture, await freePort());
  browser = await launchBrowser({ width: 1366, height: 768 });
  await mkdir(shots, { recursive: true });
}, 120_000);
afterAll(async () => {
  station?.child.kill('SIGKILL');
  await browser?.close();
  receiver?.closeAllConnections();
  await new Promise((r) => receiver?.close(r));
  await rm(fixture.dir, { recursive: true, force: true });
});

const signIn = (page: Page, name: string, lang: string) => signInAs(page, station.base, { name, password: PASSWORD }, lang);

const until = async (what: string, ok: () => boolean | Promise<boolean>, ms = 90_000) => {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
};

describeInBrowser('the console\'s Webhooks page', () => {
  it('adds a webhook whose receiver gets signed song changes and a test; shows the delivery log; English and Korean', async () => {
    const { page, errors } = await consolePage(browser);

    // A moderator has no Webhooks tab (and the server says 403 to the API, tested in station-server).
    await signIn(page, 'mo', 'en');
    await expect(page.locator('.op-header nav').textContent()).resolves.not.toContain('Webhooks');
    await page.context().clearCookies();

    await signIn(page, 'ana', 'en');
    await page.locator('.op-header nav a', { hasText: 'Webhooks' }).click();
    await page.locator('#webhooks-title').waitFor();
    // A bad address is refused with the server's line.
    await page.locator('#wh-url').fill('ftp://example.com/x');
    await page.locator('.wh-form button[type="submit"]').click();
    await page.locator('.op-error:not(:empty)').waitFor();
    await expect(page.locator('.op-error').textContent()).resolves.toMatch(/https:\/\/ or http:\/\//);

    await page.locator('#wh-url').fill(receiverUrl);
    await page.locator('[id="wh-ev-station.silent"]').check();
    await page.locator('.wh-form button[type="submit"]').click();
    const secret = (await page.locator('.wh-secret-value').textContent({ timeout: 30_000 }))!;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // A receiver that is down, in Discord's format: its deliveries wait to be retried.
    await page.locator('#wh-url').fill(`http://127.0.0.1:${await freePort()}/down`);
    await page.locator('#wh-format').selectOption('discord');
    await page.locator('.wh-form button[type="submit"]').click();
    await until('two receivers listed', async () => (await page.locator('.op-table tr[data-id^="wh"]').count()) === 2);

    // The next song starts within a song's length: the receiver hears it, signed with the secret.
    await until('a song.changed delivery', () => received.some((r) => r.headers['x-radio-optimism-event'] === 'song.changed'));
    const change = received.find((r) => r.headers['x-radio-optimism-event'] === 'song.changed')!;
    expect(verify(secret, change.body, change.headers['x-radio-optimism-signature'] as string)).toBe(true);
    expect(JSON.parse(change.body)).toMatchObject({ event: 'song.changed', data: { channel: expect.any(String), songId: expect.any(String), title: expect.stringMatching(/Tone/) } });

    await page.locator(`.op-table tr[data-id^="wh"]`).first().locator('button[data-action="test"]').click();
    await until('the test ping', () => received.some((r) => r.headers['x-radio-optimism-event'] === 'ping'));
    await until('the log to show deliveries', async () => {
      await page.locator('.wh-log-head button').click();
      return (await page.locator('tr[data-status="delivered"]').count()) >= 2 && (await page.locator('tr[data-status="pending"]').count()) >= 1;
    });
    await expect(page.locator('tr[data-status="delivered"] td:nth-child(2)').allTextContents()).resolves.toContainEqual(expect.stringMatching(/A song starts on air.*(radio-optimism|calm|upbeat|k-songs)/));
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(shots, 'en-7-webhooks.png'), fullPage: true });

    await page.locator('#op-language').selectOption('ko');
    await page.locator('#webhooks-title').waitFor({ timeout: 30_000 });
    await expect(page.locator('#webhooks-title').textContent()).resolves.toBe('웹훅');
    await until('the log in Korean', async () => (await page.locator('tr[data-status="delivered"]').count()) >= 2);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(shots, 'ko-7-webhooks.png'), fullPage: true });

    // Removing the receiver that is down removes its waiting deliveries.
    await page.locator('.op-table tr[data-id^="wh"]').nth(1).locator('button[data-action="remove"]').click();
    await until('one receiver left', async () => (await page.locator('.op-table tr[data-id^="wh"]').count()) === 1);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});
