// The TV's player on a song still being made: hls.js (the TV app's own, from node_modules) in Chromium
// plays the growing playlist a real station offers in dedication.playable, from the song's start, and
// once the song is whole sees the playlist end at the song's full length. The player's settings are
// those of tv-app/src/player/songStream.ts (startPosition 0: a growing playlist looks live to hls.js).
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { createRequire } from 'node:module';
import { rm } from 'node:fs/promises';
import { freePort, startStation, toneStation, type RunningStation, type StationFixture } from './station-process.js';
import { Peer } from './ws-peer.js';
import { launchBrowser, type Browser } from './browser.js';
import { describeInBrowser } from './describe-in-browser.js';

const HLS_JS = createRequire(import.meta.url).resolve('hls.js/dist/hls.min.js');
let fixture: StationFixture;
let station: RunningStation;
let browser: Browser;
let port: number;

describeInBrowser('the TV playing a song while it is made', () => {
  beforeAll(async () => {
    fixture = await toneStation([
      { title: 'A', seconds: 30, frequency: 330 },
      { title: 'B', seconds: 30, frequency: 440 },
    ]);
    port = await freePort();
    station = await startStation(fixture, port);
    browser = await launchBrowser({ width: 800, height: 600 });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    station?.child.kill('SIGKILL');
    if (fixture) await rm(fixture.dir, { recursive: true, force: true });
  });

  it('plays the growing playlist from the start, then sees it end at the whole song', async () => {
    const url = `ws://127.0.0.1:${port}/ws`;
    const tv = await Peer.open(url);
    tv.send({ type: 'tv.hello' });
    const welcome = await tv.next('tv.welcome');
    const phone = await Peer.open(url);
    phone.send({ type: 'phone.pair', code: welcome.pairingCode, name: 'Alex' });
    await phone.next('phone.paired');
    phone.send({ type: 'dedication.create', request: { message: 'You make every day brighter', to: 'Sam', genre: 'ballad', vibe: 'calm', language: 'en' }, target: 'tv' });
    const id = (await phone.next('dedication.accepted')).id;
    const playable = await tv.next('dedication.playable', (f) => f.id === id, 240_000);
    const song = playable.song as { stream: string; durationSec: number };

    // A blank page on the station's own origin (so the media needs no CORS), with hls.js in it.
    const page = await browser.context.newPage();
    await page.route(`${station.base}/__player`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><audio id="a"></audio>' }));
    await page.goto(`${station.base}/__player`);
    await page.addScriptTag({ path: HLS_JS });
    await page.evaluate((stream) => {
      type Player = { loadSource(u: string): void; attachMedia(m: HTMLMediaElement): void; on(e: string, f: () => void): void };
      const w = window as unknown as { Hls: new (c: object) => Player; player: Player };
      const audio = document.getElementById('a') as HTMLAudioElement;
      const hls = new w.Hls({ startPosition: 0, liveSyncDurationCount: 1, manifestLoadingMaxRetry: 4, levelLoadingMaxRetry: 6 });
      w.player = hls;
      hls.on('hlsManifestParsed', () => void audio.play());
      hls.loadSource(stream);
      hls.attachMedia(audio);
    }, song.stream);

    // It plays, from the song's first second.
    await page.waitForFunction(() => (document.getElementById('a') as HTMLAudioElement).currentTime > 1, undefined, { timeout: 120_000 });
    const firstPlayed = await page.evaluate(() => {
      const audio = document.getElementById('a') as HTMLAudioElement;
      return audio.played.length > 0 ? audio.played.start(0) : -1;
    });
    expect(firstPlayed).toBeGreaterThanOrEqual(0);
    expect(firstPlayed).toBeLessThan(0.5);

    // Once the song is whole, the player's playlist ends (not live) at the song's length.
    await tv.next('dedication.ready', (f) => f.id === id, 300_000);
    await page.waitForFunction(
      () => {
        const hls = (window as unknown as { player: { levels: { details?: { live: boolean; totalduration: number } }[] } }).player;
        return hls.levels[0]?.details?.live === false;
      },
      undefined,
      { timeout: 60_000, polling: 500 },
    );
    const total = await page.evaluate(() => (window as unknown as { player: { levels: { details: { totalduration: number } }[] } }).player.levels[0]!.details.totalduration);
    expect(Math.abs(total - song.durationSec)).toBeLessThan(2.5);
    expect(await page.evaluate(() => (document.getElementById('a') as HTMLAudioElement).error)).toBeNull();
    tv.close();
    phone.close();
  }, 600_000);
});
