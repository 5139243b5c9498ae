// Lyric videos kept in a bucket (a real S3-compatible server on 127.0.0.1), with the video maker at
// the unit's edge: the inputs are fetched (the audio from the playout cache when it holds it, a
// legacy PNG cover when there is no JPEG), the video is stored beside the song's files and sent with
// byte ranges, and a song whose files are not in the bucket is refused with a clear error.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { S3MediaStore } from '../media/s3-media.js';
import { startS3Server, type S3TestServer } from '../testing/s3-server.js';
import { storedVideos } from './video-places.js';

let server: S3TestServer;
let dir: string;
let media: S3MediaStore;
const song = { title: 'T', language: 'en', durationSec: 10, to: 'Mom', from: null };

beforeAll(async () => {
  server = await startS3Server();
  dir = await mkdtemp(join(tmpdir(), 'stored-videos-'));
  media = new S3MediaStore(server.config, { scratchDir: join(dir, 'media-scratch') });
  await media.put('songs/vidsong1', 'lyrics.vtt', { data: Buffer.from('WEBVTT\n') });
  await media.put('songs/vidsong1', 'song.m4a', { data: Buffer.from('bucket audio') });
  await media.put('songs/vidsong1', 'cover.png', { data: Buffer.from('legacy png') });
}, 60_000);
afterAll(async () => {
  media?.close();
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('lyric videos kept in the bucket', () => {
  it('fetches the inputs, makes the video, stores it beside the song and sends it with ranges', async () => {
    const cacheRoot = join(dir, 'cache');
    await mkdir(join(cacheRoot, 'songs/vidsong1'), { recursive: true });
    await writeFile(join(cacheRoot, 'songs/vidsong1/song.m4a'), 'cached audio');
    const seen: Record<string, string> = {};
    const videos = storedVideos({
      media,
      scratchDir: join(dir, 'scratch'),
      cacheRoot,
      make: async (songDir) => {
        for (const file of await readdir(songDir)) seen[file] = await readFile(join(songDir, file), 'utf8');
        await writeFile(join(songDir, 'video.mp4'), Buffer.alloc(2000, 1));
        return join(songDir, 'video.mp4');
      },
    });
    expect(await videos.has('vidsong1')).toBe(false);
    await videos.make('vidsong1', song);
    expect(seen).toEqual({ 'lyrics.vtt': 'WEBVTT\n', 'song.m4a': 'cached audio', 'cover.png': 'legacy png' });
    expect(await videos.has('vidsong1')).toBe(true);
    // The scratch is freed.
    expect(await readdir(join(dir, 'scratch'))).toEqual([]);

    const app = express().get('/v', (req, res, next) => videos.send('vidsong1', req, res, next));
    const http: Server = app.listen(0, '127.0.0.1');
    await new Promise((r) => http.once('listening', r));
    try {
      const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}/v`;
      const whole = await fetch(base);
      expect([whole.status, whole.headers.get('content-type'), whole.headers.get('cache-control')]).toEqual([200, 'video/mp4', 'public, max-age=86400']);
      expect((await whole.arrayBuffer()).byteLength).toBe(2000);
      const part = await fetch(base, { headers: { Range: 'bytes=100-199' } });
      expect([part.status, part.headers.get('content-range')]).toEqual([206, 'bytes 100-199/2000']);
      expect((await part.arrayBuffer()).byteLength).toBe(100);
    } finally {
      http.close();
    }
  });

  it('refuses a song whose files are not in the bucket, and leaves no scratch behind', async () => {
    const videos = storedVideos({ media, scratchDir: join(dir, 'scratch2'), make: () => Promise.reject(new Error('must not be called')) });
    await expect(videos.make('nothere1', song)).rejects.toMatchObject({ code: 'video-failed', message: 'songs/nothere1/lyrics.vtt is not in the media store' });
    expect(await readdir(join(dir, 'scratch2'))).toEqual([]);
  });
});
