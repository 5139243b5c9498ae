// Every view of the TV app at 1920x1080 and at 3840x2160 in the six languages, and at 1280x720 in
// the languages with the longest (de) and the least Latin (ko) words; plus the phone pages with
// Korean titles. Screenshots go to test/artifacts/screens/ for a person to look at; the test itself
// checks that at every size each view's controls and text stay on the screen and nothing scrolls
// sideways. Views are reached with the remote's colour keys (403-406), as a viewer can.
import { mkdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { launchBrowser, type Browser } from './browser.js';
import { describeInBrowser } from './describe-in-browser.js';
import { renderedFonts } from './rendered-fonts.js';
import { remoteKey } from './tv-keys.js';
import { ROOT, run } from './run.js';
import { freePort, startStation, type RunningStation, type StationFixture } from './station-process.js';
import { tvStation, type TvSong } from './tv-fixture.js';

const ARTIFACTS = resolve(ROOT, 'test/artifacts/screens');
const LANGS = ['en', 'es', 'pt', 'fr', 'de', 'ko'] as const;
const SIZES = { '1080p': { width: 1920, height: 1080 }, '4k': { width: 3840, height: 2160 }, '720p': { width: 1280, height: 720 } } as const;
const SONGS: TvSong[] = [
  { title: '레나에게', seconds: 12, frequency: 660, color: '#43a047', to: '레나', from: '민수', lines: ['사랑하는 레나', '오늘도 고마워', '노래를 보내요'], message: '항상 곁에 있어 줘서 고마워, 사랑해' },
  { title: 'Für Oma Hildegard', seconds: 12, frequency: 825, color: '#fdd835', to: 'Oma Hildegard', from: 'Lena', lines: ['Herzlichen Glückwunsch', 'zum Geburtstag Oma', 'wir denken an dich'], message: 'Alles Liebe zum Geburtstag, wir vermissen dich' },
];
const COLOUR = { channels: 403, forYou: 404, pair: 405, settings: 406 } as const;

let fixture: StationFixture | undefined;
let station: RunningStation;
let browser: Browser;
let page: Page;
let songIds: Record<string, string> = {};

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const viewBecomes = async (expected: string) => {
  await page.waitForFunction((v) => document.querySelector('[data-view]')?.getAttribute('data-view') === v, expected, { timeout: 10_000 }).catch(() => undefined);
  return page.locator('[data-view]').getAttribute('data-view');
};

/** Once the panel's slide is over: a screenshot, and what of the view lies outside the screen. */
async function shoot(name: string): Promise<string[]> {
  const still = () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity);
  await page.waitForFunction(still, undefined, { timeout: 3000 }).catch(() => undefined);
  await page.waitForFunction(() => document.fonts.status === 'loaded', undefined, { timeout: 5000 }).catch(() => undefined);
  await page.screenshot({ path: resolve(ARTIFACTS, `${name}.png`) });
  return page.evaluate(() => {
    const out: string[] = [];
    const { innerWidth: w, innerHeight: h } = window;
    if (document.documentElement.scrollWidth > w + 1) out.push(`page scrolls sideways (${document.documentElement.scrollWidth} > ${w})`);
    const top = document.querySelector('[data-view]')?.getAttribute('data-view');
    const panel = document.querySelector(`[data-testid="view-${top}"]`);
    for (const el of panel?.querySelectorAll('[role="button"], button, h1, h2, [data-testid]') ?? []) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      // Inside a scroller, off-screen rows are fine: they scroll into view.
      if (el.closest('[data-spotlight-container][class*="Scroller"], [class*="Scroller_scroll"]')) continue;
      if (r.left < -1 || r.top < -1 || r.right > w + 1 || r.bottom > h + 1) out.push(`${el.getAttribute('data-testid') ?? el.tagName} at ${Math.round(r.left)},${Math.round(r.top)}-${Math.round(r.right)},${Math.round(r.bottom)}`);
    }
    return out;
  });
}

beforeAll(async () => {
  if (!existsSync(resolve(ROOT, 'tv-app/dist/index.html'))) {
    const built = await run('npm', ['run', '-s', 'build', '-w', 'tv-app'], { timeoutMs: 400_000 });
    if (built.code !== 0) throw new Error(`the TV app did not build:\n${built.stdout}\n${built.stderr}`);
  }
  await rm(ARTIFACTS, { recursive: true, force: true });
  for (const dir of [...Object.keys(SIZES), 'phone']) await mkdir(resolve(ARTIFACTS, dir), { recursive: true });
  fixture = await tvStation(SONGS);
  station = await startStation(fixture, await freePort());
  const list = (await (await fetch(`${station.base}/api/v1/songs`)).json()) as { id: string; title: string }[];
  songIds = Object.fromEntries(list.map((s) => [s.title, s.id]));
  browser = await launchBrowser();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
}, 600_000);

afterAll(async () => {
  await browser?.close();
  station?.child.kill('SIGKILL');
  if (fixture) await rm(fixture.dir, { recursive: true, force: true });
});

async function everyView(size: keyof typeof SIZES, lang: string): Promise<string[]> {
  const problems: string[] = [];
  const note = (view: string, found: string[]) => problems.push(...found.map((f) => `${size} ${lang} ${view}: ${f}`));
  const received = SONGS.map((s, i) => ({ id: songIds[s.title], title: s.title, to: s.to, from: s.from, receivedAt: new Date(Date.now() - i * 3600_000).toISOString() }));
  await page.evaluate(([l, r]) => {
    localStorage.setItem('radio-optimism.settings', JSON.stringify({ language: l }));
    localStorage.setItem('radio-optimism.for-you', JSON.stringify(r));
  }, [lang, received] as const);
  await page.reload();
  // Live with the Korean song on air: its title, lyrics and quoted message.
  await page.waitForFunction((id) => document.querySelector('[data-testid="now"]')?.getAttribute('data-song') === id && document.querySelector('[data-testid="dedication"] q'), songIds['레나에게'], { timeout: 40_000 });
  await wait(800);
  note('live', await shoot(`${size}/${lang}-live`));
  for (const target of ['channels', 'forYou', 'pair', 'settings'] as const) {
    await remoteKey(page, COLOUR[target]);
    expect(await viewBecomes(target)).toBe(target);
    // A panel's content comes in once its slide is over.
    const content = { channels: '[data-testid^="channel-"]', forYou: '[data-testid^="play-"]', pair: '[data-testid="pair-code"]', settings: '[data-testid^="lang-"]' }[target];
    await page.locator(content).first().waitFor({ state: 'visible', timeout: 10_000 }).catch(() => undefined);
    await wait(400);
    note(target, await shoot(`${size}/${lang}-${target}`));
    if (target === 'forYou') {
      for (const mode of ['play', 'karaoke'] as const) {
        await page.getByTestId(`${mode}-${songIds['레나에게']}`).click();
        expect(await viewBecomes('song')).toBe('song');
        await page.waitForFunction(() => ((document.querySelector('[data-testid="song-audio"]') as HTMLAudioElement | null)?.currentTime ?? 0) > 1.5, undefined, { timeout: 15_000 }).catch(() => undefined);
        note(mode, await shoot(`${size}/${lang}-${mode}`));
        // Back from a song opened in For you returns to For you.
        await page.keyboard.press('Escape');
        expect(await viewBecomes('forYou')).toBe('forYou');
        await wait(500);
      }
    }
    await page.keyboard.press('Escape');
    expect(await viewBecomes('live')).toBe('live');
    await wait(500);
  }
  return problems;
}

describeInBrowser('TV app at 1080p, 4K and 720p, and the phone pages in Korean', () => {
  for (const size of ['1080p', '4k'] as const) {
    it(`keeps every view on screen at ${size} in all six languages`, async () => {
      await page.setViewportSize(SIZES[size]);
      if (page.url() === 'about:blank') await page.goto(`${station.base}/tv/`);
      const problems: string[] = [];
      for (const lang of LANGS) problems.push(...(await everyView(size, lang)));
      expect(problems).toEqual([]);
    }, 900_000);
  }

  it('keeps every view on screen at 720p (German and Korean)', async () => {
    await page.setViewportSize(SIZES['720p']);
    const problems: string[] = [];
    for (const lang of ['de', 'ko']) problems.push(...(await everyView('720p', lang)));
    expect(problems).toEqual([]);
  }, 600_000);

  it('draws Korean titles on the phone pages with the station’s Hangul font, under the strict CSP', async () => {
    const phone = await browser.context.newPage();
    const violations: string[] = [];
    phone.on('console', (m) => {
      if (m.type() === 'error') violations.push(m.text());
    });
    try {
      await phone.setViewportSize({ width: 390, height: 844 });
      const fontRequests: string[] = [];
      phone.on('response', (r) => {
        if (r.url().includes('/static/fonts/hangul/')) fontRequests.push(`${r.status()} ${r.url()}`);
      });
      const pages = [['feed', '/feed'], ['share', `/s/${songIds['레나에게']}`], ['pair-ko', '/pair?lang=ko'], ['pair-en', '/pair?lang=en']] as const;
      for (const [name, path] of pages) {
        await phone.goto(`${station.base}${path}`);
        await phone.waitForLoadState('networkidle').catch(() => undefined);
        // A face starts loading only once text needs it: wait for the Hangul one where there is Hangul.
        await phone
          .waitForFunction(() => !/[\uAC00-\uD7AF]/.test(document.body.innerText) || [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'Radio Hangul' && f.status === 'loaded'), undefined, { timeout: 10_000 })
          .catch(() => undefined);
        await phone.waitForFunction(() => document.fonts.status === 'loaded', undefined, { timeout: 10_000 });
        await phone.screenshot({ path: resolve(ARTIFACTS, 'phone', `${name}.png`), fullPage: true });
        const hangul = await phone.evaluate(() => /[\uAC00-\uD7AF]/.test(document.body.innerText));
        if (hangul) {
          // The first element whose own text has Hangul: every such glyph drawn with Pretendard.
          const glyphs = await phone.evaluate(() => {
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const text = n.textContent ?? '';
              // (A closed <select>'s options are drawn by the select, not as text of their own.)
              if (/[\uAC00-\uD7AF]/.test(text) && n.parentElement && !n.parentElement.closest('select')) {
                n.parentElement.setAttribute('data-hangul-probe', '');
                return [...(n.parentElement.textContent ?? '')].filter((c) => /[\uAC00-\uD7AF]/.test(c)).length;
              }
            }
            return 0;
          });
          if (glyphs > 0) {
            const fonts = await renderedFonts(phone, '[data-hangul-probe]');
            expect([name, fonts.find((f) => f.familyName === 'Pretendard')?.glyphCount]).toEqual([name, glyphs]);
          }
        }
        const loaded = await phone.evaluate(() => [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Radio Hangul' && f.status === 'loaded').length);
        // Loaded exactly when Hangul is on screen (this machine has no Korean font of its own).
        expect([name, loaded > 0]).toEqual([name, hangul]);
        if (name !== 'pair-en') expect([name, hangul]).toEqual([name, true]);
      }
      expect(fontRequests.every((r) => r.startsWith('200 '))).toBe(true);
      expect(violations.filter((v) => /Content Security Policy|Refused/.test(v))).toEqual([]);
    } finally {
      await phone.close();
    }
  }, 120_000);
});
