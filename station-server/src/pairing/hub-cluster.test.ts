// Two station instances in one process, on one store and a Redis bus, with real WebSockets: a phone
// on A pairs with a TV on B by its code, and B's TV gets the dedication A's queue made.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import type { SongManifest } from '../composer/manifest.js';
import { loadConfig } from '../config.js';
import { createStation, type Station } from '../station.js';
import { openSqliteStore } from '../library/sqlite-store.js';
import { createLocalMediaStore, type LocalMediaStore } from '../media/local-media.js';
import type { Store } from '../library/store.js';
import { createLocalQueue } from '../songs/local-queue.js';
import { ingestSong, songKey } from '../songs/ingest.js';
import type { JobHandler } from '../songs/song-queue.js';
import { RedisBus } from '../cluster/redis-bus.js';
import { startRedis, type RedisTestServer } from '../testing/redis-server.js';
import { addToneSong, toneWav } from '../testing/fixtures.js';
import { RedisLease } from '../cluster/redis-lease.js';

type Frame = Record<string, unknown> & { type: string };

async function open(url: string): Promise<{ ws: WebSocket; frames: Frame[]; send(f: object): void; next(type: string, timeoutMs?: number): Promise<Frame> }> {
  const ws = new WebSocket(url);
  const frames: Frame[] = [];
  ws.on('message', (d) => frames.push(JSON.parse(String(d)) as Frame));
  await new Promise((ok, fail) => (ws.once('open', ok), ws.once('error', fail)));
  return {
    ws,
    frames,
    send: (f) => ws.send(JSON.stringify(f)),
    async next(type, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = frames.find((f) => f.type === type);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`no ${type} frame; got ${JSON.stringify(frames).slice(0, 2000)}`);
    },
  };
}

/** Makes a dedication's song from a tone (the composer is not what this test is about). */
const toneSongs = (store: Store, media: LocalMediaStore): JobHandler => async (spec, context) => {
  if (spec.type !== 'song') return { type: 'announcement', id: context.id, durationSec: 1 };
  const dir = media.workDir(songKey(context.id));
  await writeFile(join(dir, 'song.wav'), toneWav(4));
  await writeFile(join(dir, 'lyrics.vtt'), 'WEBVTT\n\n1\n00:00:00.500 --> 00:00:02.000\nla la\n');
  const r = spec.request;
  const manifest = { title: `For ${r.to}`, durationSec: 4, language: r.language, genre: r.genre, vibe: r.vibe, theme: 'love', tempo: 100, key: 'C major', meter: '4/4', seed: 1, request: r } as unknown as SongManifest;
  return { type: 'song', song: await ingestSong(store, media, context.id, manifest, spec.kind) };
};

describe('pairing across station instances', () => {
  let dir: string;
  let redis: RedisTestServer;
  const stations: Station[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hub-cluster-'));
    await cp(resolve(process.cwd(), 'playlists'), join(dir, 'playlists'), { recursive: true });
    redis = await startRedis();
    const seed = openSqliteStore(join(dir, 'shared'), { log: () => undefined });
    for (let i = 0; i < 3; i++) await addToneSong({ store: seed, media: createLocalMediaStore(join(dir, 'shared')) }, { title: `Tone ${i}`, seconds: 6, frequency: 300 + 100 * i });
    await seed.close();
    for (const name of ['a', 'b']) {
      // One library file and one media folder, as one database and one bucket would be.
      const store = openSqliteStore(join(dir, 'shared'), { log: () => undefined });
      const media = createLocalMediaStore(join(dir, 'shared'));
      const queue = createLocalQueue({ concurrency: 1, log: () => undefined, handler: toneSongs(store, media), newId: () => store.songs.newId() });
      const bus = new RedisBus({ url: redis.url });
      await bus.ready(30_000);
      const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: join(dir, name), PLAYLISTS_DIR: join(dir, 'playlists') }, dir);
      const lease = new RedisLease({ url: redis.url, settleOnFirstWin: false });
      stations.push(await createStation(config, { store, media, queue, bus, lease }, () => undefined));
    }
  }, 120_000);
  afterAll(async () => {
    for (const s of stations) await s.destroy();
    await redis?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('a phone on A pairs with a TV on B, and B\'s TV gets the dedication made on A', async () => {
    const [a, b] = stations as [Station, Station];
    const tv = await open(`ws://127.0.0.1:${b.port}/ws`);
    tv.send({ type: 'tv.hello' });
    const welcome = await tv.next('tv.welcome');
    const phone = await open(`ws://127.0.0.1:${a.port}/ws`);
    // The code was issued on B and kept in the store; A finds it there.
    let paired: Frame | undefined;
    for (let tries = 0; !paired && tries < 50; tries++) {
      phone.frames.length = 0;
      phone.send({ type: 'phone.pair', code: welcome.pairingCode, name: 'Alex' });
      const reply = await Promise.race([phone.next('phone.paired', 2000), phone.next('error', 2000)]).catch(() => undefined);
      if (reply?.type === 'phone.paired') paired = reply;
      else await new Promise((r) => setTimeout(r, 100));
    }
    expect(paired).toMatchObject({ tvId: welcome.tvId });
    // B's TV sees its new phone, and a fresh code for the next one, issued on A.
    const phones = await waitFor(tv.frames, (f) => f.type === 'tv.phones' && (f.phones as unknown[]).length === 1);
    expect(phones.phones).toEqual([expect.objectContaining({ id: paired!.phoneId, name: 'Alex' })]);
    const fresh = await waitFor(tv.frames, (f) => f.type === 'tv.welcome' && f.pairingCode !== welcome.pairingCode);
    // The used code works nowhere now; the fresh one is known on B, where it was not issued.
    const late = await open(`ws://127.0.0.1:${b.port}/ws`);
    late.send({ type: 'phone.pair', code: welcome.pairingCode });
    expect(await late.next('error')).toMatchObject({ code: 'bad-code' });
    const second = await open(`ws://127.0.0.1:${b.port}/ws`);
    second.send({ type: 'phone.pair', code: fresh.pairingCode, name: 'Sam' });
    expect(await second.next('phone.paired')).toMatchObject({ tvId: welcome.tvId });

    phone.send({ type: 'dedication.create', request: { message: 'Thank you for the music', to: 'Mina', genre: 'pop', vibe: 'calm', language: 'en' }, target: 'tv' });
    const accepted = await phone.next('dedication.accepted', 60_000);
    const ready = await tv.next('dedication.ready', 120_000);
    expect(ready).toMatchObject({ id: accepted.id, target: 'tv' });
    expect(await phone.next('dedication.ready', 30_000)).toMatchObject({ id: accepted.id });
    for (const p of [tv, phone, late, second]) p.ws.close();
  }, 240_000);

  it('two phones on two instances typing one code at once: one pairs, the other is told no TV shows it', async () => {
    const [a, b] = stations as [Station, Station];
    const tv = await open(`ws://127.0.0.1:${b.port}/ws`);
    tv.send({ type: 'tv.hello' });
    const welcome = await tv.next('tv.welcome');
    const phones = await Promise.all([a, b].map((s) => open(`ws://127.0.0.1:${s.port}/ws`)));
    for (const p of phones) p.send({ type: 'phone.pair', code: welcome.pairingCode, name: 'Racer' });
    const replies = await Promise.all(phones.map((p) => Promise.race([p.next('phone.paired'), p.next('error')])));
    expect(replies.map((r) => r.type).sort()).toEqual(['error', 'phone.paired']);
    expect(replies.find((r) => r.type === 'error')).toMatchObject({ code: 'bad-code' });
    for (const p of [tv, ...phones]) p.ws.close();
  }, 60_000);

  it('one instance leads the channel; listeners on both hear the same and are told the same now-playing', async () => {
    const [a, b] = stations as [Station, Station];
    expect([a.lease.isLeader('radio-optimism'), b.lease.isLeader('radio-optimism')].sort()).toEqual([false, true]);
    const subscribers = await Promise.all([a, b].map((s) => open(`ws://127.0.0.1:${s.port}/ws`)));
    for (const sub of subscribers) sub.send({ type: 'channel.subscribe', channel: 'radio-optimism' });
    // Songs of 6 s: within a minute the song changes several times, and both instances say so alike.
    const changes = (frames: Frame[]) => frames.filter((f) => f.type === 'channel.now' && f.current).map((f) => JSON.stringify(f.current));
    await until(() => subscribers.every((sub) => new Set(changes(sub.frames)).size >= 3), 60_000).catch((e: Error) => {
      throw new Error(`${e.message}: ${subscribers.map((sub) => JSON.stringify(sub.frames).slice(0, 1500)).join('\n')}`);
    });
    const [onA, onB] = subscribers.map((sub) => [...new Set(changes(sub.frames))]) as [string[], string[]];
    const common = onA.filter((c) => onB.includes(c));
    expect(common.length).toBeGreaterThanOrEqual(2);
    // The same live playlist from both (retried across the moment a new segment appears).
    const get = async (s: Station) => (await fetch(`http://127.0.0.1:${s.port}/live/radio-optimism/128k.m3u8`)).text();
    let same = false;
    for (let tries = 0; !same && tries < 20; tries++) {
      const [pa, pb] = await Promise.all([get(a), get(b)]);
      same = pa === pb && pa.includes('#EXTINF');
      if (!same) await new Promise((r) => setTimeout(r, 300));
    }
    expect(same).toBe(true);
    for (const sub of subscribers) sub.ws.close();
  }, 180_000);
});

async function waitFor(frames: Frame[], match: (f: Frame) => boolean, timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = frames.find(match);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no matching frame; got ${JSON.stringify(frames).slice(0, 2000)}`);
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}
