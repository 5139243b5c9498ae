// Songs the API accepted survive a restart: stored before the 202, made again under the same id by
// the next run, and crossed off once made or failed. A fake composer at the queue's edge, a real file.
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SongRequest } from '@radio-optimism/shared';
import type { SongManifest } from '../composer/manifest.js';
import { openLibrary } from './library.js';
import { resumeOperatorSongs, submitOperatorSong } from './operator-songs.js';
import { createSongJobs, type ComposeFn, type IngestFn } from './song-jobs.js';

const request = (to: string): SongRequest => ({ message: 'Thank you', to, genre: 'pop', vibe: 'calm', language: 'en' });
const manifest = (req: SongRequest, seed: number) => ({ title: `For ${req.to}`, durationSec: 60, language: 'en', genre: 'pop', vibe: 'calm', theme: 'love', seed, request: req }) as unknown as SongManifest;
const ingest: IngestFn = async (library, id, _dir, m, kind) => library.add(id, m, kind);
const never: ComposeFn = () => new Promise(() => undefined);
const makes: ComposeFn = async (req, seed) => ({ manifest: manifest(req, seed) });
const fails: ComposeFn = async () => {
  throw new Error('the fake composer failed');
};

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('operator songs', () => {
  it('makes a song accepted before a stop after the restart, under the id the operator was given', async () => {
    dir = await mkdtemp(join(tmpdir(), 'operator-songs-'));
    const data = join(dir, 'data');
    // Run 1: accepted, still queued behind one being made when the station stops.
    let library = openLibrary(data, { log: () => undefined });
    let jobs = createSongJobs(library, { concurrency: 1, log: () => undefined, compose: never, ingest });
    const busy = submitOperatorSong(library, jobs, request('Ana'), () => undefined);
    const waiting = submitOperatorSong(library, jobs, request('Bo'), () => undefined);
    expect(waiting.status).toBe('queued');
    void jobs.destroy(); // the one composing never ends: the process is gone
    library.close();

    // Run 2: both are made again, in order, under their ids; then nothing is left to make.
    library = openLibrary(data, { log: () => undefined });
    expect(library.songRequests.pending().map((p) => p.id)).toEqual([busy.id, waiting.id]);
    jobs = createSongJobs(library, { concurrency: 1, log: () => undefined, compose: makes, ingest });
    expect(resumeOperatorSongs(library, jobs, () => undefined)).toBe(2);
    await Promise.all([jobs.get(busy.id)!.done, jobs.get(waiting.id)!.done]);
    expect(library.get(waiting.id)).toMatchObject({ title: 'For Bo', kind: 'private' });
    expect(library.songRequests.pending()).toEqual([]);
    await jobs.destroy();
    library.close();
  });

  it('crosses off a song that failed, so it is not made again and again', async () => {
    dir = await mkdtemp(join(tmpdir(), 'operator-songs-'));
    const library = openLibrary(join(dir, 'data'), { log: () => undefined });
    const jobs = createSongJobs(library, { concurrency: 1, log: () => undefined, compose: fails, ingest });
    const job = submitOperatorSong(library, jobs, request('Cy'), () => undefined);
    await expect(job.done).rejects.toThrow('the fake composer failed');
    await new Promise((r) => setImmediate(r));
    expect(library.songRequests.pending()).toEqual([]);
    await jobs.destroy();
    library.close();
  });
});
