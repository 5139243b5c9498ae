// The song queue with a fake composer at its edge (a real library file): fair order, the bound,
// folders only while composing, and a job map that forgets finished jobs.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SongRequest } from '@radio-optimism/shared';
import type { SongManifest } from '../composer/manifest.js';
import { openLibrary, type Library } from './library.js';
import { createSongJobs, type ComposeFn, type IngestFn, type JobPriority, type SongJobs } from './song-jobs.js';

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
  const ingest: IngestFn = async (library, id, _dir, manifest, kind) => library.add(id, manifest, kind);
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

describe('song queue', () => {
  let dir: string;
  let library: Library;
  let jobs: SongJobs | undefined;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'song-jobs-'));
    library = openLibrary(join(dir, 'data'));
  });
  afterEach(async () => {
    // Lets any song still being made finish, so destroy() (which waits for running songs) returns.
    for (const fake of fakes) for (const p of fake.pending.values()) p.finish();
    fakes = [];
    await jobs?.destroy();
    jobs = undefined;
    library.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('gives a phone dedication the next free composer, ahead of operator, filler and starter jobs; FIFO within a class', async () => {
    const fake = newFake();
    jobs = createSongJobs(library, { concurrency: 1, log: () => undefined, compose: fake.compose, ingest: fake.ingest });
    const submit = (to: string, priority: JobPriority) => jobs!.submit(request(to), { priority });
    submit('starter-running', 'starter');
    await until(() => fake.started.length === 1, 'the first song to start');
    for (let i = 1; i <= 3; i++) submit(`starter-${i}`, 'starter');
    submit('filler-1', 'filler');
    submit('api-1', 'operator');
    submit('api-2', 'operator');
    const phone1 = submit('phone-1', 'dedication');
    submit('phone-2', 'dedication');
    expect(jobs.position(phone1.id)).toBe(1);
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
    jobs = createSongJobs(library, { concurrency: 1, queueLimit: 3, log: () => undefined, compose: fake.compose, ingest: fake.ingest });
    jobs.submit(request('running'), { priority: 'operator' });
    await until(() => fake.started.length === 1, 'the first song to start');
    for (let i = 0; i < 3; i++) {
      expect(jobs.full('operator')).toBeUndefined();
      jobs.submit(request(`api-${i}`), { priority: 'operator' });
    }
    const full = jobs.full('operator');
    expect(full).toMatchObject({ code: 'queue-full', message: expect.stringContaining('3 songs are waiting') });
    expect(full!.retryAfterSec).toBeGreaterThan(0);
    expect(jobs.full('filler')).toBeDefined();
    // Three operator jobs wait, but none of them is ahead of a dedication.
    expect(jobs.full('dedication')).toBeUndefined();
    for (let i = 0; i < 3; i++) jobs.submit(request(`phone-${i}`), { priority: 'dedication' });
    expect(jobs.full('dedication')).toMatchObject({ code: 'queue-full' });
  });

  it('makes a song folder only when composing starts, and removes it when the song fails', async () => {
    const fake = newFake();
    const lines: string[] = [];
    jobs = createSongJobs(library, { concurrency: 1, log: (l) => lines.push(l), compose: fake.compose, ingest: fake.ingest });
    const first = jobs.submit(request('first'));
    const second = jobs.submit(request('second'));
    await until(() => fake.started.length === 1, 'the first song to start');
    expect(existsSync(library.dirOf(first.id))).toBe(true);
    expect(existsSync(library.dirOf(second.id))).toBe(false);
    fake.pending.get('first')!.fail();
    await expect(first.done).rejects.toThrow('the fake composer failed');
    expect(first.status).toBe('failed');
    expect(existsSync(library.dirOf(first.id))).toBe(false);
    expect(lines.join('\n')).toContain(`song ${first.id} failed`);
    await until(() => fake.started.length === 2, 'the second song to start');
    fake.pending.get('second')!.finish();
    const song = await second.done;
    expect(song.kind).toBe('private');
    expect(existsSync(library.dirOf(second.id))).toBe(true);
    // Dropped at shutdown: queued jobs leave no folder.
    const third = jobs.submit(request('third'));
    const fourth = jobs.submit(request('fourth'));
    await until(() => fake.started.length === 3, 'the third song to start');
    const destroyed = jobs.destroy();
    fake.pending.get('third')!.finish();
    await destroyed;
    await expect(fourth.done).rejects.toThrow('shutting down');
    expect(existsSync(library.dirOf(fourth.id))).toBe(false);
    expect((await readdir(library.mediaDir)).sort()).toEqual([second.id, third.id].sort());
  });

  it('forgets finished jobs after keepFinishedCount or keepFinishedMs; the library still answers for made songs', async () => {
    const fake = newFake();
    let now = 1_000_000;
    jobs = createSongJobs(library, { concurrency: 4, keepFinishedCount: 3, keepFinishedMs: 60_000, now: () => now, log: () => undefined, compose: fake.compose, ingest: fake.ingest });
    const made = [];
    for (let i = 0; i < 5; i++) {
      const job = jobs.submit(request(`song-${i}`));
      await until(() => fake.pending.has(`song-${i}`), `song-${i} to start`);
      fake.pending.get(`song-${i}`)!.finish();
      await job.done;
      made.push(job.id);
    }
    expect(jobs.size()).toBe(3);
    expect(jobs.get(made[0]!)).toBeUndefined();
    expect(jobs.get(made[4]!)?.status).toBe('ready');
    expect(library.get(made[0]!)?.title).toBe('For song-0');
    now += 61_000;
    expect(jobs.get(made[4]!)).toBeUndefined();
    expect(jobs.size()).toBe(0);
  });
});

describe('library: orphan song folders', () => {
  it('removes folders no library entry owns (a crash mid-compose), and the files of removed songs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'orphans-'));
    const library = openLibrary(join(dir, 'data'));
    try {
      const { id: kept, dir: keptDir } = library.reserve();
      library.add(kept, { title: 'Kept', durationSec: 1, language: 'en', genre: 'pop', vibe: 'calm', theme: 'love', seed: 1, request: request('a') } as unknown as SongManifest);
      await writeFile(join(keptDir, 'song.m4a'), 'x');
      const orphan = join(library.mediaDir, 'halfMadeSong1');
      await mkdir(orphan);
      await writeFile(join(orphan, 'song.wav'), 'x');
      await writeFile(join(library.mediaDir, 'stray.txt'), 'not a folder: left alone');
      expect(library.removeOrphanFolders()).toEqual(['halfMadeSong1']);
      expect(existsSync(orphan)).toBe(false);
      expect(existsSync(join(keptDir, 'song.m4a'))).toBe(true);
      library.removeSong(kept);
      expect(library.get(kept)?.kind).toBe('removed');
      expect(existsSync(keptDir)).toBe(false);
    } finally {
      library.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
