// Playout over a read-through cache (S3 media, media-cache.ts): songs whose files the cache does not
// hold yet, or no longer holds, are fetched through `fill` when chosen or asked for, and play; without
// a fill they would be skipped as missing. On a fake clock, over real packaged tone songs.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openParts as openLibrary, type TestParts as Library } from '../testing/test-parts.js';
import { addToneSong } from '../testing/fixtures.js';
import { StationEvent, StationEvents } from '../events.js';
import { createPlayout } from './playout.js';
import type { Programme } from './programme.js';
import { playlistSchema } from './programme-schema.js';
import { firstPts } from './ts-timestamps.js';

const CHANNEL = 'radio-optimism';
const programme: Programme = {
  channels: [{ id: CHANNEL, name: 'Radio', description: '', playlist: 'all', shows: [] }],
  playlists: new Map([['all', { ...playlistSchema.parse({ name: 'All', noRepeat: 1 }), id: 'all' }]]),
};

describe('playout with a read-through cache', () => {
  let dir: string;
  let library: Library;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'playout-fill-'));
    library = openLibrary(join(dir, 'bucket'));
    for (const [i, f] of [330, 440, 550].entries()) await addToneSong(library, { title: `Tone ${i}`, seconds: 12, frequency: f });
    await addToneSong(library, { title: 'Station ID', seconds: 4, frequency: 880, kind: 'jingle' });
  }, 120_000);
  afterAll(async () => {
    await library.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('fetches a chosen song into the empty cache and plays it; a segment of one evicted since is fetched again, not silence', async () => {
    const cache = join(dir, 'cache');
    const fills: string[] = [];
    // The media store is the library's folder; the cache starts empty, as on a new instance.
    const fill = async (source: string): Promise<boolean> => {
      fills.push(source);
      const from = join(library.media.root, source);
      if (!existsSync(from)) return false;
      await cp(from, join(cache, source), { recursive: true });
      return true;
    };
    const events = new StationEvents();
    const errors: string[] = [];
    events.on(StationEvent.Error, ({ code, message }) => errors.push(`${code}: ${message}`));
    let clock = Date.parse('2026-11-23T12:00:00Z');
    const playout = createPlayout({ store: library.store, mediaRoot: cache, events, programme, now: () => clock, fill });
    await playout.tick();
    clock += 3000;
    await playout.tick();
    const { current } = playout.nowPlaying(CHANNEL);
    expect(current?.songId).toBeDefined();
    expect(fills).toContain(`songs/${current!.songId}`);
    expect(errors.filter((e) => e.startsWith('media-missing'))).toEqual([]);

    // The cache let the song go (past its size) while it is on air: the next segment fetches it again.
    await rm(join(cache, 'songs', current!.songId), { recursive: true });
    const seq = current!.firstSeq + 1;
    const before = fills.length;
    const data = await playout.segment(CHANNEL, '128k', seq);
    expect(data && firstPts(data)).toBeDefined();
    expect(fills.slice(before)).toContain(`songs/${current!.songId}`);
    expect(errors.filter((e) => e.startsWith('media-missing'))).toEqual([]);
    playout.destroy();
  }, 60_000);
});
