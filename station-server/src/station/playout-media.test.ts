// Media that goes missing or breaks under a playing channel, and a wall clock that jumps: on a fake
// clock, over real packaged tone songs (real ffmpeg). The channel never errors and moves on at once.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openParts as openLibrary, type TestParts as Library } from '../testing/test-parts.js';
import { addToneSong } from '../testing/fixtures.js';
import { StationEvent, StationEvents } from '../events.js';
import { createPlayout, type Playout } from './playout.js';
import type { Programme } from './programme.js';
import { playlistSchema } from './programme-schema.js';
import { PACKAGE_DIR, SEGMENT_SEC } from './hls-package.js';
import { firstPts } from './ts-timestamps.js';
import { steadyClock } from './steady-clock.js';
import { itemEndMs, type AirItem } from './timeline.js';

const CHANNEL = 'radio-optimism';
const programme: Programme = {
  channels: [{ id: CHANNEL, name: 'Radio', description: '', playlist: 'all', shows: [] }],
  playlists: new Map([['all', { ...playlistSchema.parse({ name: 'All', noRepeat: 1 }), id: 'all' }]]),
};

/** The media sequence and the sequence numbers listed in a media playlist. */
function listed(text: string): { sequence: number; seqs: number[] } {
  const sequence = Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(text)?.[1]);
  const seqs = [...text.matchAll(/\/(\d+)\.ts$/gm)].map((m) => Number(m[1]));
  return { sequence, seqs };
}
const itemOf = (playout: Playout, seq: number) => playout.items(CHANNEL).find((it) => seq >= it.firstSeq && seq < it.firstSeq + it.segments.length);

describe('playout when media goes missing', () => {
  let dir: string;
  let library: Library;
  const songs: string[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'playout-media-'));
    library = openLibrary(dir);
    for (const [i, f] of [330, 440, 550, 660].entries()) songs.push(await addToneSong(library, { title: `Tone ${i}`, seconds: 12, frequency: f }));
    await addToneSong(library, { title: 'Station ID', seconds: 4, frequency: 880, kind: 'jingle' });
  }, 120_000);
  afterAll(async () => {
    await library.close();
    await rm(dir, { recursive: true, force: true });
  });

  const start = async (clock: () => number) => {
    const events = new StationEvents();
    const log: string[] = [];
    events.on(StationEvent.Error, ({ code, message }) => log.push(`${code}: ${message}`));
    events.on(StationEvent.Fallback, ({ reason }) => log.push(`fallback: ${reason}`));
    const playout = createPlayout({ store: library.store, mediaRoot: library.media.root, events, programme, now: clock });
    await playout.tick();
    return { playout, log };
  };

  it('skips the song on air and the next one when their folders are gone: silence in listed slots, the next playable song within one segment', async () => {
    let clock = Date.parse('2026-11-23T12:00:00Z');
    const { playout, log } = await start(() => clock);
    clock += 3000;
    await playout.tick();
    const { current, next } = playout.nowPlaying(CHANNEL);
    expect(current && next && current.songId !== next.songId).toBe(true);
    const before = listed(playout.playlist(CHANNEL, '128k'));
    for (const id of [current!.songId, next!.songId]) await rm(library.dirOf(id), { recursive: true });
    const cutAt = clock;
    await playout.tick();
    expect(log.filter((l) => l.startsWith('media-missing'))).toEqual([
      `media-missing: songs/${current!.songId}: its files are gone; skipping it on every channel`,
      `media-missing: songs/${next!.songId}: its files are gone; skipping it on every channel`,
    ]);
    // Every segment already listed is still answered, with valid MPEG-TS (silence where the file is gone).
    for (const seq of before.seqs) {
      const data = await playout.segment(CHANNEL, '128k', seq);
      expect(data && firstPts(data)).toBeDefined();
    }
    // Within one segment, the newest listed segment belongs to a song whose files are there.
    clock = cutAt + SEGMENT_SEC * 1000;
    await playout.tick();
    const after = listed(playout.playlist(CHANNEL, '128k'));
    expect(after.sequence).toBeGreaterThanOrEqual(before.sequence);
    const newest = itemOf(playout, after.seqs[after.seqs.length - 1]!)!;
    expect([current!.songId, next!.songId]).not.toContain(newest.songId);
    expect(newest.startMs).toBeLessThanOrEqual(cutAt);
    // Straight on from the last listed segment of the song cut short: no gap in the timeline.
    const cutItem = playout.items(CHANNEL).find((it) => it.songId === current!.songId && it.index === current!.index)!;
    expect(playout.items(CHANNEL).find((it) => it.index === cutItem.index + 1)!.startMs).toBe(itemEndMs(cutItem));
    const data = await playout.segment(CHANNEL, '128k', after.seqs[after.seqs.length - 1]!);
    expect(data && firstPts(data)).toBeDefined();
    // And the gone songs stay out of rotation.
    for (let i = 0; i < 30; i++) {
      clock += 2000;
      await playout.tick();
    }
    expect(playout.items(CHANNEL).filter((it) => it.startMs > cutAt).map((it) => it.songId)).not.toContain(current!.songId);
    playout.destroy();
  });

  it('answers a segment cut short or overwritten with junk, and moves on from that song', async () => {
    let clock = Date.parse('2026-11-24T12:00:00Z');
    const { playout, log } = await start(() => clock);
    clock += 5000;
    await playout.tick();
    const { seqs } = listed(playout.playlist(CHANNEL, '128k'));
    const [cut, junk] = seqs.slice(-2).map((seq) => ({ seq, item: itemOf(playout, seq)! }));
    const file = (x: typeof cut) => join(library.dirOf(x!.item.songId), PACKAGE_DIR, '128k', x!.item.segments[x!.seq - x!.item.firstSeq]!.file);
    // A file cut mid-packet keeps its whole packets; a file cut to a few bytes is replaced by silence.
    await truncate(file(cut), 188 * 5 + 17);
    const partial = await playout.segment(CHANNEL, '128k', cut!.seq);
    expect(partial?.length).toBe(188 * 5);
    await truncate(file(junk), 40);
    const stand = await playout.segment(CHANNEL, '128k', junk!.seq);
    expect(stand && firstPts(stand)).toBeDefined();
    expect(log).toContainEqual(expect.stringMatching(new RegExp(`^media-missing: songs/${junk!.item.songId}: .*the file is empty or cut short; skipping it on every channel$`)));
    playout.destroy();
  });

  it('plays station IDs when no song can be played', async () => {
    let clock = Date.parse('2026-11-25T12:00:00Z');
    const { playout, log } = await start(() => clock);
    for (const id of songs) await rm(library.dirOf(id), { recursive: true, force: true });
    for (let i = 0; i < 20; i++) {
      clock += 2000;
      await playout.tick();
    }
    const { current } = playout.nowPlaying(CHANNEL);
    expect(current?.kind).toBe('jingle');
    expect(log).toContainEqual(expect.stringMatching(/no song can be played: a station ID/));
    const { seqs } = listed(playout.playlist(CHANNEL, '128k'));
    expect(seqs.length).toBeGreaterThan(0);
    playout.destroy();
  });
});

describe('playout when the wall clock jumps', () => {
  it('keeps listing new segments, and never moves the media sequence back, when the clock is set back an hour or on an hour', async () => {
    // Fake items: the invariants are about time (segment files are never read here).
    const dir = await mkdtemp(join(tmpdir(), 'playout-clock-'));
    const library = openLibrary(dir);
    try {
      for (let i = 0; i < 3; i++) await addToneSong(library, { title: `Tone ${i}`, seconds: 10, frequency: 300 + i * 100 });
      let wall = Date.parse('2026-11-23T12:00:00Z');
      let mono = 1_000;
      const playout = createPlayout({ store: library.store, mediaRoot: library.media.root, events: new StationEvents(), programme, now: steadyClock(() => wall, () => mono) });
      let last = { sequence: 0, newest: -1 };
      let stalled = 0;
      for (let step = 0; step < 90; step++) {
        if (step === 30) wall -= 3_600_000;
        if (step === 60) wall += 2 * 3_600_000;
        await playout.tick();
        const { sequence, seqs } = listed(playout.playlist(CHANNEL, '128k'));
        const newest = seqs[seqs.length - 1] ?? -1;
        expect(seqs.length).toBeGreaterThan(0);
        expect(sequence).toBeGreaterThanOrEqual(last.sequence);
        stalled = newest > last.newest ? 0 : stalled + 1;
        expect(stalled).toBeLessThanOrEqual(2); // a new segment at least every other 2 s step
        last = { sequence, newest };
        wall += 2000;
        mono += 2000;
      }
      playout.destroy();
    } finally {
      await library.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('playout after a restart', () => {
  it('does not load rows of items that were dropped before they aired (a skipped song replaced by a shorter one)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'playout-rows-'));
    const library = openLibrary(dir);
    try {
      const clock = Date.parse('2026-11-23T12:00:00Z');
      const seg = { file: 'seg-00000.ts', duration: 2 };
      const item = (index: number, firstSeq: number, startMs: number, count: number): AirItem => ({ index, firstSeq, startMs, kind: 'song', songId: `s${index}`, source: `songs/s${index}`, segments: Array(count).fill(seg), title: `S${index}` });
      const aired = [item(0, 0, clock - 20_000, 5), item(1, 5, clock - 10_000, 5), item(2, 10, clock, 3)];
      // Left over from before item 2 replaced a longer item: its numbers follow the old one.
      const stale = item(3, 15, clock + 10_000, 4);
      for (const it of [...aired, stale]) await library.store.timeline.append(CHANNEL, it.index, it);
      const playout = createPlayout({ store: library.store, mediaRoot: library.media.root, events: new StationEvents(), programme, now: () => clock });
      await playout.ready();
      expect(playout.items(CHANNEL).map((it) => it.index)).toEqual([0, 1, 2]);
      playout.destroy();
      // Rows that aired are kept whatever their numbers: the media sequence never goes back.
      const later = createPlayout({ store: library.store, mediaRoot: library.media.root, events: new StationEvents(), programme, now: () => clock + 60_000 });
      await later.ready();
      expect(later.items(CHANNEL).map((it) => it.index)).toEqual([0, 1, 2, 3]);
      later.destroy();
    } finally {
      await library.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
