// Takes with the song queue at the unit's edge and a real SQLite file: the same words each time with
// a new seed, at most MAX_TAKES a group, only the phone's own group, sending hands over that exact
// song, and a restart while the phone is choosing keeps its group.
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_TAKES, type SongRequest } from '@radio-optimism/shared';
import type { PhoneRecord, SongRecord, Store } from '../library/store.js';
import { openSqliteStore } from '../library/sqlite-store.js';
import type { SongQueue, SongJobSpec } from '../songs/song-queue.js';
import type { Dedications } from './dedications.js';
import { createTakes, type Takes } from './takes.js';

const phone = { id: 'p1', tvId: 'tv1' } as PhoneRecord;
const other = { id: 'p2', tvId: 'tv1' } as PhoneRecord;
const request: SongRequest = { message: 'thank you', to: 'Ana', genre: 'pop', vibe: 'calm', language: 'en' };

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

/** A station's takes on the library in `dir`: its queue makes each song at once (into the library). */
function station(dir: string, options: { now?: () => number; log?: (line: string) => void } = {}) {
  const store = openSqliteStore(dir, { log: () => undefined });
  stores.push(store);
  const submitted: SongJobSpec[] = [];
  const frames: { phoneId: string; frame: Record<string, unknown> }[] = [];
  const delivered: { songId: string; target: string; seed?: number }[] = [];
  const queue = {
    listen: () => () => undefined,
    full: async () => undefined,
    submit: async (spec: SongJobSpec) => {
      submitted.push(spec);
      return { id: spec.id! };
    },
    wait: async (id: string) => {
      const spec = submitted.find((s) => s.id === id)! as Extract<SongJobSpec, { type: 'song' }>;
      const song = await store.songs.add(id, { title: `T ${id}`, durationSec: 60, language: 'en', genre: 'pop', vibe: 'calm', theme: 'thanks', seed: spec.request.seed!, request: spec.request }, 'private');
      return { type: 'song' as const, song };
    },
  } as unknown as SongQueue;
  const dedications = { deliver: async (_p: PhoneRecord, r: SongRequest, target: string, song: SongRecord) => void delivered.push({ songId: song.id, target, seed: r.seed }) } as unknown as Dedications;
  const takes: Takes = createTakes({ store, queue, dedications: () => dedications, toPhone: (phoneId, frame) => frames.push({ phoneId, frame: frame as Record<string, unknown> }), draft: async () => 'the drafted words for Ana', log: options.log ?? (() => undefined), ...(options.now ? { now: options.now } : {}) });
  const settled = () => new Promise((r) => setTimeout(r, 20));
  const ready = () => frames.filter((f) => f.frame.type === 'take.ready').map((f) => f.frame);
  return { store, takes, submitted, frames, delivered, settled, ready };
}

async function library(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'takes-'));
  dirs.push(dir);
  return dir;
}

describe('takes', () => {
  it('sings the same words with a new seed each take, up to the limit', async () => {
    const { takes, submitted, frames, settled } = station(await library());
    expect(await takes.create(phone, { ...request, seed: 5 })).toBeUndefined();
    const group = frames.find((f) => f.frame.type === 'take.accepted')!.frame.group as string;
    for (let i = 1; i < MAX_TAKES; i++) expect(await takes.another(phone, group)).toBeUndefined();
    expect(await takes.another(phone, group)).toMatchObject({ code: 'too-many-takes' });
    const requests = submitted.map((s) => (s as Extract<SongJobSpec, { type: 'song' }>).request);
    expect(requests.length).toBe(MAX_TAKES);
    expect(requests[0]!.seed).toBe(5);
    expect(new Set(requests.map((r) => r.seed)).size).toBe(MAX_TAKES);
    // The writer's words are fixed with the first take, so every take sings them.
    expect(requests.every((r) => r.lyrics === 'the drafted words for Ana')).toBe(true);
    expect(submitted.every((s) => s.type === 'song' && s.kind === 'private')).toBe(true);
    await settled();
    expect(frames.filter((f) => f.frame.type === 'take.ready').map((f) => f.frame.take)).toEqual([1, 2, 3]);
  });

  it('keeps a phone to its own takes, and sends the exact song chosen', async () => {
    const { takes, frames, delivered, settled, ready } = station(await library());
    await takes.create(phone, { ...request, lyrics: 'my own words for Ana' });
    const group = frames[0]!.frame.group as string;
    expect(await takes.another(other, group)).toMatchObject({ code: 'unknown-take' });
    await takes.another(phone, group);
    await settled();
    const take2 = ready().find((f) => f.take === 2)!;
    const id = take2.id as string;
    expect(await takes.send(other, id, 'tv')).toMatchObject({ code: 'unknown-take' });
    expect(await takes.send(phone, id, 'tv')).toBeUndefined();
    expect(await takes.send(phone, id, 'tv')).toMatchObject({ code: 'unknown-take' });
    expect(delivered).toEqual([{ songId: id, target: 'tv', seed: take2.seed }]);
  });

  it('keeps the group across a restart: another take continues it, and the chosen one is sent', async () => {
    const dir = await library();
    const before = station(dir);
    await before.takes.create(phone, { ...request, seed: 11 });
    const group = before.frames[0]!.frame.group as string;
    await before.takes.another(phone, group);
    await before.settled();
    const [take1, take2] = before.ready();
    before.takes.destroy();
    await before.store.close();
    stores.splice(stores.indexOf(before.store), 1);

    const after = station(dir);
    // The third take is numbered after the two made before the restart, with a seed of its own.
    expect(await after.takes.another(phone, group)).toBeUndefined();
    const accepted = after.frames.find((f) => f.frame.type === 'take.accepted')!.frame;
    expect(accepted).toMatchObject({ group, take: 3 });
    expect([take1!.seed, take2!.seed]).not.toContain(accepted.seed);
    expect((after.submitted[0] as Extract<SongJobSpec, { type: 'song' }>).request.lyrics).toBe('the drafted words for Ana');
    expect(await after.takes.another(phone, group)).toMatchObject({ code: 'too-many-takes' });
    // The phone sends take 1, made before the restart; once per target.
    expect(await after.takes.send(phone, take1!.id as string, 'radio')).toBeUndefined();
    expect(await after.takes.send(phone, take1!.id as string, 'radio')).toMatchObject({ code: 'unknown-take' });
    expect(after.delivered).toEqual([{ songId: take1!.id, target: 'radio', seed: 11 }]);
  });

  it('forgets groups older than a day as new ones begin', async () => {
    let clock = 1_000_000_000;
    const lines: string[] = [];
    const { takes, frames } = station(await library(), { now: () => clock, log: (l) => lines.push(l) });
    await takes.create(phone, request);
    const old = frames[0]!.frame.group as string;
    clock += 24 * 3600_000 + 1;
    await takes.create(phone, request);
    expect(await takes.another(phone, old)).toMatchObject({ code: 'unknown-take' });
    expect(lines.some((l) => /forgot 1 take groups/.test(l))).toBe(true);
  });
});
