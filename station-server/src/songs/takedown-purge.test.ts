// The purge of taken-down songs on a real SQLite file and media folder: files kept for the keep
// period (a fake clock moves past it), then deleted, after which the song cannot be restored; and the
// node-cron job runs it on its schedule and stops when asked.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openParts, type TestParts } from '../testing/test-parts.js';
import { songKey } from './ingest.js';
import { purgeTakedowns, schedulePurge } from './takedown-purge.js';

const DAY = 86_400_000;
let dir: string;
let lib: TestParts;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'purge-'));
  lib = openParts(join(dir, 'data'));
});
afterEach(async () => {
  await lib.close();
  await rm(dir, { recursive: true, force: true });
});

async function songWithFiles(): Promise<string> {
  const { id, dir: work } = await lib.reserve();
  await writeFile(join(work, 'stream.m4a'), 'audio');
  await lib.media.publish(songKey(id));
  await lib.store.songs.add(id, { title: 't', language: 'en', genre: 'pop', vibe: 'calm', theme: 'love', durationSec: 30, seed: 1, request: { message: 'm', to: 'A', genre: 'pop', vibe: 'calm', language: 'en' } }, 'song');
  return id;
}

describe('purging taken-down songs', () => {
  it('keeps the files for the keep period, then deletes them and notes it', async () => {
    const a = await songWithFiles();
    const b = await songWithFiles();
    await lib.store.takedowns.takeDown(a, 'mo', 0);
    await lib.store.takedowns.takeDown(b, 'mo', 5 * DAY);
    expect(await purgeTakedowns(lib.store, lib.media, 29 * DAY, 30 * DAY)).toEqual([]);
    expect(existsSync(lib.dirOf(a))).toBe(true);
    expect(await purgeTakedowns(lib.store, lib.media, 31 * DAY, 30 * DAY)).toEqual([a]);
    expect(existsSync(lib.dirOf(a))).toBe(false);
    expect(existsSync(lib.dirOf(b))).toBe(true);
    expect(await lib.store.takedowns.restore(a)).toBeUndefined();
    expect((await lib.store.songs.get(a))!.kind).toBe('removed');
    expect((await lib.store.operators.auditPage({ limit: 1 })).items[0]).toMatchObject({ actor: 'station', action: 'song.purge', target: a });
    // A restored song is never purged.
    await lib.store.takedowns.restore(b);
    expect(await purgeTakedowns(lib.store, lib.media, 100 * DAY, 30 * DAY)).toEqual([]);
    expect(existsSync(lib.dirOf(b))).toBe(true);
  });

  it('runs on its node-cron schedule until stopped', async () => {
    const lines: string[] = [];
    const a = await songWithFiles();
    await lib.store.takedowns.takeDown(a, 'mo', Date.now() - 1000);
    const job = schedulePurge({ store: lib.store, media: lib.media, keepMs: 0, log: (l) => lines.push(l), cronExpression: '* * * * * *' });
    try {
      for (let i = 0; i < 200 && existsSync(lib.dirOf(a)); i++) await new Promise((r) => setTimeout(r, 100));
      expect(existsSync(lib.dirOf(a))).toBe(false);
    } finally {
      await job.stop();
    }
    expect(lines.some((l) => /purged the files of 1 songs/.test(l))).toBe(true);
    // Stopped: a song taken down now stays.
    const b = await songWithFiles();
    await lib.store.takedowns.takeDown(b, 'mo', Date.now() - 1000);
    await new Promise((r) => setTimeout(r, 2500));
    expect(existsSync(lib.dirOf(b))).toBe(true);
  }, 60_000);
});
