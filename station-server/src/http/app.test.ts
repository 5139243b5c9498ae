import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import type { SongManifest } from '../composer/manifest.js';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import { openParts as openLibrary } from '../testing/test-parts.js';
import { createLocalQueue } from '../songs/local-queue.js';
import { createJobHandler } from '../songs/make-job.js';
import { createApp } from './app.js';
import { operatorGuard } from './operator-auth.js';

const TOKEN = 'op-token-0123456789abcdefghij';

describe('the TV app at /tv/', () => {
  let dir: string;
  let server: Server;
  let lib: ReturnType<typeof openLibrary>;
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await lib.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('says it is being built until it is, then serves it', async () => {
    dir = await mkdtemp(join(tmpdir(), 'tv-app-'));
    lib = openLibrary(join(dir, 'data'));
    const tvAppDir = join(dir, 'tv');
    server = createServer(createApp({ store: lib.store, queue: createLocalQueue({ concurrency: 1, log: () => undefined, handler: createJobHandler(lib) }), songsDir: lib.mediaDir, tvAppDir, operatorOnly: operatorGuard(TOKEN) }));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const building = await fetch(`${base}/tv/`);
    expect(building.status).toBe(503);
    expect(building.headers.get('retry-after')).toBe('20');
    expect(await building.text()).toContain('being built');
    await mkdir(tvAppDir, { recursive: true });
    await writeFile(join(tvAppDir, 'index.html'), '<!doctype html><title>TV</title>');
    const ready = await fetch(`${base}/tv/`);
    expect(ready.status).toBe(200);
    expect(await ready.text()).toContain('<title>TV</title>');
    expect((await fetch(`${base}/tv/missing.js`)).status).toBe(404);
    // The app goes out with its own policy (what it needs is in tv-csp.ts; tv-app.test.ts runs the real build under it).
    const csp = ready.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("media-src 'self' blob:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
  });
});

describe('POST /api/v1/songs: operators only, limited, bounded', () => {
  let dir: string;
  let server: Server;
  let lib: ReturnType<typeof openLibrary>;
  let jobs: ReturnType<typeof createLocalQueue>;
  let base: string;
  const body = JSON.stringify({ message: 'Thank you', to: 'Mom', genre: 'pop', vibe: 'calm', language: 'en' });
  const post = (headers: Record<string, string> = {}, payload = body) => fetch(`${base}/api/v1/songs`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: payload });
  const auth = { authorization: `Bearer ${TOKEN}` };

  const hanging: ((e: Error) => void)[] = [];
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    for (const fail of hanging) fail(new Error('the test is over'));
    await jobs.destroy();
    await lib.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses requests without the operator token (401, JSON), then makes a sender of wrong tokens wait (429)', async () => {
    dir = await mkdtemp(join(tmpdir(), 'api-songs-'));
    lib = openLibrary(join(dir, 'data'));
    // A composer that never finishes: the queue fills up and stays full.
    jobs = createLocalQueue({ concurrency: 1, queueLimit: 2, log: () => undefined, newId: () => lib.store.songs.newId(), handler: createJobHandler({ ...lib, compose: () => new Promise((_, reject) => hanging.push(reject)) }) });
    server = createServer(createApp({ store: lib.store, queue: jobs, songsDir: lib.mediaDir, operatorOnly: operatorGuard(TOKEN, 5), apiSongsPerHour: 4 }));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const none = await post();
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect(await none.json()).toEqual({ error: { code: 'operator-only', message: 'send the operator token as "Authorization: Bearer <token>"' } });
    for (let i = 0; i < 4; i++) expect((await post({ authorization: `Bearer wrong-${i}` })).status).toBe(401);
    const waiting = await post(auth);
    expect(waiting.status).toBe(429);
    expect(((await waiting.json()) as { error: { message: string } }).error.message).toMatch(/wrong operator tokens/);
    expect(await lib.count('private')).toBe(0);
    expect(await readdir(lib.mediaDir)).toEqual([]);
  });

  it('accepts the operator up to the hourly budget and the queue bound: 202, then 503 (full), then 429 (budget)', async () => {
    // A fresh guard: the address above used up its wrong-token allowance.
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    server = createServer(createApp({ store: lib.store, queue: jobs, songsDir: lib.mediaDir, operatorOnly: operatorGuard(TOKEN), apiSongsPerHour: 4 }));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const bad = await post(auth, JSON.stringify({ message: 3, to: 'Mom', genre: 'pop', vibe: 'calm', language: 'en' }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { field: 'message', message: 'message must be text' } });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(auth)).status);
    // One composing + two waiting = full; the fourth asks while full; the fifth is past the budget of 4.
    expect(statuses).toEqual([202, 202, 202, 503, 429]);
    const full = await post(auth);
    expect(full.status).toBe(429);
    expect(full.headers.get('retry-after')).toBeTruthy();
    expect(jobs.size()).toBe(3);
  });
});

describe('covers of songs made before covers were JPEG', () => {
  it('serves a folder\'s PNG for its cover.jpg, and a JPEG for an old cover.png link, each with its own type', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'covers-'));
    const lib = openLibrary(join(dir, 'data'));
    const jobs = createLocalQueue({ concurrency: 1, log: () => undefined, handler: createJobHandler(lib) });
    const server = createServer(createApp({ store: lib.store, queue: jobs, songsDir: lib.mediaDir, operatorOnly: operatorGuard(TOKEN) }));
    try {
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const old = await lib.reserve();
      await writeFile(join(old.dir, 'cover.png'), 'old png');
      const today = await lib.reserve();
      await writeFile(join(today.dir, 'cover-small.jpg'), 'new jpeg');
      const legacy = await fetch(`${base}/media/songs/${old.id}/cover.jpg`);
      expect([legacy.status, legacy.headers.get('content-type'), await legacy.text()]).toEqual([200, 'image/png', 'old png']);
      const linked = await fetch(`${base}/media/songs/${today.id}/cover-small.png`);
      expect([linked.status, linked.headers.get('content-type'), await linked.text()]).toEqual([200, 'image/jpeg', 'new jpeg']);
      // Neither form: still a 404, not a loop.
      expect((await fetch(`${base}/media/songs/${today.id}/cover.jpg`)).status).toBe(404);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await jobs.destroy();
      await lib.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('songs taken down', () => {
  it('answers 410 for a removed song and its files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gone-'));
    const lib = openLibrary(join(dir, 'data'));
    const jobs = createLocalQueue({ concurrency: 1, log: () => undefined, handler: createJobHandler(lib) });
    const server = createServer(createApp({ store: lib.store, queue: jobs, songsDir: lib.mediaDir, operatorOnly: operatorGuard(TOKEN) }));
    try {
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const { id, dir: songDir } = await lib.reserve();
      await writeFile(join(songDir, 'cover.png'), 'png');
      await lib.add(id, { title: 'T', durationSec: 1, language: 'en', genre: 'pop', vibe: 'calm', theme: 'love', seed: 1, request: { message: 'm', to: 'A', genre: 'pop', vibe: 'calm', language: 'en' } } as unknown as SongManifest, 'private');
      expect((await fetch(`${base}/media/songs/${id}/cover.png`)).status).toBe(200);
      expect((await fetch(`${base}/api/v1/songs/${id}`)).status).toBe(200);
      await lib.removeSong(id);
      for (const path of [`/media/songs/${id}/cover.png`, `/media/songs/${id}/song.m4a`, `/api/v1/songs/${id}`]) {
        const res = await fetch(`${base}${path}`);
        expect(res.status).toBe(410);
        expect(await res.json()).toEqual({ error: { code: 'gone', message: 'that song was taken down' } });
      }
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await jobs.destroy();
      await lib.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
