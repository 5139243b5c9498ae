import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GROWING_PLAYLIST_CACHE_CONTROL } from '../media/cache-policy.js';
import { growingPlaylists } from './growing-playlists.js';

let dir: string;
let server: Server;
let base: string;
const playlist = (n: number, type: string) => ['#EXTM3U', `#EXT-X-PLAYLIST-TYPE:${type}`, ...Array.from({ length: n }, (_, i) => [`#EXTINF:2.0,`, `seg-${i}.ts`]).flat(), ...(type === 'VOD' ? ['#EXT-X-ENDLIST'] : []), ''].join('\n');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'growing-playlists-'));
  await mkdir(join(dir, 'abc123', 'hls', '128k'), { recursive: true });
  const app = express();
  app.use('/media/songs', growingPlaylists(dir));
  app.use((_req, res) => res.status(404).end('static'));
  server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/media/songs`;
});
afterAll(async () => {
  server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a growing song playlist', () => {
  it('is sent whole from memory, uncached, however often it is replaced while it is read', async () => {
    const path = join(dir, 'abc123', 'hls', '128k', 'index.m3u8');
    let n = 1;
    await writeFile(path, playlist(n, 'EVENT'));
    let writing = true;
    const writer = (async () => {
      while (writing) {
        n++;
        await writeFile(`${path}.part`, playlist(n, n % 7 === 0 ? 'VOD' : 'EVENT'));
        await rename(`${path}.part`, path);
      }
    })();
    for (let i = 0; i < 200; i++) {
      const res = await fetch(`${base}/abc123/hls/128k/index.m3u8`);
      const text = await res.text();
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe(GROWING_PLAYLIST_CACHE_CONTROL);
      expect(text.startsWith('#EXTM3U')).toBe(true);
      expect(text.endsWith('\n')).toBe(true);
    }
    writing = false;
    await writer;
  }, 60_000);

  it('leaves a finished song, other files and paths outside the folder to the static files', async () => {
    await writeFile(join(dir, 'abc123', 'hls', 'segments.json'), '[]');
    for (const path of ['/abc123/hls/128k/index.m3u8', '/abc123/lyrics.vtt', '/%2e%2e/x.m3u8', '/abc123/.hidden.m3u8']) {
      const res = await fetch(`${base}${path}`);
      expect(await res.text()).toBe('static');
    }
  });
});
