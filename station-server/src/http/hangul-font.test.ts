import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { HANGUL_FONT_FILES, HANGUL_FONT_PATH, hangulFontRoutes } from './hangul-font.js';

// The pages' stylesheet as written (tests run from dist/http; the CSS is bundled from src/).
const BASE_CSS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'pages', 'styles', 'base.css');

describe('the phone pages’ Hangul font', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    const app = express();
    app.use(hangulFontRoutes());
    server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  it('serves every face the pages’ CSS names, from the npm package, as woff2', async () => {
    const css = await readFile(BASE_CSS, 'utf8');
    const urls = [...css.matchAll(/url\('(\/static\/fonts\/hangul\/[^']+)'\)/g)].map((m) => m[1]!);
    expect(urls.sort()).toEqual(HANGUL_FONT_FILES.map((f) => `${HANGUL_FONT_PATH}/${f}`).sort());
    for (const url of urls) {
      const res = await fetch(base + url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('font/woff2');
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.subarray(0, 4).toString('latin1')).toBe('wOF2');
      // Pretendard's "latin" file carries the whole Hangul syllable block (hundreds of kB).
      expect(bytes.length).toBeGreaterThan(300_000);
    }
  });

  it('declares the faces for Hangul only, so pages without Korean never download them', async () => {
    const css = await readFile(BASE_CSS, 'utf8');
    const faces = [...css.matchAll(/@font-face\s*{([^}]*)}/g)].map((m) => m[1]!).filter((f) => f.includes('/static/fonts/hangul/'));
    expect(faces.length).toBe(HANGUL_FONT_FILES.length);
    for (const face of faces) expect(face).toMatch(/unicode-range:\s*U\+1100-11FF, U\+3130-318F, U\+A960-A97F, U\+AC00-D7AF, U\+D7B0-D7FF;/);
  });

  it('serves nothing else from the package’s folder', async () => {
    expect((await fetch(`${base}${HANGUL_FONT_PATH}/pretendard-latin-100-normal.woff2`)).status).toBe(404);
    expect((await fetch(`${base}${HANGUL_FONT_PATH}/../package.json`)).status).toBe(404);
    expect((await fetch(`${base}${HANGUL_FONT_PATH}/%2e%2e%2fpackage.json`)).status).toBe(404);
  });
});
