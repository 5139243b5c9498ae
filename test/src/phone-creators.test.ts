// The phone's creator steps in Debian's Chromium against a real station process that makes the songs
// for real: write the words first, edit a line, choose a voice and how the name sounds, make a take and
// another, and send the second to the TV. The TV is offered that exact song; its words hold the edited
// line, its manifest the voice; its lyric video is a 1080x1920 H.264 + AAC file as long as the song.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';
import type { Page } from 'playwright-core';
import { launchBrowser, type Browser } from './browser.js';
import { describeInBrowser } from './describe-in-browser.js';
import { ROOT } from './run.js';
import { freePort, startStation, toneStation, type RunningStation, type StationFixture } from './station-process.js';
import { Peer } from './ws-peer.js';

let fixture: StationFixture;
let station: RunningStation;
let browser: Browser;
const shots = join(ROOT, 'test/artifacts/e2e-phone-creators');
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

/** A song's folder in the station's media store, found by its id. */
async function songDir(id: string): Promise<string> {
  const walk = async (dir: string, depth: number): Promise<string | undefined> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      if (e.name === id) return join(dir, e.name);
      if (depth < 3) {
        const found = await walk(join(dir, e.name), depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  };
  const found = await walk(fixture.dataDir, 0);
  if (!found) throw new Error(`no folder for song ${id}`);
  return found;
}
const hash = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');

async function pairPage(tv: Peer, lang: string): Promise<Page> {
  const welcome = await tv.next('tv.welcome', () => true, 10_000);
  const page = await browser.context.newPage();
  // Each test pairs anew: a pairing remembered from the test before would skip the code.
  await page.goto(`${station.base}/pair?lang=${lang}`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${station.base}/pair?code=${welcome.pairingCode}&lang=${lang}`);
  await page.waitForSelector('.pair-view, input[name="code"]', { timeout: 15_000 });
  await page.click('button[type="submit"]');
  await tv.next('tv.phones', () => true, 15_000);
  await page.waitForSelector('.form-view', { timeout: 15_000 });
  return page;
}

async function fillForm(page: Page, voice: string) {
  await page.fill('input[name="to"]', 'Siobhan');
  await page.fill('textarea[name="message"]', 'Thank you for every walk by the sea and every song on the radio');
  await page.locator(`input[value="${voice}"]`).check({ force: true });
  await page.fill('input[name="soundsLike"]', 'shi-VON');
}

describeInBrowser('the phone creator steps', () => {
  it('shows the new steps in Korean', async () => {
    const tv = await Peer.open(`${station.base.replace('http', 'ws')}/ws`);
    tv.send({ type: 'tv.hello' });
    const page = await pairPage(tv, 'ko');
    await fillForm(page, 'ko-high');
    await page.screenshot({ path: join(shots, 'ko-1-form.png'), fullPage: true });
    await page.click('.write-button');
    await page.waitForSelector('.lyrics-view textarea', { timeout: 30_000 });
    await page.screenshot({ path: join(shots, 'ko-2-words.png'), fullPage: true });
    // An edit that drops the name gets the warning, in Korean.
    await page.locator('.lyrics-view textarea').first().fill('바다와 함께 걸은 모든 날');
    for (const box of await page.locator('.lyrics-view textarea').all()) await box.fill((await box.inputValue()).replace(/Siobhan/gu, ''));
    await page.waitForSelector('.lyrics-warning:not([hidden])');
    expect(await page.textContent('.lyrics-warning')).toContain('Siobhan');
    await page.screenshot({ path: join(shots, 'ko-3-name-missing.png'), fullPage: true });
    // A line past the limit gets the station's check, translated.
    await page.locator('.lyrics-view textarea').first().fill('가'.repeat(80));
    await page.click('.lyrics-view button[type="submit"]');
    expect(await page.textContent('.lyrics-view .form-error')).toMatch(/1번째 줄이 너무 길어요/);
    await page.screenshot({ path: join(shots, 'ko-4-line-too-long.png'), fullPage: true });
    await page.close();
    tv.close();
  }, 120_000);

  it('makes two takes of edited words with a chosen voice, and the TV plays the one chosen', async () => {
    const tv = await Peer.open(`${station.base.replace('http', 'ws')}/ws`);
    tv.send({ type: 'tv.hello' });
    const page = await pairPage(tv, 'en');
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    await fillForm(page, 'en-low');
    await page.screenshot({ path: join(shots, 'en-1-form.png'), fullPage: true });
    await page.click('.write-button');
    await page.waitForSelector('.lyrics-view textarea', { timeout: 30_000 });
    await page.screenshot({ path: join(shots, 'en-2-words.png'), fullPage: true });
    const edited = 'Siobhan keeps the lighthouse burning';
    const first = page.locator('.lyrics-view textarea').first();
    const lines = (await first.inputValue()).split('\n');
    lines[0] = edited;
    await first.fill(lines.join('\n'));
    await page.click('.lyrics-view button[type="submit"]');

    await page.waitForSelector('.take[data-state="ready"]', { timeout: 300_000 });
    await page.click('.another-take');
    await page.waitForFunction(() => document.querySelectorAll('.take[data-state="ready"]').length === 2, undefined, { timeout: 300_000 });
    await page.screenshot({ path: join(shots, 'en-3-takes.png'), fullPage: true });
    const ids = await page.$$eval('.take', (cards) => cards.map((c) => (c as HTMLElement).dataset.id!));
    expect(ids.length).toBe(2);
    const [one, two] = await Promise.all(ids.map(songDir));
    const manifests = await Promise.all([one!, two!].map(async (d) => JSON.parse(await readFile(join(d, 'song.json'), 'utf8')) as { seed: number; voice?: string }));
    expect(manifests[0]!.seed).not.toBe(manifests[1]!.seed);
    expect(await hash(join(one!, 'score.mid'))).not.toBe(await hash(join(two!, 'score.mid')));
    expect(await hash(join(one!, 'song.m4a'))).not.toBe(await hash(join(two!, 'song.m4a')));
    expect(manifests.map((m) => m.voice)).toEqual(['en-low', 'en-low']);

    // The second take goes to the TV: the TV is offered that exact song.
    await page.click(`.take[data-id="${ids[1]}"] .send-tv`);
    const offered = await tv.next('dedication.ready', () => true, 30_000);
    expect((offered.song as { id: string }).id).toBe(ids[1]);
    await page.waitForSelector(`.take[data-id="${ids[1]}"][data-sent="tv"]`, { timeout: 10_000 });
    await page.screenshot({ path: join(shots, 'en-4-sent.png'), fullPage: true });

    const vtt = await (await fetch(new URL((offered.song as { files: { lyrics: string } }).files.lyrics, station.base))).text();
    // Word timings (<00:00:09.908>) sit between the words.
    expect(vtt.replace(/<[^>]*>/gu, '')).toContain(edited);
    // The sounds-like spelling is for the singer only.
    expect(vtt).not.toContain('shi-VON');

    const video = await fetch(`${station.base}/s/${ids[1]}/video.mp4`, { signal: AbortSignal.timeout(300_000) });
    expect(video.status).toBe(200);
    expect(video.headers.get('content-type')).toMatch(/^video\/mp4/);
    const file = join(fixture.dir, 'take.mp4');
    await writeFile(file, Buffer.from(await video.arrayBuffer()));
    const probe = await new Promise<string>((ok) => execFile(ffmpegInstaller.path, ['-hide_banner', '-i', file], (_e, _out, err) => ok(err)));
    expect(probe).toMatch(/Video: h264.*1080x1920/);
    expect(probe).toMatch(/Audio: aac/);
    const [, h, m, s] = /Duration: (\d+):(\d+):([\d.]+)/.exec(probe)!;
    const seconds = Number(h) * 3600 + Number(m) * 60 + Number(s);
    expect(Math.abs(seconds - (offered.song as { durationSec: number }).durationSec)).toBeLessThan(0.5);
    expect(problems).toEqual([]);
    await page.close();
    tv.close();
  }, 900_000);
});
