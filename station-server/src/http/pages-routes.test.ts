import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import type { SongManifest } from '../composer/manifest.js';
import { openParts as openLibrary, type TestParts as Library } from '../testing/test-parts.js';
import { pagesRoutes } from './pages-routes.js';
import { lyricsFromVtt } from './vtt-lines.js';

const EVIL = '<script>alert(1)</script>';
const QUOTE = '"><img src=x onerror=alert(2)>';

// A library row is all the pages read (plus lyrics.vtt): no audio needs to exist for these tests.
async function addSong(library: Library, fields: { title: string; to: string; from?: string; message: string; language?: string }, vtt?: string): Promise<string> {
  const { id, dir } = await library.reserve();
  if (vtt !== undefined) await writeFile(join(dir, 'lyrics.vtt'), vtt);
  const request = { message: fields.message, to: fields.to, ...(fields.from ? { from: fields.from } : {}), genre: 'pop', vibe: 'upbeat', language: fields.language ?? 'en' };
  const manifest = { title: fields.title, durationSec: 61.4, language: fields.language ?? 'en', genre: 'pop', vibe: 'upbeat', theme: 'love', seed: 1, request } as unknown as SongManifest;
  await library.add(id, manifest);
  return id;
}

describe('pages: share, feed and phone', () => {
  let dir: string;
  let library: Library;
  let server: Server;
  let base: string;
  let evilId: string;
  let plainId: string;
  let koId: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pages-'));
    library = openLibrary(join(dir, 'data'));
    const publicDir = join(dir, 'public');
    await mkdir(publicDir);
    await writeFile(join(publicDir, 'phone.js'), 'console.log(1)');
    evilId = await addSong(library, { title: `Title ${EVIL}`, to: `Ana ${QUOTE}`, from: `Bo ${EVIL}`, message: `Hi & <b>bold</b> ${EVIL}` }, `WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\nHello <00:00:02.000>&lt;script&gt;x&lt;/script&gt; Ana\n\n2\n00:00:03.100 --> 00:00:04.000\nsecond line\n\n3\n00:00:08.000 --> 00:00:09.000\nnew stanza\n`);
    await new Promise((r) => setTimeout(r, 5)); // distinct created_at for the feed's order
    plainId = await addSong(library, { title: 'Plain', to: 'Mia', message: 'Thanks' });
    await new Promise((r) => setTimeout(r, 5));
    koId = await addSong(library, { title: '고마워요', to: '민지', from: '지훈', message: '항상 고마워', language: 'ko' });
    await new Promise((r) => setTimeout(r, 50));
    const app = express();
    app.use(pagesRoutes({ store: library.store, media: library.media, publicDir }));
    server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await library.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('renders a share page with every typed thing escaped, in body and in meta tags', async () => {
    const res = await fetch(`${base}/s/${evilId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const page = await res.text();
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img src=x');
    expect(page).not.toContain('<b>bold');
    expect(page).toContain('Title &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('Ana &quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(page).toContain('Hi &amp; &lt;b&gt;bold&lt;/b&gt;');
    // The only <script> tag a share page holds is its own external module (share buttons).
    expect(page.match(/<script[^>]*>/g)).toEqual(['<script type="module" src="/static/share.js">']);
    // Lyrics: timestamps stripped, VTT escapes decoded and then escaped again for HTML.
    expect(page).toContain('Hello &lt;script&gt;x&lt;/script&gt; Ana<br>second line</p><p>new stanza</p>');
    expect(page).not.toContain('00:00:02.000');
  });

  it('carries Open Graph and Twitter card tags with absolute, escaped URLs', async () => {
    const page = await (await fetch(`${base}/s/${evilId}`)).text();
    const meta = (property: string) => page.match(new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)">`))?.[1];
    expect(meta('og:type')).toBe('music.song');
    expect(meta('og:title')).toBe('Title &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(meta('og:image')).toBe(`${base}/media/songs/${evilId}/cover.jpg`);
    expect(meta('og:audio')).toBe(`${base}/media/songs/${evilId}/song.m4a`);
    expect(meta('og:url')).toBe(`${base}/s/${evilId}`);
    expect(meta('og:description')).toContain('Ana &quot;&gt;&lt;img');
    expect(meta('twitter:card')).toBe('summary_large_image');
    expect(meta('twitter:image')).toBe(`${base}/media/songs/${evilId}/cover.jpg`);
  });

  const withHost = async (path: string, host: string): Promise<{ status: number; page: string; cache: string }> => {
    const { request } = await import('node:http');
    return new Promise((resolve, reject) => {
      const req = request(`${base}${path}`, { headers: { Host: host } }, (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, page: text, cache: String(res.headers['cache-control']) }));
      });
      req.on('error', reject);
      req.end();
    });
  };

  it('never puts a hostile Host header into the card', async () => {
    const { page } = await withHost(`/s/${plainId}`, 'evil.example"><script>x</script>');
    expect(page).not.toContain('evil.example');
    expect(page).toMatch(/content="http:\/\/[^"/]+:\d+\/media\/songs\//);
  });

  it('builds the cached card only from a host this machine answers to, never from a plain unknown Host', async () => {
    const port = new URL(base).port;
    const { page, cache } = await withHost(`/s/${plainId}`, `evil.example:${port}`);
    expect(cache).toContain('public'); // the page is cacheable, so its card must not carry the client's Host
    expect(page).not.toContain('evil.example');
    const own = (await import('./public-origin.js')).ownHostNames();
    const url = /<meta property="og:url" content="([^"]*)">/.exec(page)?.[1] ?? '';
    expect(own.has(new URL(url).hostname.replace(/^\[|\]$/g, ''))).toBe(true);
    // A Host that names this machine is kept (a TV on the LAN shares what it used).
    const local = await withHost(`/s/${plainId}`, `localhost:${port}`);
    expect(local.page).toContain(`content="http://localhost:${port}/s/${plainId}"`);
  });

  it('sends a strict Content-Security-Policy on every page', async () => {
    for (const path of [`/s/${evilId}`, '/feed', '/pair', '/s/nope-nope-nope']) {
      const res = await fetch(`${base}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).toContain("connect-src 'self' ws: wss:");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('answers 404 pages for unknown and malformed ids', async () => {
    for (const id of ['unknown1', 'abc', 'a'.repeat(33), '..%2f..%2flibrary.sqlite', '%3Cscript%3E']) {
      const res = await fetch(`${base}/s/${id}`);
      expect(res.status).toBe(404);
      const page = await res.text();
      expect(page).toContain('<h1>');
      expect(page).not.toContain('<script>');
    }
  });

  it('speaks the song language on its share page', async () => {
    const page = await (await fetch(`${base}/s/${koId}`)).text();
    expect(page).toContain('<html lang="ko">');
    expect(page).toContain('민지님을 위한 노래');
    expect(page).toContain('<p class="tags">팝 · 신나는</p>'); // the shared catalog names, in Korean
  });

  it('lists songs on the feed, newest first, without the private messages', async () => {
    const res = await fetch(`${base}/feed`, { headers: { 'Accept-Language': 'de-DE,de;q=0.9,en;q=0.5' } });
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<html lang="de">');
    const order = [koId, plainId, evilId].map((id) => page.indexOf(`href="/s/${id}"`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('Thanks');
  });

  it('answers 410 Gone, uncached, for a song an operator turned down', async () => {
    const goneId = await addSong(library, { title: 'Turned down', to: 'Zed', message: 'no' });
    expect((await fetch(`${base}/s/${goneId}`)).status).toBe(200);
    await library.removeSong(goneId);
    const res = await fetch(`${base}/s/${goneId}`);
    expect(res.status).toBe(410);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const page = await res.text();
    expect(page).not.toContain('Turned down');
    expect(page).not.toContain('og:');
  });

  it('pages the feed with a "more" link, and filters it by language, theme and relation', async () => {
    const first = await (await fetch(`${base}/feed?limit=2`)).text();
    expect(first).toContain(`/s/${koId}`);
    expect(first).toContain(`/s/${plainId}`);
    expect(first).not.toContain(`/s/${evilId}`);
    const more = /<a href="([^"]+)" rel="next">/.exec(first)?.[1];
    expect(more).toMatch(/^\/feed\?limit=2&amp;cursor=/);
    const second = await (await fetch(`${base}${more!.replaceAll('&amp;', '&')}`)).text();
    expect(second).toContain(`/s/${evilId}`);
    expect(second).not.toContain(`/s/${plainId}`);
    expect(second).not.toContain('rel="next"');
    const korean = await (await fetch(`${base}/feed?language=ko`)).text();
    expect(korean).toContain(`/s/${koId}`);
    expect(korean).not.toContain(`/s/${plainId}`);
    expect(await (await fetch(`${base}/feed?theme=apology`)).text()).not.toContain('/s/');
    expect(await (await fetch(`${base}/feed?relation=pet`)).text()).not.toContain('/s/');
  });

  it('answers a bad feed filter, limit or cursor with a 400 page that says what to fix, escaped', async () => {
    for (const [query, words] of [
      ['language=xx', 'language must be one of'],
      ['theme=%3Cscript%3E', 'theme must be one of'],
      ['relation=boss', 'relation must be one of'],
      ['limit=0', 'limit must be a whole number from 1 to 200'],
      ['limit=201', 'limit must be a whole number from 1 to 200'],
      ['cursor=%3Cb%3E', 'cursor must be the one'],
      ['cursor=bm90LWEtY3Vyc29y', 'not one this list gave out'],
    ] as const) {
      const res = await fetch(`${base}/feed?${query}`);
      expect([query, res.status]).toEqual([query, 400]);
      const page = await res.text();
      expect(page).toContain(words);
      expect(page).not.toContain('<script>');
    }
  });

  it('serves the phone shell and its built assets', async () => {
    const res = await fetch(`${base}/pair?code=ABC123`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<script type="module" src="/static/phone.js"></script>');
    expect(page).toContain('id="app"');
    const asset = await fetch(`${base}/static/phone.js`);
    expect(asset.status).toBe(200);
    expect(await asset.text()).toBe('console.log(1)');
  });
});

describe('lyricsFromVtt', () => {
  it('keeps the words, drops cue ids, timings, tags and NOTE blocks, and splits stanzas at pauses', () => {
    const vtt = 'WEBVTT\n\nNOTE made here\n\n1\n00:00:00.500 --> 00:00:02.000\n<v Singer>one <00:00:01.000>two</v>\n\n2\n00:00:02.100 --> 00:00:03.000\nthree &amp; four\n\n3\n00:00:06.000 --> 00:00:07.000\nfive\n';
    expect(lyricsFromVtt(vtt)).toEqual([['one two', 'three & four'], ['five']]);
    expect(lyricsFromVtt('WEBVTT\n')).toEqual([]);
  });
});
