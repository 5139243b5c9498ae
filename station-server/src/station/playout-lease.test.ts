// Two playouts on one store, as two station instances: only the lease holder schedules a channel,
// the other serves the stored timeline, and a takeover continues the sequences.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openParts, type TestParts } from '../testing/test-parts.js';
import { addAirSong, parsePlaylist, playerCheck } from '../testing/air-songs.js';
import { StationEvent, StationEvents } from '../events.js';
import { loadProgramme, type Programme } from './programme.js';
import { createPlayout, type Playout } from './playout.js';
import { fakeLeases } from '../testing/fake-leases.js';
import { LocalBus } from '../cluster/local-bus.js';
import { RedisLease } from '../cluster/redis-lease.js';
import { startRedis } from '../testing/redis-server.js';

const CHANNELS = ['radio-optimism', 'calm', 'k-songs'];

describe('playout under a lease', () => {
  let dir: string;
  let parts: TestParts;
  let programme: Programme;
  const playouts: Playout[] = [];
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'playout-lease-'));
    parts = openParts(dir);
    for (let i = 0; i < 30; i++) await addAirSong(parts, i);
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

  it('a follower serves the leader\'s playlists, and takeovers continue both sequences', async () => {
    let clock = Date.parse('2026-11-23T12:00:00Z');
    const { lease, lead } = fakeLeases();
    const bus = new LocalBus();
    const make = (name: string) => {
      const p = createPlayout({ store: parts.store, mediaRoot: parts.media.root, events: new StationEvents(), programme, now: () => clock, lease: lease(name), bus });
      playouts.push(p);
      return p;
    };
    lead(CHANNELS, 'a');
    const a = make('a');
    const b = make('b');
    const players = new Map(CHANNELS.map((c) => [c, playerCheck()]));
    const mismatches: string[] = [];
    const step = async (alive: Playout[], compare: boolean) => {
      for (const p of alive) await p.tick();
      for (const channel of CHANNELS) {
        const texts = alive.map((p) => p.playlist(channel, '128k'));
        for (const text of texts) players.get(channel)!.see(text, `${channel} at ${new Date(clock).toISOString()}`);
        if (compare && texts.some((t) => t !== texts[0])) mismatches.push(`${channel} at ${new Date(clock).toISOString()}`);
      }
      clock += 2000;
    };
    // Ten minutes led by a, b following: the same playlists on both.
    for (let t = 0; t < 300; t++) await step([a, b], true);
    expect(mismatches).toEqual([]);
    const before = Object.fromEntries(CHANNELS.map((c) => [c, players.get(c)!.newest()]));
    // a dies; nobody leads for 6 s (the lease running out), then b takes over.
    a.destroy();
    lead(CHANNELS, undefined);
    for (let t = 0; t < 3; t++) await step([b], false);
    lead(CHANNELS, 'b');
    for (let t = 0; t < 300; t++) await step([b], false);
    // a comes back as a new instance, following b; later it takes the channels back.
    const c = make('c');
    for (let t = 0; t < 100; t++) await step([b, c], true);
    lead(CHANNELS, 'c');
    for (let t = 0; t < 200; t++) await step([b, c], true);
    expect(mismatches).toEqual([]);
    for (const channel of CHANNELS) {
      const player = players.get(channel)!;
      expect(player.problems.slice(0, 5)).toEqual([]);
      // 20 minutes more of segments of about 2 s each: the channel went on through both takeovers.
      expect(player.newest() - before[channel]!).toBeGreaterThan(500);
    }
    // b stopped scheduling when it lost the lease: every item of the timeline since is c's, in order.
    const items = c.items('radio-optimism');
    for (let i = 1; i < items.length; i++) expect(items[i]!.firstSeq).toBe(items[i - 1]!.firstSeq + items[i - 1]!.segments.length);
  }, 300_000);

  it('after a long time with no leader, the new one continues the sequences where the timeline stopped', async () => {
    let clock = Date.parse('2026-11-23T12:00:00Z');
    const { lease, lead } = fakeLeases();
    lead(CHANNELS, 'a');
    const a = createPlayout({ store: parts.store, mediaRoot: parts.media.root, events: new StationEvents(), programme, now: () => clock, lease: lease('a') });
    const b = createPlayout({ store: parts.store, mediaRoot: parts.media.root, events: new StationEvents(), programme, now: () => clock, lease: lease('b') });
    playouts.push(a, b);
    const player = playerCheck();
    for (let t = 0; t < 60; t++, clock += 2000) {
      await a.tick();
      await b.tick();
      player.see(b.playlist('radio-optimism', '128k'), 'b');
    }
    a.destroy();
    lead(CHANNELS, undefined);
    const stored = b.items('radio-optimism');
    const last = stored[stored.length - 1]!;
    // Ten minutes with no leader: b serves what was stored, until it has all played out.
    for (let t = 0; t < 300; t++, clock += 2000) {
      await b.tick();
      player.see(b.playlist('radio-optimism', '128k'), 'b');
    }
    const stalled = player.newest();
    expect(stalled).toBe(last.firstSeq + last.segments.length - 1);
    lead(CHANNELS, 'b');
    await b.tick();
    const resumed = b.items('radio-optimism').find((it) => it.index === last.index + 1)!;
    expect(resumed).toMatchObject({ firstSeq: last.firstSeq + last.segments.length });
    expect(resumed.startMs).toBeGreaterThanOrEqual(clock - 1);
    for (let t = 0; t < 30; t++, clock += 2000) {
      await b.tick();
      player.see(b.playlist('radio-optimism', '128k'), 'b');
    }
    expect(player.problems).toEqual([]);
    expect(parsePlaylist(b.playlist('radio-optimism', '128k')).segments.some((s) => s.seq >= resumed.firstSeq)).toBe(true);
  }, 120_000);

  it('a dedication queued on a follower airs on the leader, and the follower serves it too', async () => {
    let clock = Date.parse('2026-11-23T12:00:00Z');
    const { lease, lead } = fakeLeases();
    const bus = new LocalBus();
    lead(CHANNELS, 'a');
    const a = createPlayout({ store: parts.store, mediaRoot: parts.media.root, events: new StationEvents(), programme, now: () => clock, lease: lease('a'), bus });
    const b = createPlayout({ store: parts.store, mediaRoot: parts.media.root, events: new StationEvents(), programme, now: () => clock, lease: lease('b'), bus });
    playouts.push(a, b);
    await a.tick();
    await b.tick();
    const song = await addAirSong(parts, 200);
    b.queueDedication('radio-optimism', song);
    const found = (p: Playout) => p.items('radio-optimism').find((it) => it.songId === song && it.kind === 'dedication');
    for (let t = 0; t < 100 && !(found(a) && found(b)); t++, clock += 2000) {
      await new Promise((r) => setImmediate(r));
      await a.tick();
      await b.tick();
    }
    expect(found(a)).toBeDefined();
    expect(found(b)).toEqual(found(a));
    // Only the leader scheduled it: one dedication item in the stored timeline.
    const stored = (await parts.store.timeline.recent('radio-optimism', 100)) as { songId: string; kind: string }[];
    expect(stored.filter((it) => it.songId === song && it.kind === 'dedication')).toHaveLength(1);
  }, 120_000);

  it('a follower whose store is away serves what it read last, says so once, and catches up', async () => {
    let clock = Date.parse('2026-11-23T12:00:00Z');
    const { lease, lead } = fakeLeases();
    lead(CHANNELS, 'a');
    let down = false;
    const flaky = { ...parts.store, timeline: { ...parts.store.timeline, recent: (channel: string, limit: number) => (down ? Promise.reject(new Error('connection refused')) : parts.store.timeline.recent(channel, limit)) } };
    const events = new StationEvents();
    const said: string[] = [];
    events.on(StationEvent.Error, (e) => said.push(`${e.code}: ${e.message}`));
    const a = createPlayout({ store: parts.store, mediaRoot: parts.media.root, events: new StationEvents(), programme, now: () => clock, lease: lease('a') });
    const b = createPlayout({ store: flaky, mediaRoot: parts.media.root, events, programme, now: () => clock, lease: lease('b') });
    playouts.push(a, b);
    const player = playerCheck();
    const step = async () => {
      await a.tick();
      await b.tick();
      player.see(b.playlist('radio-optimism', '128k'), 'b');
      clock += 2000;
    };
    for (let t = 0; t < 10; t++) await step();
    down = true;
    const before = player.newest();
    for (let t = 0; t < 20; t++) await step();
    expect(player.newest()).toBeGreaterThan(before);
    // Said once per channel, not once per tick.
    expect(said.filter((l) => l.includes('did not answer'))).toHaveLength(programme.channels.length);
    down = false;
    for (let t = 0; t < 40; t++) await step();
    expect(said.filter((l) => l.includes('can be read again'))).toHaveLength(programme.channels.length);
    expect(player.problems).toEqual([]);
    expect(b.playlist('radio-optimism', '128k')).toBe(a.playlist('radio-optimism', '128k'));
  }, 120_000);

  it('with Redis leases, a killed leader is replaced and the follower\'s listeners see no break', async () => {
    const redis = await startRedis();
    const leases: RedisLease[] = [];
    // Only short songs, so the new leader has to schedule within the test.
    const shortDir = await mkdtemp(join(tmpdir(), 'playout-short-'));
    const short = openParts(shortDir);
    try {
      for (let i = 0; i < 12; i++) await addAirSong(short, 300 + i, 'song', 8);
      const one: Programme = { channels: [{ id: 'short', name: 'Short', description: '', playlist: 'none', shows: [] }], playlists: new Map() };
      const contender = () => {
        const l = new RedisLease({ url: redis.url, ttlMs: 3000, renewMs: 1000, settleOnFirstWin: false });
        leases.push(l);
        return l;
      };
      const [la, lb] = [contender(), contender()];
      const a = createPlayout({ store: short.store, mediaRoot: short.media.root, events: new StationEvents(), programme: one, lease: la, tickMs: 250 });
      playouts.push(a);
      await a.start();
      await until(() => la.isLeader('short'));
      const b = createPlayout({ store: short.store, mediaRoot: short.media.root, events: new StationEvents(), programme: one, lease: lb, tickMs: 250 });
      playouts.push(b);
      await b.start();
      const player = playerCheck();
      const poll = setInterval(() => player.see(b.playlist('short', '128k'), 'b'), 200);
      try {
        await until(() => player.newest() >= 6, 60_000);
        expect(lb.isLeader('short')).toBe(false);
        const killed = Date.now();
        la.destroy(); // as a crash: no release, the lease runs out in Redis
        a.destroy();
        const lastOfA = Math.max(...a.items('short').map((it) => it.index));
        await until(() => lb.isLeader('short'), 30_000);
        const takeoverMs = Date.now() - killed;
        await until(() => b.items('short').some((it) => it.index > lastOfA + 1), 60_000);
        const newestAtTakeover = player.newest();
        await until(() => player.newest() >= newestAtTakeover + 6, 60_000);
        console.log(`playout takeover after the leader was killed: ${takeoverMs} ms`);
        expect(takeoverMs).toBeLessThan(10_000);
        expect(player.problems).toEqual([]);
      } finally {
        clearInterval(poll);
      }
    } finally {
      for (const l of leases) await l.close().catch(() => undefined);
      await redis.stop();
      for (const p of playouts.splice(0)) p.destroy();
      await short.close();
      await rm(shortDir, { recursive: true, force: true });
    }
  }, 180_000);
});

async function until(check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}
