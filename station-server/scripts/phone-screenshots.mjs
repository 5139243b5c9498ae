// Screenshots of the phone page (/pair) at 390x844 in each language and at each step, for a person to
// look at. The station's WebSocket is replaced in the page by a scripted fake (here only, never in the
// product), so every step can be reached without composing a real song.
// Run after `npx tsc -b && node station-server/scripts/build-pages.mjs`:
//   node station-server/scripts/phone-screenshots.mjs [outDir]
import { copyFile, mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const { pagesRoutes } = await import(join(repo, 'station-server/dist/http/pages-routes.js'));
const { openLibrary } = await import(join(repo, 'station-server/dist/library/library.js'));
const { launchBrowser } = await import(join(repo, 'test/dist/browser.js'));
const outDir = process.argv[2] ?? join(repo, 'test/artifacts/phone');
const only = process.env.LANGS?.split(',');

const dir = await mkdtemp(join(tmpdir(), 'phone-shots-'));
const library = openLibrary(join(dir, 'data'));
const { id, dir: songDir } = library.reserve();
await copyFile(join(repo, 'test/artifacts/covers/lang-en.png'), join(songDir, 'cover.png')).catch(() => undefined);
await writeFile(
  join(songDir, 'lyrics.vtt'),
  'WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\nMia, you <00:00:02.000>light up the morning\n\n2\n00:00:03.100 --> 00:00:05.000\nEvery step you take\n\n3\n00:00:08.000 --> 00:00:10.000\nThank you for the sun\n',
);
library.add(id, { title: 'Sunlight for Mia', durationSec: 92, language: 'en', genre: 'pop', vibe: 'heartfelt', theme: 'gratitude', seed: 1, request: { message: 'Thank you', to: 'Mia', genre: 'pop', vibe: 'heartfelt', language: 'en' } });

const app = express();
app.use(pagesRoutes({ library, publicDir: join(repo, 'station-server/dist/public') }));
app.use('/media/songs', express.static(library.mediaDir));
const server = app.listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${server.address().port}`;

// The fake station, installed before the page's own script runs.
function fakeStation({ scenario, song }) {
  const replies = [];
  class FakeSocket {
    static OPEN = 1;
    readyState = 0;
    constructor() {
      setTimeout(() => {
        if (scenario === 'reconnecting') return this.onclose?.({});
        this.readyState = 1;
        this.onopen?.({});
      }, 30);
    }
    reply(frame, delay = 20) {
      setTimeout(() => this.onmessage?.({ data: JSON.stringify(frame) }), delay);
    }
    send(text) {
      const f = JSON.parse(text);
      replies.push(f);
      if (f.type === 'phone.resume') this.reply({ type: 'phone.paired', sessionToken: f.sessionToken, tvId: 'tv1', phoneId: 'p1' });
      if (f.type === 'phone.pair') {
        if (scenario === 'pair-error') this.reply({ type: 'error', code: 'code-expired', message: 'expired' });
        else this.reply({ type: 'phone.paired', sessionToken: 'tok_0123456789abcdef', tvId: 'tv1', phoneId: 'p1' });
      }
      if (f.type === 'dedication.create') {
        const position = scenario === 'queued' ? 3 : 1;
        this.reply({ type: 'dedication.accepted', id: 'd1', position });
        this.reply({ type: 'dedication.progress', id: 'd1', stage: 'queued', position }, 30);
        if (scenario === 'queued') return;
        this.reply({ type: 'dedication.progress', id: 'd1', stage: 'lyrics' }, 40);
        this.reply({ type: 'dedication.progress', id: 'd1', stage: 'music' }, 50);
        if (scenario === 'progress') return;
        if (scenario === 'failed') return this.reply({ type: 'dedication.failed', id: 'd1', code: 'composition-failed', message: 'x' }, 60);
        this.reply({ type: 'dedication.ready', id: 'd1', target: 'tv', song }, 80);
      }
    }
    close() {}
  }
  window.WebSocket = FakeSocket;
  window.__sent = replies;
}

const song = { id, title: 'Sunlight for Mia', to: 'Mia', from: 'Jon', durationSec: 92, files: { audio: `/media/songs/${id}/song.m4a`, cover: `/media/songs/${id}/cover.png`, coverSmall: `/media/songs/${id}/cover.png`, lyrics: `/media/songs/${id}/lyrics.vtt` } };
const MESSAGES = {
  en: 'Thank you for every morning you made brighter. I love you, Mia!',
  es: 'Gracias por cada mañana que hiciste más luminosa. ¡Te quiero, Mia!',
  pt: 'Obrigado por cada manhã que você deixou mais bonita. Te amo, Mia!',
  fr: 'Merci pour chaque matin que tu as rendu plus lumineux. Je t’aime, Mia !',
  de: 'Danke für jeden Morgen, den du heller gemacht hast. Ich hab dich lieb, Mia!',
  ko: '매일 아침을 더 밝게 만들어 줘서 고마워. 사랑해, 미아!',
};

await mkdir(outDir, { recursive: true });
const browser = await launchBrowser({ width: 390, height: 844 });
const shots = [];
try {
  for (const lang of only ?? ['en', 'es', 'pt', 'fr', 'de', 'ko']) {
    const shoot = async (name, scenario, act, { paired = false, full = true } = {}) => {
      const page = await browser.context.newPage();
      await page.addInitScript(fakeStation, { scenario, song });
      await page.addInitScript(({ paired }) => {
        localStorage.clear();
        if (paired) localStorage.setItem('radio-optimism.session', 'tok_0123456789abcdef');
      }, { paired });
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(`${base}/pair?lang=${lang}${name === '1-pair-prefilled' ? '&code=KT4M9X' : ''}`);
      await page.waitForSelector('.view');
      await act?.(page);
      await page.waitForTimeout(400);
      const file = join(outDir, `${lang}-${name}.png`);
      await page.screenshot({ path: file, fullPage: full, animations: 'disabled' });
      shots.push(file);
      if (errors.length) console.log(`${lang} ${name}: page errors: ${errors.join(' | ')}`);
      await page.close();
    };
    const fill = async (page, withMessage = true) => {
      await page.fill('input[name=to]', 'Mia');
      if (withMessage) await page.fill('textarea[name=message]', MESSAGES[lang]);
      await page.fill('input[name=from]', 'Jon');
      await page.locator('.chip', { has: page.locator('input[value=family]') }).click();
    };
    const send = async (page) => {
      await fill(page);
      await page.click('.form-view button[type=submit]');
      await page.waitForSelector('.progress-view');
    };
    await shoot('1-pair', 'ok', null, { full: false });
    await shoot('1-pair-prefilled', 'ok', null, { full: false });
    await shoot('1-pair-error', 'pair-error', async (p) => {
      await p.fill('input[name=code]', 'kt4m9x');
      await p.click('button[type=submit]');
      await p.waitForSelector('.field-error:not(:empty)');
    }, { full: false });
    await shoot('1-reconnecting', 'reconnecting', null, { full: false });
    await shoot('2-form', 'ok', (p) => fill(p), { paired: true });
    await shoot('2-form-errors', 'ok', async (p) => {
      await p.fill('textarea[name=message]', 'x'.repeat(510));
      await p.click('.form-view button[type=submit]');
    }, { paired: true, full: false });
    await shoot('3-queued', 'queued', send, { paired: true, full: false });
    await shoot('3-progress', 'progress', send, { paired: true, full: false });
    await shoot('3-ready', 'ready', async (p) => {
      await send(p);
      await p.waitForSelector('.song-card .lyrics:not([hidden])');
    }, { paired: true });
    await shoot('3-failed', 'failed', async (p) => {
      await send(p);
      await p.waitForSelector('.failed');
    }, { paired: true, full: false });
  }
  // The server-rendered pages the phone links to.
  for (const [name, path] of [['share', `/s/${id}`], ['feed', '/feed'], ['not-found', '/s/missing-song']]) {
    const page = await browser.context.newPage();
    await page.goto(`${base}${path}`);
    const file = join(outDir, `site-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    shots.push(file);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
  library.close();
  await rm(dir, { recursive: true, force: true });
}
console.log(`${shots.length} screenshots in ${outDir}`);
