// Approved dedications wait in the store's air queue until a channel's leader airs them: not lost
// when nobody leads at the moment, nor across a restart, and aired once.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openParts, type TestParts } from '../testing/test-parts.js';
import { addAirSong } from '../testing/air-songs.js';
import { fakeLeases } from '../testing/fake-leases.js';
import { StationEvents } from '../events.js';
import { loadProgramme, type Programme } from './programme.js';
import { AIR_QUEUE_RECHECK_MS, createPlayout, type Playout } from './playout.js';
import { LocalBus } from '../cluster/local-bus.js';
import type { AirItem } from './timeline.js';

const CHANNEL = 'radio-optimism';
const CHANNELS = ['radio-optimism', 'calm', 'k-songs'];

describe('the air queue', () => {
  let dir: string;
  let parts: TestParts;
  let programme: Programme;
  const playouts: Playout[] = [];
  let clock: number;
  const make = (options: Partial<Parameters<typeof createPlayout>[0]> = {}) => {
    const p = createPlayout({ store: parts.store, mediaRoot: parts.media.root, events: new StationEvents(), programme, now: () => clock, ...options });
    playouts.push(p);
    return p;
  };
  const stored = async () => (await parts.store.timeline.recent(CHANNEL, 500)) as AirItem[];
  const airedAs = async (songId: string) => (await stored()).filter((it) => it.songId === songId && it.kind === 'dedication');
  /** Ticks the playouts, the clock moving 2 s a tick, until `done` or 150 ticks. */
  const run = async (ps: Playout[], done: () => Promise<boolean>) => {
    for (let t = 0; t < 150 && !(await done()); t++, clock += 2000) {
      await new Promise((r) => setImmediate(r));
      for (const p of ps) await p.tick();
    }
  };

  beforeEach(async () => {
    clock = Date.parse('2026-11-23T12:00:00Z');
    dir = await mkdtemp(join(tmpdir(), 'playout-air-queue-'));
    parts = openParts(dir);
    for (let i = 0; i < 12; i++) await addAirSong(parts, i);
    for (let i = 0; i < 2; i++) await addAirSong(parts, 100 + i, 'jingle');
    const loaded = await loadProgramme(resolve(process.cwd(), 'playlists'));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    programme = loaded.programme;
  });
  afterEach(async () => {
    for (const p of playouts.splice(0)) p.destroy();
    await parts.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('a dedication queued before a restart airs after it, once, and not again after the next restart', async () => {
    const first = make();
    await first.tick();
    const song = await addAirSong(parts, 200);
    await first.queueDedication(CHANNEL, song);
    first.destroy(); // stopped before it aired
    expect(await airedAs(song)).toEqual([]);
    expect(await parts.store.dedications.waitingToAir(CHANNEL, 10)).toEqual([song]);

    const second = make();
    await run([second], async () => (await airedAs(song)).length > 0);
    expect(await airedAs(song)).toHaveLength(1);
    expect(await parts.store.dedications.waitingToAir(CHANNEL, 10)).toEqual([]);
    second.destroy();

    const third = make();
    const before = (await stored()).length;
    await run([third], async () => (await stored()).length >= before + 6);
    expect(await airedAs(song)).toHaveLength(1);
  }, 120_000);

  it('queued on a follower while no instance leads: the instance that takes the lease airs it, once', async () => {
    const { lease, lead } = fakeLeases();
    const bus = new LocalBus();
    lead(CHANNELS, 'a');
    const a = make({ lease: lease('a'), bus });
    const b = make({ lease: lease('b'), bus });
    await a.tick();
    await b.tick();
    // The leader dies: nobody leads, and the nudge b sends reaches nobody.
    a.destroy();
    lead(CHANNELS, undefined);
    const song = await addAirSong(parts, 200);
    await b.queueDedication(CHANNEL, song);
    await b.tick();
    expect(await airedAs(song)).toEqual([]);
    // A third instance takes the lease: it finds the dedication in the store.
    const c = make({ lease: lease('c'), bus });
    lead(CHANNELS, 'c');
    await run([b, c], async () => (await airedAs(song)).length > 0 && b.items(CHANNEL).some((it) => it.songId === song && it.kind === 'dedication'));
    expect(await airedAs(song)).toHaveLength(1);
    // The follower serves it too, and a stale nudge for it later changes nothing.
    expect(b.items(CHANNEL).filter((it) => it.songId === song && it.kind === 'dedication')).toHaveLength(1);
    await bus.publish('on-air', { channel: CHANNEL, songId: song });
    const before = (await stored()).length;
    await run([b, c], async () => (await stored()).length >= before + 4);
    expect(await airedAs(song)).toHaveLength(1);
  }, 120_000);

  it('a nudge that never arrives only delays it: the leader reads the air queue every AIR_QUEUE_RECHECK_MS', async () => {
    const { lease, lead } = fakeLeases();
    lead(CHANNELS, 'a');
    // No bus between them: the follower's nudge is lost.
    const a = make({ lease: lease('a') });
    await a.tick();
    await parts.store.dedications.queueToAir(CHANNEL, await addAirSong(parts, 200), Date.now());
    const [song] = await parts.store.dedications.waitingToAir(CHANNEL, 1);
    await a.tick();
    expect(a.items(CHANNEL).some((it) => it.songId === song)).toBe(false);
    clock += AIR_QUEUE_RECHECK_MS;
    await run([a], async () => (await airedAs(song!)).length > 0);
    expect(await airedAs(song!)).toHaveLength(1);
  }, 120_000);
});
