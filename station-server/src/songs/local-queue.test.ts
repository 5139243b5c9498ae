// The song queue with a fake composer at its edge (a real SQLite file, a real media folder): fair
// order, the bound, folders only while composing, and a job map that forgets finished jobs.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SongRequest } from '@radio-optimism/shared';
import type { SongManifest } from '../composer/manifest.js';
import { openSqliteStore, type SqliteStore } from '../library/sqlite-store.js';
import { createLocalMediaStore, type LocalMediaStore } from '../media/local-media.js';
import type { SongRecord } from '../library/store.js';
import { createLocalQueue, type LocalQueue } from './local-queue.js';
import { createJobHandler, type ComposeFn, type IngestFn } from './make-job.js';
import type { JobPriority, SongQueue } from './song-queue.js';
import { removeOrphanMedia, removeSong } from './song-files.js';
import { newSongOf } from './ingest.js';
import { acceptSong } from './accepted-songs.js';
import { QueueStoppedError } from './song-queue.js';

const request = (to: string): SongRequest => ({ message: 'Thank you', to, genre: 'pop', vibe: 'calm', language: 'en' });

/** A composer that finishes a song only when the test says so, and records the order songs started in. */
function fakeComposer() {
  const started: string[] = [];
  const pending = new Map<string, { finish: () => void; fail: () => void }>();
  const compose: ComposeFn = async (req, seed, outDir) => {
    const made = new Promise<void>((resolve, reject) => pending.set(req.to, { finish: resolve, fail: () => reject(new Error('the fake composer failed')) }));
    started.push(req.to);
    await writeFile(join(outDir, 'song.wav'), 'x');
    await made;
    return { manifest: { title: `For ${req.to}`, durationSec: 60, language: 'en', genre: 'pop', vibe: 'calm', theme: 'love', seed, request: req } as unknown as SongManifest };
  };
  const ingest: IngestFn = async (store, _media, id, manifest, kind) => store.songs.add(id, newSongOf(manifest), kind);
  return { started, pending, compose, ingest };
}

let fakes: ReturnType<typeof fakeComposer>[] = [];
function newFake(): ReturnType<typeof fakeComposer> {
  const fake = fakeComposer();
  fakes.push(fake);
  return fake;
}

const until = async (cond: () => boolean, what: string): Promise<void> => {
  for (let i = 0; i < 2000 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!cond()) throw new Error(`timed out waiting for ${what}`);
};

/** Submits a song job the way callers do (private, the given class). */
const song = async (queue: SongQueue, to: string, priority: JobPriority = 'operator') => (await queue.submit({ type: 'song', request: request(to), kind: 'private', priority })).id;
const made = async (queue: SongQueue, id: string): Promise<SongRecord> => {
  const result = await queue.wait(id);
  if (result.type !== 'song') throw new Error('not a song');
  return result.song;
};

describe('song queue', () => {
  let dir: string;
  let store: SqliteStore;
  let media: LocalMediaStore;
  let jobs: LocalQueue | undefined;
  const queueOf = (fake: ReturnType<typeof fakeComposer>, options: Partial<Parameters<typeof createLocalQueue>[0]> = {}) =>
    createLocalQueue({ concurrency: 1, log: () => undefined, newId: () => store.songs.newId(), handler: createJobHandler({ store, media, compose: fake.compose, ingest: fake.ingest }), ...options });
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'song-jobs-'));
    store = openSqliteStore(join(dir, 'data'));
    media = createLocalMediaStore(join(dir, 'data'));
  });
  afterEach(async () => {
    // Lets any song still being made finish, so destroy() (which waits for running songs) returns.
    for (const fake of fakes) for (const p of fake.pending.values()) p.finish();
    fakes = [];
    await jobs?.destroy();
    jobs = undefined;
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('gives a phone dedication the next free composer, ahead of operator, filler and starter jobs; FIFO within a class', async () => {
    const fake = newFake();
    jobs = queueOf(fake);
    const submit = (to: string, priority: JobPriority) => song(jobs!, to, priority);
    await submit('starter-running', 'starter');
    await until(() => fake.started.length === 1, 'the first song to start');
    for (let i = 1; i <= 3; i++) await submit(`starter-${i}`, 'starter');
    await submit('filler-1', 'filler');
    await submit('api-1', 'operator');
    await submit('api-2', 'operator');
    const phone1 = await submit('phone-1', 'dedication');
    await submit('phone-2', 'dedication');
    expect((await jobs.state(phone1))?.position).toBe(1);
    const order = ['phone-1', 'phone-2', 'api-1', 'api-2', 'filler-1', 'starter-1', 'starter-2', 'starter-3'];
    let finish = 'starter-running';
    for (const next of order) {
      fake.pending.get(finish)!.finish();
      await until(() => fake.started.length === order.indexOf(next) + 2, `${next} to start`);
      finish = next;
    }
    fake.pending.get(finish)!.finish();
    expect(fake.started).toEqual(['starter-running', ...order]);
  });

  it('refuses a new job once queueLimit jobs would start before it; lower classes never block a dedication', async () => {
    const fake = newFake();
    jobs = queueOf(fake, { queueLimit: 3 });
    await song(jobs, 'running');
    await until(() => fake.started.length === 1, 'the first song to start');
    for (let i = 0; i < 3; i++) {
      expect(await jobs.full('operator')).toBeUndefined();
      await song(jobs, `api-${i}`);
    }
    const full = await jobs.full('operator');
    expect(full).toMatchObject({ code: 'queue-full', message: expect.stringContaining('3 songs are waiting') });
    expect(full!.retryAfterSec).toBeGreaterThan(0);
    expect(await jobs.full('filler')).toBeDefined();
    // Three operator jobs wait, but none of them is ahead of a dedication.
    expect(await jobs.full('dedication')).toBeUndefined();
    for (let i = 0; i < 3; i++) await song(jobs, `phone-${i}`, 'dedication');
    expect(await jobs.full('dedication')).toMatchObject({ code: 'queue-full' });
  });

  it('does not queue twice a job whose id it holds (a resumption racing the run that queued it)', async () => {
    const fake = newFake();
    jobs = queueOf(fake);
    const first = await jobs.submit({ type: 'song', request: request('once'), kind: 'song', priority: 'starter', id: 'sameId01' });
    const again = await jobs.submit({ type: 'song', request: request('once'), kind: 'song', priority: 'starter', id: 'sameId01' });
    expect(again.id).toBe(first.id);
    expect(jobs.size()).toBe(1);
  });

  it('makes a song folder only when composing starts, and removes it when the song fails', async () => {
    const fake = newFake();
    const lines: string[] = [];
    jobs = queueOf(fake, { log: (l) => lines.push(l) });
    const dirOf = (id: string) => media.dirOf(`songs/${id}`);
    const first = await song(jobs, 'first');
    const second = await song(jobs, 'second');
    await until(() => fake.started.length === 1, 'the first song to start');
    expect(existsSync(dirOf(first))).toBe(true);
    expect(existsSync(dirOf(second))).toBe(false);
    fake.pending.get('first')!.fail();
    await expect(jobs.wait(first)).rejects.toThrow('the fake composer failed');
    expect((await jobs.state(first))?.status).toBe('failed');
    expect(existsSync(dirOf(first))).toBe(false);
    expect(lines.join('\n')).toContain(`song ${first} failed`);
    await until(() => fake.started.length === 2, 'the second song to start');
    fake.pending.get('second')!.finish();
    expect((await made(jobs, second)).kind).toBe('private');
    expect(existsSync(dirOf(second))).toBe(true);
    // Dropped at shutdown: queued jobs leave no folder.
    const third = await song(jobs, 'third');
    const fourth = await song(jobs, 'fourth');
    await until(() => fake.started.length === 3, 'the third song to start');
    const fourthDone = jobs.wait(fourth);
    const destroyed = jobs.destroy();
    fake.pending.get('third')!.finish();
    await destroyed;
    await expect(fourthDone).rejects.toThrow('shutting down');
    expect(existsSync(dirOf(fourth))).toBe(false);
    expect((await readdir(join(media.root, 'songs'))).sort()).toEqual([second, third].sort());
  });

  it('drops, not fails, a song whose composer is stopped with the station: its accepted request stays stored', async () => {
    const fake = newFake();
    const lines: string[] = [];
    jobs = queueOf(fake, { log: (l) => lines.push(l) });
    const id = await acceptSong(store, jobs, request('stopped'), 'operator', () => undefined);
    await until(() => fake.started.length === 1, 'the song to start');
    const done = jobs.wait(id);
    const destroyed = jobs.destroy();
    // What the station's stop does next: the composer's process is ended, so the song fails.
    fake.pending.get('stopped')!.fail();
    await destroyed;
    await expect(done).rejects.toBeInstanceOf(QueueStoppedError);
    expect((await jobs.state(id))?.status).not.toBe('failed');
    await new Promise((r) => setTimeout(r, 50)); // the request would be crossed off right after
    expect((await store.songRequests.pending()).map((r) => r.id)).toEqual([id]);
    expect(lines.join('\n')).toContain(`song ${id} was stopped with the station`);
  });

  it('forgets finished jobs after keepFinishedCount or keepFinishedMs; the store still answers for made songs', async () => {
    const fake = newFake();
    let now = 1_000_000;
    jobs = queueOf(fake, { concurrency: 4, keepFinishedCount: 3, keepFinishedMs: 60_000, now: () => now });
    const ids = [];
    for (let i = 0; i < 5; i++) {
      const id = await song(jobs, `song-${i}`);
      await until(() => fake.pending.has(`song-${i}`), `song-${i} to start`);
      fake.pending.get(`song-${i}`)!.finish();
      await jobs.wait(id);
      ids.push(id);
    }
    expect(jobs.size()).toBe(3);
    expect(await jobs.state(ids[0]!)).toBeUndefined();
    expect((await jobs.state(ids[4]!))?.status).toBe('ready');
    expect((await store.songs.get(ids[0]!))?.title).toBe('For song-0');
    now += 61_000;
    expect(await jobs.state(ids[4]!)).toBeUndefined();
    expect(jobs.size()).toBe(0);
  });
});

describe('media: orphan song folders', () => {
  it('removes folders no library entry owns (a crash mid-compose), and the files of removed songs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'orphans-'));
    const store = openSqliteStore(join(dir, 'data'));
    const media = createLocalMediaStore(join(dir, 'data'));
    try {
      const kept = await store.songs.newId();
      const keptDir = media.workDir(`songs/${kept}`);
      await store.songs.add(kept, { title: 'Kept', durationSec: 1, language: 'en', genre: 'pop', vibe: 'calm', theme: 'love', seed: 1, request: request('a') }, 'song');
      await writeFile(join(keptDir, 'song.m4a'), 'x');
      const orphan = join(media.root, 'songs', 'halfMadeSong1');
      await mkdir(orphan);
      await writeFile(join(orphan, 'song.wav'), 'x');
      await writeFile(join(media.root, 'songs', 'stray.txt'), 'not a folder: left alone');
      expect(await removeOrphanMedia(store, media)).toEqual(['halfMadeSong1']);
      expect(existsSync(orphan)).toBe(false);
      expect(existsSync(join(keptDir, 'song.m4a'))).toBe(true);
      await removeSong(store, media, kept);
      expect((await store.songs.get(kept))?.kind).toBe('removed');
      expect(existsSync(keptDir)).toBe(false);
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
