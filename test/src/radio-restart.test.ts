// Kill the server with SIGKILL while a channel plays and start it again: the media sequence
// continues and an hls.js player in Chromium keeps playing.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { launchBrowser, type Browser } from './browser.js';
import { describeInBrowser } from './describe-in-browser.js';
import { freePort, startStation, toneStation, type RunningStation, type StationFixture } from './station-process.js';

const hlsPath = createRequire(import.meta.url).resolve('hls.js/dist/hls.min.js');
const mediaSequence = async (base: string) => Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(await (await fetch(`${base}/live/radio-optimism/128k.m3u8`)).text())?.[1]);

let fixture: StationFixture;
let station: RunningStation | undefined;
let browser: Browser;
beforeAll(async () => {
  fixture = await toneStation([
    { title: 'A', seconds: 20, frequency: 330 },
    { title: 'B', seconds: 18, frequency: 440 },
    { title: 'C', seconds: 22, frequency: 550 },
  ]);
  browser = await launchBrowser({ width: 800, height: 600 });
});
afterAll(async () => {
  station?.child.kill('SIGKILL');
  await browser?.close();
  await rm(fixture.dir, { recursive: true, force: true });
});

describeInBrowser('a restart while listening', () => {
  it('continues the media sequence and the hls.js player keeps playing', async () => {
    const port = await freePort();
    station = await startStation(fixture, port);
    const page = await browser.context.newPage();
    await page.goto(`${station.base}/healthz`); // same origin as the stream
    await page.setContent('<audio id="a" autoplay></audio>');
    await page.addScriptTag({ path: hlsPath });
    await page.evaluate((src) => {
      const w = window as unknown as { Hls: any; hls: any; errors: string[] };
      w.errors = [];
      const hls = new w.Hls({ liveSyncDurationCount: 3, manifestLoadingMaxRetry: 20, levelLoadingMaxRetry: 20, fragLoadingMaxRetry: 20, manifestLoadingRetryDelay: 500, levelLoadingRetryDelay: 500, fragLoadingRetryDelay: 500 });
      hls.on(w.Hls.Events.ERROR, (_e: unknown, d: { fatal: boolean; details: string }) => { if (d.fatal) w.errors.push(d.details); });
      hls.loadSource(src);
      hls.attachMedia(document.getElementById('a'));
      w.hls = hls;
    }, `${station.base}/live/radio-optimism/index.m3u8`);
    const time = () => page.evaluate(() => (document.getElementById('a') as HTMLAudioElement).currentTime);
    await page.waitForFunction(() => (document.getElementById('a') as HTMLAudioElement).currentTime > 3, undefined, { timeout: 30_000 });
    const before = await mediaSequence(station.base);

    station.child.kill('SIGKILL');
    await new Promise((r) => station!.child.once('exit', r));
    const killedAt = await time();
    station = await startStation(fixture, port);
    const after = await mediaSequence(station.base);
    expect(after).toBeGreaterThanOrEqual(before);

    // Playback goes on: well past where it was when the server died, and past the old buffer.
    await page.waitForFunction((t) => (document.getElementById('a') as HTMLAudioElement).currentTime > t + 20, killedAt, { timeout: 45_000 });
    const later = await mediaSequence(station.base);
    expect(later).toBeGreaterThan(after);
    expect(await page.evaluate(() => (window as unknown as { errors: string[] }).errors)).toEqual([]);
    expect(await page.evaluate(() => (document.getElementById('a') as HTMLAudioElement).paused)).toBe(false);
  }, 120_000);
});
