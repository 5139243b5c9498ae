// Songs the station promised survive a restart: an operator's (stored before the 202) and the starter
// catalog's (stored before it is queued), made again under the same id by the next run, and crossed
// off once made or failed. A fake composer at the queue's edge; a real SQLite file, reopened.
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SongRequest } from '@radio-optimism/shared';
import type { SongManifest } from '../composer/manifest.js';
import { openSqliteStore, type SqliteStore } from '../library/sqlite-store.js';
import { createLocalMediaStore } from '../media/local-media.js';
import { createLocalQueue } from './local-queue.js';
import { createJobHandler, type ComposeFn, type IngestFn } from './make-job.js';
import { acceptSong, resumeAcceptedSongs } from './accepted-songs.js';
import { catalogWanted, queueStarterCatalog } from './starter-catalog.js';
import { newSongOf } from './ingest.js';

const request = (to: string): SongRequest => ({ message: 'Thank you', to, genre: 'pop', vibe: 'calm', language: 'en' });
const manifest = (req: SongRequest, seed: number) => ({ title: `For ${req.to}`, durationSec: 60, language: 'en', genre: 'pop', vibe: 'calm', theme: 'love', seed, request: req }) as unknown as SongManifest;
const ingest: IngestFn = async (store, _media, id, m, kind) => store.songs.add(id, newSongOf(m), kind);
const never: ComposeFn = () => new Promise(() => undefined);
const makes: ComposeFn = async (req, seed) => ({ manifest: manifest(req, seed) });
const fails: ComposeFn = async () => {
  throw new Error('the fake composer failed');
};
const quiet = () => undefined;

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function open(data: string, compose: ComposeFn) {
  const store = openSqliteStore(data, { log: quiet });
  const media = createLocalMediaStore(data);
  const queue = createLocalQueue({ concurrency: 1, log: quiet, newId: () => store.songs.newId(), handler: createJobHandler({ store, media, compose, ingest }) });
  return { store, media, queue };
}
const until = async (cond: () => Promise<boolean>, what: string): Promise<void> => {
  for (let i = 0; i < 2000; i++) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe('accepted songs', () => {
  it('makes a song accepted before a stop after the restart, under the id the operator was given', async () => {
    dir = await mkdtemp(join(tmpdir(), 'operator-songs-'));
    const data = join(dir, 'data');
    // Run 1: accepted, still queued behind one being made when the station stops.
    let run = open(data, never);
    const busy = await acceptSong(run.store, run.queue, request('Ana'), 'operator', quiet);
    const waiting = await acceptSong(run.store, run.queue, request('Bo'), 'operator', quiet);
    expect((await run.queue.state(waiting))?.status).toBe('queued');
    void run.queue.destroy(); // the one composing never ends: the process is gone
    await run.store.close();

    // Run 2: both are made again, in order, under their ids; then nothing is left to make.
    run = open(data, makes);
    expect((await run.store.songRequests.pending()).map((p) => p.id)).toEqual([busy, waiting]);
    expect(await resumeAcceptedSongs(run.store, run.queue, quiet)).toEqual([busy, waiting]);
    await Promise.all([run.queue.wait(busy), run.queue.wait(waiting)]);
    expect(await run.store.songs.get(waiting)).toMatchObject({ title: 'For Bo', kind: 'private' });
    await until(async () => (await run.store.songRequests.pending()).length === 0, 'the requests to be crossed off');
    await run.queue.destroy();
    await run.store.close();
  });

  it('crosses off a song that failed, so it is not made again and again', async () => {
    dir = await mkdtemp(join(tmpdir(), 'operator-songs-'));
    const run = open(join(dir, 'data'), fails);
    const id = await acceptSong(run.store, run.queue, request('Cy'), 'operator', quiet);
    await expect(run.queue.wait(id)).rejects.toThrow('the fake composer failed');
    await until(async () => (await run.store.songRequests.pending()).length === 0, 'the failed request to be crossed off');
    await run.queue.destroy();
    await run.store.close();
  });

  it('resumes a starter catalog cut short by a stop, without queueing it twice', async () => {
    dir = await mkdtemp(join(tmpdir(), 'starter-'));
    const data = join(dir, 'data');
    // Run 1: the first song is made, then the station stops with the rest still queued.
    let run: { store: SqliteStore; queue: ReturnType<typeof createLocalQueue> } = open(data, makes);
    expect(await catalogWanted(run.store)).toBe(true);
    const slow: ComposeFn = async (req, seed) => {
      if (req.to !== 'One') await new Promise(() => undefined);
      return makes(req, seed, '', {});
    };
    await run.queue.destroy();
    run = open(data, slow);
    const ids = await queueStarterCatalog(run.store, run.queue, [request('One'), request('Two'), request('Three')], quiet);
    await run.queue.wait(ids[0]!);
    void run.queue.destroy();
    await run.store.close();

    // Run 2: the catalog is not queued again from the prompts; the two left are made, as on-air songs.
    run = open(data, makes);
    expect(await catalogWanted(run.store)).toBe(false);
    const resumed = await resumeAcceptedSongs(run.store, run.queue, quiet);
    expect(resumed.sort()).toEqual(ids.slice(1).sort());
    await Promise.all(resumed.map((id) => run.queue.wait(id)));
    expect(await run.store.songs.count('song')).toBe(3);
    expect((await run.store.songs.get(ids[2]!))?.kind).toBe('song');
    await run.queue.destroy();
    await run.store.close();
  });

  it('does not queue the catalog again when a run was killed before its first song', async () => {
    dir = await mkdtemp(join(tmpdir(), 'starter-'));
    const data = join(dir, 'data');
    let run = open(data, never);
    await queueStarterCatalog(run.store, run.queue, [request('A'), request('B')], quiet);
    void run.queue.destroy();
    await run.store.close();
    run = open(data, never);
    expect(await run.store.songs.count('song')).toBe(0);
    expect(await catalogWanted(run.store)).toBe(false);
    expect((await run.store.songRequests.pending()).map((r) => r.priority)).toEqual(['starter', 'starter']);
    void run.queue.destroy();
    await run.store.close();
  });
});
