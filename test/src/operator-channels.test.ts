// The console's Channels and Playlists pages in Debian's Chromium on a 1366×768 laptop, against a real
// station process: an admin skips what is on air and sees the next song come on; saves channels.yaml
// with a mistake and sees it marked at its line while the station keeps playing (its live playlist
// still advancing, the file on disk unchanged); then fixes it, saves, and sees the new show in the
// week calendar. A viewer's skip and save are refused with 403. Screenshots in English and Korean.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, type Browser } from './browser.js';
import { describeInBrowser } from './describe-in-browser.js';
import { addAccounts, consolePage, signIn as signInAs } from './console-session.js';
import { ROOT } from './run.js';
import { freePort, startStation, toneStation, type RunningStation, type StationFixture } from './station-process.js';

const PASSWORD = 'schedule with care';
let fixture: StationFixture;
let station: RunningStation;
let browser: Browser;
const shots = join(ROOT, 'test/artifacts/e2e-console');

beforeAll(async () => {
  // Three short tone songs (real ffmpeg): enough for a skip to land on another song on every channel.
  fixture = await toneStation([
    { title: 'Morning Tone', seconds: 30, frequency: 330, to: 'Sam' },
    { title: 'Noon Tone', seconds: 30, frequency: 392 },
    { title: 'Evening Tone', seconds: 30, frequency: 440 },
  ]);
  await addAccounts(fixture.dataDir, PASSWORD, { ana: 'admin', vi: 'viewer' });
  station = await startStation(fixture, await freePort());
  browser = await launchBrowser({ width: 1366, height: 768 });
  await mkdir(shots, { recursive: true });
  // Generous: the fixture's songs are encoded by real ffmpeg on a machine that may be busy.
}, 400_000);
afterAll(async () => {
  station?.child.kill('SIGKILL');
  await browser?.close();
  await rm(fixture.dir, { recursive: true, force: true });
});

const signIn = (page: Page, name: string, lang: string, hash: string) => signInAs(page, station.base, { name, password: PASSWORD }, lang, hash);

async function viewer(): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${station.base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'vi', password: PASSWORD }) });
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** The main channel's live media playlist: its media sequence number, and whether its newest segment is served. */
async function livePlaylist(): Promise<{ seq: number; segmentOk: boolean }> {
  const multivariant = await (await fetch(`${station.base}/live/radio-optimism/index.m3u8`)).text();
  const media = multivariant.split('\n').find((l) => l && !l.startsWith('#'))!;
  const text = await (await fetch(new URL(media, `${station.base}/live/radio-optimism/index.m3u8`))).text();
  const seq = Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(text)?.[1] ?? NaN);
  const last = text.split('\n').filter((l) => l && !l.startsWith('#')).at(-1)!;
  const segment = await fetch(new URL(last, new URL(media, `${station.base}/live/radio-optimism/index.m3u8`)));
  return { seq, segmentOk: segment.ok && (await segment.arrayBuffer()).byteLength > 0 };
}

const until = async (what: string, check: () => Promise<boolean>, ms = 30_000): Promise<void> => {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describeInBrowser('the console\'s channels and playlists', () => {
  it('shows what is on air on every channel and skips it; a viewer\'s skip is refused', async () => {
    const { page, errors } = await consolePage(browser);
    await signIn(page, 'ana', 'en', 'channels');
    const main = page.locator('.op-air-card[data-channel="radio-optimism"]');
    const title = main.locator('.op-air-title');
    await title.waitFor({ timeout: 30_000 });
    await expect(page.locator('.op-air-card').count()).resolves.toBe(4);
    await page.locator('.op-week-col').first().waitFor();
    // Five weekday mornings (a block that crosses midnight where the browser is counts twice).
    await expect(page.locator('.op-show[data-show="Morning Show"]').count()).resolves.toBeGreaterThanOrEqual(5);
    await expect(page.locator('.op-show[data-show="Late-night Calm"]').count()).resolves.toBeGreaterThanOrEqual(7);
    // The time left counts down without a reload.
    const left = await main.locator('.op-time-left').textContent();
    await until('the time left to move', async () => (await main.locator('.op-time-left').textContent()) !== left, 10_000);
    await page.screenshot({ path: join(shots, 'en-4-channels.png'), fullPage: true });

    const v = await viewer();
    const refused = await fetch(`${station.base}/api/v1/channels/radio-optimism/skip`, { method: 'POST', headers: { cookie: v.cookie, 'x-csrf-token': v.csrf } });
    expect(refused.status).toBe(403);

    const before = Number(await title.getAttribute('data-index'));
    const beforeSong = await title.getAttribute('data-song');
    await main.locator('button[data-action="skip"]').click();
    await page.locator(`.op-air-card[data-channel="radio-optimism"] .op-air-title:not([data-index="${before}"])`).waitFor({ timeout: 30_000 });
    const now = (await (await fetch(`${station.base}/api/v1/channels/radio-optimism/now`)).json()) as { current: { index: number; songId: string } };
    expect(now.current.index).toBeGreaterThan(before);
    expect(now.current.songId).not.toBe(beforeSong);
    await expect(page.locator('.op-status').first().textContent()).resolves.toMatch(/^Skipped/);

    await page.locator('#op-language').selectOption('ko');
    await page.locator('#channels-title').filter({ hasText: '채널' }).waitFor();
    await page.locator('.op-air-card[data-channel="radio-optimism"] .op-air-title').waitFor();
    await page.locator('.op-week-col .op-show').first().waitFor();
    await page.screenshot({ path: join(shots, 'ko-4-channels.png'), fullPage: true });
    await page.locator('#op-language').selectOption('en');
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('refuses a broken channels.yaml at its line while the station plays on, then saves the fix and the week shows it', async () => {
    const { page, errors } = await consolePage(browser);
    await signIn(page, 'ana', 'en', 'playlists');
    const area = page.locator('#op-code');
    await page.locator('.op-file[aria-current="true"][data-file="channels.yaml"]').waitFor({ timeout: 30_000 });
    const original = await readFile(join(fixture.playlistsDir, 'channels.yaml'), 'utf8');
    await until('the editor to hold the file', async () => (await area.inputValue()) === original);

    const lunch = (cron: string) => `    shows:\n      - name: Lunch Show\n        cron: "${cron}"\n        timezone: UTC\n        duration: 1h\n        playlist: upbeat\n`;
    const broken = original.replace('    shows:\n', lunch('0 25 * * *'));
    const line = broken.split('\n').findIndex((l) => l.includes('"0 25 * * *"')) + 1;
    const live = await livePlaylist();
    await area.fill(broken);
    // Checked as typed: the mistake is marked at its line in the gutter and listed.
    await page.locator(`.op-gutter span.op-line-bad[data-line="${line}"]`).waitFor({ timeout: 30_000 });
    await expect(page.locator('.op-problems li').first().textContent()).resolves.toMatch(new RegExp(`^Line ${line} · channels\\[0\\]\\.shows\\[0\\]\\.cron not a cron expression`));
    await page.locator('button.op-primary', { hasText: 'Save' }).click();
    await page.locator('.op-check', { hasText: 'Not saved' }).waitFor({ timeout: 30_000 });
    await expect(page.locator(`.op-gutter span.op-line-bad[data-line="${line}"]`).count()).resolves.toBe(1);
    await page.screenshot({ path: join(shots, 'en-5-playlists.png'), fullPage: true });
    // Nothing written, and the station plays on: its live playlist still advances, segments still come.
    expect(await readFile(join(fixture.playlistsDir, 'channels.yaml'), 'utf8')).toBe(original);
    await until('the live playlist to advance', async () => {
      const now = await livePlaylist();
      return now.seq > live.seq && now.segmentOk;
    });
    const v = await viewer();
    const viewerSave = await fetch(`${station.base}/api/v1/playlists/channels.yaml`, { method: 'PUT', headers: { cookie: v.cookie, 'x-csrf-token': v.csrf, 'content-type': 'text/plain' }, body: original.replace('    shows:\n', lunch('0 12 * * *')) });
    expect(viewerSave.status).toBe(403);

    // Korean, with the mistake still marked.
    await page.locator('#op-language').selectOption('ko');
    await page.locator('#playlists-title').filter({ hasText: '재생목록' }).waitFor();
    await page.locator('.op-file[data-file="channels.yaml"]').click();
    await until('the editor to hold the file', async () => (await area.inputValue()) === original);
    await area.fill(broken);
    await page.locator(`.op-gutter span.op-line-bad[data-line="${line}"]`).waitFor({ timeout: 30_000 });
    // A mistake in the list takes the editor to its line.
    await page.locator('.op-problems button').first().click();
    await until('the editor to select the line', async () => (await area.evaluate((a: HTMLTextAreaElement) => a.value.slice(0, a.selectionStart).split('\n').length)) === line);
    await page.screenshot({ path: join(shots, 'ko-5-playlists.png'), fullPage: true });
    await page.locator('#op-language').selectOption('en');
    await page.locator('.op-file[data-file="channels.yaml"]').click();
    await until('the editor to hold the file', async () => (await area.inputValue()) === original);

    // The fix: checked clean, saved, reloaded by the station; the week calendar shows the new show.
    await area.fill(original.replace('    shows:\n', lunch('0 12 * * *')));
    await page.locator('.op-check.op-check-ok').waitFor({ timeout: 30_000 });
    await expect(page.locator('.op-gutter span.op-line-bad').count()).resolves.toBe(0);
    await page.locator('button.op-primary', { hasText: 'Save' }).click();
    await page.locator('.op-check', { hasText: /^Saved/ }).waitFor({ timeout: 30_000 });
    expect(await readFile(join(fixture.playlistsDir, 'channels.yaml'), 'utf8')).toContain('Lunch Show');
    await page.goto(`${station.base}/operator?lang=en#channels`);
    await page.locator('.op-show[data-show="Lunch Show"]').first().waitFor({ timeout: 30_000 });
    await expect(page.locator('.op-show[data-show="Lunch Show"]').count()).resolves.toBeGreaterThanOrEqual(7);
    expect(station.output()).toMatch(/programme reloaded/);

    // The audit log has the skip and the save with its diff.
    const token = (await readFile(join(fixture.dataDir, 'operator-token'), 'utf8')).trim();
    const audit = (await (await fetch(`${station.base}/api/v1/audit?limit=20`, { headers: { authorization: `Bearer ${token}` } })).json()) as { actor: string; action: string; after: { diff?: string } | null }[];
    const save = audit.find((a) => a.action === 'playlist.save');
    expect(save?.actor).toBe('ana');
    expect(save?.after?.diff).toContain('+      - name: Lunch Show');
    expect(audit.some((a) => a.actor === 'ana' && a.action === 'channel.skip')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
