// The TV app as webOS drives it, in Chromium: launch and relaunch parameters, the remote's channel
// and colour keys, the app hidden and shown again, the TV's language from the settings service, and
// a clean console at /tv/. webOS's parts (the launch events, PalmSystem, the service bridge) are
// played by the page itself, the way webOS delivers them: document events and window objects.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page, WebSocketRoute } from 'playwright-core';
import { launchBrowser, type Browser } from './browser.js';
import { describeInBrowser } from './describe-in-browser.js';
import { renderedFonts } from './rendered-fonts.js';
import { remoteKey } from './tv-keys.js';
import { ROOT, run } from './run.js';
import { freePort, startStation, type RunningStation, type StationFixture } from './station-process.js';
import { tvStation, type TvSong } from './tv-fixture.js';

const SONGS: TvSong[] = [
  { title: 'Sunrise for Mom', seconds: 8, frequency: 330, color: '#e53935', to: 'Mom', from: 'Alex', lines: ['good morning Mom', 'the sun is up for you', 'all day long'] },
  { title: '레나에게', seconds: 8, frequency: 660, color: '#43a047', to: '레나', from: '민수', lines: ['사랑하는 레나', '오늘도 고마워', '노래를 보내요'], message: '항상 곁에 있어 줘서 고마워' },
];

let fixture: StationFixture | undefined;
let station: RunningStation;
let browser: Browser;
let page: Page;
let songIds: Record<string, string> = {};
const failures: string[] = [];
const liveRequests: string[] = [];

const view = () => page.locator('[data-view]').getAttribute('data-view');
const viewBecomes = async (expected: string) => {
  await page.waitForFunction((v) => document.querySelector('[data-view]')?.getAttribute('data-view') === v, expected, { timeout: 8000 }).catch(() => undefined);
  return view();
};
const onAir = () => page.locator('[data-testid="view-live"]').innerText();
const onAirShows = async (name: string) => {
  await page.waitForFunction((n) => (document.querySelector('[data-testid="view-live"]') as HTMLElement | null)?.innerText.includes(n), name, { timeout: 8000 }).catch(() => undefined);
  return onAir();
};
const dispatch = (type: 'webOSLaunch' | 'webOSRelaunch', detail: object) => page.evaluate(([t, d]) => document.dispatchEvent(new CustomEvent(t as string, { detail: d })), [type, detail] as const);

beforeAll(async () => {
  if (!existsSync(resolve(ROOT, 'tv-app/dist/index.html'))) {
    const built = await run('npm', ['run', '-s', 'build', '-w', 'tv-app'], { timeoutMs: 400_000 });
    if (built.code !== 0) throw new Error(`the TV app did not build:\n${built.stdout}\n${built.stderr}`);
  }
  fixture = await tvStation(SONGS);
  station = await startStation(fixture, await freePort());
  const list = (await (await fetch(`${station.base}/api/v1/songs`)).json()) as { id: string; title: string }[];
  songIds = Object.fromEntries(list.map((s) => [s.title, s.id]));
  browser = await launchBrowser();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on('response', (r) => {
    if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') failures.push(`console: ${m.text()}`);
  });
  page.on('request', (r) => {
    const m = /\/live\/([^/]+)\/index\.m3u8/.exec(r.url());
    if (m) liveRequests.push(m[1]!);
  });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  station?.child.kill('SIGKILL');
  if (fixture) await (await import('node:fs/promises')).rm(fixture.dir, { recursive: true, force: true });
});

describeInBrowser('TV app on webOS', () => {
  it('loads /tv/ and starts playing without a failed request or a console error', async () => {
    await page.goto(`${station.base}/tv/`);
    await page.waitForFunction(() => ((document.querySelector('[data-testid="live-audio"]') as HTMLAudioElement | null)?.currentTime ?? 0) > 0, undefined, { timeout: 30_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="now"]')?.getAttribute('data-song'), undefined, { timeout: 15_000 });
    expect(failures).toEqual([]);
    expect(await view()).toBe('live');
  }, 60_000);

  it('draws a Korean dedication’s quoted (italic) message in Hangul on an English screen', async () => {
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    const message = '[data-testid="dedication"] q';
    await page.waitForFunction((s) => document.querySelector(s)?.textContent === '항상 곁에 있어 줘서 고마워', message, { timeout: 30_000 });
    expect(await page.evaluate((s) => getComputedStyle(document.querySelector(s)!).fontStyle, message)).toBe('italic');
    // Every Hangul glyph from the app's own Pretendard: this machine has no Korean font, so
    // anything else would be boxes.
    await page.waitForFunction(() => document.fonts.status === 'loaded', undefined, { timeout: 10_000 });
    const fonts = await renderedFonts(page, message);
    const hangulGlyphs = [...'항상 곁에 있어 줘서 고마워'].filter((c) => /[\uAC00-\uD7AF]/.test(c)).length;
    expect(fonts.find((f) => f.familyName === 'Pretendard')?.glyphCount).toBe(hangulGlyphs);
  }, 60_000);

  it('tunes Calm on a launch with {channel: "calm"}', async () => {
    liveRequests.length = 0;
    await dispatch('webOSLaunch', { channel: 'calm' });
    expect(await onAirShows('CALM')).toContain('CALM');
    expect(liveRequests).toContain('calm');
  }, 30_000);

  it('opens the song on a relaunch with its songId, and asks webOS to bring the app forward', async () => {
    const id = songIds['레나에게']!;
    await page.evaluate(() => {
      (window as unknown as { PalmSystem: object }).PalmSystem = { activate: () => ((window as unknown as { __activated: number }).__activated = 1) };
    });
    await dispatch('webOSRelaunch', { songId: id });
    expect(await viewBecomes('song')).toBe('song');
    await page.waitForFunction(() => ((document.querySelector('[data-testid="song-audio"]') as HTMLAudioElement | null)?.currentTime ?? 0) > 0, undefined, { timeout: 15_000 });
    expect(await page.evaluate(() => (document.querySelector('[data-testid="song-audio"]') as HTMLAudioElement).currentSrc)).toContain(`/media/songs/${id}/`);
    await page.waitForFunction(() => (document.querySelector('[data-testid="view-song"]') as HTMLElement | null)?.innerText.includes('레나에게'), undefined, { timeout: 8000 }).catch(() => undefined);
    expect(await page.locator('[data-testid="view-song"]').innerText()).toContain('레나에게');
    expect(await page.evaluate(() => (window as unknown as { __activated?: number }).__activated)).toBe(1);
    await page.evaluate(() => delete (window as unknown as { PalmSystem?: object }).PalmSystem);
    // A launch with a channel brings Live back from a song.
    await dispatch('webOSLaunch', { channel: 'radio-optimism' });
    expect(await viewBecomes('live')).toBe('live');
  }, 40_000);

  it('changes the channel on Live with PageDown (channel down) and PageUp', async () => {
    expect(await onAirShows('RADIO OPTIMISM')).toContain('RADIO OPTIMISM');
    liveRequests.length = 0;
    await page.keyboard.press('PageDown');
    // Channel down from the first channel wraps to the last one.
    expect(await onAirShows('K-SONGS')).toContain('K-SONGS');
    expect(liveRequests).toContain('k-songs');
    await remoteKey(page, 33); // the webOS channel-up key
    expect(await onAirShows('RADIO OPTIMISM')).toContain('RADIO OPTIMISM');
    expect(await view()).toBe('live');
  }, 30_000);

  it('opens the four views with the colour keys shown on Live’s buttons', async () => {
    for (const [code, colour, target] of [[403, 'red', 'channels'], [404, 'green', 'forYou'], [405, 'yellow', 'pair'], [406, 'blue', 'settings']] as const) {
      const label = page.locator(`[data-testid="nav-${target}"] [data-testid="key-${colour}"]`);
      await label.waitFor({ state: 'visible', timeout: 5000 });
      expect((await label.boundingBox())?.width).toBeGreaterThan(8);
      await remoteKey(page, code);
      expect(await viewBecomes(target)).toBe(target);
      await page.keyboard.press('Escape');
      expect(await viewBecomes('live')).toBe('live');
      await page.waitForTimeout(600);
    }
  }, 60_000);

  it('pauses when hidden and is back on live within 5 s of being shown', async () => {
    const audio = '[data-testid="live-audio"]';
    await page.waitForFunction((s) => !(document.querySelector(s) as HTMLAudioElement).paused, audio, { timeout: 15_000 });
    const setHidden = (hidden: boolean) =>
      page.evaluate((h) => {
        // What webOS does when the viewer goes Home and comes back: visibilityState changes and
        // visibilitychange fires. A headless page cannot be hidden for real, so the page says so.
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
        document.dispatchEvent(new Event('visibilitychange'));
      }, hidden);
    await setHidden(true);
    await page.waitForFunction((s) => (document.querySelector(s) as HTMLAudioElement).paused, audio, { timeout: 3000 });
    // Long enough for the live window to move on by several segments.
    await page.waitForTimeout(8000);
    expect(await page.evaluate((s) => (document.querySelector(s) as HTMLAudioElement).paused, audio)).toBe(true);
    liveRequests.length = 0;
    await setHidden(false);
    const shownAt = Date.now();
    // Playing again, the time moving, and at the live edge (not where it stopped).
    await page.waitForFunction(
      (s) => {
        const a = document.querySelector(s) as HTMLAudioElement;
        const w = window as unknown as { __resumeFrom?: number };
        if (a.paused || a.readyState < 3 || a.seekable.length === 0) return false;
        w.__resumeFrom ??= a.currentTime;
        return a.currentTime - w.__resumeFrom > 0.2 && a.seekable.end(a.seekable.length - 1) - a.currentTime < 12;
      },
      audio,
      { timeout: 5000, polling: 100 },
    );
    console.log(`shown to playing at the live edge: ${Date.now() - shownAt} ms`);
    expect(liveRequests.length).toBeGreaterThan(0);
    await page.evaluate(() => {
      delete (document as unknown as { hidden?: boolean }).hidden;
      delete (document as unknown as { visibilityState?: string }).visibilityState;
    });
  }, 40_000);

  it('speaks the TV’s language from the settings service, unless one was chosen in Settings', async () => {
    const fresh = await browser.context.newPage();
    // webOS's service bridge, answering getSystemSettings as a TV set to Korean does.
    await fresh.addInitScript(() => {
      class Bridge {
        onservicecallback: ((msg: string) => void) | undefined;
        call(uri: string) {
          if (uri === 'luna://com.webos.settingsservice/getSystemSettings') {
            setTimeout(() => this.onservicecallback?.(JSON.stringify({ method: 'getSystemSettings', settings: { localeInfo: { locales: { UI: 'ko-KR' } } }, returnValue: true })), 50);
          }
        }
        cancel() {}
      }
      (window as unknown as { PalmServiceBridge: unknown }).PalmServiceBridge = Bridge;
    });
    try {
      await fresh.goto(`${station.base}/tv/`);
      await fresh.evaluate(() => localStorage.removeItem('radio-optimism.settings'));
      await fresh.reload();
      await fresh.waitForFunction(() => document.documentElement.lang === 'ko', undefined, { timeout: 15_000 }).catch(() => undefined);
      expect(await fresh.evaluate(() => document.documentElement.lang)).toBe('ko');
      await fresh.evaluate(() => localStorage.setItem('radio-optimism.settings', JSON.stringify({ language: 'de' })));
      await fresh.reload();
      await fresh.waitForFunction(() => document.querySelector('[data-testid="nav-channels"]'), undefined, { timeout: 15_000 });
      await fresh.waitForTimeout(1000);
      expect(await fresh.evaluate(() => document.documentElement.lang)).toBe('de');
    } finally {
      await fresh.evaluate(() => localStorage.removeItem('radio-optimism.settings')).catch(() => undefined);
      await fresh.close();
    }
  }, 60_000);

  it('comes forward on a song that arrives for this TV while it is in the background', async () => {
    const fresh = await browser.context.newPage();
    let socket: WebSocketRoute | undefined;
    // The station's socket, passed through, so the test can add the frame a phone's song would bring.
    await fresh.routeWebSocket(/\/ws$/, (ws) => {
      socket = ws;
      ws.connectToServer();
    });
    // webOS's system object, as the app and Enact find it from the first script on.
    await fresh.addInitScript(() => {
      const system = { launchParams: '{}', deviceInfo: '{}', activate: () => ((window as unknown as { __activated: number }).__activated = 1) };
      Object.assign(window, { PalmSystem: system, webOSSystem: system });
    });
    const errors: string[] = [];
    fresh.on('pageerror', (e) => errors.push(e.message));
    fresh.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    try {
      await fresh.goto(`${station.base}/tv/`);
      await fresh.waitForFunction(() => document.querySelector('[data-view]')?.getAttribute('data-view') === 'live', undefined, { timeout: 15_000 }).catch(() => {
        throw new Error(`no Live view: ${errors.join('; ')}`);
      });
      await fresh.evaluate(() => {
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
        document.dispatchEvent(new Event('visibilitychange'));
      });
      const id = songIds['레나에게']!;
      socket!.send(JSON.stringify({ type: 'dedication.ready', id: 'd-background', song: { id, title: '레나에게', to: '레나', from: '민수' } }));
      await fresh.waitForFunction(() => (window as unknown as { __activated?: number }).__activated === 1, undefined, { timeout: 8000 });
      await fresh.waitForFunction(() => document.querySelector('[data-view]')?.getAttribute('data-view') === 'song', undefined, { timeout: 8000 });
      expect(await fresh.locator('[data-testid="view-song"]').innerText()).toContain('레나에게');
    } finally {
      await fresh.close();
    }
  }, 60_000);
});
