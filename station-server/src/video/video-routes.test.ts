import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import type { LyricVideos, VideoAnswer } from './lyric-videos.js';
import { videoRoutes } from './video-routes.js';
import { folderVideos } from './video-places.js';

describe('GET /s/<id>/video.mp4', () => {
  let dir: string;
  let server: Server;
  let base: string;
  let answer: VideoAnswer;
  const kinds: Record<string, string> = { songAAAA: 'song', privBBBB: 'private', jingleCC: 'jingle', goneDDDD: 'removed' };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'video-route-'));
    await writeFile(join(dir, 'video.mp4'), Buffer.alloc(1000, 7));
    const videos: LyricVideos = { get: async () => answer };
    const app = express().use(
      videoRoutes({ videos, send: folderVideos(() => dir).send, song: async (id) => (kinds[id] ? { kind: kinds[id]!, video: { title: 't', language: 'en', durationSec: 1, to: 'a', from: null } } : undefined) }),
    );
    server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('sends the video, with byte ranges, for public and private songs', async () => {
    answer = { ok: true };
    for (const id of ['songAAAA', 'privBBBB']) {
      const whole = await fetch(`${base}/s/${id}/video.mp4`);
      expect(whole.status).toBe(200);
      expect(whole.headers.get('content-type')).toBe('video/mp4');
      expect((await whole.arrayBuffer()).byteLength).toBe(1000);
    }
    const part = await fetch(`${base}/s/songAAAA/video.mp4`, { headers: { Range: 'bytes=10-19' } });
    expect(part.status).toBe(206);
    expect((await part.arrayBuffer()).byteLength).toBe(10);
  });

  it('answers 404 for no song or a station ID, 410 for a song taken down', async () => {
    expect((await fetch(`${base}/s/nothere1/video.mp4`)).status).toBe(404);
    expect((await fetch(`${base}/s/bad!id/video.mp4`)).status).toBe(404);
    expect((await fetch(`${base}/s/jingleCC/video.mp4`)).status).toBe(404);
    expect((await fetch(`${base}/s/goneDDDD/video.mp4`)).status).toBe(410);
  });

  it('says when to come back while videos are busy or one failed', async () => {
    answer = { ok: false, code: 'video-busy', message: 'many videos are being made right now; try again in a minute', retryAfterSec: 60 };
    const busy = await fetch(`${base}/s/songAAAA/video.mp4`);
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('60');
    expect(await busy.text()).toMatch(/try again/);
  });
});
