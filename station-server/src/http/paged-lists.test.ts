// The API's lists a page at a time, on a real SQLite file: `/api/v1/songs` stays a JSON array of at
// most `limit`, with the next page in a Link header; the moderation list pages the same way; a bad
// limit or cursor is a 400 with a code and a message.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { SongManifest } from '../composer/manifest.js';
import { openParts, type TestParts } from '../testing/test-parts.js';
import { createLocalQueue } from '../songs/local-queue.js';
import { createJobHandler } from '../songs/make-job.js';
import type { Dedications } from '../pairing/dedications.js';
import { createApp } from './app.js';
import { moderationRoutes } from './moderation-routes.js';
import { operatorGuard } from './operator-auth.js';
import { operatorAccess } from './operator-access.js';
import { createOriginOf } from './public-origin.js';

const TOKEN = 'op-token-0123456789abcdefghij';
const auth = { authorization: `Bearer ${TOKEN}` };
const request = { message: 'm', to: 'A', genre: 'pop', vibe: 'calm', language: 'en' } as const;

let dir: string;
let lib: TestParts;
let server: Server;
let base: string;
let queue: ReturnType<typeof createLocalQueue>;
/** Public songs, newest first: by creation time, then id (songs made in the same millisecond). */
const songs: { id: string; createdAt: string }[] = [];
const newestFirst = () => [...songs].sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1)).map((s) => s.id);
const waiting: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paged-'));
  lib = openParts(join(dir, 'data'));
  for (let i = 0; i < 130; i++) {
    const { id } = await lib.reserve();
    const added = await lib.add(id, { title: `Song ${i}`, durationSec: 60, language: 'en', genre: 'pop', vibe: 'calm', theme: 'love', seed: i, request } as unknown as SongManifest, i % 10 === 0 ? 'private' : 'song');
    if (i % 10 !== 0) songs.push({ id, createdAt: added.createdAt });
  }
  for (let i = 0; i < 7; i++) {
    const id = `d_wait${i}`;
    await lib.store.dedications.add({ id, phoneId: 'ph_x', tvId: 'tv_x', target: 'radio', request });
    await lib.store.dedications.update(id, { status: 'ready', moderation: 'pending' });
    waiting.push(id);
  }
  await lib.store.dedications.add({ id: 'd_tv', phoneId: 'ph_x', tvId: 'tv_x', target: 'tv', request });
  queue = createLocalQueue({ concurrency: 1, log: () => undefined, handler: createJobHandler(lib) });
  const guard = operatorGuard(TOKEN);
  const access = operatorAccess({ operators: lib.store.operators, bearer: guard, originOf: createOriginOf(undefined) });
  server = createServer(createApp({ store: lib.store, queue, songsDir: lib.mediaDir, operatorOnly: guard, routers: [moderationRoutes(lib.store, () => ({}) as Dedications, access)] }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await queue.destroy();
  await lib.close();
  await rm(dir, { recursive: true, force: true });
});

/** Follows Link rel="next" from `path` to the end; returns every item and the pages' sizes. */
async function follow(path: string, headers: Record<string, string> = {}): Promise<{ ids: string[]; sizes: number[] }> {
  const ids: string[] = [];
  const sizes: number[] = [];
  let next: string | undefined = path;
  while (next) {
    const res = await fetch(`${base}${next}`, { headers });
    expect(res.status).toBe(200);
    const page = (await res.json()) as { id: string }[];
    expect(Array.isArray(page)).toBe(true);
    ids.push(...page.map((s) => s.id));
    sizes.push(page.length);
    next = /^<([^>]+)>; rel="next"$/.exec(res.headers.get('link') ?? '')?.[1];
    expect(sizes.length).toBeLessThan(50);
  }
  return { ids, sizes };
}

describe('GET /api/v1/songs, a page at a time', () => {
  it('answers at most 50 by default, newest first, and links the next page until every public song was listed once', async () => {
    const { ids, sizes } = await follow('/api/v1/songs');
    expect(sizes).toEqual([50, 50, 17]);
    expect(ids).toEqual(newestFirst());
  });

  it('takes a limit from 1 to 200 and keeps it in the next link', async () => {
    const one = await fetch(`${base}/api/v1/songs?limit=1`);
    expect(((await one.json()) as unknown[]).length).toBe(1);
    expect(one.headers.get('link')).toMatch(/^<\/api\/v1\/songs\?limit=1&cursor=[A-Za-z0-9_-]+>; rel="next"$/);
    const all = await fetch(`${base}/api/v1/songs?limit=200`);
    expect(((await all.json()) as unknown[]).length).toBe(117);
    expect(all.headers.get('link')).toBeNull();
    expect((await follow('/api/v1/songs?limit=40')).sizes).toEqual([40, 40, 37]);
  });

  it('refuses a bad limit or cursor with 400 and a code', async () => {
    for (const [query, code] of [
      ['limit=0', 'bad-limit'],
      ['limit=201', 'bad-limit'],
      ['limit=ten', 'bad-limit'],
      ['limit=5&limit=6', 'bad-limit'],
      ['cursor=%3Cscript%3E', 'bad-cursor'],
      ['cursor=bm90LWEtY3Vyc29y', 'bad-cursor'],
    ] as const) {
      const res = await fetch(`${base}/api/v1/songs?${query}`);
      expect([query, res.status]).toEqual([query, 400]);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect([query, body.error.code]).toEqual([query, code]);
      expect(body.error.message.length).toBeGreaterThan(10);
    }
  });
});

describe('GET /api/v1/moderation, a page at a time', () => {
  it('pages the radio dedications waiting for an operator, oldest first, for operators only', async () => {
    expect((await fetch(`${base}/api/v1/moderation`)).status).toBe(401);
    const { ids, sizes } = await follow('/api/v1/moderation?limit=3', auth);
    expect(sizes).toEqual([3, 3, 1]);
    expect(ids).toEqual(waiting);
    const bad = await fetch(`${base}/api/v1/moderation?cursor=nope`, { headers: auth });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('bad-cursor');
  });
});
