// The TV app end to end: the built app served by a real station (tone songs packaged by real
// ffmpeg), in Debian's Chromium. It must play at once, keep picture and lyrics in step with the
// sound at song boundaries, and reach and leave every view with arrows, Enter and Back alone.
// Screenshots of every view in the six languages go to test/artifacts/tv/.
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page, WebSocketRoute } from 'playwright-core';
import { launchBrowser, type Browser } from './browser.js';
import { describeInBrowser } from './describe-in-browser.js';
import { ROOT, run } from './run.js';
import { freePort, startStation, type RunningStation, type StationFixture } from './station-process.js';
import { tvStation, type TvSong } from './tv-fixture.js';
import { boundaries, installProbe, type ProbeSample } from './tv-probe.js';

const ARTIFACTS = resolve(ROOT, 'test/artifacts/tv');
const LANGS = ['en', 'es', 'pt', 'fr', 'de', 'ko'] as const;
/** What a screen reader says for the header's Back button (Sandstone's own label is English only). */
const BACK_LABEL: Record<(typeof LANGS)[number], string> = { en: 'Back', es: 'Atrás', pt: 'Voltar', fr: 'Retour', de: 'Zurück', ko: '뒤로' };
const SONGS: TvSong[] = [
  { title: 'Sunrise for Mom', seconds: 8, frequency: 330, color: '#e53935', to: 'Mom', from: 'Alex', lines: ['good morning Mom', 'the sun is up for you', 'all day long'] },
  { title: 'Ana’s Song', seconds: 8, frequency: 495, color: '#1e88e5', to: 'Ana', from: 'Jun', lines: ['hello Ana hello', 'here is your song', 'sing it loud'] },
  { title: '레나에게', seconds: 8, frequency: 660, color: '#43a047', to: '레나', from: '민수', lines: ['사랑하는 레나', '오늘도 고마워', '노래를 보내요'] },
  { title: 'Für Oma Hildegard', seconds: 8, frequency: 825, color: '#fdd835', to: 'Oma', from: 'Lena', lines: ['Herzlichen Glückwunsch', 'zum Geburtstag Oma', 'wir denken an dich'] },
];

let fixture: StationFixture | undefined;
let station: RunningStation;
let browser: Browser;
let page: Page;
/** Everything the page's Content-Security-Policy refused, over the whole run (Chromium reports each on the console). */
const cspViolations: string[] = [];
let songIds: Record<string, string> = {};
let socket: WebSocketRoute | undefined;
const sentByTv: string[] = [];

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const view = () => page.locator('[data-view]').getAttribute('data-view');
/** The view on top, once it is `expected` (a busy machine may take longer than a panel transition). */
/**
 * Waits (on a busy machine) until the focused control's test id starts with `prefix`; if focus rests
 * elsewhere (the header's Back button, say), moves down to it as a viewer would, then checks.
 */
const focusOn = async (prefix: string) => {
  const at = () => page.waitForFunction((p) => document.activeElement?.getAttribute('data-testid')?.startsWith(p), prefix, { timeout: 3000 }).then(() => true, () => false);
  for (let tries = 0; !(await at()) && tries < 2; tries++) await press('ArrowDown', 300);
  expect(await focused()).toMatch(new RegExp(`^${prefix}`));
};
const viewBecomes = async (expected: string) => {
  await page.waitForFunction((v) => document.querySelector('[data-view]')?.getAttribute('data-view') === v, expected, { timeout: 5000 }).catch(() => undefined);
  return view();
};
const focused = () => page.evaluate(() => (document.activeElement && document.activeElement !== document.body ? document.activeElement.getAttribute('data-testid') ?? document.activeElement.textContent?.trim().slice(0, 40) ?? '?' : null));

/**
 * One remote key, then the time Sandstone's panel transition takes. Focus must land on a control
 * once the transition is over (during it, Spotlight parks focus on purpose).
 */
async function press(key: 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Enter' | 'Escape', settle = 450) {
  await page.keyboard.press(key);
  await wait(settle);
  const popupOpen = await page.locator('[data-testid="exit-popup"], [data-testid="toast"]').count();
  if (popupOpen) return;
  // Focus belongs in the panel on top, once its transition has ended.
  const inTopPanel = () => {
    const top = document.querySelector('[data-view]')?.getAttribute('data-view');
    return document.activeElement?.closest('[data-testid^="view-"]')?.getAttribute('data-testid') === `view-${top}`;
  };
  await page.waitForFunction(inTopPanel, undefined, { timeout: 2500 }).catch(() => undefined);
  expect([await view(), await page.evaluate(inTopPanel)]).toEqual([await view(), true]);
}

/** A screenshot once a panel's slide and fade are over (on a busy machine they outlast the key's settle time). */
const shot = async (name: string) => {
  const still = () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity);
  await page.waitForFunction(still, undefined, { timeout: 2000 }).catch(() => undefined);
  await page.screenshot({ path: resolve(ARTIFACTS, `${name}.png`) });
};

/** Pretends to be the pairing half of the station (not built yet): answers tv.hello. */
async function routePairing(base: string) {
  await page.routeWebSocket(/\/ws$/, (ws) => {
    socket = ws;
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const frame = JSON.parse(String(message)) as { type: string };
      sentByTv.push(String(message));
      if (frame.type === 'tv.hello') {
        ws.send(JSON.stringify({ type: 'tv.welcome', tvId: 'tv-e2e', pairingCode: 'K7P2QX', pairingUrl: `${base}/pair?code=K7P2QX`, expiresAt: new Date(Date.now() + 5 * 60_000).toISOString(), phones: [{ id: 'p1', name: 'Alex’s phone' }] }));
      } else if (frame.type !== 'tv.unpair') server.send(message);
    });
    server.onMessage((message) => ws.send(message));
  });
}

beforeAll(async () => {
  if (!existsSync(resolve(ROOT, 'tv-app/dist/index.html'))) {
    const built = await run('npm', ['run', '-s', 'build', '-w', 'tv-app'], { timeoutMs: 240_000 });
    if (built.code !== 0) throw new Error(`the TV app did not build:\n${built.stdout}\n${built.stderr}`);
  }
  await rm(ARTIFACTS, { recursive: true, force: true });
  await mkdir(ARTIFACTS, { recursive: true });
  fixture = await tvStation(SONGS, 'as-configured');
  station = await startStation(fixture, await freePort());
  const list = (await (await fetch(`${station.base}/api/v1/songs`)).json()) as { id: string; title: string }[];
  songIds = Object.fromEntries(list.map((s) => [s.title, s.id]));
  browser = await launchBrowser();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('playing', () => ((window as unknown as { __firstPlaying?: number }).__firstPlaying ??= performance.now()), true);
  });
  await routePairing(station.base);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  station?.child.kill('SIGKILL');
  if (fixture) await rm(fixture.dir, { recursive: true, force: true });
});

describeInBrowser('TV app', () => {
  it('plays at once and keeps artwork, title and lyric line in step with the audio', async () => {
    const response = await page.goto(`${station.base}/tv/`);
    // The app is served under its own policy (station-server/src/http/tv-csp.ts) and must work under it.
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.waitForFunction(() => ((document.querySelector('[data-testid="live-audio"]') as HTMLAudioElement | null)?.currentTime ?? 0) > 0, undefined, { timeout: 20_000 });
    const firstAudioMs = await page.evaluate(() => (window as unknown as { __firstPlaying: number }).__firstPlaying);
    console.log(`load to first audio: ${Math.round(firstAudioMs)} ms`);
    const t0 = await page.evaluate(() => (document.querySelector('[data-testid="live-audio"]') as HTMLAudioElement).currentTime);
    await page.evaluate(installProbe);
    await wait(19_000);
    const t1 = await page.evaluate(() => (document.querySelector('[data-testid="live-audio"]') as HTMLAudioElement).currentTime);
    expect(t1 - t0).toBeGreaterThan(15);

    const samples = await page.evaluate(() => (window as unknown as { __probe: ProbeSample[] }).__probe);
    const byFreq = SONGS.map((s) => ({ hz: s.frequency, id: songIds[s.title]! }));
    const songOf = (hz: number) => byFreq.find((s) => Math.abs(s.hz - hz) < 40)?.id;
    const seen = boundaries(samples, songOf);
    console.log('boundaries', JSON.stringify(seen.map((b) => ({ song: b.song, lagMs: b.shownAt && Math.round(b.shownAt - b.heardAt), coverLagMs: b.coverAt && Math.round(b.coverAt - b.heardAt), line: b.lineAfter, text: b.lineTextAfter }))));
    expect(seen.length).toBeGreaterThanOrEqual(2);
    for (const b of seen) {
      expect(b.shownAt).toBeDefined();
      expect(Math.abs(b.shownAt! - b.heardAt)).toBeLessThan(500);
      expect(Math.abs(b.coverAt! - b.heardAt)).toBeLessThan(500);
      // 0.8 s in, the lit line is the new song's first one (its lines start at 0.5 s).
      const song = SONGS.find((s) => songIds[s.title] === b.song)!;
      expect(b.lineAfter).toBe(0);
      expect(b.lineTextAfter.trim()).toBe(song.lines[0]);
    }
  }, 60_000);

  it('reaches and leaves every view with arrows, Enter and Back alone', async () => {
    expect(await view()).toBe('live');
    expect(await focused()).toBe('nav-channels');
    await press('Enter');
    expect(await view()).toBe('channels');
    await focusOn('channel-');
    await press('ArrowDown');
    expect(await focused()).toBe('channel-calm');
    await press('Enter', 800);
    expect(await view()).toBe('live');
    await page.waitForFunction(() => (document.querySelector('[data-testid="view-live"]') as HTMLElement | null)?.innerText.includes('CALM'), undefined, { timeout: 5000 }).catch(() => undefined);
    expect(await page.locator('[data-testid="view-live"]').innerText()).toContain('CALM');

    const targets = ['forYou', 'pair', 'settings'] as const;
    for (const target of targets) {
      await press('ArrowRight');
      expect(await focused()).toBe(`nav-${target}`);
      await press('Enter');
      expect(await view()).toBe(target);
      await press('Escape');
      expect(await view()).toBe('live');
      // Back puts focus on the button that opened the panel.
      await page.waitForFunction((id) => document.activeElement?.getAttribute('data-testid') === id, `nav-${target}`, { timeout: 1500 }).catch(() => undefined);
      expect(await focused()).toBe(`nav-${target}`);
    }

    // Pairing: the code, and Unpair sends tv.unpair without losing focus.
    await press('ArrowLeft');
    await press('Enter');
    expect(await view()).toBe('pair');
    expect(await page.getByTestId('pair-code').innerText()).toBe('K7P2QX');
    await press('Enter');
    expect(sentByTv.some((m) => m.includes('"tv.unpair"') && m.includes('"p1"'))).toBe(true);
    await press('Escape');
    expect(await view()).toBe('live');

    // A phone's song arrives: the toast takes focus; Enter plays it; Back returns to live.
    socket!.send(JSON.stringify({ type: 'dedication.ready', id: 'd1', song: { id: songIds['Ana’s Song'], title: 'Ana’s Song', to: 'Ana', from: 'Jun' } }));
    await page.getByTestId('toast').waitFor();
    expect(await page.getByTestId('toast').innerText()).toContain('A song for you from Jun');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'toast-play', undefined, { timeout: 3000 });
    await shot('en-toast');
    await press('Enter', 1500);
    expect(await view()).toBe('song');
    expect(await page.evaluate(() => (document.querySelector('[data-testid="song-audio"]') as HTMLAudioElement).currentTime)).toBeGreaterThan(0);
    await press('Escape', 1200);
    expect(await view()).toBe('live');

    // Back on Live asks before leaving; Back again (or Stay) keeps the app.
    await press('Escape');
    expect(await page.getByTestId('exit-popup').isVisible()).toBe(true);
    await press('Escape');
    expect(await page.getByTestId('exit-popup').count()).toBe(0);
    expect(await view()).toBe('live');
    expect(await focused()).not.toBeNull();
  }, 90_000);

  it('shows every view in all six languages', async () => {
    for (const lang of LANGS) {
      await page.evaluate((l) => localStorage.setItem('radio-optimism.settings', JSON.stringify({ language: l })), lang);
      await page.reload();
      await page.waitForFunction(() => document.querySelector('[data-testid="now"]')?.getAttribute('data-song'), undefined, { timeout: 15_000 });
      await wait(600);
      await shot(`${lang}-live`);
      let at = 0;
      for (const [i, target] of (['channels', 'forYou', 'pair', 'settings'] as const).entries()) {
        while (at < i) (await press('ArrowRight', 150), at++);
        await press('Enter', 600);
        expect(await viewBecomes(target)).toBe(target);
        await shot(`${lang}-${target}`);
        const labels = await page.evaluate(() => [...document.querySelectorAll('[data-view] [aria-label]')].map((e) => e.getAttribute('aria-label')));
        expect(labels).toContain(BACK_LABEL[lang]);
        if (target === 'settings') {
          await page.waitForFunction((id) => document.activeElement?.getAttribute('data-testid') === id, `lang-${lang}`, { timeout: 3000 }).catch(() => undefined);
          expect(await focused()).toBe(`lang-${lang}`);
        }
        if (target === 'forYou') {
          await focusOn('play-');
          await press('Enter', 1200);
          expect(await viewBecomes('song')).toBe('song');
          await shot(`${lang}-play`);
          await press('Escape', 600);
          await focusOn('play-');
          await press('ArrowRight', 150);
          await press('Enter', 1200);
          expect(await viewBecomes('song')).toBe('song');
          await shot(`${lang}-karaoke`);
          await press('Escape', 600);
        }
        await press('Escape', 600);
        expect(await viewBecomes('live')).toBe('live');
      }
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    await wait(500);
    await shot('ko-720p-live');
  }, 150_000);

  it('ran every view above without one Content-Security-Policy refusal', () => {
    expect(cspViolations).toEqual([]);
  });
});
